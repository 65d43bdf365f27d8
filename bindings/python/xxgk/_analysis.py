"""Analysis helpers over many reports: the wide frame and back, reading a directory of any kind,
汇总 grouped by a column (docs/python.md, "Frames for analysts").

pandas is imported only when a frame is asked for.
"""

from __future__ import annotations

import decimal
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _core
from ._frames import _files, _pandas, _reports, report_id

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["to_wide", "from_frame", "read_dir", "aggregate_by", "IDENTITY_COLUMNS", "IMPORT_LOG_COLUMNS"]

#: The identity columns that begin a wide frame (``file`` only when the reports were read from files).
IDENTITY_COLUMNS = ("file", "body", "year", "format", "report_id")
#: Columns of the import log frame of ``read_dir``: the file, then the members of ImportLogEntry.
IMPORT_LOG_COLUMNS = ("file", "level", "code", "key", "message", "where")

def _keys(fmt: str) -> Any:
    from . import keys  # the package's CellKey list; imported here to avoid a cycle

    return keys(fmt)


_STATES = ("number", "blank", "not_applicable", "text", "not_captured")
_STATE_SUFFIX = ":state"
_UNIT_SUFFIX = ":unit"
_RAW_SUFFIX = ":raw"


def _is_money(kind: str) -> bool:
    return kind.startswith("amount")


def _key_kinds(formats: Iterable[str]) -> Dict[str, str]:
    """Every cell key of these formats (2019's first, then the keys only 2021 has), with its kind."""
    kinds: Dict[str, str] = {}
    for fmt in sorted(set(formats)):
        for k in _keys(fmt):
            kinds.setdefault(str(k), k.kind)
    return kinds


def to_wide(
    reports: Union[_core.Report, Iterable[_core.Report]],
    *,
    files: Optional[Sequence[str]] = None,
    states: bool = False,
) -> "pandas.DataFrame":
    """One row per report, one column per cell key (the wide frame), after the identity columns.

    Identity: ``file`` (when ``files`` is given), ``body``, ``year``, ``format`` (category),
    ``report_id`` (see ``xxgk.report_id``). Cell columns hold the numbers: counts as ``Int64``
    (228, never 228.0), money (kinds 'amount…') as an ``object`` column of ``decimal.Decimal`` that
    keeps every printed digit, followed by a category column ``"<key>:unit"`` when some report
    wrote a unit there (yuan/wan_yuan: a money value is in its cell's unit). A count column holding a
    fractional value (a defect, XXGK-V-002) is a Decimal column too: nothing is rounded. Every other
    state is <NA> — a blank is never 0. ``states=True`` adds, after
    the cells, one ``category`` column ``"<key>:state"`` per key (number, blank, not_applicable, text,
    not_captured), then a column ``"<key>:raw"`` for each key printed as text or not-applicable mark
    somewhere ("若干", "/"), so that ``from_frame`` rebuilds every cell exactly. Reports of both formats share
    the columns of the keys both have; a key a report's format lacks is <NA> (state <NA>).
    """
    pd = _pandas()
    reports = _reports(reports)
    names = _files(files, reports)
    kinds = _key_kinds(r.format for r in reports) if reports else _key_kinds(_core.FORMATS)
    values: Dict[str, list] = {k: [] for k in kinds}
    cell_states: Dict[str, list] = {k: [] for k in kinds}
    identity: Dict[str, list] = {name: [] for name in IDENTITY_COLUMNS}
    units: Dict[str, list] = {k: [] for k in kinds}
    raws: Dict[str, list] = {k: [] for k in kinds}
    for i, report in enumerate(reports):
        data = report._cell_columns(True)
        present = dict(zip(data["key"], zip(data["value"], data["state"], data["unit"], data["raw"])))
        for k in kinds:
            value, state, unit, raw = present.get(k, (None, None, None, None))
            raws[k].append(raw if state in ("text", "not_applicable") and raw is not None else pd.NA)
            values[k].append(pd.NA if value is None else value)
            cell_states[k].append(pd.NA if state is None else state)
            units[k].append(pd.NA if unit is None else unit)
        identity["body"].append(report.header.body)
        identity["year"].append(report.header.year)
        identity["format"].append(report.format)
        identity["report_id"].append(report_id(report))
        if names is not None:
            identity["file"].append(names[i])
    frame: Dict[str, Any] = {}
    if names is not None:
        frame["file"] = pd.Series(identity["file"], dtype=object)
    frame["body"] = pd.Series(identity["body"], dtype=object)
    frame["year"] = pd.Series(identity["year"], dtype="int64")
    frame["format"] = pd.Series(pd.Categorical(identity["format"], categories=list(_core.FORMATS)))
    frame["report_id"] = pd.Series(identity["report_id"], dtype=object)
    for k, kind in kinds.items():
        whole = all(v is pd.NA or v == int(v) for v in values[k])
        if _is_money(kind) or not whole:
            # Money, or a count with a fractional value (a defect, XXGK-V-002): exact decimals.
            frame[k] = pd.Series([v if v is pd.NA else decimal.Decimal(v) for v in values[k]], dtype=object)
        else:
            frame[k] = pd.Series(pd.array([v if v is pd.NA else int(v) for v in values[k]], dtype="Int64"))
        if _is_money(kind) and any(u is not pd.NA for u in units[k]):
            frame[k + _UNIT_SUFFIX] = pd.Series(pd.Categorical(units[k]))
    if states:
        for k in kinds:
            frame[k + _STATE_SUFFIX] = pd.Series(pd.Categorical(cell_states[k], categories=list(_STATES)))
        for k in kinds:
            if any(r is not pd.NA for r in raws[k]):
                frame[k + _RAW_SUFFIX] = pd.Series(raws[k], dtype=object)
    return pd.DataFrame(frame)


