"""pandas views of reports: one row per cell (to_frame) and one row per finding (findings_frame).

pandas is imported only when a frame is asked for: ``import xxgk`` does not need it.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["to_frame", "findings_frame", "report_id", "FRAME_COLUMNS", "FINDING_COLUMNS"]


def report_id(report: _core.Report) -> str:
    """A report's stable identity in frames: the first 16 hex digits of the SHA-256 of its canonical
    JSON (``report.dumps()``, deterministic). The same report gives the same id on every machine and
    run; two reports that differ in anything (a cell, the header) have different ids."""
    return hashlib.sha256(report.dumps().encode("utf-8")).hexdigest()[:16]

#: Columns of ``to_frame``: the report's identity, then the members of the C++ ``xxgk::cell_record``
#: in their order (the same columns as the CSV of ``xxgk cells``).
FRAME_COLUMNS = ("body", "year", "format", "report_id") + tuple(_core.CELL_RECORD_FIELDS)
#: Columns of ``findings_frame``: the report's identity, then the members of ``xxgk::finding``.
FINDING_COLUMNS = ("body", "year", "format", "report_id") + tuple(_core.FINDING_FIELDS)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - pandas is installed where the tests run
        raise ImportError("xxgk's data frames need pandas (Debian: apt install python3-pandas)") from e
    return pandas


def _reports(reports: Any) -> List[_core.Report]:
    if isinstance(reports, _core.Report):
        return [reports]
    out = list(reports)
    for r in out:
        if not isinstance(r, _core.Report):
            raise TypeError(f"expected Report objects, got {type(r).__name__}")
    return out


def _files(files: Optional[Sequence[str]], reports: List[_core.Report]) -> Optional[List[str]]:
    if files is None:
        return None
    if isinstance(files, (str, bytes)):
        raise TypeError("files: expected a sequence of names, one per report, not a single string")
    names = [str(f) for f in files]
    if len(names) != len(reports):
        raise ValueError(f"files: {len(names)} names for {len(reports)} reports")
    return names


def to_frame(
    reports: Union[_core.Report, Iterable[_core.Report]], *, exact: bool = False, files: Optional[Sequence[str]] = None
) -> "pandas.DataFrame":
    """One row per cell of every report (long format), in table order.

    Columns: body, year, format, report_id (see ``report_id``), then key, section, row_label, column_label, value, state, unit, raw
    (the members of the C++ ``xxgk::cell_record``). ``value`` is the number of a cell in state
    'number' and <NA> for every other state — a blank is never 0; ``state`` tells blank,
    not_applicable, text and not_captured apart. By default ``value`` has pandas' nullable
    ``Float64`` dtype (exact for every integer up to 2**53, so for every count); ``exact=True``
    gives an ``object`` column of int and decimal.Decimal (money keeps every printed digit) with
    <NA> for missing values. ``unit`` and ``raw`` are None when the cell has none.
    ``files`` (one name per report, e.g. the paths read) adds a first column ``file``: the columns
    of ``xxgk corpus``'s cells.csv, and of ``xxgk.dask.cells_frame``.
    """
    pd = _pandas()
    reports = _reports(reports)
    names = _files(files, reports)
    columns: Dict[str, list] = {name: [] for name in ("file",) + FRAME_COLUMNS}
    for i, report in enumerate(reports):
        data = report._cell_columns(exact)
        n = len(data["key"])
        header = report.header
        columns["body"].extend([header.body] * n)
        columns["year"].extend([header.year] * n)
        columns["format"].extend([report.format] * n)
        columns["report_id"].extend([report_id(report)] * n)
        if names is not None:
            columns["file"].extend([names[i]] * n)
        for name in _core.CELL_RECORD_FIELDS:
            columns[name].extend(data[name])
    values = columns["value"]
    frame = {}
    for name in (("file",) if names is not None else ()) + FRAME_COLUMNS:
        if name == "value":
            if exact:
                frame[name] = pd.Series([pd.NA if v is None else v for v in values], dtype=object)
            else:
                frame[name] = pd.Series(pd.array(values, dtype="Float64"))
        elif name == "year":
            frame[name] = pd.Series(columns[name], dtype="int64")
        else:
            frame[name] = pd.Series(columns[name], dtype=object)
    return pd.DataFrame(frame)


def findings_frame(
    reports: Union[_core.Report, Iterable[_core.Report]],
    *,
    include_info: bool = True,
    files: Optional[Sequence[str]] = None,
) -> "pandas.DataFrame":
    """One row per finding of ``Report.validate()`` of every report.

    Columns: body, year, format, report_id, then code, severity, rule, key, pointer, expected, actual, cells,
    message_zh, message_en, caused_by (the members of ``xxgk::finding``; ``cells`` holds tuples).
    ``severity`` is an ordered categorical info < warning < error, so
    ``frame[frame.severity >= "warning"]`` works. ``files`` adds a first column ``file`` as in to_frame.
    """
    pd = _pandas()
    reports = _reports(reports)
    names = _files(files, reports)
    rows = []
    for i, report in enumerate(reports):
        identity = (report.header.body, report.header.year, report.format, report_id(report))
        if names is not None:
            identity = (names[i],) + identity
        for issue in report.validate(include_info=include_info):
            rows.append(identity + tuple(getattr(issue, name) for name in _core.FINDING_FIELDS))
    columns = (("file",) if names is not None else ()) + FINDING_COLUMNS
    frame = pd.DataFrame(rows, columns=list(columns), dtype=object)
    frame["year"] = frame["year"].astype("int64")
    frame["severity"] = pd.Categorical(frame["severity"], categories=list(_core.SEVERITIES), ordered=True)
    return frame
