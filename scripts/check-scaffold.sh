#!/usr/bin/env bash
# Checks `swift package new-policy` end to end, on a copy of the repository (the working tree is
# never touched):
#   - a bad name, a reserved name and a taken name are refused, with a message, writing nothing;
#   - a module with the default point and one with every point are created; their files pass
#     `swift format lint --strict`; the package builds; their tests (conformance kit and one test per
#     rule) and the list/folder check pass; `charter modules` lists both; and `charter test` passes
#     their policy test cases with every rule covered;
#   - with `--package DIR`, a module in a package of its own, outside the copy: a non-empty DIR, a
#     file and a taken name are refused writing nothing; the package holds no `Unsafe`, passes
#     `swift format lint --strict`, builds and passes its tests (against the copy, whose folder is
#     not called Charter); `charter modules` lists it, `charter test` covers its rules, and
#     `charter run` with its profile decides a generated district with it.
# Usage: scripts/check-scaffold.sh            (KEEP=1 keeps the scratch folders for a look afterwards)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export LANG=C.UTF-8

work="$(mktemp -d "${TMPDIR:-/tmp}/charter-scaffold.XXXXXX")"
# The packages of their own live beside the copy, not in it, as a district's would.
packages="$(mktemp -d "${TMPDIR:-/tmp}/charter-scaffold-packages.XXXXXX")"
if [[ "${KEEP:-0}" == 1 ]]; then
    echo "check-scaffold: the scratch copy is kept in $work, the packages in $packages"
else
    trap 'rm -rf "$work" "$packages"' EXIT
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
    swift package --package-path "$work" --allow-writing-to-package-directory new-policy "$@" >"$work/.plugin.log" 2>&1 ||
        status=$?
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

step "no Unsafe, withUnsafe or @exclusivity in the plugin or the modules it wrote"
if grep -rnE 'Unsafe|withUnsafe|@exclusivity' Plugins/NewPolicy Policies/ScaffoldDefault Policies/ScaffoldAll \
    Tests/PolicyTests/ScaffoldDefaultTests Tests/PolicyTests/ScaffoldAllTests; then
    fail "the plugin or the modules it wrote use Unsafe, withUnsafe or @exclusivity"
fi

# --- A package of its own (`--package DIR`), beside the copy.
package="$packages/ScaffoldPackage"
package_snapshot() { (cd "$packages" && find . -print | sort && find . -type f -print0 | sort -z | xargs -0r sha256sum); }

# refused_package ARGS... PATTERN: the plugin refuses; neither the copy nor the packages' folder changes.
refused_package() {
    local before after
    before="$(snapshot; package_snapshot)"
    refused "$@"
    after="$(snapshot; package_snapshot)"
    [[ "$before" == "$after" ]] || fail "new-policy ${*:1:$#-1} was refused but changed files"
}

step "--package: a non-empty folder, a file and a taken name are refused, writing nothing"
mkdir "$packages/taken"
echo "a district's notes" >"$packages/taken/notes.txt"
refused_package ScaffoldPackage --package "$packages/taken" "already exists and is not empty"
echo "not a folder" >"$packages/file"
refused_package ScaffoldPackage --package "$packages/file" "is a file, not a folder"
refused_package ChengduPilot --package "$package" "is taken"
refused_package CharterPackage --package "$package" "is reserved"
[[ ! -e "$package" ]] || fail "a refused new-policy --package created $package"

step "--package: a module with every point in a package of its own (DIR relative to the current folder)"
before="$(snapshot)"
(cd "$packages" && new_policy ok "Created the policy module 'ScaffoldPackage' in a package of its own" \
    ScaffoldPackage --points all --package ScaffoldPackage)
[[ "$before" == "$(snapshot)" ]] || fail "new-policy --package changed the Charter package"
for file in Package.swift Sources/ScaffoldPackage/ScaffoldPackage.swift Sources/ScaffoldPackage/ScaffoldPackage+Stage.swift \
    Sources/ScaffoldPackage/ScaffoldPackage+Governance.swift Tests/ScaffoldPackageTests/ScaffoldPackageTests.swift \
    PolicyCases/basic.json profile.json README.md; do
    [[ -f "$package/$file" ]] || fail "$package/$file was not created"
done
# The copy's folder is charter-scaffold.XXXXXX, not Charter: the explicit name is what SwiftPM matches.
grep -qF ".package(name: \"Charter\", path: \"../../$(basename "$work")\")" "$package/Package.swift" ||
    fail "Package.swift does not depend on the copy by a relative path with the name Charter"
grep -qF ".package(path: \"../../$(basename "$work")/Sources/PolicyKit\")" "$package/Package.swift" ||
    fail "Package.swift does not depend on the copy's PolicyKit by a relative path"
grep -qF 'charter run --profile profile.json' "$package/README.md" || fail "README.md does not say how to run it"

step "--package: no Unsafe, withUnsafe or @exclusivity in the package"
if grep -rnE 'Unsafe|withUnsafe|@exclusivity' "$package/Package.swift" "$package/Sources" "$package/Tests"; then
    fail "the package uses Unsafe, withUnsafe or @exclusivity"
fi

step "--package: swift format lint --strict, swift build and swift test in the package"
(
    cd "$package"
    swift format lint --strict --recursive Package.swift Sources Tests
    swift build
    swift test 2>&1 | tee "$work/.package-test.log"
)
grep -Eq 'Test run with [0-9]+ tests? .*passed' "$work/.package-test.log" || fail "the package's tests did not pass"
modules="$package/.build/debug"
[[ -f "$modules/libScaffoldPackage.so" ]] || fail "$modules/libScaffoldPackage.so was not built"

step "--package: charter modules lists it, charter test covers every rule"
.build/debug/charter modules --module-path "$modules" | tee "$work/.package-modules.log"
grep -Eq "^ScaffoldPackage +0\.1\.0 +stage,branch_setup,member_management,cadre_selection,points,governance +13 +$modules/libScaffoldPackage\.so$" \
    "$work/.package-modules.log" || fail "charter modules does not list ScaffoldPackage from $modules"
.build/debug/charter test "$package/PolicyCases" --module-path "$modules" --coverage --min-coverage 100

step "--package: charter run with its profile decides a generated district with it"
.build/debug/charter generate --communities 4 --members 200 --seed 7 --out "$work/district"
.build/debug/charter run --profile "$package/profile.json" --data "$work/district" --out "$work/out" \
    --module-path "$modules" --lang en
decided="$(grep -c '"module":"ScaffoldPackage@0\.1\.0"' "$work/out/decisions.jsonl" || true)"
total="$(wc -l <"$work/out/decisions.jsonl")"
[[ "$decided" -gt 0 && "$decided" == "$total" ]] ||
    fail "ScaffoldPackage made $decided of the run's $total decisions, not all of them"
managed="$(grep -c '"point":"member_management"' "$work/out/decisions.jsonl" || true)"
[[ "$managed" == 200 ]] || fail "$managed member_management decisions for 200 members"
grep -q '"rules":\["scaffold-package\.' "$work/out/decisions.jsonl" || fail "no decision fired a ScaffoldPackage rule"

echo
echo "check-scaffold: OK"
