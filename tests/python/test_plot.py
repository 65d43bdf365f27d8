"""xxgk.plot (matplotlib): figures render to PNG and draw the report's numbers, never a blank as 0."""

import io

import pytest

matplotlib = pytest.importorskip("matplotlib", reason="python3-matplotlib (scripts/bootstrap installs it)")

import xxgk
import xxgk.plot
from conftest import CANGNAN


def png(fig):
    out = io.BytesIO()
    fig.savefig(out, format="png")
    data = out.getvalue()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000
    return data


def test_outcomes_bars_are_the_cells():
    report = xxgk.load(CANGNAN)
    fig = xxgk.plot.outcomes(report)
    png(fig)
    bars = fig.axes[0].patches
    shown, missing = xxgk.plot.outcome_values(report)
    assert [b.get_width() for b in bars] == [float(v) for _, v in shown]
    assert report["requests.granted.total"].value in [v for _, v in shown]
    # The blank 总计 of 2.其他法律行政法规禁止公开 is not drawn as 0: it is named as without a number.
    assert "withheld_prohibited_by_law" in missing
    assert "withheld_prohibited_by_law" in fig.axes[0].get_title()


def test_series_over_years_has_gaps_for_blanks():
    reports = []
    for year, value in ((2021, 10), (2022, None), (2023, 30)):
        r = xxgk.Report("2021")
        r.header.body, r.header.year = "某县人民政府", year
        r["requests.received.total"] = value
        reports.append(r)
    fig = xxgk.plot.series(reports, "requests.received.total", body="某县人民政府")
    png(fig)
    (line,) = fig.axes[0].get_lines()
    assert list(line.get_xdata()) == [2021, 2022, 2023]
    y = list(line.get_ydata())
    assert y[0] == 10 and y[2] == 30 and y[1] != y[1]  # NaN: a gap, not 0
