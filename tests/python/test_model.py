"""The model from Python: attribute access, views whose edits stick, keys, assignment checks."""

import copy
import datetime
import gc
from decimal import Decimal

import pytest

import xxgk


# ---- attribute access with the canonical names


def test_attribute_access(cangnan, sample):
    assert cangnan.requests.received.natural_person.value == 228
    assert cangnan.requests.granted.natural_person.value == 116
    assert cangnan.proactive.procurement.amount.value == Decimal("17424.88")
    assert cangnan.proactive.procurement.amount.unit == "wan_yuan"
    assert cangnan.proactive.penalties.change.value == -58
    assert sample.header.body == "示例市生态环境局"
    assert sample.header.statistics_period.start == datetime.date(2022, 1, 1)
    assert sample.header.scope == "own" and sample.header.level == "prefectural"
    assert sample.overview.subsections[0].title == "主动公开"
    assert sample.review_litigation.review.total.value == sample["review_litigation.review.total"].value
    assert sample.processing_fees.raw.startswith("本年度")


def test_section_classes_follow_the_format(cangnan, sample):
    assert type(cangnan.requests).__name__ == "Requests2019"
    assert type(sample.requests).__name__ == "Requests2021"
    assert type(sample.proactive) is xxgk.Proactive2021
    assert type(cangnan.review_litigation) is type(sample.review_litigation)


def test_report_properties(sample):
    assert sample.format == "2021" and sample.year == 2022
    sample.year = 2023
    assert sample.header.year == 2023
    with pytest.raises(AttributeError):
        sample.format = "2019"


def test_repr_is_short_and_informative(cangnan):
    assert repr(cangnan) == "Report(body='苍南县人民政府', year=2020, format='2019')"
    assert repr(xxgk.Report(format="2021")) == "Report(body='', year=0, format='2021')"
    row = repr(cangnan.requests.received)
    assert row.startswith("ApplicantRow(natural_person=228, enterprise=3, research_institute=None, ")
    assert "organizations_subtotal=None" in row
    assert repr(cangnan.requests.withheld_prohibited_by_law.total) == "Cell()"
    assert "…" in repr(cangnan.header)  # long texts are cut


# ---- views: edits stick, no silent copies


def test_edits_through_views_stick(sample):
    row = sample.requests.granted
    row.total = 5
    assert sample.requests.granted.total.value == 5
    assert sample["requests.granted.total"].value == 5
    cell = sample.requests.granted.natural_person
    cell.value = 21
    assert sample.requests.granted.natural_person.value == 21
    header = sample.header
    header.body = "改名后的机关"
    assert sample.header.body == "改名后的机关" and repr(sample).startswith("Report(body='改名后的机关'")
    sample.overview.subsections[0].title = "新标题"
    assert sample.overview.subsections[0].title == "新标题"
    sample.header.contact.phone = "110"
    assert sample.to_dict()["header"]["contact"]["phone"] == "110"
    assert '"phone":"110"' in sample.dumps()


def test_views_keep_the_report_alive():
    cell = xxgk.load(xxgk_sample_path()).requests.granted.total
    sub = xxgk.load(xxgk_sample_path()).overview.subsections[1]
    gc.collect()
    assert cell.value == 33
    cell.value = 34
    assert cell.value == 34
    assert sub.title


def xxgk_sample_path():
    from conftest import SAMPLE

    return SAMPLE


def test_assigning_none_makes_a_cell_blank_never_zero(sample):
    sample.requests.granted.total = None
    cell = sample.requests.granted.total
    assert cell.is_blank and cell.value is None and cell.state == "blank"
    assert cell != 0 and cell == None  # noqa: E711 - a blank cell equals None
    assert '"total":null' in sample.dumps()
    sample["requests.granted.enterprise"] = None
    assert sample.requests.granted.enterprise.is_blank


