#!/usr/bin/env python3
"""Writes the encoding fixtures of this directory (issue 16, item 11) from the UTF-8 originals.

JSON (must be UTF-8, RFC 8259): a UTF-8 byte order mark is accepted; UTF-16 and UTF-32 with or
without a byte order mark and GB18030/GBK are refused with an error naming the encoding.
Import (any encoding a government site publishes): GBK text, UTF-16 text with a byte order mark,
a GBK page without <meta charset> and a UTF-16 page read exactly like their UTF-8 originals.

    /usr/bin/python3 tests/data/encoding/make_encoding_fixtures.py
"""
import codecs
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
REPORT = (ROOT / "examples" / "data" / "sample-2021.json").read_text("utf-8")
PORTAL = (ROOT / "examples" / "data" / "cangnan-portal.json").read_text("utf-8")
TEXT = (ROOT / "tests" / "data" / "import" / "cangnan-2020-annual-report.txt").read_text("utf-8")
PAGE = (ROOT / "tests" / "data" / "import" / "sample-2021.html").read_text("utf-8")

# GBK has no emoji: the text's one (🔍, outside the tables) is dropped from the GBK copy.
TEXT_GBK = TEXT.encode("gbk", "ignore")
PAGE_NO_META = re.sub(r"<meta[^>]*charset[^>]*>\s*", "", PAGE, flags=re.I)
assert "charset" not in PAGE_NO_META.lower()

FILES = {
    "report-utf8-bom.json": codecs.BOM_UTF8 + REPORT.encode("utf-8"),
    "portal-utf8-bom.json": codecs.BOM_UTF8 + PORTAL.encode("utf-8"),
    "report-utf16le-bom.json": REPORT.encode("utf-16"),  # little-endian, with its BOM
    "report-utf16be-bom.json": codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"),
    "report-utf16le.json": REPORT.encode("utf-16-le"),
    "report-utf16be.json": REPORT.encode("utf-16-be"),
    "report-utf32le-bom.json": REPORT.encode("utf-32"),
    "report-utf32be.json": REPORT.encode("utf-32-be"),
    "report-gbk.json": REPORT.encode("gbk"),
    "portal-gbk.json": PORTAL.encode("gbk"),
    "cangnan-2020-gbk.txt": TEXT_GBK,
    "cangnan-2020-utf16be-bom.txt": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "sample-2021-gbk-no-meta.html": PAGE_NO_META.encode("gbk"),
    "sample-2021-utf16-bom.html": PAGE.encode("utf-16"),
}

for name, data in FILES.items():
    (HERE / name).write_bytes(data)
    print(f"{name}: {len(data)} bytes")
