#!/usr/bin/env bash
# Checks that a policy module built outside the repository's Policies/, in a package of its own
# (Examples/ExternalModule), builds, passes its tests, and is loaded and run by `charter`:
#   - `charter modules --module-path Examples/ExternalModule/.build/debug` lists DistrictVariant
#     (so the compiler and PolicyKit interface handshake accepted it);
#   - `charter profile check` resolves Examples/ExternalModule/profile.json, which selects it;
#   - `charter run` with that profile decides every member of a generated district with it.
# Usage: scripts/check-external-module.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export LANG=C.UTF-8

external=Examples/ExternalModule
modules="$external/.build/debug"
charter=.build/debug/charter
work="$(mktemp -d "${TMPDIR:-/tmp}/charter-external.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "check-external-module: FAILED: $*" >&2
    exit 1
}
step() { printf '\n--- %s\n' "$*"; }

step "swift format lint --strict $external"
swift format lint --strict --recursive "$external/Package.swift" "$external/Sources" "$external/Tests"

step "swift build (charter and the modules of Policies/)"
swift build

step "swift build and swift test in $external"
(cd "$external" && swift build && swift test)
[[ -f "$modules/libDistrictVariant.so" ]] || fail "$modules/libDistrictVariant.so was not built"

step "charter modules --module-path $modules"
"$charter" modules --module-path "$modules" | tee "$work/modules.txt"
grep -Eq "^DistrictVariant +1\.0\.0 +member_management +5 +$modules/libDistrictVariant\.so$" "$work/modules.txt" ||
    fail "charter modules does not list DistrictVariant from $modules"

step "charter modules describe DistrictVariant (the versions the handshake accepted)"
"$charter" modules describe DistrictVariant --module-path "$modules" --lang en | tee "$work/describe.txt"
grep -q "PolicyKit interface" "$work/describe.txt" || fail "describe does not show the module's versions"

step "charter profile check $external/profile.json"
"$charter" profile check "$external/profile.json" --lang en | tee "$work/check.txt"
grep -Eq '^member_management +all stages +DistrictVariant@1\.0\.0 +mobileAfterMonths=3' "$work/check.txt" ||
    fail "the profile does not select DistrictVariant for member_management"

step "charter run over a generated district"
"$charter" generate --communities 5 --members 300 --seed 1 --out "$work/district"
"$charter" run --profile "$external/profile.json" --data "$work/district" --out "$work/out" \
    --module-path "$modules" --lang en
decided="$(grep -c '"point":"member_management".*"module":"DistrictVariant@1.0.0"' "$work/out/decisions.jsonl" || true)"
[[ "$decided" == 300 ]] || fail "DistrictVariant made $decided member_management decisions, not 300"
grep -q 'DistrictVariant' "$work/out/run.json" || fail "run.json does not record DistrictVariant"
grep -q '"rules":\["variant\.' "$work/out/decisions.jsonl" || fail "no decision fired a DistrictVariant rule"

echo
echo "check-external-module: OK ($decided member_management decisions by DistrictVariant)"
