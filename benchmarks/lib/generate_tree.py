#!/usr/bin/env python3
"""Writes a Flux tree laid out the way public home-ops repositories are (not the way HomeOps lays out its own):
kubernetes/flux/cluster holds one Kustomization over kubernetes/apps, which has no kustomization file (Flux generates
it); each namespace folder lists its Namespace and its apps' ks.yaml files; each app is a Flux Kustomization with a
targetNamespace, a shared component, post-build variables and a dependsOn, over a folder with a HelmRelease and an
OCIRepository, and every third app adds a Deployment, a Service and a generated ConfigMap.

Usage: generate_tree.py DIR KUSTOMIZATIONS   (KUSTOMIZATIONS counts every Flux Kustomization, the entry's included)
Entry: kubernetes/flux/cluster
"""
import os
import sys

APPS_PER_NAMESPACE = 10


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text.lstrip("\n"))


def main(root, total):
    apps = max(1, total - 1)
    write(root, "kubernetes/flux/cluster/ks.yaml", """
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: cluster-apps
  namespace: flux-system
spec:
  interval: 1h
  path: ./kubernetes/apps
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
""")
    write(root, "kubernetes/flux/cluster/flux-instance.yaml", """
---
apiVersion: fluxcd.controlplane.io/v1
kind: FluxInstance
metadata:
  name: flux
  namespace: flux-system
spec:
  distribution:
    version: 2.6.x
    registry: ghcr.io/fluxcd
  components:
    - source-controller
    - kustomize-controller
    - helm-controller
    - notification-controller
""")
    write(root, "kubernetes/components/common/kustomization.yaml", """
---
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
  - ./alerts.yaml
""")
    write(root, "kubernetes/components/common/alerts.yaml", """
---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Alert
metadata:
  name: ${APP}
spec:
  providerRef:
    name: alert-manager
  eventSeverity: error
  eventSources:
    - kind: HelmRelease
      name: ${APP}
""")
    namespaces = {}
    for i in range(apps):
        namespaces.setdefault(f"ns-{i // APPS_PER_NAMESPACE:02d}", []).append(f"app-{i:03d}")
    for ns, names in namespaces.items():
        write(root, f"kubernetes/apps/{ns}/namespace.yaml", f"""
---
apiVersion: v1
kind: Namespace
metadata:
  name: {ns}
""")
        resources = "\n".join(["  - ./namespace.yaml"] + [f"  - ./{n}/ks.yaml" for n in names])
        write(root, f"kubernetes/apps/{ns}/kustomization.yaml", f"""
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
{resources}
""")
        for index, name in enumerate(names):
            depends = f"""
  dependsOn:
    - name: {names[index - 1]}
      namespace: flux-system""" if index > 0 else ""
            write(root, f"kubernetes/apps/{ns}/{name}/ks.yaml", f"""
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: {name}
  namespace: flux-system
spec:
  targetNamespace: {ns}
  commonMetadata:
    labels:
      app.kubernetes.io/name: {name}
  components:
    - ../../../../components/common
  path: ./kubernetes/apps/{ns}/{name}/app
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
  interval: 1h
  timeout: 10m
  wait: true{depends}
  postBuild:
    substitute:
      APP: {name}
      CLUSTER_DOMAIN: example.org
""")
            app_resources = ["./helmrelease.yaml", "./ocirepository.yaml"]
            extra = index % 3 == 0
            if extra:
                app_resources += ["./deployment.yaml", "./service.yaml"]
            listed = "\n".join(f"  - {r}" for r in app_resources)
            generator = f"""
configMapGenerator:
  - name: {name}-config
    files:
      - ./config/settings.yaml
generatorOptions:
  disableNameSuffixHash: true""" if extra else ""
            write(root, f"kubernetes/apps/{ns}/{name}/app/kustomization.yaml", f"""
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
{listed}{generator}
""")
            write(root, f"kubernetes/apps/{ns}/{name}/app/ocirepository.yaml", f"""
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: {name}
spec:
  interval: 15m
  layerSelector:
    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
    operation: copy
  ref:
    tag: 4.1.2
  url: oci://ghcr.io/bjw-s-labs/helm/app-template
""")
            write(root, f"kubernetes/apps/{ns}/{name}/app/helmrelease.yaml", f"""
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: {name}
spec:
  chartRef:
    kind: OCIRepository
    name: {name}
  interval: 1h
  values:
    controllers:
      {name}:
        containers:
          app:
            image:
              repository: ghcr.io/home-operations/{name}
              tag: 1.{index}.0@sha256:{index:064x}
            env:
              TZ: Etc/UTC
            resources:
              requests:
                cpu: 10m
              limits:
                memory: 256Mi
    service:
      app:
        ports:
          http:
            port: 8080
    route:
      app:
        hostnames: ["{name}.${{CLUSTER_DOMAIN}}"]
""")
            if extra:
                write(root, f"kubernetes/apps/{ns}/{name}/app/config/settings.yaml", f"""
log_level: info
listen: ":8080"
name: {name}
""")
                write(root, f"kubernetes/apps/{ns}/{name}/app/deployment.yaml", f"""
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}-worker
  labels:
    app.kubernetes.io/name: {name}-worker
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}-worker
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}-worker
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: worker
          image: ghcr.io/home-operations/{name}-worker:1.0.{index}@sha256:{index + 1:064x}
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 10m
            limits:
              memory: 128Mi
          volumeMounts:
            - name: config
              mountPath: /config
      volumes:
        - name: config
          configMap:
            name: {name}-config
""")
                write(root, f"kubernetes/apps/{ns}/{name}/app/service.yaml", f"""
---
apiVersion: v1
kind: Service
metadata:
  name: {name}-worker
spec:
  selector:
    app.kubernetes.io/name: {name}-worker
  ports:
    - name: http
      port: 8080
      targetPort: http
""")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
