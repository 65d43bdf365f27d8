#!/bin/sh
# make_pdftotext.sh BUILD_DIR — rewrites the pdftotext fixtures beside this script (issue 15 part 1):
# a generated report per format (its cells are the expected JSON), rendered to HTML, printed to
# PDF by headless Chromium, converted by poppler's pdftotext without and with -layout.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
xxgk="$1/xxgk"
work=$(mktemp -d)
for y in 2019 2021; do
    seed=$([ "$y" = 2019 ] && echo 11 || echo 7)
    "$xxgk" generate --format "$y" --count 1 --seed "$seed" -o "$work/g$y"
    cp "$work/g$y/report-$y-000000.json" "$here/pdftotext-$y.expected.json"
    "$xxgk" render --to html -o "$work/r$y.html" "$work/g$y/report-$y-000000.json"
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
        --user-data-dir="$(mktemp -d)" --no-pdf-header-footer --print-to-pdf="$work/r$y.pdf" "$work/r$y.html"
    pdftotext "$work/r$y.pdf" "$here/pdftotext-$y.txt"
    pdftotext -layout "$work/r$y.pdf" "$here/pdftotext-layout-$y.txt"
done
rm -rf "$work"
