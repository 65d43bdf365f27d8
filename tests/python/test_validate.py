"""Validation: Issue objects, check() and its ValidationError, the rule catalog."""

import pytest

import xxgk


def test_cangnan_has_one_error(cangnan):
    errors = [i for i in cangnan.validate() if i.severity == "error"]
    assert [(i.code, i.key) for i in errors] == [("XXGK-T3-004", "requests.withheld_prohibited_by_law.total")]
    (issue,) = errors
    assert issue.rule == "R2" and issue.pointer == "/requests/withheld_prohibited_by_law/total"
    assert issue.expected == "2" and issue.actual == "blank"
    assert issue.cells[0] == issue.key and len(issue.cells) == 7 and isinstance(issue.cells, tuple)
    assert issue.caused_by == ""
    assert "空白" in issue.message_zh and issue.message() == issue.message_zh
    assert issue.message("en") == issue.message_en and "blank" in issue.message_en
    assert issue.loc == ("requests", "withheld_prohibited_by_law", "total")
    with pytest.raises(ValueError):
        issue.message("fr")


def test_sample_is_clean(sample):
    assert [i for i in sample.validate() if i.severity != "info"] == []
    assert sample.check() == [i for i in sample.validate() if i.severity != "error"]


def test_include_info(cangnan):
    everything = cangnan.validate()
    no_info = cangnan.validate(include_info=False)
    assert all(i.severity != "info" for i in no_info)
    assert len(no_info) <= len(everything)


def test_consequences_point_at_their_root(cangnan):
    caused = [i for i in cangnan.validate() if i.caused_by]
    for issue in caused:
        assert issue.severity == "info"
        assert issue.caused_by.split(" ")[0].startswith("XXGK-")


def test_validation_reflects_edits(sample):
    sample.requests.granted.total = 1
    codes = {i.code for i in sample.validate() if i.severity == "error"}
    assert "XXGK-T3-003" in codes
    sample.requests.granted.total = None
    assert "XXGK-T3-004" in {i.code for i in sample.validate()}


def test_check_raises_validation_error_from_errors(cangnan):
    with pytest.raises(xxgk.ValidationError) as info:
        cangnan.check()
    e = info.value
    assert isinstance(e, ValueError) and e.error_count() == 1
    (error,) = e.errors()
    assert error["type"] == "XXGK-T3-004"
    assert error["loc"] == ("requests", "withheld_prohibited_by_law", "total")
    assert error["input"] is None  # the cell is blank
    assert error["ctx"]["expected"] == "2" and error["ctx"]["actual"] == "blank"
    assert error["msg"] == cangnan.validate()[0].message_en
    text = str(e).splitlines()
    assert text[0] == "1 validation error for Report"
    assert text[1] == "requests.withheld_prohibited_by_law.total"
    assert text[2].endswith("[type=XXGK-T3-004, input_value=None, input_type=NoneType]")
    with pytest.raises(xxgk.ValidationError) as zh:
        cangnan.check(lang="zh")
    assert "空白" in zh.value.errors()[0]["msg"]


def test_check_input_is_the_offending_value(sample):
    sample.requests.granted.total = 1
    with pytest.raises(xxgk.ValidationError) as info:
        sample.check()
    first = info.value.errors()[0]
    assert first["loc"] == ("requests", "granted", "total") and first["input"] == 1


def test_header_findings_locate_by_pointer():
    report = xxgk.Report(format="2021")
    findings = report.validate()
    header = [i for i in findings if i.pointer.startswith("/header")]
    assert header and all(i.key == "" for i in header)
    with pytest.raises(xxgk.ValidationError) as info:
        report.check()
    locs = [e["loc"] for e in info.value.errors()]
    assert ("header", "body") in locs or ("header", "year") in locs


def test_issues_are_values(cangnan):
    issue = cangnan.validate()[0]
    again = xxgk.Issue(**issue.to_dict())
    assert again == issue and hash(again) == hash(issue) and len({issue, again}) == 1
    assert repr(issue).startswith("Issue(code='XXGK-T3-004', severity='error', key='requests.withheld_prohibited_by_law.total'")
    assert str(issue).startswith("[error] XXGK-T3-004 requests.withheld_prohibited_by_law.total: ")
    with pytest.raises(AttributeError):
        issue.code = "x"
    with pytest.raises(ValueError):
        xxgk.Issue(severity="fatal")


def test_rule_catalog():
    rules = xxgk.rules()
    codes = [r.code for r in rules]
    assert "XXGK-T3-004" in codes and len(set(codes)) == len(codes)
    rule = rules[codes.index("XXGK-T3-004")]
    assert rule.rule == "R2" and rule.severity == "error" and rule.title_zh and rule.template_en
    assert {r.severity for r in rules} <= {"error", "warning", "info"}


def test_format_helpers():
    assert xxgk.FORMATS == ("2019", "2021")
    assert xxgk.format_for_year(2020) == "2019" and xxgk.format_for_year(2023) == "2021"
    assert xxgk.format_for_year(2010) is None
    assert xxgk.notice_of("2021") == "国办公开办函〔2021〕30号"
