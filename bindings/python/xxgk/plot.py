"""Plots people ask for, with matplotlib (Debian: python3-matplotlib): a report's outcome breakdown
and a body's series over years. ``import xxgk.plot`` (matplotlib is needed only here).

Each function draws on a new ``matplotlib.figure.Figure`` (no pyplot, no global state: safe in
servers and threads) or on the ``ax`` given, and returns the Figure; save it with
``fig.savefig("out.png")``. Blank and not-captured cells are not drawn as 0: an outcome without a
number is left out and named in the title, a year without a number is a gap in the line.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple

from . import _core

__all__ = ["outcomes", "series", "OUTCOME_EXCLUDED_ROWS"]

#: Rows of section 三 that are not outcomes (inflow, carried over, totals, outflow).
OUTCOME_EXCLUDED_ROWS = ("received", "carried_over", "total", "carried_forward")


def _figure(ax: Any) -> Tuple[Any, Any]:
    if ax is not None:
        return ax.figure, ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.5), layout="constrained")
    return fig, fig.add_subplot()


def outcome_values(report: _core.Report) -> Tuple[List[Tuple[str, Any]], List[str]]:
    """The outcome rows of section 三 (column 总计) with a number, in table order, and the rows
    without one (blank, not applicable, text, not captured)."""
    from . import keys

    shown, missing = [], []
    for k in keys(report.format):
        key = str(k)
        section, row, column = key.split(".")
        if section != "requests" or column != "total" or row in OUTCOME_EXCLUDED_ROWS:
            continue
        cell = report[key]
        if cell.state == "number":
            shown.append((row, cell.value))
        else:
            missing.append(row)
    return shown, missing


def outcomes(report: _core.Report, *, ax: Any = None) -> Any:
    """A horizontal bar per outcome of section 三 (三、本年度办理结果, column 总计) of one report."""
    fig, ax = _figure(ax)
    shown, missing = outcome_values(report)
    rows = [row for row, _ in shown]
    ax.barh(rows, [float(v) for _, v in shown])
    ax.invert_yaxis()
    ax.set_xlabel("requests (总计)")
    title = f"{report.header.year} outcomes"
    if missing:
        title += f" (no number: {', '.join(missing)})"
    ax.set_title(title, fontsize=9)
    return fig


def series(
    reports: Iterable[_core.Report], key: str = "requests.received.total", *, body: Optional[str] = None, ax: Any = None
) -> Any:
    """One cell over the years of a body's reports (``body``: keep only that body's reports; one
    line per body otherwise). Years without a number are gaps, never 0."""
    fig, ax = _figure(ax)
    by_body: dict = {}
    for report in reports:
        if body is not None and report.header.body != body:
            continue
        cell = report[key]
        value = float(cell.value) if cell.state == "number" else float("nan")
        by_body.setdefault(report.header.body, []).append((report.header.year, value))
    for index, (name, points) in enumerate(sorted(by_body.items())):
        points.sort()
        ax.plot([y for y, _ in points], [v for _, v in points], marker="o", label=f"body {index + 1}")
    ax.set_xlabel("year")
    ax.set_ylabel(key)
    if len(by_body) > 1:
        ax.legend(fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig
