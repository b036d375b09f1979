#!/usr/bin/env bash
# Renders report.html (and diff.html) in headless Chromium and checks that the page loads without
# errors and that its Chinese text is drawn with a CJK font, not as missing-glyph boxes.
#
# Usage: scripts/check-report-render.sh PAGE.html [TEXT-THAT-MUST-APPEAR]
set -euo pipefail
page=$1
expected=${2:-}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "check-report-render: no Chromium found (apt-get install chromium)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"

# 1. The page loads and its DOM is whole; no console errors.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 \
    --dump-dom "$url" >"$work/dom.html" 2>"$work/log.txt" || { cat "$work/log.txt"; exit 1; }
grep -q '</html>' "$work/dom.html" || { echo "check-report-render: $page: the DOM did not load whole"; exit 1; }
if grep -E 'CONSOLE.*(Uncaught|Error)' "$work/log.txt"; then
    echo "check-report-render: $page: the page logged errors"; exit 1
fi

# 2. Chinese text is drawn with real glyphs, not missing-glyph boxes: the page's own title, drawn
#    in the page's own font stack, must look different from as many private-use characters (which
#    no font has, so they are always boxes). Without a CJK font both come out as the same boxes.
if grep -q 'lang="zh-CN"' "$page"; then
    title=$(sed -n 's:.*<h1>\([^<]*\)</h1>.*:\1:p' "$page" | head -n 1)
    fonts=$(sed -n 's/.*body{font-family:\([^;]*\);.*/\1/p' "$page" | head -n 1)
    [ -n "$title" ] && [ -n "$fonts" ] || { echo "check-report-render: $page: no title or font stack found"; exit 1; }
    title=$(python3 -c "import sys; print(''.join(c for c in sys.argv[1] if '\u4e00' <= c <= '\u9fff'))" "$title")
    [ -n "$title" ] || { echo "check-report-render: $page: the title has no Chinese characters"; exit 1; }
    boxes=$(python3 -c "import sys; print(chr(0xE000) * len(sys.argv[1]))" "$title")
    for name in glyphs boxes; do
        text=$title; [ "$name" = boxes ] && text=$boxes
        printf '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><body style="margin:0;font-family:%s;font-size:32px">%s</body></html>' \
            "$fonts" "$text" >"$work/$name.html"
        timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,60 \
            --screenshot="$work/$name.png" "file://$work/$name.html" 2>>"$work/log.txt" >/dev/null
    done
    if cmp -s "$work/glyphs.png" "$work/boxes.png"; then
        echo "check-report-render: $page: Chinese text renders as missing-glyph boxes (install a CJK font, e.g. fonts-noto-cjk)"
        exit 1
    fi
    fc-match "sans-serif:lang=zh-cn" | grep -Eiq 'CJK|WenQuanYi|Source Han|Droid Sans Fallback' || {
        echo "check-report-render: no CJK font is installed for Chinese text (fc-match: $(fc-match 'sans-serif:lang=zh-cn'))"; exit 1; }
fi
if [ -n "$expected" ]; then
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$work/page.pdf" "$url" 2>>"$work/log.txt" >/dev/null
    pdftotext -layout "$work/page.pdf" "$work/page.txt"
    grep -q "$expected" "$work/page.txt" || {
        echo "check-report-render: $page: '$expected' does not appear in the rendered page"; exit 1; }
fi
echo "check-report-render: $page renders"
