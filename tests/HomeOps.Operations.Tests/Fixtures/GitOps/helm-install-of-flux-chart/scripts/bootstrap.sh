#!/usr/bin/env bash
set -euo pipefail
helm repo add charts https://charts.example.com
# Hand-over: the HelmRelease's own release name and namespace.
helm install web-chart charts/web --namespace demo --version 1.0.0
helm upgrade --install web-bootstrap charts/web \
  --namespace demo --version 1.0.0
