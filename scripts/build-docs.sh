#!/usr/bin/env bash
# Builds PolicyKit's DocC documentation with the toolchain's own tools (no swift-docc-plugin):
#   1. builds the PolicyKit package alone, in its own scratch folder (so the main .build keeps its
#      flags and is not rebuilt), and extracts its symbol graph with swift-symbolgraph-extract;
#   2. fails when a public symbol declared in Sources/PolicyKit has no doc comment
#      (scripts/check-doc-comments.swift);
#   3. runs `docc convert` over Sources/PolicyKit/Documentation.docc with --warnings-as-errors, so a
#      broken symbol or article link fails the build.
# The site is written to .build/docs (static hosting layout): serve it with any static server,
# e.g. `python3 -m http.server -d .build/docs`, and open /documentation/policykit.
# Usage: scripts/build-docs.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export LANG=C.UTF-8

catalog=Sources/PolicyKit/Documentation.docc
scratch=.build/policykit-docs
graphs=.build/symbol-graphs
out=.build/docs

echo "--- swift build --package-path Sources/PolicyKit --scratch-path $scratch"
swift build --package-path Sources/PolicyKit --scratch-path "$scratch"
bin="$(swift build --package-path Sources/PolicyKit --scratch-path "$scratch" --show-bin-path)"
triple="$(swiftc -print-target-info | sed -n 's/^ *"triple": "\(.*\)",$/\1/p' | head -n 1)"
[[ -n "$triple" ]] || { echo "build-docs: could not read the target triple from swiftc -print-target-info" >&2; exit 1; }

echo "--- swift-symbolgraph-extract -module-name PolicyKit ($triple)"
rm -rf "$graphs" "$out"
mkdir -p "$graphs"
swift-symbolgraph-extract -module-name PolicyKit -I "$bin/Modules" -I "$bin" -target "$triple" \
    -minimum-access-level public -output-dir "$graphs"

echo "--- every public symbol of PolicyKit has a doc comment"
swift scripts/check-doc-comments.swift "$graphs" Sources/PolicyKit

echo "--- docc convert $catalog --warnings-as-errors"
docc convert "$catalog" --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name PolicyKit --fallback-bundle-identifier org.charter.PolicyKit \
    --output-path "$out" --transform-for-static-hosting --warnings-as-errors
[[ -f "$out/data/documentation/policykit.json" ]] || { echo "build-docs: docc wrote no PolicyKit page" >&2; exit 1; }
for article in writingapolicymodule selectingpoliciesforadistrict comparingpolicies; do
    [[ -f "$out/data/documentation/policykit/$article.json" ]] ||
        { echo "build-docs: the article '$article' is missing from $out" >&2; exit 1; }
done
echo "build-docs: OK, documentation in $out (open /documentation/policykit on a static server)"
