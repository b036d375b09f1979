#!/usr/bin/env bash
# Checks `swift package new-policy` end to end, on a copy of the repository (the working tree is
# never touched):
#   - a bad name, a reserved name and a taken name are refused, with a message, writing nothing;
#   - a module with the default point and one with every point are created; their files pass
#     `swift format lint --strict`; the package builds; their tests (conformance kit and one test per
#     rule) and the list/folder check pass; `charter modules` lists both; and `charter test` passes
#     their policy test cases with every rule covered.
# Usage: scripts/check-scaffold.sh            (KEEP=1 keeps the scratch copy for a look afterwards)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export LANG=C.UTF-8

work="$(mktemp -d "${TMPDIR:-/tmp}/charter-scaffold.XXXXXX")"
if [[ "${KEEP:-0}" == 1 ]]; then
    echo "check-scaffold: the scratch copy is kept in $work"
else
    trap 'rm -rf "$work"' EXIT
fi

fail() {
    echo "check-scaffold: FAILED: $*" >&2
    exit 1
}
step() { printf '\n--- %s\n' "$*"; }

step "copy the repository (tracked and untracked, not ignored, files) to $work"
(
    cd "$root"
    git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' file; do [[ -f "$file" ]] && printf '%s\0' "$file"; done |
        tar --null -T - -cf - | tar -xf - -C "$work"
)
cd "$work"

snapshot() { find Package.swift Policies Tests -type f | sort | xargs sha256sum; }

# new_policy EXPECTED_STATUS MESSAGE_PATTERN ARGS...: runs the plugin, checks its status and output.
new_policy() {
    local expect="$1" pattern="$2"
    shift 2
    local status=0
    swift package --allow-writing-to-package-directory new-policy "$@" >"$work/.plugin.log" 2>&1 || status=$?
    cat "$work/.plugin.log"
    if [[ "$expect" == ok && "$status" -ne 0 ]]; then fail "new-policy $* exited $status"; fi
    if [[ "$expect" == refused && "$status" -eq 0 ]]; then fail "new-policy $* was not refused"; fi
    grep -q -- "$pattern" "$work/.plugin.log" || fail "new-policy $* did not say '$pattern'"
}

# refused ARGS... PATTERN: the plugin refuses and nothing changes.
refused() {
    local pattern="${*: -1}"
    local before after
    before="$(snapshot)"
    new_policy refused "$pattern" "${@:1:$#-1}"
    after="$(snapshot)"
    [[ "$before" == "$after" ]] || fail "new-policy ${*:1:$#-1} was refused but changed files"
    echo "refused as expected, nothing written"
}

step "bad, reserved and taken names are refused"
refused lowercaseName "starts with an uppercase letter"
refused "Bad-Name" "only ASCII letters"
refused CharterExtra "is reserved"
refused PolicyKit "is reserved"
refused ChengduPilot "is taken"
refused DistrictRules --points nowhere "is not an extension point"
mkdir -p Policies/Leftover
refused Leftover "'Policies/Leftover' already exists"
rmdir Policies/Leftover

step "a module with the default point, and one with every point"
new_policy ok "Created the policy module 'ScaffoldDefault'" ScaffoldDefault
new_policy ok "Created the policy module 'ScaffoldAll'" ScaffoldAll --points all
grep -q '"ScaffoldDefault",' Package.swift || fail "Package.swift does not list ScaffoldDefault"
grep -q '"ScaffoldAll",' Package.swift || fail "Package.swift does not list ScaffoldAll"
for file in Policies/ScaffoldDefault/ScaffoldDefault.swift Policies/ScaffoldDefault/ScaffoldDefault+MemberManagement.swift \
    Policies/ScaffoldDefault/README.md \
    Tests/PolicyTests/ScaffoldDefaultTests/ScaffoldDefaultTests.swift Tests/PolicyCases/ScaffoldDefault/basic.json \
    Policies/ScaffoldAll/ScaffoldAll+Stage.swift Policies/ScaffoldAll/ScaffoldAll+Governance.swift; do
    [[ -f "$file" ]] || fail "$file was not created"
done
[[ ! -e Policies/ScaffoldDefault/ScaffoldDefault+Stage.swift ]] || fail "the default module got a stage file"

step "a taken name is refused once the module exists"
refused ScaffoldDefault "is taken"

step "swift format lint --strict on the generated files and Package.swift"
swift format lint --strict Package.swift Policies/ScaffoldDefault Policies/ScaffoldAll \
    Tests/PolicyTests/ScaffoldDefaultTests Tests/PolicyTests/ScaffoldAllTests --recursive

step "swift build"
swift build

step "swift test --filter ScaffoldDefaultTests|ScaffoldAllTests|PackageLayoutTests"
swift test --filter 'ScaffoldDefaultTests|ScaffoldAllTests|PackageLayoutTests' 2>&1 | tee "$work/.test.log"
grep -Eq 'Test run with [0-9]+ tests? .*passed' "$work/.test.log" || fail "the new modules' tests did not pass"

step "charter modules lists both"
.build/debug/charter modules | tee "$work/.modules.log"
grep -Eq '^ScaffoldDefault +0\.1\.0 +member_management ' "$work/.modules.log" || fail "charter modules does not list ScaffoldDefault"
grep -Eq '^ScaffoldAll +0\.1\.0 +stage,branch_setup,member_management,cadre_selection,points,governance ' \
    "$work/.modules.log" || fail "charter modules does not list ScaffoldAll with every point"
.build/debug/charter modules describe ScaffoldDefault

step "charter test passes their policy test cases, every rule covered"
.build/debug/charter test Tests/PolicyCases/ScaffoldDefault Tests/PolicyCases/ScaffoldAll --coverage --min-coverage 100

echo
echo "check-scaffold: OK"
