"""The analyst's journey of issue 17, end to end: 500 generated reports written as files of the
kinds portals publish, read back with read_dir, their frames pivoted by report_id.

(The rest of the journey — install to a non-default prefix, then pkg-config and CMake for C and C++
— is the packaging.* tests: packaging.static.{install,find_package,pkg_config,c_pkg_config,
c_find_package,readme}.)
"""

import pandas as pd

import xxgk

COUNT = 500


def test_500_reports_to_frames_pivoted_by_report_id(tmp_path):
    generated = [g.report for g in xxgk.generate("2021", COUNT // 2, 11, faults=0.2)]
    generated += [g.report for g in xxgk.generate("2019", COUNT // 2, 11, faults=0.2)]
    for i, report in enumerate(generated):
        if i % 5 == 0:   # every fifth as the published HTML page, the rest as canonical JSON
            (tmp_path / f"r{i:03d}.html").write_text(report.render_html(), encoding="utf-8")
        else:
            report.dump(tmp_path / f"r{i:03d}.json")
    reports, log = xxgk.read_dir(tmp_path)
    assert len(reports) == COUNT and (log.level == "error").sum() == 0
    assert len(set(reports.paths)) == COUNT

    long = reports.to_frame()
    wide = reports.to_wide()
    assert len(wide) == COUNT and wide.report_id.is_unique
    assert long.report_id.nunique() == COUNT
    pivot = long.pivot(index="report_id", columns="key", values="value")
    assert pivot.shape[0] == COUNT
    # The pivot of the long frame and the wide frame hold the same numbers, report by report.
    key = "requests.received.total"
    by_id = wide.set_index("report_id")[key]
    for rid, value in pivot[key].items():
        assert (pd.isna(value) and pd.isna(by_id[rid])) or value == by_id[rid]
    # Every report read back holds the cells it was written with (HTML imports back exactly).
    written = {xxgk.report_id(r): r for r in generated}
    for report, path in zip(reports, reports.paths):
        if path.endswith(".json"):
            assert xxgk.report_id(report) in written
    # 汇总 by year keeps its provenance for every group.
    by_year = xxgk.ReportList([r for r in reports if r.format == "2021"]).aggregate(by=["year"])
    assert sum(len(a.sources[key].summed) + len(a.sources[key].blank) + len(a.sources[key].unknown)
               for a in by_year.values()) == sum(1 for r in reports if r.format == "2021")
