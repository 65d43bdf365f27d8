"""pandas: one row per cell (blank stays distinguishable from 0), one row per finding."""

import csv
import io
import os
import subprocess
from decimal import Decimal

import pandas as pd
import pytest

import xxgk
from conftest import CANGNAN, SAMPLE


def test_columns_are_derived_from_cell_record(cangnan):
    frame = cangnan.to_frame()
    assert list(frame.columns) == ["body", "year", "format", "report_id", "key", "section", "row_label", "column_label",
                                   "value", "state", "unit", "raw"]
    assert list(frame.columns) == list(xxgk.FRAME_COLUMNS)
    assert len(frame) == 198 and list(frame.key) == [str(k) for k in cangnan.keys()]
    assert str(frame.value.dtype) == "Float64" and str(frame.year.dtype) == "int64"
    assert set(frame.body) == {"苍南县人民政府"} and set(frame.year) == {2020} and set(frame.format) == {"2019"}


def test_blank_is_na_never_zero(cangnan):
    frame = cangnan.to_frame().set_index("key")
    blank = frame.loc["requests.withheld_prohibited_by_law.total"]
    assert blank.state == "blank" and pd.isna(blank.value)
    zero = frame.loc["proactive.regulations.new_made"]
    assert zero.state == "number" and zero.value == 0 and not pd.isna(zero.value)
    numbers = frame[frame.state == "number"]
    assert numbers.value.notna().all() and frame[frame.state != "number"].value.isna().all()
    assert frame.value.sum() == numbers.value.sum()  # NA is skipped, not counted as 0


def test_labels_units_and_raw(cangnan):
    frame = cangnan.to_frame().set_index("key")
    row = frame.loc["requests.granted.enterprise"]
    assert row.section == "三、收到和处理政府信息公开申请情况"
    assert row.row_label == "三、本年度办理结果 › （一）予以公开"
    assert row.column_label == "法人或其他组织 › 商业企业"
    amount = frame.loc["proactive.procurement.amount"]
    assert amount.unit == "wan_yuan" and amount.raw == "17424.88 万元" and amount.value == pytest.approx(17424.88)
    assert frame.loc["requests.granted.total"].unit is None and frame.loc["requests.granted.total"].raw is None


def test_exact_values(cangnan, sample):
    frame = xxgk.to_frame([cangnan, sample], exact=True).set_index(["year", "key"])
    assert frame.value.dtype == object
    amount = frame.loc[(2020, "proactive.procurement.amount")].value
    assert amount == Decimal("17424.88") and isinstance(amount, Decimal)
    fees = frame.loc[(2022, "proactive.fees.amount")].value
    assert fees == Decimal("36.482571")
    count = frame.loc[(2020, "requests.received.natural_person")].value
    assert count == 228 and type(count) is int
    assert frame.loc[(2020, "requests.withheld_prohibited_by_law.total")].value is pd.NA


def test_many_reports(cangnan, sample):
    frame = xxgk.to_frame([cangnan, sample])
    assert len(frame) == 198 + 200
    assert frame.groupby("format").size().to_dict() == {"2019": 198, "2021": 200}
    by_year = frame[frame.key == "requests.received.total"].set_index("year").value
    assert by_year[2020] == cangnan.requests.received.total.value
    assert by_year[2022] == sample.requests.received.total.value
    loaded = xxgk.load_many([CANGNAN, SAMPLE])
    assert loaded.paths == [str(CANGNAN), str(SAMPLE)]
    # A ReportList knows its files: its frame is the same with a first column `file`.
    assert loaded.to_frame().drop(columns="file").equals(frame)
    assert list(loaded.to_frame().file.unique()) == [str(CANGNAN), str(SAMPLE)]
    empty = xxgk.to_frame([])
    assert list(empty.columns) == list(xxgk.FRAME_COLUMNS) and len(empty) == 0
    with pytest.raises(TypeError):
        xxgk.to_frame(["not a report"])


def test_frame_follows_edits(sample):
    sample.requests.granted.total = None
    sample["requests.granted.natural_person"] = 0
    frame = sample.to_frame().set_index("key")
    assert pd.isna(frame.loc["requests.granted.total"].value)
    assert frame.loc["requests.granted.total"].state == "blank"
    assert frame.loc["requests.granted.natural_person"].value == 0


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
@pytest.mark.parametrize("path", [CANGNAN, SAMPLE])
def test_frame_matches_the_cells_csv_of_the_cli(path):
    out = subprocess.run([os.environ["XXGK_CLI"], "cells", str(path)], capture_output=True, check=True)
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))
    frame = xxgk.load(path).to_frame(exact=True)
    assert len(rows) == len(frame)
    for row, (_, record) in zip(rows, frame.iterrows()):
        for name in ("key", "section", "row_label", "column_label", "state"):
            assert row[name] == record[name]
        assert row["unit"] == (record.unit or "") and row["raw"] == (record.raw or "")
        assert row["value"] == ("" if record.value is pd.NA else str(record.value))


def test_findings_frame(cangnan, sample):
    frame = cangnan.findings_frame()
    assert list(frame.columns) == list(xxgk.FINDING_COLUMNS)
    assert list(frame.columns)[4:] == list(xxgk.FINDING_FIELDS)
    errors = frame[frame.severity == "error"]
    assert list(errors.code) == ["XXGK-T3-004"] and list(errors.key) == ["requests.withheld_prohibited_by_law.total"]
    assert (frame.severity >= "warning").sum() == len(cangnan.validate(include_info=False))
    both = xxgk.findings_frame([cangnan, sample], include_info=False)
    assert set(both.body) <= {"苍南县人民政府", "示例市生态环境局"} and both.year.dtype == "int64"
    assert len(xxgk.findings_frame([])) == 0