def _cell(state: Any, value: Any, unit: Any, raw: Any, kind: str) -> _core.Cell:
    pd = _pandas()

    def missing(x: Any) -> bool:
        return x is None or x is pd.NA or (isinstance(x, float) and x != x)

    if missing(state):
        state = "not_captured" if missing(value) else "number"
    if state == "number":
        if missing(value):
            raise ValueError("a cell in state 'number' has no value")
        number = value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
        if not _is_money(kind) and number == number.to_integral_value():
            number = int(number)  # a count; a fractional one (a defect) stays a decimal, as it was
        return _core.Cell.number(number, None if missing(unit) else unit)
    if state == "blank":
        return _core.Cell.blank()
    if state == "not_applicable":
        return _core.Cell.not_applicable("-" if missing(raw) else raw)
    if state == "text":
        return _core.Cell.text("" if missing(raw) else raw)
    if state == "not_captured":
        return _core.Cell.not_captured()
    raise ValueError(f"unknown cell state {state!r}; expected one of {', '.join(_STATES)}")


def from_frame(frame: "pandas.DataFrame") -> Any:
    """Reports back from a frame of ``to_frame`` (long) or ``to_wide`` (wide): a ReportList.

    Long frames need the columns format, key, value and state (unit and raw when present; body and
    year set the header); rows are grouped by ``report_id`` (else by body, year and format). Wide
    frames need format and the cell columns; with the ``"<key>:state"`` columns of
    ``to_wide(states=True)`` every cell comes back exactly, without them a number is a number and
    <NA> is ``not_captured`` (the frame does not say whether the page printed it empty: never
    invented as blank). Only the cells, body and year are rebuilt; the rest of the header and the
    prose are not in a frame. ``file`` becomes the ReportList's ``paths``. Raises ValueError for a
    frame of neither shape, an unknown state or a fractional count.
    """
    from . import ReportList  # the package's class; imported here to avoid a cycle

    pd = _pandas()
    if "key" in frame.columns and "state" in frame.columns:
        by = ["report_id"] if "report_id" in frame.columns else [c for c in ("body", "year", "format") if c in frame.columns]
        if "format" not in frame.columns:
            raise ValueError("from_frame: a long frame needs the column 'format'")
        groups = frame.groupby(by, sort=False, observed=True) if by else [((), frame)]
        reports, paths = [], []
        for _, part in groups:
            first = part.iloc[0]
            report = _core.Report(str(first["format"]))
            kinds = {str(k): k.kind for k in _keys(report.format)}
            if "body" in part.columns:
                report.header.body = first["body"]
            if "year" in part.columns:
                report.header.year = int(first["year"])
            units = part["unit"] if "unit" in part.columns else [None] * len(part)
            raws = part["raw"] if "raw" in part.columns else [None] * len(part)
            for key, value, state, unit, raw in zip(part["key"], part["value"], part["state"], units, raws):
                if key not in kinds:
                    raise ValueError(f"from_frame: {key!r} is not a cell key of format {report.format}")
                report[key] = _cell(state, value, unit, raw, kinds[key])
            reports.append(report)
            paths.append(first["file"] if "file" in part.columns else None)
        return ReportList(reports, paths=paths)
    if "format" not in frame.columns:
        raise ValueError("from_frame: expected a long frame (key, value, state) or a wide frame (format and cell keys)")
    reports, paths = [], []
    for _, row in frame.iterrows():
        report = _core.Report(str(row["format"]))
        if "body" in frame.columns:
            report.header.body = row["body"]
        if "year" in frame.columns:
            report.header.year = int(row["year"])
        for k in _keys(report.format):
            key = str(k)
            if key not in frame.columns:
                continue
            state = row[key + _STATE_SUFFIX] if key + _STATE_SUFFIX in frame.columns else None
            unit = row[key + _UNIT_SUFFIX] if key + _UNIT_SUFFIX in frame.columns else None
            raw = row[key + _RAW_SUFFIX] if key + _RAW_SUFFIX in frame.columns else None
            report[key] = _cell(state, row[key], unit, raw, k.kind)
        reports.append(report)
        paths.append(row["file"] if "file" in frame.columns else None)
    return ReportList(reports, paths=paths)


