"""Importing published reports: import_text, import_html, import_file, ImportResult, ImportLogEntry."""

import json
import os
import pickle
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

import xxgk
from conftest import CANGNAN, DATA, ROOT, SAMPLE

SEED = DATA / "cangnan-2020-annual-report.txt"
IMPORT_DATA = ROOT / "tests" / "data" / "import"


def cells(report):
    """What an import must get right: every cell's state, value and unit, in table order."""
    return [(str(k), c.state, c.value, c.unit) for k, c in report.items()]


# Row 四、结转下年度继续办理 of the seed prints "12", four empty fields, "12" for seven columns: which of
# the five middle columns printed no cell is unknown, so none of them is a seen empty cell and the
# importer reports them not captured (docs/import.md, "When a cell is blank"); the hand transcription
# has them blank.
SEED_UNSEEN = {
    "requests.carried_forward." + c for c in ("enterprise", "research_institute", "nonprofit", "legal_service", "other_org")
}


@pytest.fixture(scope="module")
def seed():
    return xxgk.import_text(SEED.read_text(encoding="utf-8"))


# ---- the seed text


def test_seed_text_imports_to_the_cells_of_the_example_json(seed):
    expected = xxgk.load(CANGNAN)
    report = seed.report
    assert isinstance(seed, xxgk.ImportResult) and isinstance(report, xxgk.Report)
    assert (report.format, report.year, report.header.body) == ("2019", 2020, "苍南县人民政府")
    assert [c for c in cells(report) if c[0] not in SEED_UNSEEN] == [c for c in cells(expected) if c[0] not in SEED_UNSEEN]
    assert all(report[k].state == "not_captured" for k in SEED_UNSEEN)
    # a blank stays blank: the seed's real defect is found again by validation
    assert report["requests.withheld_prohibited_by_law.total"].is_blank
    errors = [(i.code, i.key) for i in report.validate() if i.severity == "error"]
    assert errors == [("XXGK-T3-004", "requests.withheld_prohibited_by_law.total")]


def test_imported_cells_keep_raw_text_and_position(seed):
    cell = seed.report.requests.received.natural_person
    assert cell == 228 and cell.raw == "228"
    assert cell.source.line is not None and cell.source.column is not None and cell.source.table is None
    amount = seed.report.proactive.procurement.amount
    assert amount.unit == "wan_yuan" and amount.raw and "17424.88" in amount.raw


def test_result_is_a_named_tuple(seed):
    report, log = seed
    assert report is seed.report and log is seed.log
    assert repr(seed).startswith("ImportResult(report=Report(body='苍南县人民政府', year=2020, format='2019'), log=[")
    assert "3 warnings" in repr(seed)  # I-050 twice, and I-043 for the five unseen cells of row 四


def test_input_as_str_bytes_bytearray_memoryview(seed):
    data = SEED.read_bytes()
    for form in (data, bytearray(data), memoryview(data)):
        other = xxgk.import_text(form)
        assert other.report == seed.report and other.log == seed.log
    # a strided or reversed buffer is read as bytes() reads it, never past its end
    assert xxgk.import_text(memoryview(b"x" + data)[1:]).report == seed.report
    with pytest.raises(xxgk.ValidationError):
        xxgk.import_text(memoryview(data)[::-1])


# ---- the log


def test_log_entries_say_how_the_ambiguous_rows_were_read(seed):
    assert all(isinstance(e, xxgk.ImportLogEntry) for e in seed.log)
    warnings = seed.entries()
    assert [(e.code, e.key) for e in warnings] == [
        ("XXGK-I-050", "requests.other"),
        ("XXGK-I-050", "requests.carried_forward"),
        ("XXGK-I-043", "requests.carried_forward"),  # the trust rule: not captured, not blank
    ]
    other = warnings[0]
    assert other.level == other.severity == "warning"
    assert other.where == {"line": 217, "column": other.where["column"]} and other.where["column"] >= 1
    assert isinstance(other.candidates, tuple) and len(other.candidates) >= 2
    assert other.candidates[0].startswith("自然人=9; 总计=9")
    assert "其他处理" in other.message
    assert [e.code for e in seed.entries("error")] == []
    assert len(seed.entries("info")) == len(seed.log)
    assert any(e.code == "XXGK-I-001" and "format 2019 from the table labels" in e.message for e in seed.log)
    with pytest.raises(ValueError):
        seed.entries("fatal")


