#!/bin/sh
# make.sh — rewrites the LibreOffice PDFs beside this script: Word fixtures of
# tests/data/import/docx (python3-docx, make_docx_fixtures.py) printed to PDF by LibreOffice
# (Debian libreoffice-writer-nogui, not needed by the build or the tests). A third PDF producer
# beside Chromium (generated/) and WPS (hongze-2023.pdf): tables drawn with rules, rows that break
# across pages (label pieces on two pages), repeated and split headers. The expected cells are
# the .docx fixtures' own (tests/data/import/docx/<name>.expected.json); tests/unit/import_pdf_test.cpp
# compares them cell by cell.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
docx="$here/../../docx"
work=$(mktemp -d)
for name in subsection-headings-2021 chinese-fonts-2021 auto-numbered-2021 bold-headings-2019 not-applicable-2019 \
            layout-frame-2021 blanks-2021 split-table-2019 subsection-headings-2019 dash-filled-2019; do
    cp "$docx/$name.docx" "$work/"
    soffice --headless --norestore -env:UserInstallation="file://$work/profile" --convert-to pdf --outdir "$here" "$work/$name.docx"
done
rm -rf "$work"