def read_dir(directory: Union[str, "os.PathLike[str]"], *, strict: bool = True) -> Tuple[Any, "pandas.DataFrame"]:
    """Every report below ``directory``, of every kind ``xxgk corpus`` reads (canonical JSON, text,
    Markdown, HTML, PDF, Word): ``(reports, log)``.

    ``reports`` is a ReportList whose ``paths`` name the files read (sorted, relative to the
    directory, '/' separators); JSON is loaded (``strict`` as in xxgk.load), the other kinds are
    imported (xxgk.import_file). ``log`` is a frame with the columns IMPORT_LOG_COLUMNS: every
    import log entry of every file, and one 'error' row per file that gave no report (code
    'load_error' or 'import_error', the message saying why) — nothing is skipped silently.
    OSError if the directory cannot be read.
    """
    from . import ReportList

    root = os.fspath(directory)
    reports, paths, rows = [], [], []
    for name in _core._corpus_files(root):
        report = read_one(os.path.join(root, name), name, rows, strict=strict)
        if report is not None:
            reports.append(report)
            paths.append(name)
    return ReportList(reports, paths=paths), import_log_frame(rows)


def read_one(path: str, name: str, log_rows: List[tuple], *, strict: bool = True) -> Optional[_core.Report]:
    """One file as read_dir reads it: the report (None when the file gives none) and, appended to
    ``log_rows``, its import log rows (IMPORT_LOG_COLUMNS, ``file`` = ``name``) or its one error row."""
    from . import ValidationError, import_file, load

    is_json = name.lower().endswith(".json")
    try:
        if is_json:
            return load(path, strict=strict)
        result = import_file(path)
        for e in result.log:
            log_rows.append((name, e.level, e.code, e.key, e.message, e.where))
        return result.report
    except (ValidationError, OSError, ValueError) as e:
        log_rows.append((name, "error", "load_error" if is_json else "import_error", "", f"{type(e).__name__}: {e}", None))
        return None


def import_log_frame(rows: Sequence[tuple]) -> "pandas.DataFrame":
    """The import log rows of read_one as a frame: IMPORT_LOG_COLUMNS, ``level`` an ordered category."""
    pd = _pandas()
    log = pd.DataFrame(list(rows), columns=list(IMPORT_LOG_COLUMNS), dtype=object)
    log["level"] = pd.Categorical(log["level"], categories=list(_core.SEVERITIES), ordered=True)
    return log


def aggregate_by(reports: Sequence[_core.Report], by: Sequence[str], header: Any = None) -> Dict[Any, Any]:
    """汇总 of each group of reports: ``{group: Aggregation}``, in the order groups first appear.

    ``by`` names report attributes ('year', 'format') or header members ('body', 'admin_level', …);
    a group is the tuple of their values (the value itself for one name). Each Aggregation keeps
    its provenance (``sources[key]``: which reports were summed, blank or unknown), as
    xxgk.aggregate does; ``header`` is passed to it. Raises ValueError for an empty ``by``, an
    unknown name, or a group that mixes formats or years (as xxgk.aggregate).
    """
    from ._multi import aggregate

    if isinstance(by, str):
        by = [by]
    if not by:
        raise ValueError("aggregate: by names at least one column")

    def value(report: _core.Report, name: str) -> Any:
        if name == "format":
            return report.format
        if name == "report_id":
            return report_id(report)
        if hasattr(report.header, name):
            v = getattr(report.header, name)
            return v if isinstance(v, (str, int)) or v is None else str(v)
        raise ValueError(f"aggregate: {name!r} is neither 'format' nor a member of the report header")

    groups: Dict[Any, List[_core.Report]] = {}
    for report in reports:
        key = tuple(value(report, name) for name in by)
        groups.setdefault(key if len(by) > 1 else key[0], []).append(report)
    return {key: aggregate(members, header) for key, members in groups.items()}
