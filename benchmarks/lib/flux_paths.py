#!/usr/bin/env python3
"""Prints the Flux Kustomization paths of a tree, found the way Flux finds them: the entry folder, then the
spec.path of every Flux Kustomization its build declares, breadth first. A folder without a kustomization file gets
the one Flux generates (kustomize-controller's scanManifests: every .yaml/.yml file, subfolders with a kustomization
file as folders), written into the folder, so run this on a scratch copy of the tree.

Usage: flux_paths.py REPO ENTRY > paths
"""
import os
import subprocess
import sys

import yaml

NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def has_kustomization(folder):
    return any(os.path.isfile(os.path.join(folder, n)) for n in NAMES)


def scan(folder, base, out):
    entries = sorted(os.listdir(folder))
    for name in entries:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and name.endswith((".yaml", ".yml")):
            out.append(os.path.relpath(path, base))
    for name in entries:
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not name.startswith("."):
            if has_kustomization(path):
                out.append(os.path.relpath(path, base))
            else:
                scan(path, base, out)


def main(repo, entry):
    seen, queue = [], [entry]
    while queue:
        path = os.path.normpath(queue.pop(0).lstrip("./") or ".")
        folder = os.path.join(repo, path)
        if path in seen or not os.path.isdir(folder):
            continue
        seen.append(path)
        if not has_kustomization(folder):
            resources = []
            scan(folder, folder, resources)
            with open(os.path.join(folder, "kustomization.yaml"), "w", encoding="utf-8") as f:
                yaml.safe_dump({"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
                                "resources": resources}, f)
        build = subprocess.run(["kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", folder],
                               capture_output=True, text=True, check=False)
        if build.returncode != 0:
            print(f"flux_paths: {path} does not build: {build.stderr.strip()[:300]}", file=sys.stderr)
            continue
        # BaseLoader: kustomize output may hold YAML 1.1 oddities ('=' as a value) that the safe loader rejects.
        for doc in yaml.load_all(build.stdout, Loader=yaml.BaseLoader):
            if (isinstance(doc, dict) and doc.get("kind") == "Kustomization"
                    and "toolkit.fluxcd.io" in doc.get("apiVersion", "")
                    and isinstance(doc.get("spec"), dict) and doc["spec"].get("path")):
                queue.append(doc["spec"]["path"])
    print("\n".join(seen))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
