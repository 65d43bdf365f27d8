"""Cells: states, exact values, units, raw text and provenance."""

from decimal import Decimal

import pytest

import xxgk


def test_constructors():
    assert xxgk.Cell().is_blank and xxgk.Cell.blank() == xxgk.Cell()
    five = xxgk.Cell(5)
    assert five.is_number and five.value == 5 and five.state == "number" and five.unit is None
    money = xxgk.Cell(Decimal("17424.88"), unit="wan_yuan", raw="17424.88 万元")
    assert money.value == Decimal("17424.88") and money.unit == "wan_yuan" and money.raw == "17424.88 万元"
    assert xxgk.Cell.number(Decimal("1.5"), "yuan") == xxgk.Cell(Decimal("1.5"), unit="yuan")
    na = xxgk.Cell.not_applicable()
    assert na.state == "not_applicable" and na.raw == "-" and na.value is None
    assert xxgk.Cell.text("不详").state == "text"
    assert xxgk.Cell.not_captured().state == "not_captured"
    assert xxgk.Cell(state="not_applicable", raw="/").raw == "/"


def test_constructor_errors():
    with pytest.raises(ValueError):
        xxgk.Cell(5, state="blank")
    with pytest.raises(ValueError):
        xxgk.Cell(state="number")
    with pytest.raises(ValueError):
        xxgk.Cell(unit="yuan")
    with pytest.raises(TypeError):
        xxgk.Cell("5")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        xxgk.Cell(5.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        xxgk.Cell(5, unit="dollar")  # type: ignore[arg-type]


def test_values_are_exact():
    assert type(xxgk.Cell(10).value) is int
    kept = xxgk.Cell(Decimal("1.50")).value
    assert isinstance(kept, Decimal) and str(kept) == "1.50"
    assert xxgk.Cell(Decimal("2E+3")).value == 2000 and type(xxgk.Cell(Decimal("2E+3")).value) is int
    big = 2**63 - 1
    assert xxgk.Cell(big).value == big
    assert xxgk.Cell(-(2**63)).value == -(2**63)
    with pytest.raises(OverflowError):
        xxgk.Cell(2**63)
    assert xxgk.Cell(Decimal("0.000000000000000001")).value == Decimal("1E-18")


def test_equality():
    assert xxgk.Cell(5) == 5 and xxgk.Cell(5) == Decimal("5.00") and xxgk.Cell(5) != 6
    assert xxgk.Cell() == None  # noqa: E711
    assert xxgk.Cell() != 0  # a blank is never 0
    assert xxgk.Cell(0) == 0 and xxgk.Cell(0) != None  # noqa: E711
    assert xxgk.Cell(Decimal("1.5")) != xxgk.Cell(Decimal("1.50"))  # they print differently
    assert xxgk.Cell(5, raw="5") != xxgk.Cell(5)
    assert xxgk.Cell(1) != True  # noqa: E712 - booleans are not numbers here
    assert xxgk.Cell(1) != "1"


def test_editing_a_cell_of_a_report(cangnan):
    amount = cangnan.proactive.procurement.amount
    assert amount.raw == "17424.88 万元"
    amount.value = Decimal("100.5")
    assert cangnan.proactive.procurement.amount.value == Decimal("100.5")
    assert cangnan.proactive.procurement.amount.unit == "wan_yuan"  # kept
    amount.unit = "yuan"
    assert cangnan["proactive.procurement.amount"].unit == "yuan"
    amount.raw = None
    amount.state = "not_applicable"
    assert amount.value is None and amount.unit is None
    with pytest.raises(ValueError):
        amount.state = "number"  # only a value makes a number
    with pytest.raises(ValueError):
        amount.unit = "yuan"
    amount.value = None
    assert amount.is_blank
    with pytest.raises(ValueError):
        amount.state = "nonsense"


def test_provenance_is_a_view(sample):
    cell = sample.requests.granted.total
    assert cell.source is None
    cell.source = {"line": 3, "column": 7}
    source = cell.source
    assert isinstance(source, xxgk.Provenance) and (source.line, source.column, source.table) == (3, 7, None)
    source.table = 1
    assert sample.requests.granted.total.source.table == 1
    assert '"source":{"line":3,"column":7,"table":1}' in sample.dumps()
    with pytest.raises(OverflowError):
        source.row = -1
    cell.source = None
    assert cell.source is None
    with pytest.raises(ReferenceError):
        source.line


def test_to_dict_and_repr():
    money = xxgk.Cell(Decimal("1.50"), unit="wan_yuan", raw="1.50万元", source=xxgk.Provenance(line=1))
    d = money.to_dict()
    assert d["state"] == "number" and d["value"] == Decimal("1.50") and d["unit"] == "wan_yuan"
    assert d["source"]["line"] == 1
    assert xxgk.Cell(**d) == money
    assert repr(xxgk.Cell(5)) == "Cell(5)"
    assert repr(xxgk.Cell()) == "Cell()"
    assert repr(xxgk.Cell.not_applicable()) == "Cell(state='not_applicable', raw='-')"
    assert repr(money).startswith("Cell(Decimal('1.50'), unit='wan_yuan', raw='1.50万元', source=Provenance(")


def test_copies_are_independent(sample):
    cell = sample.requests.granted.total.copy()
    cell.value = 1000
    assert sample.requests.granted.total.value == 33
    assert cell.kind is None or cell.kind == "count"
