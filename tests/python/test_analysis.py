"""Frames for analysts (issue 17): report identity, ReportList paths and slices, the wide frame and
from_frame back, read_dir over a directory of every kind, 汇总 grouped by a column, typed narrowing."""

import decimal
import shutil
import warnings

import pandas as pd
import pytest

import xxgk
from conftest import CANGNAN, SAMPLE


def cells(report):
    out = {}
    for k in xxgk.keys(report.format):
        c = report[str(k)]
        out[str(k)] = (c.state, c.value, c.unit, c.raw if c.state in ("text", "not_applicable") else None)
    return out


@pytest.fixture(scope="module")
def generated():
    return [g.report for g in xxgk.generate("2021", 20, 5, faults=0.5)] + [g.report for g in xxgk.generate("2019", 20, 5, faults=0.5)]


def test_report_id_is_stable_and_distinguishes_reports(cangnan, sample):
    assert xxgk.report_id(cangnan) == xxgk.report_id(xxgk.load(CANGNAN))
    assert len(xxgk.report_id(cangnan)) == 16
    assert xxgk.report_id(cangnan) != xxgk.report_id(sample)
    changed = cangnan.copy()
    changed["requests.received.total"] = 1
    assert xxgk.report_id(changed) != xxgk.report_id(cangnan)
    frame = cangnan.to_frame()
    assert set(frame.report_id) == {xxgk.report_id(cangnan)}
    assert set(cangnan.findings_frame().report_id) == {xxgk.report_id(cangnan)}


def test_report_list_keeps_paths_and_slices_to_a_report_list():
    reports = xxgk.load_many([CANGNAN, SAMPLE])
    head = reports[:1]
    assert isinstance(head, xxgk.ReportList) and head.paths == [str(CANGNAN)]
    assert isinstance(reports[0], xxgk.Report)
    assert reports[::-1].paths == [str(SAMPLE), str(CANGNAN)]
    import pickle
    again = pickle.loads(pickle.dumps(reports))
    assert again.paths == reports.paths and len(again) == 2


def test_wide_frame_dtypes(cangnan, sample):
    wide = xxgk.ReportList([cangnan, sample]).to_frame(wide=True)
    assert len(wide) == 2
    assert list(wide.columns[:4]) == ["body", "year", "format", "report_id"]
    assert str(wide["requests.total.total"].dtype) == "Int64"
    assert str(wide.loc[0, "requests.total.total"]) == "228"
    assert str(wide["format"].dtype) == "category"
    # A blank is <NA>, never 0.
    assert pd.isna(wide.loc[0, "requests.withheld_prohibited_by_law.total"])
    money = [c for c in wide.columns if c in {str(k) for k in xxgk.keys("2021") if k.kind.startswith("amount")}]
    assert money and wide[money[0]].dtype == object
    assert all(isinstance(v, decimal.Decimal) for v in wide[money[0]] if v is not pd.NA)
    # Pivot by report_id: the same numbers as the long frame.
    long = xxgk.to_frame([cangnan, sample])
    pivot = long.pivot(index="report_id", columns="key", values="value")
    for _, row in wide.iterrows():
        assert pivot.loc[row.report_id, "requests.received.total"] == row["requests.received.total"]


def test_wide_states_round_trip(generated):
    wide = xxgk.to_wide(generated, states=True)
    assert str(wide["requests.total.total:state"].dtype) == "category"
    back = xxgk.from_frame(wide)
    assert len(back) == len(generated)
    for before, after in zip(generated, back):
        assert after.format == before.format and after.header.body == before.header.body
        assert cells(after) == cells(before)


def test_wide_without_states_never_invents_a_blank(cangnan):
    back = xxgk.from_frame(cangnan.to_wide())[0]
    assert back["requests.withheld_prohibited_by_law.total"].state == "not_captured"
    assert back["requests.total.total"].value == 228


@pytest.mark.parametrize("exact", [True, False])
def test_long_round_trip(generated, exact):
    back = xxgk.from_frame(xxgk.to_frame(generated, exact=exact))
    assert len(back) == len(generated)
    for before, after in zip(generated, back):
        assert cells(after) == cells(before)


def test_from_frame_rejects_nonsense():
    with pytest.raises(ValueError):
        xxgk.from_frame(pd.DataFrame({"a": [1]}))
    bad = xxgk.Report("2021").to_frame()
    bad.loc[0, "state"] = "maybe"
    with pytest.raises(ValueError, match="unknown cell state"):
        xxgk.from_frame(bad)


def test_load_many_says_what_it_does_not_read(tmp_path):
    (tmp_path / "page.html").write_text(xxgk.load(CANGNAN).render_html(), encoding="utf-8")
    with pytest.warns(UserWarning, match="1 other file"):
        reports = xxgk.load_many(tmp_path)
    assert len(reports) == 0 and reports.not_read == [str(tmp_path / "page.html")]


def test_read_dir_reads_every_kind(tmp_path):
    cangnan = xxgk.load(CANGNAN)
    shutil.copy(CANGNAN, tmp_path / "a.json")
    (tmp_path / "b.html").write_text(cangnan.render_html(), encoding="utf-8")
    (tmp_path / "c.md").write_text(cangnan.render_markdown(), encoding="utf-8")
    (tmp_path / "d.txt").write_text("not a report at all", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reports, log = xxgk.read_dir(tmp_path)
    assert reports.paths == ["a.json", "b.html", "c.md"]
    assert [r["requests.total.total"].value for r in reports] == [228, 228, 228]
    assert list(log.columns) == list(xxgk.IMPORT_LOG_COLUMNS)
    failed = log[log.level == "error"]
    assert failed.file.tolist() == ["d.txt"] and failed.code.tolist() == ["import_error"]
    assert set(log.file) >= {"b.html", "c.md"}
    frame = reports.to_frame()
    assert frame.file.unique().tolist() == ["a.json", "b.html", "c.md"]


def test_aggregate_by_year_keeps_provenance():
    reports = xxgk.ReportList([g.report for g in xxgk.generate("2021", 6, 3)])
    by_year = reports.aggregate(by=["year"])
    assert set(by_year) == {r.header.year for r in reports}
    for year, agg in by_year.items():
        members = [r for r in reports if r.header.year == year]
        want = sum(r["requests.received.total"].value for r in members)
        assert agg.report["requests.received.total"].value == want
        assert len(agg.sources["requests.received.total"].summed) == len(members)
    with pytest.raises(ValueError):
        reports.aggregate(by=["no_such_column"])


def test_typed_narrowing(cangnan, sample):
    assert cangnan.as_2019() is cangnan
    assert type(sample.as_2021().requests).__name__ == "Requests2021"
    with pytest.raises(TypeError):
        cangnan.as_2021()


def test_dask_import_log_frame_is_read_dirs_log(tmp_path):
    import xxgk.dask as xd

    cangnan = xxgk.load(CANGNAN)
    shutil.copy(CANGNAN, tmp_path / "a.json")
    (tmp_path / "b.html").write_text(cangnan.render_html(), encoding="utf-8")
    (tmp_path / "d.txt").write_text("not a report at all", encoding="utf-8")
    _, log = xxgk.read_dir(tmp_path)
    distributed = xd.import_log_frame(tmp_path, partition_size=1).compute(scheduler="sync")
    assert list(distributed.columns) == list(xxgk.IMPORT_LOG_COLUMNS)
    assert [f.rsplit("/", 1)[1] for f in distributed.file] == list(log.file)
    assert list(distributed.code) == list(log.code)
