"""Validation: Finding objects, check() and its ValidationError, the rule catalog, the deprecated names."""

import pickle

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
    assert [(i.code, i.severity) for i in everything] == [("XXGK-T3-004", "error"), ("XXGK-T3-008", "info")]
    no_info = cangnan.validate(include_info=False)
    assert no_info == [i for i in everything if i.severity != "info"] and len(no_info) == 1


def test_consequences_point_at_their_root(cangnan):
    # The blank 总计 of 2.其他法律行政法规禁止公开 (the root) leaves 三（七）总计 short: that one is
    # a consequence, downgraded to info, naming its root.
    root, consequence = cangnan.validate()
    assert (root.code, root.key, root.caused_by) == ("XXGK-T3-004", "requests.withheld_prohibited_by_law.total", "")
    assert (consequence.code, consequence.key, consequence.severity) == ("XXGK-T3-008", "requests.total.total", "info")
    assert consequence.caused_by == f"{root.code} {root.key}"


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


def test_findings_are_values(cangnan):
    issue = cangnan.validate()[0]
    again = xxgk.Finding(**issue.to_dict())
    assert again == issue and hash(again) == hash(issue) and len({issue, again}) == 1
    assert repr(issue).startswith("Finding(code='XXGK-T3-004', severity='error', key='requests.withheld_prohibited_by_law.total'")
    assert str(issue).startswith("[error] XXGK-T3-004 requests.withheld_prohibited_by_law.total: ")
    with pytest.raises(AttributeError):
        issue.code = "x"
    with pytest.raises(ValueError):
        xxgk.Finding(severity="fatal")


def test_rule_catalog():
    rules = xxgk.rules()
    # The attributes are the members of the C++ rule_info, by name and in their order (its description).
    assert xxgk.Rule._fields == ("code", "rule", "severity", "title_zh", "title_en", "template_zh", "template_en")
    codes = [r.code for r in rules]
    assert len(set(codes)) == len(codes) and codes[0] == "XXGK-H-001"
    rule = rules[codes.index("XXGK-T3-004")]
    assert isinstance(rule, xxgk.Rule) and rule.rule == "R2" and rule.severity == "error"
    assert rule.title_zh and "{cell}" in rule.template_en
    assert rule.to_dict() == {name: getattr(rule, name) for name in xxgk.Rule._fields}
    assert repr(rule).startswith("Rule(code='XXGK-T3-004', rule='R2', severity='error', ")
    assert {r.severity for r in rules} == {"error", "warning", "info"}
    assert xxgk.rules()[codes.index("XXGK-T3-004")] == rule and hash(xxgk.rules()[0]) == hash(rules[0])
    assert rules[0] != rules[1]
    with pytest.raises(AttributeError):
        rule.code = "x"
    with pytest.raises(TypeError):
        xxgk.Rule()


def test_rules_pickle_by_code():
    rule = xxgk.rules()[3]
    again = pickle.loads(pickle.dumps(rule))
    assert again == rule and again.code == rule.code
    with pytest.raises(KeyError, match="XXGK-NOPE"):
        xxgk._core._rule("XXGK-NOPE")


def test_every_finding_code_is_in_the_catalog(cangnan):
    codes = {r.code for r in xxgk.rules()}
    findings = cangnan.validate()
    assert [f.code for f in findings if f.code not in codes] == []


@pytest.mark.parametrize(
    "old, new",
    [("Issue", "Finding"), ("issues_frame", "findings_frame"), ("ISSUE_COLUMNS", "FINDING_COLUMNS")],
)
def test_deprecated_names_warn_and_still_work(old, new):
    with pytest.warns(DeprecationWarning, match=f"xxgk.{old} is deprecated: use xxgk.{new}"):
        assert getattr(xxgk, old) is getattr(xxgk, new)
    with pytest.raises(AttributeError, match="has no attribute 'Isue'"):
        xxgk.Isue  # noqa: B018


def test_deprecated_frame_methods(cangnan):
    with pytest.warns(DeprecationWarning, match=r"Report.issues_frame\(\) is deprecated"):
        old = cangnan.issues_frame()
    assert old.equals(cangnan.findings_frame())
    reports = xxgk.ReportList([cangnan])
    with pytest.warns(DeprecationWarning, match=r"ReportList.issues_frame\(\) is deprecated"):
        assert reports.issues_frame().equals(reports.findings_frame())


def test_format_helpers():
    assert xxgk.FORMATS == ("2019", "2021")
    assert xxgk.format_for_year(2020) == "2019" and xxgk.format_for_year(2023) == "2021"
    assert xxgk.format_for_year(2010) is None
    assert xxgk.notice_of("2021") == "国办公开办函〔2021〕30号"
