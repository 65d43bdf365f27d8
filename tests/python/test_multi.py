"""Many reports (docs/multi.md): xxgk.aggregate and its provenance, xxgk.check_aggregate,
xxgk.validate_series, the narrative figures (extract_figures, check_narrative, validate(narrative=True))."""

import pickle
from decimal import Decimal

import pytest

import xxgk


def unit(body, year, **cells):
    r = xxgk.Report(format=xxgk.format_for_year(year))
    r.header.body = body
    r.year = year
    for key, value in cells.items():
        r[key.replace("__", ".")] = value
    return r


def test_aggregate_sums_with_blank_semantics_and_provenance():
    a = unit("甲局", 2020, requests__granted__natural_person=3)
    b = unit("乙镇", 2020)
    c = unit("丙街道", 2020, requests__granted__natural_person=4, requests__received__total=0)
    result = xxgk.aggregate([a, b, c], header={"body": "测试县人民政府", "scope": "compiled"})
    assert isinstance(result, xxgk.Aggregation)
    report = result.report
    assert report.header.body == "测试县人民政府" and report.header.scope == "compiled"
    assert report.year == 2020 and report.format == "2019"
    assert report["requests.granted.natural_person"].value == 7
    assert report["requests.granted.enterprise"].state == "blank"  # all blank: blank, never 0
    assert report["requests.received.total"].value == 0
    assert result.sources["requests.granted.natural_person"] == xxgk.CellSources(summed=(0, 2), blank=(1,), unknown=())
    assert list(result.sources) == [str(k) for k in xxgk.keys("2019")]
    # the aggregate checks clean against its parts; the report is an ordinary Report
    assert xxgk.check_aggregate(report, [a, b, c]) == []
    assert pickle.loads(pickle.dumps(report)) == report


def test_aggregate_money_exact_across_units():
    a = unit("甲局", 2020)
    b = unit("乙镇", 2020)
    a["proactive.procurement.amount"] = {"value": "17424.88", "unit": "wan_yuan"}
    b["proactive.procurement.amount"] = {"value": "12345.67", "unit": "yuan"}
    amount = xxgk.aggregate([a, b]).report["proactive.procurement.amount"]
    assert amount.value == Decimal("17426.114567") and amount.unit == "wan_yuan"


def test_aggregate_refuses_different_formats_and_years():
    with pytest.raises(ValueError, match="different formats"):
        xxgk.aggregate([unit("甲局", 2020), unit("乙镇", 2021)])
    with pytest.raises(ValueError, match="different years"):
        xxgk.aggregate([unit("甲局", 2020), unit("乙镇", 2019)])
    with pytest.raises(ValueError):
        xxgk.aggregate([])
    with pytest.raises(TypeError):
        xxgk.aggregate([unit("甲局", 2020), "not a report"])


def test_check_aggregate_names_cell_and_parts():
    a = unit("甲局", 2020, requests__granted__natural_person=3)
    b = unit("乙镇", 2020, requests__granted__natural_person=4)
    published = xxgk.aggregate([a, b], header={"body": "测试县人民政府"}).report
    published["requests.granted.natural_person"] = 8
    (issue,) = xxgk.check_aggregate(published, [a, b])
    assert issue.code == "XXGK-A-001" and issue.severity == "error" and issue.rule == "aggregate"
    assert issue.key == "requests.granted.natural_person"
    assert (issue.expected, issue.actual) == ("7", "8")
    assert issue.cells == (
        "requests.granted.natural_person",
        "requests.granted.natural_person@parts/0",
        "requests.granted.natural_person@parts/1",
    )
    assert "甲局 3、乙镇 4" in issue.message_zh


def test_validate_series_rules_and_errors():
    y2020 = unit("测试县人民政府", 2020, requests__carried_forward__total=12)
    y2021 = unit("测试县人民政府", 2021, requests__carried_over__total=6)
    y2021["proactive.normative_documents.issued"] = 3
    y2021["proactive.normative_documents.repealed"] = 1
    y2021["proactive.normative_documents.in_force"] = 17
    y2022 = unit("测试县人民政府", 2022)
    y2022["proactive.normative_documents.issued"] = 0
    y2022["proactive.normative_documents.repealed"] = 0
    y2022["proactive.normative_documents.in_force"] = 20
    issues = xxgk.validate_series([y2022, y2020, y2021])
    assert [(i.code, i.rule, i.severity) for i in issues] == [
        ("XXGK-Y-001", "R8", "warning"),  # 2020→2021 across the format switch
        ("XXGK-Y-004", "R10", "warning"),  # 2021→2022
    ]
    assert issues[0].cells == ("requests.carried_over.total@2021", "requests.carried_forward.total@2020")
    assert (issues[1].expected, issues[1].actual) == ("17", "20")
    other = unit("另一县人民政府", 2023)
    with pytest.raises(ValueError, match="another body"):
        xxgk.validate_series([y2020, other])
    with pytest.raises(ValueError, match="same year"):
        xxgk.validate_series([y2020, y2020])


def test_seed_narrative_mismatch_is_a_warning(cangnan):
    assert [i.code for i in cangnan.validate() if i.code == "XXGK-N-006"] == []
    (issue,) = [i for i in cangnan.validate(narrative=True) if i.code == "XXGK-N-006"]
    assert issue == xxgk.check_narrative(cangnan)[0]
    assert issue.severity == "warning"
    assert (issue.expected, issue.actual) == ("45", "38")
    assert issue.pointer == "/overview/subsections/2/paragraphs/0"
    assert issue.cells == (
        "review_litigation.litigation_direct.total",
        "review_litigation.litigation_after_review.total",
    )
    figures = {f.measure: f for f in xxgk.extract_figures(cangnan)}
    assert figures["lawsuits"].value == 38
    assert figures["lawsuits"].parts == ("涉及诉讼2件", "涉及诉讼36件")
    assert figures["requests_received"].value == 234
    assert figures["normative_documents"].value == 226


def test_sample_narrative_has_no_false_positive(sample):
    assert xxgk.check_narrative(sample) == []
    measures = {f.measure: f.value for f in xxgk.extract_figures(sample)}
    assert measures["requests_received"] == 78 and measures["requests_concluded"] == 76


def test_aggregate_takes_a_report_header(cangnan):
    part = unit("灵溪镇", 2020, requests__received__total=5)
    result = xxgk.aggregate([part], header=cangnan.header)
    assert result.report.header == cangnan.header
    assert result.report["requests.received.total"].value == 5
    with pytest.raises(ValueError, match="header's year"):
        xxgk.aggregate([unit("灵溪镇", 2019)], header=cangnan.header)