def test_log_entry_is_an_immutable_value(seed):
    entry = seed.entries()[0]
    assert repr(entry).startswith("ImportLogEntry(level='warning', code='XXGK-I-050', key='requests.other', where={'line': 217")
    assert str(entry).startswith("[warning] XXGK-I-050 requests.other at line 217, column ")
    d = entry.to_dict()
    assert list(d) == list(xxgk.ImportLogEntry._fields) == ["level", "code", "message", "key", "where", "candidates"]
    assert xxgk.ImportLogEntry(**d) == entry and hash(xxgk.ImportLogEntry(**d)) == hash(entry)
    assert len(set(seed.log)) == len(seed.log)
    assert pickle.loads(pickle.dumps(entry)) == entry
    assert entry != seed.entries()[1] and entry != "XXGK-I-050"
    with pytest.raises(AttributeError):
        entry.code = "x"
    made = xxgk.ImportLogEntry(code="XXGK-I-040", where={"table": 3, "row": 5, "cell": 2})
    assert made.level == "info" and made.where == {"table": 3, "row": 5, "cell": 2} and made.candidates == ()
    assert str(made) == "[info] XXGK-I-040 at table 3, row 5, cell 2: "
    with pytest.raises(TypeError):
        xxgk.ImportLogEntry(nope=1)
    with pytest.raises(ValueError):
        xxgk.ImportLogEntry(level="fatal")


def test_log_json_is_what_the_cli_writes(seed):
    log = json.loads(seed.log_json())
    assert len(log) == len(seed.log)
    for plain, entry in zip(log, seed.log):
        expected = entry.to_dict()
        expected["candidates"] = list(expected["candidates"])
        if expected["where"] is None:
            del expected["where"]
        assert plain == expected


def test_import_codes_cover_the_log(seed):
    codes = xxgk.import_codes()
    assert all(isinstance(c, xxgk.ImportCode) for c in codes)
    names = [c.code for c in codes]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert {c.level for c in codes} <= {"info", "warning", "error"}
    assert {e.code for e in seed.log} <= set(names)
    assert all(c.title for c in codes)


def test_import_codes_are_catalog_entries_by_name():
    by_code = {c.code: c for c in xxgk.import_codes()}
    entry = by_code["XXGK-I-007"]
    assert entry.level == "info" and "year" in entry.title
    assert entry.to_dict() == {"code": "XXGK-I-007", "level": "info", "title": entry.title}
    assert xxgk.ImportCode._fields == ("code", "level", "title")
    with pytest.raises(AttributeError):
        entry.code = "x"
    again = pickle.loads(pickle.dumps(entry))
    assert again == entry and again.code == "XXGK-I-007"
    with pytest.raises(KeyError, match="XXGK-I-999"):
        xxgk._core._import_code("XXGK-I-999")


# ---- options


def test_year_and_format_can_be_forced():
    text = SEED.read_text(encoding="utf-8")
    forced = xxgk.import_text(text, year=2021)
    assert forced.report.year == 2021
    assert any(e.code == "XXGK-I-007" and "given by the caller" in e.message for e in forced.log)
    assert any(e.code == "XXGK-I-008" for e in forced.log)  # the title says 2020
    other = xxgk.import_text(text, format="2021")
    assert other.report.format == "2021"
    assert {"XXGK-I-005", "XXGK-I-006"} <= {e.code for e in other.log}
    assert xxgk.import_text(text, format=2019).report.format == "2019"


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"format": "2020"}, ValueError),
        ({"format": 2.0}, TypeError),
        ({"year": "2020"}, TypeError),
        ({"year": True}, TypeError),
        ({"year": 10**30}, OverflowError),
    ],
)
def test_bad_options_raise(kwargs, error):
    with pytest.raises(error):
        xxgk.import_text(SEED.read_text(encoding="utf-8"), **kwargs)


# ---- bad input never crashes


@pytest.mark.parametrize(
    "function, data",
    [
        (xxgk.import_text, ""),
        (xxgk.import_text, "hello"),
        (xxgk.import_text, b"\xff\xfe\x00garbage"),
        (xxgk.import_text, "一、总体情况"),
        (xxgk.import_html, b"<html><body><p>hi</p></body></html>"),
        (xxgk.import_html, ""),
        (xxgk.import_html, "<" * 10000),
    ],
)
def test_input_that_is_not_a_report_raises_validation_error(function, data):
    with pytest.raises(xxgk.ValidationError) as info:
        function(data)
    e = info.value
    assert isinstance(e, ValueError) and e.error_count() == 1
    assert e.errors()[0]["type"] == "invalid_value" and e.errors()[0]["loc"] == ()
    assert "not a 政府信息公开工作年度报告" in str(e)


