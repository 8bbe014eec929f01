#!/usr/bin/env python3
"""Compacts the Kubernetes OpenAPI (swagger 2.0) document into the schema set `homeops validate` embeds.

Input: the upstream, unprocessed OpenAPI document of one Kubernetes minor release, e.g. for 1.31
  git -C <kubernetes-client/python clone> show v31.0.0:kubernetes/swagger.json.unprocessed > swagger.json
(the python client's v31.0.0 tag is generated from kubernetes release-1.31). Output: JSON with every
definition minus descriptions, the group/version/kind -> definition map, and which kinds are namespaced
(derived from the API paths: a kind served under /namespaces/{namespace}/ is namespaced).

Usage: compact-kubernetes-openapi.py swagger.json 1.31 > src/HomeOps.Core/GitOps/Schemas/kubernetes-v1.31.json
"""
import json
import sys

KEEP = {"type", "format", "properties", "required", "items", "additionalProperties", "$ref", "enum",
        "x-kubernetes-group-version-kind", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields"}


def strip(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "properties":
                out[key] = {name: strip(prop) for name, prop in value.items()}
            elif key in KEEP:
                out[key] = strip(value)
        if "$ref" in out:
            out["$ref"] = out["$ref"].removeprefix("#/definitions/")
        return out
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main():
    source, version = sys.argv[1], sys.argv[2]
    doc = json.load(open(source))
    definitions = {name: strip(d) for name, d in sorted(doc["definitions"].items())}
    kinds = {}
    for name, d in doc["definitions"].items():
        for gvk in d.get("x-kubernetes-group-version-kind", []):
            group, ver, kind = gvk.get("group", ""), gvk["version"], gvk["kind"]
            api = f"{group}/{ver}" if group else ver
            # Shared types (DeleteOptions, WatchEvent, ...) list many GVKs; only keep a kind's own definition.
            if name.endswith("." + kind):
                kinds[f"{api}/{kind}"] = name
    namespaced = set()
    for path, item in doc["paths"].items():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            gvk = op.get("x-kubernetes-group-version-kind")
            if gvk and "{namespace}" in path:
                group = gvk.get("group", "")
                api = f"{group}/{gvk['version']}" if group else gvk["version"]
                namespaced.add(f"{api}/{gvk['kind']}")
    for d in definitions.values():
        d.pop("x-kubernetes-group-version-kind", None)
    # Quantity is written as a string in the document but the server also accepts numbers (cpu: 1, storage: 10).
    definitions["io.k8s.apimachinery.pkg.api.resource.Quantity"]["format"] = "quantity"
    out = {
        "kubernetesVersion": version,
        "source": "kubernetes OpenAPI v2 document (release-" + version + "), as published in kubernetes-client/python",
        "kinds": {k: {"definition": v, "namespaced": k in namespaced} for k, v in sorted(kinds.items())},
        "definitions": definitions,
    }
    json.dump(out, sys.stdout, separators=(",", ":"), sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