def test_assigning_cells_and_decimals(sample):
    sample.proactive.fees.amount = Decimal("12.50")
    assert sample.proactive.fees.amount.value == Decimal("12.50")
    assert str(sample.proactive.fees.amount.value) == "12.50"  # the printed scale is kept
    sample.requests.granted.total = xxgk.Cell.not_applicable("-")
    assert sample.requests.granted.total.state == "not_applicable"
    assert sample.requests.granted.total.raw == "-"
    sample.requests.granted.total = sample.requests.carried_over.total  # a copy of the other cell's value
    sample.requests.granted.total.value = 99
    assert sample.requests.carried_over.total.value != 99
    sample.requests.granted.total = {"value": "7", "raw": "7件"}
    assert sample.requests.granted.total.value == 7 and sample.requests.granted.total.raw == "7件"


def test_whole_rows_and_sections_assign_by_value(sample):
    sample.requests.granted = sample.requests.received
    assert sample.requests.granted == sample.requests.received
    sample.requests.granted.total = 1
    assert sample.requests.received.total.value != 1
    sample.requests.granted = {"natural_person": 1, "total": 1}
    assert sample.requests.granted.natural_person.value == 1 and sample.requests.granted.enterprise.is_blank
    other = xxgk.Report(format="2021")
    other.requests = sample.requests
    assert other.requests == sample.requests
    with pytest.raises(TypeError, match="Requests2019"):
        xxgk.Report(format="2019").requests = sample.requests


def test_stale_views_raise_reference_error(sample):
    overview = sample.overview
    first = sample.overview.subsections[0]
    last = sample.overview.subsections[-1]
    sample.overview = None
    assert sample.overview is None
    with pytest.raises(ReferenceError, match="overview"):
        overview.heading
    with pytest.raises(ReferenceError):
        first.title = "x"
    sample.overview = {"heading": "一、总体情况", "subsections": [{"title": "甲"}]}
    assert first.title == "甲"  # a view is a path: it finds whatever is there now
    with pytest.raises(ReferenceError):
        last.title


def test_removed_list_elements_do_not_crash(sample):
    subs = sample.overview.subsections
    third = subs[2]
    subs.clear()
    with pytest.raises(ReferenceError):
        third.paragraphs
    for _ in range(1000):  # reallocations under views must not crash
        subs.append({"title": "x"})
    assert len(subs) == 1000 and subs[999].title == "x"


# ---- lists


def test_string_lists_behave_like_lists(sample):
    bases = sample.header.legal_bases
    n = len(bases)
    bases.append("《新法》")
    assert len(sample.header.legal_bases) == n + 1 and sample.header.legal_bases[-1] == "《新法》"
    assert "《新法》" in bases and bases.index("《新法》") == n and bases.count("《新法》") == 1
    assert bases == list(bases) and bases != ["x"]
    bases[0] = "甲"
    assert sample.header.legal_bases[0] == "甲"
    assert bases.pop() == "《新法》"
    bases.insert(0, "乙")
    assert bases[:2] == ["乙", "甲"]
    del bases[0]
    bases.remove("甲")
    bases.extend(["a", "b"])
    assert bases[-2:] == ["a", "b"]
    sample.header.legal_bases = ("x", "y")
    assert sample.header.legal_bases == ["x", "y"] and sample.header.legal_bases.to_list() == ["x", "y"]
    with pytest.raises(TypeError):
        bases.append(1)
    with pytest.raises(IndexError):
        bases[10]
    with pytest.raises(ValueError):
        bases.remove("nope")


def test_struct_lists(sample):
    subs = sample.overview.subsections
    subs.append(xxgk.Subsection(ordinal="（九）", title="新增", paragraphs=["段落"]))
    assert sample.overview.subsections[-1].title == "新增"
    subs[-1].paragraphs.append("又一段")
    assert sample.overview.subsections[-1].paragraphs == ["段落", "又一段"]
    popped = subs.pop()
    assert isinstance(popped, xxgk.Subsection) and popped.title == "新增" and len(popped.paragraphs) == 2
    assert [s.ordinal for s in subs][:2] == ["（一）", "（二）"]
    assert subs[0] in subs and {"title": "no"} not in subs


# ---- keys


def test_getitem_and_setitem_by_key(sample):
    assert sample["requests.granted.natural_person"].value == 20
    sample["requests.granted.natural_person"] = 3
    assert sample.requests.granted.natural_person.value == 3
    assert "requests.granted.total" in sample and "requests.other.total" not in sample and 5 not in sample