@pytest.mark.parametrize("value", [None, 5, ["text"], {"a": 1}])
def test_input_of_the_wrong_type_raises_type_error(value):
    with pytest.raises(TypeError):
        xxgk.import_text(value)
    with pytest.raises(TypeError):
        xxgk.import_html(value)


def test_invalid_unicode_is_replaced_and_logged():
    text = SEED.read_text(encoding="utf-8")
    for data in (text.replace("苍南县人民政府", "苍南县\ud800人民政府", 1), text.encode().replace("苍南".encode(), b"\xff\xfe", 1)):
        result = xxgk.import_text(data)
        assert any(e.code == "XXGK-I-011" for e in result.log)
        assert result.report.header.body.encode("utf-8")  # valid Unicode again
        assert cells(result.report) == cells(xxgk.import_text(text).report)


def test_mangled_seed_never_crashes():
    """Pieces, shuffles and damage of the seed: a result or a ValidationError, nothing else."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    variants = [
        "\n".join(lines[: len(lines) // 2]),
        "\n".join(lines[len(lines) // 2 :]),
        "\n".join(reversed(lines)),
        "\n".join(line.replace("\t", " ") for line in lines),
        "\n".join(line.replace("\t", "") for line in lines),
        "\n".join(line[::-1] for line in lines),
        "\n".join(lines) * 3,
        "\x00".join(lines),
    ]
    for text in variants:
        for function in (xxgk.import_text, xxgk.import_html):
            try:
                result = function(text)
            except xxgk.ValidationError:
                continue
            assert isinstance(result.report, xxgk.Report)
            result.report.validate()
            result.report.dumps()


# ---- HTML


def test_html_pages_import_to_the_example_cells():
    assert cells(xxgk.import_html((IMPORT_DATA / "cangnan-2020.html").read_bytes()).report) == cells(xxgk.load(CANGNAN))
    sample = cells(xxgk.load(SAMPLE))
    assert cells(xxgk.import_html((IMPORT_DATA / "sample-2021.html").read_text(encoding="utf-8")).report) == sample
    # a GBK page, as downloaded: decoded by its <meta charset>
    gbk = xxgk.import_html((IMPORT_DATA / "sample-2021-gbk.html").read_bytes())
    assert cells(gbk.report) == sample and gbk.report.header.body == "示例市生态环境局"
    source = gbk.report.requests.received.total.source
    assert source.table is not None and source.row is not None and source.line is None


@pytest.mark.parametrize("path", [CANGNAN, SAMPLE], ids=lambda p: p.name)
@pytest.mark.parametrize("standalone", [True, False], ids=["page", "fragment"])
def test_render_html_then_import_html_gives_the_same_cells(path, standalone):
    report = xxgk.load(path)
    result = xxgk.import_html(report.render_html(standalone=standalone, findings=True))
    assert cells(result.report) == cells(report)
    assert (result.report.format, result.report.year, result.report.header.body) == (report.format, report.year, report.header.body)
    assert result.entries() == []


# ---- files


def test_import_file_by_extension_and_content(tmp_path, seed):
    assert xxgk.import_file(SEED).report == seed.report
    html = IMPORT_DATA / "cangnan-2020.html"
    by_extension = xxgk.import_file(html)
    assert by_extension.report.requests.received.total.source.table is not None
    copy = tmp_path / "page.dat"  # an unknown extension: the markup decides
    shutil.copy(html, copy)
    assert xxgk.import_file(copy).report == by_extension.report
    text_copy = tmp_path / "report.dat"
    shutil.copy(SEED, text_copy)
    assert xxgk.import_file(str(text_copy)).report == seed.report
    assert xxgk.import_file(copy, from_="html").report == by_extension.report
    assert xxgk.import_file(SEED, format="2019", year=2020).report.format == "2019"


def test_import_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        xxgk.import_file(tmp_path / "missing.txt")
    with pytest.raises(ValueError):
        xxgk.import_file(SEED, from_="odt")
    with pytest.raises(xxgk.ValidationError) as info:  # text is not a PDF
        xxgk.import_file(SEED, from_="pdf")
    assert info.value.errors()[0]["type"] == "invalid_value"
    not_a_report = tmp_path / "news.html"
    not_a_report.write_text("<html><body><p>今日新闻</p></body></html>", encoding="utf-8")
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_file(not_a_report)
    assert info.value.path == str(not_a_report) and str(not_a_report) in str(info.value)


@pytest.mark.parametrize(
    "name, content, kind",
    [
        ("a.html", b"", "html"),
        ("A.HTM", b"plain", "html"),
        ("page.php", b"", "html"),
        ("notes.md", b"<p>", "text"),
        ("report.txt", b"<html>", "text"),
        ("report.json", b"<html>", "text"),  # canonical JSON by extension: read as text, never as a page
        (".html", b"text", "text"),
        ("x", b"\xef\xbb\xbf  \n<!DOCTYPE html>", "html"),
        ("x", b"title\n<table><tr><td>1</td></tr></table>", "html"),
        ("x", b"title\n\xe4\xb8\x80\xe3\x80\x81", "text"),
        ("report.PDF", b"", "pdf"),
        ("report.docx", b"", "docx"),
        ("x", b"%PDF-1.7\n", "pdf"),
    ],
)
def test_detect_input_kind_follows_the_cli(name, content, kind):
    assert xxgk.detect_input_kind(name, content) == kind


# ---- threads, pickling, the CLI


def test_imports_run_in_threads(seed):
    text = SEED.read_text(encoding="utf-8")
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(xxgk.import_text, [text] * 8))
    assert all(r.report == seed.report and r.log == seed.log for r in results)


def test_import_result_pickles(seed):
    again = pickle.loads(pickle.dumps(seed))
    assert isinstance(again, xxgk.ImportResult) and again.report == seed.report and again.log == seed.log


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
@pytest.mark.parametrize("path", [SEED, IMPORT_DATA / "cangnan-2020.html", IMPORT_DATA / "sample-2021-gbk.html"], ids=lambda p: p.name)
def test_import_matches_xxgk_import(path, tmp_path):
    log = tmp_path / "log.json"
    cli = subprocess.run([os.environ["XXGK_CLI"], "import", str(path), "--log-json", str(log)], capture_output=True, check=True)
    result = xxgk.import_file(path)
    assert result.report.dumps().encode("utf-8") + b"\n" == cli.stdout
    assert log.read_bytes() == result.log_json().encode("utf-8") + b"\n"


# ---- any kind of file: import_bytes, the encodings, the kinds refused


def test_import_bytes_decodes_gb18030_and_utf16(seed):
    gb = (IMPORT_DATA / "cangnan-2020-gb18030.txt").read_bytes()
    result = xxgk.import_bytes(gb)
    assert cells(result.report) == cells(seed.report)
    assert any(e.code == "XXGK-I-091" and "GB18030" in e.message for e in result.log)
    utf16 = xxgk.import_bytes((IMPORT_DATA / "cangnan-2020-utf16le.txt").read_bytes(), kind="text")
    assert cells(utf16.report) == cells(seed.report)
    assert any(e.code == "XXGK-I-090" and "forced" in e.message for e in utf16.log)
    # import_text takes bytes as UTF-8: the same GB18030 bytes are no text at all
    with pytest.raises(xxgk.ValidationError):
        xxgk.import_text(gb)
    with pytest.raises(ValueError):
        xxgk.import_bytes(gb, kind="odt")


def test_import_file_reads_gbk_text_by_its_bytes(tmp_path, seed):
    copy = tmp_path / "报告.txt"
    shutil.copy(IMPORT_DATA / "cangnan-2020-gb18030.txt", copy)
    assert cells(xxgk.import_file(copy).report) == cells(seed.report)


@pytest.mark.parametrize(
    "content, kind, says",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported_kind", "soffice --headless --convert-to docx"),
        (b"GIF89a" + bytes(100), "unsupported_kind", "convert it to PNG"),
        (b"%PDF-1.4\nnot really a pdf", "invalid_value", "PDF"),
    ],
)
def test_import_bytes_refuses_what_it_cannot_read(content, kind, says):
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_bytes(content)
    error = info.value.errors()[0]
    assert error["type"] == kind
    assert says in error["msg"]


def test_import_image_damaged_or_ocr_off():
    damaged = b"\x89PNG\r\n\x1a\n" + bytes(100)
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_bytes(damaged)
    # With OCR, a PNG is an image to read (this one is damaged); without, a feature left out.
    assert info.value.errors()[0]["type"] == ("invalid_value" if xxgk.ocr_available() else "unavailable")
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_bytes(damaged, ocr=False)
    assert info.value.errors()[0]["type"] == ("unsupported_kind" if xxgk.ocr_available() else "unavailable")
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_image(damaged)
    assert info.value.errors()[0]["type"] == ("invalid_value" if xxgk.ocr_available() else "unavailable")
    assert xxgk.detect_input_kind("scan.png") == "image"


@pytest.mark.skipif(not xxgk.ocr_available(), reason="this build has no OCR (XXGK_WITH_OCR=OFF)")
def test_import_image_reads_a_scanned_table_page_exact_or_flagged(tmp_path):
    # The page of a generated report holding section 三, rasterised at 150 dpi (pdftoppm) as a
    # scanner would: every cell read is the printed one or flagged (unreadable text, not captured),
    # never another value; a cell's source has its page and box; the log says what OCR did.
    pdf = IMPORT_DATA / "pdf" / "generated" / "a4-sans-2021.pdf"
    want = xxgk.load(IMPORT_DATA / "pdf" / "generated" / "a4-sans-2021.json")
    page = next(
        p
        for p in range(1, 6)
        if "本年新收" in subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"],
                                         capture_output=True, text=True, check=True).stdout
    )
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(tmp_path / "scan")], check=True)
    result = xxgk.import_file(tmp_path / "scan.png")
    exact = flagged = 0
    for key, got in result.report.items():
        if not str(key).startswith("requests."):
            continue
        printed = want[str(key)]
        if got.state in ("not_captured", "text"):
            flagged += 1
            continue
        assert (got.state, got.value) == (printed.state, printed.value), key
        assert got.source.page == 1 and got.source.box is not None
        exact += 1
    assert exact > 0 and exact + flagged == 175
    codes = {e.code for e in result.log}
    assert {"XXGK-I-090", "XXGK-I-114", "XXGK-I-115"} <= codes
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_file(tmp_path / "scan.png", ocr=False)
    assert info.value.errors()[0]["type"] == "unsupported_kind"


def test_import_file_refuses_devices_and_directories_before_reading(tmp_path):
    with pytest.raises(OSError) as info:
        xxgk.import_file("/dev/zero")  # would never end if read
    assert "device" in str(info.value)
    with pytest.raises(IsADirectoryError):
        xxgk.import_file(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        xxgk.import_file(fifo)  # refused without opening: no hang


# ---- PDF and Word files


def test_import_pdf_reads_every_cell_of_the_real_report_with_page_and_box():
    data = (IMPORT_DATA / "pdf" / "hongze-2023.pdf").read_bytes()
    result = xxgk.import_pdf(data)
    expected = json.loads((IMPORT_DATA / "pdf" / "hongze-2023.cells.json").read_text(encoding="utf-8"))["cells"]
    report = result.report
    for key, want in expected.items():
        cell = report[key]
        value = want["deduced"] if isinstance(want, dict) and "deduced" in want else want
        if isinstance(value, dict):  # money in the 万元 column: the unit is the column's, not printed in the cell
            assert (str(cell.value), cell.unit) == (value["decimal"], None), key
        else:
            assert (cell.state, cell.value) == ("number", value), key
    licensing = report["proactive.licensing.decisions"]
    assert licensing.source.page == 2 and licensing.source.box is not None
    assert licensing.source.box.left < licensing.source.box.right
    boxes = [e.where["box"] for e in result.log if e.where and "box" in e.where]
    assert boxes and all(len(b) == 4 and all(isinstance(x, float) for x in b) for b in boxes)
    assert xxgk.import_bytes(data).report == report  # detected as PDF from the bytes
    errors = sorted(i.key for i in report.validate() if i.severity == "error")
    assert errors == ["review_litigation.litigation_after_review.total", "review_litigation.review.total"]


def test_import_docx_gives_the_cells_of_the_report_it_was_made_from():
    data = (IMPORT_DATA / "docx" / "blanks-2019.docx").read_bytes()
    expected = xxgk.load(IMPORT_DATA / "docx" / "blanks-2019.expected.json")
    result = xxgk.import_docx(data)
    assert [(str(k), c.state, c.value) for k, c in result.report.items()] == [
        (str(k), c.state, c.value) for k, c in expected.items()
    ]
    assert xxgk.import_bytes(data).report == result.report
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.import_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert info.value.errors()[0]["type"] == "unsupported_kind"
