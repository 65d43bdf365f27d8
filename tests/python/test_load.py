"""Reading and writing canonical JSON: load, loads, dumps, load_many, ValidationError."""

import json
import os
import shutil
import subprocess

import pytest

import xxgk
from conftest import CANGNAN, DATA, SAMPLE, TEST_DATA

ERROR_TYPES = {
    "invalid_json",
    "wrong_type",
    "missing_member",
    "unknown_member",
    "out_of_range",
    "invalid_value",
    "wrong_format",
    "unknown_key",
    "limit_exceeded",
    "io_error",
    "duplicate_member",
}


def test_load_example_reports(cangnan, sample):
    assert cangnan.format == "2019" and cangnan.year == 2020
    assert cangnan.header.body == "苍南县人民政府"
    assert sample.format == "2021" and sample.year == 2022
    assert sample.header.body == "示例市生态环境局"


def test_loads_str_bytes_and_path_like(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    assert xxgk.loads(text) == xxgk.loads(text.encode("utf-8")) == xxgk.loads(bytearray(text.encode()))
    assert xxgk.loads(memoryview(text.encode())) == xxgk.load(str(SAMPLE)) == xxgk.load(SAMPLE)


def test_dumps_is_canonical_and_stable(cangnan, sample):
    for report in (cangnan, sample):
        once = report.dumps()
        assert xxgk.loads(once).dumps() == once
        assert " " not in once[:40] and once.startswith('{"format":"')
        assert json.loads(once)["format"] == report.format


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
@pytest.mark.parametrize("path", [CANGNAN, SAMPLE])
def test_dumps_byte_identical_to_cpp_to_json(path):
    cli = subprocess.run([os.environ["XXGK_CLI"], "convert", str(path)], capture_output=True, check=True)
    assert xxgk.load(path).dumps().encode("utf-8") + b"\n" == cli.stdout  # the tool ends its output with a newline


def test_dump_writes_the_canonical_json(tmp_path, sample):
    out = tmp_path / "out.json"
    sample.dump(out)
    assert out.read_bytes() == sample.dumps().encode("utf-8") + b"\n"
    assert xxgk.load(out) == sample


@pytest.mark.parametrize("path", sorted((TEST_DATA / "valid").glob("*.json")), ids=lambda p: p.name)
def test_valid_documents_round_trip(path):
    strict = "lax" not in path.name
    report = xxgk.load(path, strict=strict)
    assert xxgk.loads(report.dumps(), strict=strict) == report


@pytest.mark.parametrize("path", sorted((TEST_DATA / "invalid").glob("*.json")), ids=lambda p: p.name)
def test_invalid_documents_raise_validation_error(path):
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.load(path)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.error_count() >= 1 and e.path == str(path)
    for error in e.errors():
        assert set(error) >= {"type", "loc", "msg", "input"}
        assert error["type"] in ERROR_TYPES
        assert isinstance(error["loc"], tuple) and all(isinstance(p, (str, int)) for p in error["loc"])
        assert error["msg"]
    assert str(e).startswith(f"{e.error_count()} validation error")
    assert str(path) in str(e)


def test_many_problems_are_all_reported():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.load(TEST_DATA / "invalid" / "many-problems.json")
    errors = info.value.errors()
    assert len(errors) >= 4
    by_loc = {e["loc"]: e for e in errors}
    year = by_loc[("header", "year")]
    assert year["type"] == "wrong_type" and year["input"] == "2020"
    assert by_loc[("header", "level")]["type"] == "invalid_value"
    assert by_loc[("header", "level")]["input"] == "county_level"
    assert by_loc[("header", "nickname")]["type"] == "unknown_member"


def test_validation_error_reads_like_pydantic():
    bad = '{"format": "2019", "header": {"body": "某县", "year": "2020"}}'
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(bad)
    text = str(info.value)
    lines = text.splitlines()
    assert lines[0] == f"{info.value.error_count()} validation errors for Report"
    assert lines[1] == "header.year"
    assert lines[2].startswith("  expected an integer") and "[type=wrong_type, input_value='2020', input_type=str]" in lines[2]
    missing = [e for e in info.value.errors() if e["type"] == "missing_member"]
    assert {e["loc"] for e in missing} >= {("proactive",), ("requests",), ("review_litigation",)}
    # pydantic's convention: the input of a missing member is the object it is missing from
    assert missing[0]["input"]["format"] == "2019"


def test_syntax_errors_have_line_and_column():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads('{\n  "format": "2019",\n  "header": }')
    (error,) = info.value.errors()
    assert error["type"] == "invalid_json" and error["loc"] == ()
    assert error["line"] == 3 and error["column"] == 13
    assert error["input"] is None
    assert "line=3, column=13" in str(info.value)


def test_array_indexes_in_loc_are_ints():
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["overview"]["subsections"][1]["title"] = 42
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(json.dumps(doc))
    (error,) = info.value.errors()
    assert error["loc"] == ("overview", "subsections", 1, "title")
    assert error["input"] == 42 and error["ctx"]["pointer"] == "/overview/subsections/1/title"


def test_invalid_utf8_and_lone_surrogates_are_validation_errors():
    good = SAMPLE.read_bytes()
    bad = good.replace("示例市生态环境局".encode(), b"\xff\xfe", 1)
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(bad)
    assert info.value.errors()[0]["type"] in ("invalid_json", "invalid_value")
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads('{"format": "2019", "header": {"body": "\ud800"}}')
    assert info.value.errors()[0]["type"] == "invalid_json"


@pytest.mark.parametrize("data", ["", "null", "[]", '"x"', "{", "{}" * 2, "1e999", "\x00"])
def test_garbage_never_crashes(data):
    with pytest.raises(xxgk.ValidationError):
        xxgk.loads(data)


def test_deep_nesting_is_refused():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads("[" * 100000 + "]" * 100000)
    assert info.value.errors()[0]["type"] == "limit_exceeded"


def test_huge_integer_cell_is_out_of_range():
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["requests"]["granted"]["total"] = 10**30
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(json.dumps(doc))
    (error,) = info.value.errors()
    assert error["type"] == "out_of_range" and error["loc"] == ("requests", "granted", "total")


def test_loads_wrong_argument_type():
    with pytest.raises(TypeError):
        xxgk.loads(42)  # type: ignore[arg-type]


def test_strict_and_lax_unknown_members():
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["header"]["nickname"] = {"a": [1, 2]}
    doc["requests"]["granted"]["note"] = "kept"
    text = json.dumps(doc, ensure_ascii=False)
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.loads(text)
    assert [e["type"] for e in info.value.errors()] == ["unknown_member", "unknown_member"]
    assert info.value.errors()[0]["input"] == {"a": [1, 2]}
    lax = xxgk.loads(text, strict=False)
    assert ("/header", "nickname", '{"a":[1,2]}') in lax.unknown_members
    again = json.loads(lax.dumps())
    assert again["header"]["nickname"] == {"a": [1, 2]} and again["requests"]["granted"]["note"] == "kept"


def test_wrong_format_rows_name_the_other_format():
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.load(TEST_DATA / "invalid" / "requests-other-in-2021.json")
    (error,) = [e for e in info.value.errors() if e["type"] == "wrong_format"]
    assert error["loc"] == ("requests", "other") and "2019" in error["msg"]


def test_load_missing_file_is_an_oserror(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        xxgk.load(tmp_path / "nope.json")
    assert info.value.filename == str(tmp_path / "nope.json")


def test_load_many_from_paths_and_directory(tmp_path):
    reports = xxgk.load_many([CANGNAN, SAMPLE])
    assert isinstance(reports, list) and [r.year for r in reports] == [2020, 2022]
    assert reports.failures == []
    for path in (CANGNAN, SAMPLE):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "notes.txt").write_text("not a report")
    from_dir = xxgk.load_many(tmp_path)
    assert from_dir == reports and "2 reports" in repr(from_dir)


def test_load_many_raises_with_the_path_or_skips(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "2019"}', encoding="utf-8")
    missing = tmp_path / "missing.json"
    with pytest.raises(xxgk.ValidationError) as info:
        xxgk.load_many([CANGNAN, bad, SAMPLE])
    assert info.value.path == str(bad) and str(bad) in str(info.value)
    result = xxgk.load_many([CANGNAN, bad, missing, SAMPLE], errors="skip")
    assert [r.year for r in result] == [2020, 2022]
    assert [f.path for f in result.failures] == [str(bad), str(missing)]
    assert isinstance(result.failures[0].error, xxgk.ValidationError)
    assert isinstance(result.failures[1].error, FileNotFoundError)
    with pytest.raises(ValueError):
        xxgk.load_many([CANGNAN], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(NotADirectoryError):
        xxgk.load_many(CANGNAN)


def test_example_data_directory_loads():
    # examples/data also holds a portal file (docs/portal.md), which is not a report: load_many
    # reads reports, so it is a failure (skipped with errors="skip"); xxgk.load_portal reads it.
    with pytest.raises(xxgk.ValidationError):
        xxgk.load_many(DATA)
    reports = xxgk.load_many(DATA, errors="skip")
    assert {r.format for r in reports} == {"2019", "2021"}
    assert [os.path.basename(f.path) for f in reports.failures] == ["cangnan-portal.json"]