def test_unknown_key_is_a_key_error_naming_it(sample, cangnan):
    with pytest.raises(KeyError) as info:
        sample["requests.other.total"]
    e = info.value
    assert isinstance(e, xxgk.UnknownKeyError) and e.key == "requests.other.total" and e.format == "2021"
    assert "requests.other.total" in str(e) and "2019" in str(e)
    with pytest.raises(xxgk.UnknownKeyError, match="only in the 2021 format"):
        cangnan["requests.other_misc.total"] = 1
    with pytest.raises(KeyError, match="requests.granted"):
        sample["requests.granted"]
    with pytest.raises(TypeError):
        sample[0]


def test_keys_with_labels(sample):
    keys = sample.keys()
    assert len(keys) == 200 and len(xxgk.keys("2019")) == 198 and xxgk.keys(2019) == xxgk.keys("2019")
    k = keys[[str(k) for k in keys].index("requests.granted.enterprise")]
    assert isinstance(k, str) and k == "requests.granted.enterprise"
    assert (k.section, k.row, k.column, k.kind) == ("requests", "granted", "enterprise", "count")
    assert k.pointer == "/requests/granted/enterprise" and k.format_version == "2021"
    assert k.section_label == "三、收到和处理政府信息公开申请情况"
    assert k.row_label == "（一）予以公开" and k.column_label == "商业企业" and k.column_group == "法人或其他组织"
    assert k.label_path.endswith("（一）予以公开 › 法人或其他组织 › 商业企业")
    assert keys[k.position] == k and k.position == 25
    # row_info and column_info are the C++ row_label and column_label, by name (their descriptions)
    assert xxgk.RowLabel._fields == ("section", "id", "label", "group", "role")
    assert xxgk.ColumnLabel._fields == ("section", "id", "label", "group")
    assert k.row_info.to_dict() == {
        "section": "requests", "id": "granted", "label": "（一）予以公开", "group": "outcome", "role": "outcome_leaf"}
    assert k.column_info.to_dict() == {
        "section": "requests", "id": "enterprise", "label": "商业企业", "group": "法人或其他组织"}
    assert k.row_info == keys[k.position - 1].row_info and k.column_info != keys[k.position - 1].column_info
    assert xxgk.keys("2021")[0].kind == "count"
    assert {k.kind for k in xxgk.keys("2019")} == {"count", "signed_count", "amount"}
    items = sample.items()
    assert items[0][0] == keys[0] and items[0][1].key == keys[0]
    with pytest.raises(ValueError):
        xxgk.keys("2020")


def test_cells_know_their_key_and_kind(sample):
    assert sample.proactive.fees.amount.kind == "amount_wan_yuan"
    assert sample.requests.granted.total.key == "requests.granted.total"
    assert sample["requests.granted.total"].kind == "count"
    assert xxgk.Cell(5).key is None and xxgk.Cell(5).kind is None


# ---- constructing and comparing


def test_empty_reports(empty):
    assert all(cell.is_blank for _, cell in empty.items())
    assert empty.header.body == "" and empty.overview is None
    assert empty == xxgk.Report(format=empty.format)
    assert empty != xxgk.Report(format="2019" if empty.format == "2021" else "2021")


def test_report_from_keyword_arguments(sample):
    r = xxgk.Report("2021", header={"body": "某局", "year": 2022}, requests=sample.requests)
    assert r.header.body == "某局" and r.year == 2022 and r.requests == sample.requests
    assert xxgk.Report(**sample.to_dict()) == sample
    with pytest.raises(TypeError, match="unexpected keyword argument 'nope'"):
        xxgk.Report(nope=1)
    with pytest.raises(ValueError):
        xxgk.Report(format="2020")
    with pytest.raises(TypeError):
        xxgk.Report(format=2021.0)


def test_struct_constructors_and_to_dict():
    sub = xxgk.Subsection(title="标题", paragraphs=["一", "二"])
    assert sub.title == "标题" and sub.ordinal is None and sub.paragraphs == ["一", "二"]
    assert xxgk.Subsection(**sub.to_dict()) == sub
    period = xxgk.DatePeriod(start="2022-01-01", end=datetime.date(2022, 12, 31))
    assert period.to_dict() == {"start": datetime.date(2022, 1, 1), "end": datetime.date(2022, 12, 31)}
    with pytest.raises(TypeError, match="no member 'bogus'"):
        xxgk.Subsection(bogus=1)
    with pytest.raises(TypeError):
        xxgk.Subsection("positional")


