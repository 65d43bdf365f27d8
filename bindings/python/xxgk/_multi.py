"""Many reports: 汇总 aggregation and its reverse check, the cross-year series rules, the figures
stated in the prose (docs/multi.md). The work is done by the C++ core (include/xxgk/aggregate.hpp,
series.hpp, narrative.hpp); this module gives the results Python shapes."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _core
from ._core import Finding, Report, ReportHeader


class CellSources(NamedTuple):
    """Where the sum of one cell came from: positions in the list of sub-unit reports.
    Every report is in exactly one of the three tuples."""

    summed: Tuple[int, ...]
    """reports whose cell held a number (explicit 0 included): they make the sum"""
    blank: Tuple[int, ...]
    """reports whose cell was blank or not applicable: not added"""
    unknown: Tuple[int, ...]
    """reports whose cell could not be added (unreadable, not captured, money without a unit,
    overflow): when not empty the sum is a lower bound"""


class Aggregation(NamedTuple):
    """The result of :func:`aggregate`: the 汇总 report and the provenance of each cell."""

    report: Report
    """the compiled report: the given header, every cell summed"""
    sources: Dict[str, CellSources]
    """cell key → CellSources, in table order"""


class StatedFigure(NamedTuple):
    """A figure the prose of sections 一 or 五 states (:func:`extract_figures`)."""

    measure: str
    """what it counts: 'requests_received', 'lawsuits', 'normative_documents', …"""
    value: Union[int, Decimal]
    """the figure, or the sum of the parts one sentence gives (县本级 … ；下属单位 …)"""
    parts: Tuple[str, ...]
    """the phrases it was read from, as printed"""
    complete: bool
    """False when only some parts of a split sentence state it (the value is a lower bound)"""
    sentence: str
    """the whole sentence, as printed"""
    pointer: str
    """JSON Pointer of the paragraph"""


def aggregate(reports: Iterable[Report], header: Union[ReportHeader, Mapping[str, Any], None] = None) -> Aggregation:
    """The 汇总 (compiled) report of sub-unit reports of one format and year.

    Every cell is summed with blank semantics kept: no report holds a number → blank; numbers and
    blanks → the exact sum, with ``sources[key]`` saying which reports were summed, blank or
    unknown. Money is summed exactly (元 and 万元 mixed: in 万元). ``header`` (a ReportHeader or a
    dict of its members; year 0 or absent → the reports' year) becomes the new report's header.
    Raises ValueError when the reports differ in format or year, or the list is empty."""
    if isinstance(header, ReportHeader):
        header = header.to_dict()
    report, sources = _core._aggregate(list(reports), header)
    return Aggregation(report, {key: CellSources(*value) for key, value in sources.items()})


def check_aggregate(published: Report, parts: Iterable[Report]) -> List[Finding]:
    """The reverse 汇总 check: an Finding (XXGK-A-001…003) for every cell where the published
    compiled report differs from the sum of its sub-unit reports. ``cells`` names the key and
    each contributing part as ``'<key>@parts/<i>'``. Raises ValueError when formats or years differ."""
    return _core.check_aggregate(published, list(parts))


def validate_series(reports: Iterable[Report]) -> List[Finding]:
    """The cross-year rules over one body's reports of several years, in any order: R8
    (XXGK-Y-001), R9 (XXGK-Y-002, -003), R10 (XXGK-Y-004), missing years (XXGK-Y-005). Each Finding
    is about year N's cell; ``cells`` names every term as ``'<key>@<year>'``.
    Raises ValueError when bodies or scopes differ, or a year appears twice."""
    return _core.validate_series(list(reports))


def check_narrative(report: Report) -> List[Finding]:
    """The figures stated in the prose of sections 一 and 五 against the tables: XXGK-N-006
    (warning) for each figure that matches none of the cells its wording can mean. Also run by
    ``report.validate(narrative=True)``."""
    return _core.check_narrative(report)


def extract_figures(report: Report) -> List[StatedFigure]:
    """The figures the prose of sections 一 and 五 states, for the common phrasings (requests
    received, concluded, carried over/forward, 行政复议, 行政诉讼, 纠错, normative documents).
    Ambiguous wording yields nothing."""
    return [StatedFigure(*f) for f in _core._extract_figures(report)]
