#!/usr/bin/env python3
"""Compacts the Kubernetes OpenAPI (swagger 2.0) documents of several minor releases into the one schema pack
`homeops validate` embeds (src/HomeOps.Core/Schema/Kubernetes/kubernetes-apis.json.gz).

Inputs: the upstream, unprocessed OpenAPI document of each minor release, named swagger-1.NN.json, taken from the
kubernetes-client/python tag generated from that release branch (scripts/constants.py KUBERNETES_BRANCH), e.g.
  for t in 31:v31.0.0 32:v32.0.1 33:v33.1.0 34:v34.1.0 35:v35.0.0 36:v36.0.3; do
    git -C <kubernetes-client/python clone> show ${t#*:}:kubernetes/swagger.json.unprocessed > swagger-1.${t%%:*}.json
  done

Output (gzip of one JSON document):
  versions     the minor releases, oldest first
  bodies       every distinct definition body, minus descriptions (upstream definitions repeat across releases)
  definitions  name -> [[first version index, body index or -1 when the release has no such definition], ...]
  kinds        "group/version/Kind" -> {definition, namespaced, served: one character per release, "1" or "0"}
  removed      built-in APIs removed before the oldest release, from the Deprecated API Migration Guide
               (https://kubernetes.io/docs/reference/using-api/deprecation-guide/), for the removed-API rule

A kind is namespaced when the document serves it under /namespaces/{namespace}/. The upstream documents are generated
with every alpha and beta API enabled and without enums (hack/update-openapi-spec.sh), so "served" means "in the
release's API", not "enabled by default".

Usage: compact-kubernetes-openapi.py DIR > kubernetes-apis.json; gzip -9n kubernetes-apis.json
"""
import json
import os
import sys

KEEP = {"type", "format", "properties", "required", "items", "additionalProperties", "$ref", "enum",
        "x-kubernetes-group-version-kind", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields"}

# The official guide's removals (kinds by group/version) up to 1.31; later removals come from the documents.
REMOVED = [
    ("1.22", "admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "admissionregistration.k8s.io/v1"),
    ("1.22", "apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "apiextensions.k8s.io/v1"),
    ("1.22", "apiregistration.k8s.io/v1beta1", ["APIService"], "apiregistration.k8s.io/v1"),
    ("1.22", "authentication.k8s.io/v1beta1", ["TokenReview"], "authentication.k8s.io/v1"),
    ("1.22", "authorization.k8s.io/v1beta1", ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview", "SelfSubjectRulesReview"], "authorization.k8s.io/v1"),
    ("1.22", "certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "certificates.k8s.io/v1"),
    ("1.22", "coordination.k8s.io/v1beta1", ["Lease"], "coordination.k8s.io/v1"),
    ("1.22", "extensions/v1beta1", ["Ingress"], "networking.k8s.io/v1"),
    ("1.22", "networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "networking.k8s.io/v1"),
    ("1.22", "rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "rbac.authorization.k8s.io/v1"),
    ("1.22", "scheduling.k8s.io/v1beta1", ["PriorityClass"], "scheduling.k8s.io/v1"),
    ("1.22", "storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "storage.k8s.io/v1"),
    ("1.25", "batch/v1beta1", ["CronJob"], "batch/v1"),
    ("1.25", "discovery.k8s.io/v1beta1", ["EndpointSlice"], "discovery.k8s.io/v1"),
    ("1.25", "events.k8s.io/v1beta1", ["Event"], "events.k8s.io/v1"),
    ("1.25", "autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "autoscaling/v2"),
    ("1.25", "policy/v1beta1", ["PodDisruptionBudget"], "policy/v1"),
    ("1.25", "policy/v1beta1", ["PodSecurityPolicy"], ""),
    ("1.25", "node.k8s.io/v1beta1", ["RuntimeClass"], "node.k8s.io/v1"),
    ("1.26", "flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "flowcontrol.apiserver.k8s.io/v1"),
    ("1.26", "autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "autoscaling/v2"),
    ("1.27", "storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "storage.k8s.io/v1"),
    ("1.29", "flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "flowcontrol.apiserver.k8s.io/v1"),
]


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


def compact(doc):
    """One release: stripped definitions, kind -> definition name, and the namespaced kinds."""
    definitions = {name: strip(d) for name, d in doc["definitions"].items()}
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
    return definitions, kinds, namespaced


def main():
    folder = sys.argv[1]
    names = sorted((f for f in os.listdir(folder) if f.startswith("swagger-1.") and f.endswith(".json")),
                   key=lambda f: int(f[len("swagger-1."):-len(".json")]))
    versions = [f[len("swagger-"):-len(".json")] for f in names]
    bodies, body_index = [], {}
    definitions, kinds = {}, {}
    for vi, file in enumerate(names):
        defs, release_kinds, namespaced = compact(json.load(open(os.path.join(folder, file))))
        for name in sorted(set(defs) | set(definitions)):
            if name in defs:
                key = json.dumps(defs[name], sort_keys=True, separators=(",", ":"))
                if key not in body_index:
                    body_index[key] = len(bodies)
                    bodies.append(defs[name])
                index = body_index[key]
            else:
                index = -1
            history = definitions.setdefault(name, [] if vi == 0 else [[0, -1]])
            if not history or history[-1][1] != index:
                history.append([vi, index])
        for gvk, name in release_kinds.items():
            entry = kinds.setdefault(gvk, {"definition": name, "namespaced": gvk in namespaced, "served": "0" * len(names)})
            if entry["definition"] != name or entry["namespaced"] != (gvk in namespaced):
                sys.exit(f"{gvk} changes definition or scope in {versions[vi]}; the pack cannot say so")
            entry["served"] = entry["served"][:vi] + "1" + entry["served"][vi + 1:]
    removed = [{"apiVersion": api, "kind": kind, "removedIn": release, "replacement": replacement}
               for release, api, kind_list, replacement in REMOVED for kind in kind_list]
    out = {
        "source": "kubernetes OpenAPI v2 documents of release-" + ", release-".join(versions) + ", as published in kubernetes-client/python",
        "versions": versions,
        "bodies": bodies,
        "definitions": dict(sorted(definitions.items())),
        "kinds": dict(sorted(kinds.items())),
        "removed": removed,
    }
    json.dump(out, sys.stdout, separators=(",", ":"), sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