def test_equality_and_copies(sample):
    other = xxgk.loads(sample.dumps())
    assert other == sample and other is not sample
    assert sample != "not a report" and (sample == 1) is False
    twin = sample.copy()
    twin.requests.granted.total = 0
    assert twin != sample and sample.requests.granted.total.value == 33
    assert copy.deepcopy(sample) == sample and copy.copy(sample) == sample
    header = sample.header.copy()
    header.body = "副本"
    assert sample.header.body != "副本"
    assert copy.copy(sample.requests.granted) == sample.requests.granted
    assert sample.requests.granted != sample.requests.received


# ---- bad input never crashes


@pytest.mark.parametrize(
    "target, value, error",
    [
        ("header.year", "x", TypeError),
        ("header.year", 2.5, TypeError),
        ("header.year", True, TypeError),
        ("header.year", 10**30, OverflowError),
        ("header.year", 2**40, OverflowError),
        ("header.body", None, TypeError),
        ("header.body", b"bytes", TypeError),
        ("header.body", "\ud800", ValueError),
        ("header.scope", "galactic", ValueError),
        ("header.scope", "own\0x", ValueError),
        ("header.scope", 1, TypeError),
        ("header.publication_date", "2023-02-30", ValueError),
        ("header.publication_date", datetime.datetime(2023, 1, 1), TypeError),
        ("header.publication_date", datetime.date(1800, 1, 1), ValueError),
        ("header.legal_bases", "not a list", TypeError),
        ("header.legal_bases", [1], TypeError),
        ("header.contact", 5, TypeError),
        ("header.contact", {"mobile": "1"}, TypeError),
        ("requests.granted.total", 10**19, OverflowError),
        ("requests.granted.total", -(10**30), OverflowError),
        ("requests.granted.total", 1.5, TypeError),
        ("requests.granted.total", "5", TypeError),
        ("requests.granted.total", True, TypeError),
        ("requests.granted.total", object(), TypeError),
        ("requests.granted.total", Decimal("NaN"), ValueError),
        ("requests.granted.total", Decimal("1E+40"), OverflowError),
        ("requests.granted.total", Decimal("1E-40"), ValueError),
        ("requests.granted.total", {"value": 1, "state": "blank"}, ValueError),
        ("requests.granted.total", {"colour": "red"}, TypeError),
        ("processing_fees.billed", "12,5", ValueError),
        ("processing_fees.notices", -(2**70), OverflowError),
        ("processing_fees.charged", 1, TypeError),
        ("overview.subsections", [{"title": 5}], TypeError),
    ],
)
def test_bad_assignments_raise_and_leave_the_report_unchanged(sample, target, value, error):
    *parents, name = target.split(".")
    obj = sample
    for p in parents:
        obj = getattr(obj, p)
    before = sample.dumps()
    with pytest.raises(error) as info:
        setattr(obj, name, value)
    assert name in str(info.value)
    assert sample.dumps() == before


def test_unknown_attributes_are_attribute_errors(sample, cangnan):
    with pytest.raises(AttributeError):
        sample.requests.granted.colour
    with pytest.raises(AttributeError):
        sample.requests.granted.colour = 1
    with pytest.raises(AttributeError, match="only in the 2019 format"):
        sample.requests.other
    with pytest.raises(AttributeError, match="only in the 2021 format"):
        cangnan.requests.other_misc
    with pytest.raises(AttributeError):
        sample.nope
    with pytest.raises(AttributeError):
        xxgk.Cell(1).nope


def test_processing_fees_only_in_2021(cangnan, sample):
    assert cangnan.processing_fees is None
    with pytest.raises(ValueError, match="2021"):
        cangnan.processing_fees = {"charged": False}
    cangnan.processing_fees = None
    sample.processing_fees = {"charged": True, "notices": 2, "billed": Decimal("30.00"), "collected": "30"}
    assert sample.processing_fees.billed == Decimal("30.00") and sample.processing_fees.collected == 30
    assert xxgk.loads(sample.dumps()) == sample
