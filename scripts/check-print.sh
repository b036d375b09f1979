#!/usr/bin/env bash
# Prints what a district office prints, in headless Chromium, and checks the paper:
#   - report.html, one community's page and every community's letters (letters/NNNN.html) print
#     on A4, the letters one page per letter, as many as letters/index.html lists;
#   - each letter's page names every member its table lists (pdftotext);
#   - the Chinese report and community page show no rule code;
#   - Chinese text is drawn with real glyphs (scripts/check-report-render.sh).
#
# Usage: scripts/check-print.sh OUT-FOLDER   (the --out of a `charter run --lang zh`)
set -euo pipefail
out=$1
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "check-print: no Chromium found (apt-get install chromium)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "check-print: FAILED: $*" >&2
    exit 1
}

pdf() { # PAGE NAME: prints PAGE to $work/NAME.pdf
    local url
    url="file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    timeout 180 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$work/$2.pdf" "$url" >/dev/null 2>>"$work/log.txt" || {
        cat "$work/log.txt"
        fail "$1 could not be printed"
    }
}
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
a4() {
    pdfinfo "$1" | grep -Eq '^Page size:.*\(A4\)' || fail "$1 is not A4: $(pdfinfo "$1" | grep 'Page size')"
}

community=$(find "$out/communities" -name '*.html' | sort | head -n 1)
[ -n "$community" ] || fail "$out/communities holds no page"
pdf "$out/report.html" report
pdf "$community" community
for name in report community; do a4 "$work/$name.pdf"; done

# Every community's letters: A4, one printed page per letter, and each letter's page names each
# member of its table.
files=$(find "$out/letters" -name '[0-9]*.html' | sort)
[ -n "$files" ] || fail "$out/letters holds no letter"
total=0
for file in $files; do
    name=letters-$(basename "$file" .html)
    pdf "$file" "$name"
    a4 "$work/$name.pdf"
    python3 - "$file" >"$work/$name.members" <<'PYTHON'
import re, sys, html
text = open(sys.argv[1], encoding="utf-8").read()
for number, article in enumerate(text.split("<article")[1:], start=1):
    for name in re.findall(r'<td class="name">([^<]*)</td>', article):
        print(f"{number}\t{html.unescape(name)}")
PYTHON
    count=$(grep -o '<article class="letter' "$file" | wc -l)
    printed=$(pages "$work/$name.pdf")
    [ "$printed" = "$count" ] || fail "$file: its $count letters print on $printed pages, not one each"
    while IFS=$'\t' read -r page member; do
        pdftotext -f "$page" -l "$page" -layout "$work/$name.pdf" "$work/page.txt"
        grep -qF -- "$member" "$work/page.txt" || fail "$file: page $page does not show '$member'"
    done <"$work/$name.members"
    total=$((total + count))
done
listed=$(grep -o '#letter-' "$out/letters/index.html" | wc -l)
[ "$listed" = "$total" ] || fail "letters/index.html lists $listed letters, the files hold $total"

# No rule code in the Chinese report or community page: every rule the run fired.
if grep -q 'lang="zh-CN"' "$out/report.html"; then
    python3 - "$out/decisions.jsonl" >"$work/rules.txt" <<'PYTHON'
import json, sys
rules = set()
for line in open(sys.argv[1], encoding="utf-8"):
    rules.update(json.loads(line)["rules"])
print("\n".join(sorted(rules)))
PYTHON
    for name in report community; do
        pdftotext -layout "$work/$name.pdf" "$work/$name.txt"
        while IFS= read -r rule; do
            [ -z "$rule" ] || ! grep -qF -- "$rule" "$work/$name.txt" || fail "the printed $name shows the rule code '$rule'"
        done <"$work/rules.txt"
    done
fi

first=$(printf '%s\n' $files | head -n 1)
scripts/check-report-render.sh "$community"
scripts/check-report-render.sh "$first"
echo "check-print: OK (report $(pages "$work/report.pdf") pages, $(basename "$community") $(pages "$work/community.pdf") pages," \
    "$total letters in $(printf '%s\n' $files | wc -l) files, a page each, all A4)"
