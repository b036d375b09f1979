#!/usr/bin/env bash
# Prints what a district office prints, in headless Chromium, and checks the paper:
#   - report.html, one community's page and every letter (letters/all.html) print on A4;
#   - the letters print one page per letter;
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
pdf "$out/letters/all.html" letters
for name in report community letters; do a4 "$work/$name.pdf"; done

# One printed page per letter.
letters=$(find "$out/letters" -name '[0-9]*.html' | sort)
count=$(printf '%s\n' "$letters" | grep -c . || true)
printed=$(pages "$work/letters.pdf")
[ "$count" -gt 0 ] || fail "$out/letters holds no letter"
[ "$printed" = "$count" ] || fail "the $count letters print on $printed pages, not one each"

# Each letter's page names each member of its table.
number=0
for letter in $letters; do
    number=$((number + 1))
    pdftotext -f "$number" -l "$number" -layout "$work/letters.pdf" "$work/page.txt"
    names=$(python3 - "$letter" <<'EOF'
import re, sys, html
text = open(sys.argv[1], encoding="utf-8").read()
for name in re.findall(r'<td class="name">([^<]*)</td>', text):
    print(html.unescape(name))
EOF
)
    [ -n "$names" ] || fail "$letter lists no member"
    while IFS= read -r name; do
        grep -qF -- "$name" "$work/page.txt" || fail "page $number of the letters does not show '$name' ($letter)"
    done <<<"$names"
done

# No rule code in the Chinese report or community page: every rule the run fired.
if grep -q 'lang="zh-CN"' "$out/report.html"; then
    python3 - "$out/decisions.jsonl" >"$work/rules.txt" <<'EOF'
import json, sys
rules = set()
for line in open(sys.argv[1], encoding="utf-8"):
    rules.update(json.loads(line)["rules"])
print("\n".join(sorted(rules)))
EOF
    for name in report community; do
        pdftotext -layout "$work/$name.pdf" "$work/$name.txt"
        while IFS= read -r rule; do
            [ -z "$rule" ] || ! grep -qF -- "$rule" "$work/$name.txt" || fail "the printed $name shows the rule code '$rule'"
        done <"$work/rules.txt"
    done
fi

scripts/check-report-render.sh "$community"
scripts/check-report-render.sh "$out/letters/all.html"
echo "check-print: OK (report $(pages "$work/report.pdf") pages, $(basename "$community") $(pages "$work/community.pdf") pages, $count letters on $printed pages, all A4)"
