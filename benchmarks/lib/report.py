#!/usr/bin/env python3
"""Prints the figures of benchmarks/validate.sh side by side: per tree the loop, cold and warm medians with their
CPU time (hyperfine's mean user + system time, children included) and the ratios against the loop; the time per
Kustomization of the generated trees (equal figures mean linear growth); then the small commands.

Usage: report.py INDEX CHANGED_JSON   (INDEX lines: TREE COUNT HYPERFINE_JSON)
"""
import json
import sys

TARGET_COLD, TARGET_WARM = 0.5, 0.1


def results(path):
    return {r["command"]: r for r in json.load(open(path, encoding="utf-8"))["results"]}


def ms(r):
    return r["median"] * 1000


def cpu(r):
    return (r["user"] + r["system"]) * 1000


def verdict(ratio, target):
    return "met" if ratio <= target else "NOT met"


def main(index, changed):
    rows = [line.split() for line in open(index, encoding="utf-8") if line.strip()]
    print()
    print(f"{'tree':<16}{'ks':>5}  {'loop ms (cpu)':>16}  {'cold ms (cpu)':>16}  {'cold/loop':>10}  "
          f"{'warm ms (cpu)':>16}  {'warm/loop':>10}  {'cpu cold/loop':>13}")
    per_ks = []
    for tree, count, path in rows:
        r = results(path)
        loop, cold, warm = r["loop"], r["cold"], r["warm"]
        cold_ratio, warm_ratio = ms(cold) / ms(loop), ms(warm) / ms(loop)
        print(f"{tree:<16}{count:>5}  {ms(loop):>7.0f} ({cpu(loop):>6.0f})  {ms(cold):>7.0f} ({cpu(cold):>6.0f})  "
              f"{cold_ratio:>10.2f}  {ms(warm):>7.0f} ({cpu(warm):>6.0f})  {warm_ratio:>10.2f}  {cpu(cold) / cpu(loop):>13.2f}   "
              f"cold {verdict(cold_ratio, TARGET_COLD)} (<= {TARGET_COLD}), warm {verdict(warm_ratio, TARGET_WARM)} (<= {TARGET_WARM})")
        if "cold baseline" in r:
            cb, wb = r["cold baseline"], r["warm baseline"]
            print(f"{'  baseline':<16}{'':>5}  {'':>16}  {ms(cb):>7.0f} ({cpu(cb):>6.0f})  {ms(cb) / ms(loop):>10.2f}  "
                  f"{ms(wb):>7.0f} ({cpu(wb):>6.0f})  {ms(wb) / ms(loop):>10.2f}  {cpu(cb) / cpu(loop):>13.2f}   "
                  f"this build / baseline: cold {ms(cold) / ms(cb):.2f}, warm {ms(warm) / ms(wb):.2f}")
        if tree.startswith("generated:"):
            per_ks.append((tree, int(count), ms(loop) / int(count), ms(cold) / int(count)))
    if per_ks:
        print()
        for tree, count, loop, cold in per_ks:
            print(f"{tree}: {count} Kustomizations, loop {loop:.1f} ms and cold validate {cold:.1f} ms per Kustomization")
        if len(per_ks) > 1:
            first, last = per_ks[0], per_ks[-1]
            print(f"growth from {first[1]} to {last[1]} Kustomizations: cold validate per Kustomization x{last[3] / first[3]:.2f} "
                  f"(1.00 is linear), loop x{last[2] / first[2]:.2f}")
    print()
    own_loop = next((ms(results(path)["loop"]) for tree, _, path in rows if tree == "own"), None)
    small = results(changed)
    plain = small.get("validate after a one-file change")
    for name, r in small.items():
        changed_only = name.startswith("validate --changed-only")
        target = 150 if name == "config validate" else 300 if changed_only or name == "validate after a one-file change" else None
        suffix = f" (target <= {target} ms: {'met' if ms(r) <= target else 'NOT met'})" if target else ""
        if changed_only:
            suffix += f"; x{ms(r) / ms(plain):.2f} of validate after a one-file change" if plain else ""
            suffix += f"; {ms(r) / own_loop:.3f}x the loop over this repository" if own_loop else ""
        print(f"{name}: median {ms(r):.0f} ms, cpu {cpu(r):.0f} ms{suffix}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
