#!/usr/bin/python3
"""Loads the example reports, validates them and prints a small pandas summary.

    /usr/bin/python3 examples/python/analysis.py [DIRECTORY_OR_FILES...]

Without arguments it reads examples/data/*.json. Needs the xxgk package (pip install
./bindings/python, or PYTHONPATH=<build>/bindings/python) and pandas.
"""

import sys
from pathlib import Path

import pandas as pd

import xxgk

DATA = Path(__file__).resolve().parent.parent / "data"


def main(argv):
    sources = [Path(a) for a in argv] or [DATA]
    paths = []
    for source in sources:
        paths.extend(sorted(source.glob("*.json")) if source.is_dir() else [source])

    # Bad files are skipped and listed, not fatal: a real crawl has plenty of them.
    reports = xxgk.load_many(paths, errors="skip")
    for failure in reports.failures:
        print(f"skipped {failure.path}: {str(failure.error).splitlines()[0]}")

    # 1. Validation: one line per report, then the errors themselves.
    issues = reports.findings_frame(include_info=False)
    print("== validation")
    for report in reports:
        mine = issues[(issues.body == report.header.body) & (issues.year == report.year)]
        counts = mine.severity.value_counts()
        print(f"{report.header.body} {report.year} (format {report.format}): "
              f"{counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings")
    for _, issue in issues[issues.severity == "error"].iterrows():
        print(f"  {issue.code} {issue.key}: {issue.message_zh}")

    # 2. The cells in long format. Blank cells have value <NA> (never 0) and state 'blank'.
    cells = reports.to_frame()
    print("\n== cell states")
    states = cells.pivot_table(index=["body", "year"], columns="state", values="key", aggfunc="count", fill_value=0)
    print(states.to_string())

    # 3. Requests received and how they were handled, per report (section 三, column 总计).
    print("\n== requests (总计)")
    rows = ["received", "granted", "partially_granted", "total", "carried_forward"]
    totals = cells[cells.key.isin([f"requests.{row}.total" for row in rows])].copy()
    totals["row"] = totals.key.str.split(".").str[1]
    table = totals.pivot_table(index=["body", "year"], columns="row", values="value", aggfunc="first")
    table = table.reindex(columns=rows).astype("Int64")  # counts: integers, <NA> where blank
    table["granted_share"] = (table.granted / table.total).round(3)
    with pd.option_context("display.width", 120):
        print(table.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
