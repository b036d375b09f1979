#!/usr/bin/env python3
"""Checks that no library product of the Charter package carries unsafeFlags in its closure.

SwiftPM refuses unsafeFlags in any target a versioned (remote) dependency brings in, so a product
whose closure holds one (the SHA instructions' target did, through CharterData) cannot be used
from a district's own package by version. Reads `swift package dump-package` on stdin.
Usage: swift package dump-package | scripts/check-products.py
"""
import json
import sys

package = json.load(sys.stdin)
targets = {target["name"]: target for target in package["targets"]}


def closure(name, seen):
    if name in seen or name not in targets:
        return seen
    seen.add(name)
    for dependency in targets[name]["dependencies"]:
        for kind in ("byName", "target"):
            if kind in dependency:
                closure(dependency[kind][0], seen)
    return seen


failures = []
for product in package["products"]:
    if "library" not in product["type"]:
        continue
    names = set()
    for target in product["targets"]:
        closure(target, names)
    for name in sorted(names):
        flagged = [s for s in targets[name].get("settings", []) if "unsafeFlags" in s["kind"]]
        if flagged:
            failures.append(f"product {product['name']}: target {name} has unsafeFlags")
    print(f"product {product['name']}: {len(names)} targets, " + ", ".join(sorted(names)))

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("no library product carries unsafeFlags")
