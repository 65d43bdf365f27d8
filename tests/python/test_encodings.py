"""Encodings (issue 16, item 11): JSON must be UTF-8 (RFC 8259) and may start with a UTF-8 byte
order mark; JSON in UTF-16, UTF-32 or GB18030/GBK is refused with an error naming the encoding.
The importers read what governments publish: GBK text, UTF-16 text with a byte order mark, a GBK
page without <meta charset>, a UTF-16 page — each exactly like its UTF-8 original.

The fixtures are written by tests/data/encoding/make_encoding_fixtures.py."""


import pytest

import xxgk
from conftest import DATA, ROOT, SAMPLE

ENC = ROOT / "tests" / "data" / "encoding"
IMPORT_DATA = ROOT / "tests" / "data" / "import"

REFUSED = {
    "report-utf16le-bom.json": "UTF-16LE (it starts with the byte order mark FF FE)",
    "report-utf16be-bom.json": "UTF-16BE (it starts with the byte order mark FE FF)",
    "report-utf16le.json": "UTF-16LE without a byte order mark",
    "report-utf16be.json": "UTF-16BE without a byte order mark",
    "report-utf32le-bom.json": "UTF-32LE (it starts with the byte order mark FF FE 00 00)",
    "report-utf32be.json": "UTF-32BE without a byte order mark",
    "report-gbk.json": "reads as GB18030 (GBK)",
}


def test_utf8_bom_is_accepted():
    assert xxgk.load(ENC / "report-utf8-bom.json") == xxgk.load(SAMPLE)
    assert xxgk.loads((ENC / "report-utf8-bom.json").read_bytes()) == xxgk.load(SAMPLE)
    assert xxgk.loads("\ufeff" + SAMPLE.read_text("utf-8")) == xxgk.load(SAMPLE)
    assert xxgk.is_portal_json((ENC / "portal-utf8-bom.json").read_bytes())
    assert xxgk.load_portal(ENC / "portal-utf8-bom.json") == xxgk.load_portal(DATA / "cangnan-portal.json")


def test_utf8_bom_offsets_count_its_bytes():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(b"\xef\xbb\xbf{,")
    (error,) = info.value.errors()
    assert error["type"] == "invalid_json"
    assert "line 1, column 2" in error["msg"]  # columns start after the mark, as an editor shows


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_other_encodings_are_named(name):
    for load in (lambda: xxgk.load(ENC / name), lambda: xxgk.loads((ENC / name).read_bytes())):
        with pytest.raises(xxgk.ValidationError) as info:
            load()
        (error,) = info.value.errors()
        assert error["type"] == "invalid_json"
        assert REFUSED[name] in error["msg"]
        assert "not UTF-8 as JSON must be" in error["msg"]


def test_gbk_portal_is_named():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.load_portal(ENC / "portal-gbk.json")
    assert "GB18030 (GBK)" in info.value.errors()[0]["msg"]


def test_invalid_utf8_that_is_no_known_encoding_says_so():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(b'{"format":"2021","header":{"body":"\xff"}}')
    (error,) = info.value.errors()
    assert "not valid UTF-8 at byte 35" in error["msg"]


def cells(result):
    return result.report.to_cells_csv()


@pytest.mark.parametrize(
    "name, original",
    [
        ("cangnan-2020-gbk.txt", "cangnan-2020-annual-report.txt"),
        ("cangnan-2020-utf16be-bom.txt", "cangnan-2020-annual-report.txt"),
        ("sample-2021-gbk-no-meta.html", "sample-2021.html"),
        ("sample-2021-utf16-bom.html", "sample-2021.html"),
    ],
)
def test_import_reads_published_encodings(name, original):
    expected = cells(xxgk.import_bytes((IMPORT_DATA / original).read_bytes()))
    assert cells(xxgk.import_bytes((ENC / name).read_bytes())) == expected
    result = xxgk.import_file(ENC / name)
    assert cells(result) == expected
    decoded = [e.message for e in result.log if e.code == "XXGK-I-091"]  # how the text was decoded
    assert len(decoded) == 1 and ("GB18030" in decoded[0] or "UTF-16" in decoded[0])


def test_damaged_utf8_is_not_called_gbk():
    # One GBK character (中 = D6 D0) in an otherwise UTF-8 report: damaged UTF-8, said as such.
    text = xxgk.load(SAMPLE).dumps().encode("utf-8")
    at = text.index(b'"body":"') + len(b'"body":"')
    damaged = text[:at] + b"\xd6\xd0" + text[at:]
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(damaged)
    (error,) = info.value.errors()
    assert error["msg"].startswith(f"invalid JSON: not valid UTF-8 at byte {at}")
    # Cut inside its last character: the parser's own message (the text ends too early).
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(text[: at + 1] + "示".encode("utf-8")[:2])
    assert "GB18030" not in info.value.errors()[0]["msg"]
