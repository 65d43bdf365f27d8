"""xxgk — 政府信息公开工作年度报告 (government information disclosure annual reports) for Python.

The typed model, canonical JSON and validation of the C++ library xxgk, with pandas frames for
studying many reports::

    import xxgk

    report = xxgk.load("examples/data/cangnan-2020.json")
    report.header.body                          # '苍南县人民政府'
    report.requests.granted.natural_person      # Cell(228): .value, .state, .unit, .raw, …
    report["requests.granted.total"] = 5        # cells by canonical key; None makes a cell blank
    issues = report.validate()                  # [Issue(code='XXGK-T3-004', severity='error', …)]
    report.check()                              # raises ValidationError on error findings
    frame = xxgk.load_many(paths).to_frame()    # pandas: one row per cell of every report

    result = xxgk.import_file("report.html")    # a published page (or text) → ImportResult
    result.report, result.log                   # the Report, and every decision that was not certain
    page = report.render_html(findings=True)    # HTML in the template's layout; also Markdown, CSV

Blank cells are never 0: their value is None (and <NA> in frames), their state 'blank'.
See docs/python.md for the whole API.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any, Iterable, List, Literal, NamedTuple, Optional, Tuple, Union, overload

from . import _core
from ._core import (
    CELL_RECORD_FIELDS,
    FINDING_FIELDS,
    FORMATS,
    Cell,
    ImportLogEntry,
    Issue,
    Report,
    format_for_year,
    notice_of,
)
from ._errors import UnknownKeyError, ValidationError, loc_from_pointer
from ._frames import FRAME_COLUMNS, ISSUE_COLUMNS, issues_frame, to_frame
from ._generate import GeneratedReport, InjectedFault, generate

__version__: str = _core.version()

PathLike = Union[str, "os.PathLike[str]"]

# Every class of the model's parts (ReportHeader, ApplicantRow, Subsection, …) is generated from the
# C++ descriptions; export them all under the package, where pickle and help() find them.
_MODEL_CLASSES = []
for _name in dir(_core):
    _obj = getattr(_core, _name)
    if isinstance(_obj, type) and not _name.startswith("_"):
        _obj.__module__ = __name__
        globals()[_name] = _obj
        _MODEL_CLASSES.append(_name)
del _name, _obj


# ---------------------------------------------------------------------------------------------
# Keys


class CellKey(str):
    """A canonical cell key ('requests.granted.natural_person') that also carries its labels.

    A str subclass: use it wherever a key is expected. Attributes: format_version ('2019' or
    '2021'), pointer ('/requests/…'), section, row, column (the key's parts), kind ('count',
    'signed_count', 'amount', 'amount_wan_yuan'), position (index in table order), section_label
    ('三、收到和处理政府信息公开申请情况'), row_label ('（一）予以公开'), row_group ('三、本年度办理结果'),
    column_label ('自然人'), column_group ('法人或其他组织' or ''), label_path (the full Chinese name).
    """

    format_version: str
    pointer: str
    section: str
    row: str
    column: str
    kind: str
    position: int
    section_label: str
    row_label: str
    row_group: str
    column_label: str
    column_group: str
    label_path: str

    def __new__(cls, entry: tuple, format: str) -> "CellKey":
        self = super().__new__(cls, entry[0])
        (
            _,
            self.pointer,
            self.section,
            self.row,
            self.column,
            self.kind,
            self.position,
            self.section_label,
            self.row_label,
            self.row_group,
            self.column_label,
            self.column_group,
            self.label_path,
        ) = entry
        self.format_version = format
        return self

    def __reduce__(self) -> Any:
        return (_cell_key, (self.format_version, str(self)))


@functools.lru_cache(maxsize=None)
def _key_tuple(format: str) -> Tuple[CellKey, ...]:
    return tuple(CellKey(entry, format) for entry in _core.key_table(format))


def _format_name(format: Union[str, int]) -> str:
    name = str(format) if isinstance(format, int) and not isinstance(format, bool) else format
    if name not in FORMATS:
        _core.notice_of(format)  # raises TypeError / ValueError naming the supported formats
    return name  # type: ignore[return-value]


def keys(format: Union[str, int]) -> List[CellKey]:
    """Every cell key of a format ('2019': 198 keys, '2021': 200), in table order, with labels."""
    return list(_key_tuple(_format_name(format)))


def _cell_key(format: str, key: str) -> CellKey:
    for k in _key_tuple(format):
        if k == key:
            return k
    raise UnknownKeyError(f"'{key}' is not a cell key of the {format} format", key, format)


def rules() -> List["Rule"]:
    """The rule catalog: every code validation can produce (docs/rules.md), in catalog order."""
    return [Rule(*entry) for entry in _core.rules()]


class Rule(NamedTuple):
    """One entry of the rule catalog: what a finding code means."""

    code: str
    rule: str
    severity: str
    title_zh: str
    title_en: str
    template_zh: str
    template_en: str


# ---------------------------------------------------------------------------------------------
# Reading


def loads(data: Union[str, bytes, bytearray, memoryview], *, strict: bool = True) -> Report:
    """A report from canonical JSON text (str or UTF-8 bytes).

    Raises ValidationError listing every problem (each with its location) when the input is not
    a valid report. ``strict=False`` keeps members the model does not have (Report.unknown_members)
    instead of refusing them; dumps() writes them back.
    """
    report, problems = _core._decode(data, strict)
    if problems:
        raise ValidationError.from_problems(problems, data)
    return report


def load(path: PathLike, *, strict: bool = True) -> Report:
    """A report from a canonical JSON file. OSError if it cannot be read; ValidationError (whose
    ``path`` is the file) if it is not a valid report."""
    name = os.fspath(path)
    with open(name, "rb") as f:
        data = f.read()
    report, problems = _core._decode(data, strict)
    if problems:
        raise ValidationError.from_problems(problems, data, path=str(name))
    return report


class LoadFailure(NamedTuple):
    """A file load_many(..., errors="skip") could not load, and why (ValidationError or OSError)."""

    path: str
    error: Exception


class ReportList(List[Report]):
    """A list of reports (what load_many returns), with the frames of all of them.

    ``failures`` lists the files skipped by ``load_many(..., errors="skip")``.
    """

    failures: List[LoadFailure]

    def __init__(self, reports: Iterable[Report] = (), failures: Iterable[LoadFailure] = ()) -> None:
        """A list of the reports, with the files that could not be loaded."""
        super().__init__(reports)
        self.failures = list(failures)

    def to_frame(self, *, exact: bool = False) -> Any:
        """xxgk.to_frame(self): one row per cell of every report."""
        return to_frame(self, exact=exact)

    def issues_frame(self, *, include_info: bool = True) -> Any:
        """xxgk.issues_frame(self): one row per finding of every report."""
        return issues_frame(self, include_info=include_info)

    def __repr__(self) -> str:
        failed = f", failures={len(self.failures)}" if self.failures else ""
        return f"ReportList({len(self)} reports{failed})"

    def __reduce__(self) -> Any:
        return (ReportList, (list(self), self.failures))


def load_many(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    strict: bool = True,
    errors: Literal["raise", "skip"] = "raise",
) -> ReportList:
    """Loads many canonical JSON files: an iterable of paths, or a directory (its *.json, sorted).

    With ``errors="raise"`` (the default) the first file that cannot be loaded raises its
    ValidationError (whose ``path`` names the file) or OSError. With ``errors="skip"`` bad files are
    skipped and listed in the result's ``failures`` as LoadFailure(path, error).
    Decoding releases the GIL, so threads (e.g. Dask's threaded scheduler) load in parallel.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors: expected 'raise' or 'skip', got {errors!r}")
    if isinstance(paths, (str, bytes, os.PathLike)):
        directory = os.fspath(paths)
        if not os.path.isdir(directory):
            raise NotADirectoryError(f"load_many takes a directory or an iterable of paths, not the file {directory!r}")
        paths = sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(".json"))
    out = ReportList()
    for path in paths:
        try:
            out.append(load(path, strict=strict))
        except (ValidationError, OSError) as e:
            if errors == "raise":
                raise
            out.failures.append(LoadFailure(os.fspath(path), e))
    return out


# ---------------------------------------------------------------------------------------------
# Importing published reports (docs/import.md)


class ImportResult(NamedTuple):
    """What import_text, import_html and import_file return: the report and the import log.

    ``report`` is the imported Report (every cell with its raw text and its position in the input);
    ``log`` lists every decision the importer took that was not certain, and everything it skipped or
    could not read, as ImportLogEntry objects in input order. A NamedTuple, so
    ``report, log = xxgk.import_text(text)`` works. The report's own defects are not in the log:
    run ``result.report.validate()`` for those.
    """

    report: Report
    log: List[ImportLogEntry]

    def entries(self, level: Literal["info", "warning", "error"] = "warning") -> List[ImportLogEntry]:
        """The log entries of at least this level: 'warning' (the default) gives warnings and errors."""
        order = _core.SEVERITIES
        if level not in order:
            raise ValueError(f"level: expected one of {', '.join(map(repr, order))}, got {level!r}")
        least = order.index(level)
        return [e for e in self.log if order.index(e.level) >= least]

    def log_json(self) -> str:
        """The log as a JSON array: the text ``xxgk import --log-json FILE`` writes (without its newline)."""
        return _core.import_log_to_json(self.log)

    def __repr__(self) -> str:
        counts = {level: 0 for level in _core.SEVERITIES}
        for e in self.log:
            counts[e.level] += 1
        summary = ", ".join(f"{n} {level}{'s' if n != 1 and level != 'info' else ''}" for level, n in reversed(counts.items()))
        return f"ImportResult(report={self.report!r}, log=[{len(self.log)} entries: {summary}])"


class ImportCode(NamedTuple):
    """One code the importer can log: its code, the level it is logged at, and what it means."""

    code: str
    level: str
    title: str


def import_codes() -> List[ImportCode]:
    """Every code the import log can contain (docs/import.md), in code order."""
    return [ImportCode(*entry) for entry in _core.import_codes()]


ImportInput = Union[str, bytes, bytearray, memoryview]


def _import(data: ImportInput, html: bool, format: Union[str, int, None], year: Optional[int], path: Optional[str]) -> ImportResult:
    report, log = _core._import(data, html, format, year)
    if report is None:
        raise ValidationError.from_problems(log, None, path=path)
    return ImportResult(report, log)


def import_text(
    text: ImportInput, *, format: Union[str, int, None] = None, year: Optional[int] = None
) -> ImportResult:
    """Imports a report from plain text: copied from a web page or converted from a PDF.

    Tables may be tab-separated lines, Markdown pipe rows, whitespace-separated lines or flattened
    digit runs; Markdown markup is understood and removed. ``text`` is a str or UTF-8 bytes (invalid
    UTF-8 is replaced by U+FFFD and logged). ``format`` ('2019' or '2021') forces the format
    version instead of detecting it from the table labels; ``year`` forces the report year.

    Bad input never crashes: what cannot be read is in the log and cells that cannot be located are
    'not_captured'. Input that is not a report at all (no title, section heading or table label)
    raises ValidationError (a ValueError; type 'invalid_value'). Runs without the GIL.
    """
    return _import(text, False, format, year, None)


def import_html(
    html: ImportInput, *, format: Union[str, int, None] = None, year: Optional[int] = None
) -> ImportResult:
    """Imports a report from an HTML page (libxml2's HTML parser; nothing is fetched).

    Tables are read as grids with rowspan/colspan honoured; page chrome (scripts, navigation,
    share buttons, footers, …) is ignored and logged. Pass the page's bytes as downloaded: pages
    that are not UTF-8 are decoded as their ``<meta charset>`` says (GBK works); a str is taken as
    UTF-8. Pages written by Report.render_html import back to the same cells. ``format``, ``year``
    and errors as for import_text.
    """
    return _import(html, True, format, year, None)


_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".jsp", ".asp", ".aspx", ".php")
_TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
_HTML_TAGS = (b"<html", b"<body", b"<table", b"<div", b"<p>", b"<p ")


def detect_input_kind(path: PathLike, content: bytes = b"") -> Literal["text", "html"]:
    """'html' or 'text', as ``xxgk import`` decides: by the file's extension (.html, .htm, .php, …;
    .txt, .md, …), else by its content (markup at or near the start)."""
    name = os.fsdecode(os.fspath(path)).lower()
    for extensions, kind in ((_HTML_EXTENSIONS, "html"), (_TEXT_EXTENSIONS, "text")):
        if any(len(name) > len(e) and name.endswith(e) for e in extensions):
            return kind  # type: ignore[return-value]
    head = bytes(content[:4096]).lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.lstrip(b" \t\n\v\f\r").startswith(b"<") or any(tag in head for tag in _HTML_TAGS):
        return "html"
    return "text"


def import_file(
    path: PathLike,
    *,
    from_: Optional[Literal["text", "html"]] = None,
    format: Union[str, int, None] = None,
    year: Optional[int] = None,
) -> ImportResult:
    """Imports a report from a file of text or HTML, like ``xxgk import FILE``.

    ``from_`` ('text' or 'html') says what the file is; by default it is decided by the extension,
    else by the content (detect_input_kind). The bytes are passed on as they are (a GBK page is
    decoded by its ``<meta charset>``). OSError if the file cannot be read; ValidationError (whose
    ``path`` is the file) if it is not a report. ``format`` and ``year`` as for import_text.
    """
    if from_ not in (None, "text", "html"):
        raise ValueError(f"from_: expected 'text', 'html' or None, got {from_!r}")
    name = os.fspath(path)
    with open(name, "rb") as f:
        data = f.read()
    kind = from_ or detect_input_kind(name, data)
    return _import(data, kind == "html", format, year, os.fsdecode(name))


# ---------------------------------------------------------------------------------------------
# The JSON Schema (docs/render.md)


def json_schema(format: Union[str, int]) -> dict:
    """The JSON Schema (draft 2020-12) of the canonical JSON of a format ('2019' or '2021'), as a dict.

    Generated from the C++ model's descriptions: a document is valid against it exactly when
    ``xxgk.loads`` accepts it, except for what a schema cannot say (a member name repeated in one
    object, an integral number written as 2020.0, a decimal string beyond 64 bits). Sections, rows
    and cells carry the official labels as ``title``. ``xxgk schema --format F`` prints the same
    schema; ``json.dumps(xxgk.json_schema(F), ensure_ascii=False, indent=2)`` writes it.
    """
    return json.loads(_core.json_schema(format))


# ---------------------------------------------------------------------------------------------
# Methods of Report and Issue that live in Python


def _report_keys(self: Report) -> List[CellKey]:
    """Every cell key of the report's format, in table order (CellKey: a str with labels)."""
    return keys(self.format)


def _report_items(self: Report) -> List[Tuple[CellKey, Cell]]:
    """(key, cell) for every cell, in table order; the cells are views into the report."""
    return [(k, self[k]) for k in keys(self.format)]


def _report_check(self: Report, *, lang: str = "en") -> List[Issue]:
    """Validates and raises ValidationError when there is any finding of severity error
    (type = the code, loc = the key's parts, msg in ``lang`` 'en' or 'zh', input = the cell's value).
    Returns the other findings (warnings and info) otherwise."""
    findings = self.validate()
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ValidationError.from_issues(errors, self, lang=lang)
    return [f for f in findings if f.severity != "error"]


def _report_to_frame(self: Report, *, exact: bool = False) -> Any:
    """xxgk.to_frame(report): one row per cell (see xxgk.to_frame)."""
    return to_frame(self, exact=exact)


def _report_issues_frame(self: Report, *, include_info: bool = True) -> Any:
    """xxgk.issues_frame(report): one row per finding (see xxgk.issues_frame)."""
    return issues_frame(self, include_info=include_info)


def _report_dump(self: Report, path: PathLike) -> None:
    """Writes the canonical JSON (dumps()) and a newline to a file, UTF-8: the bytes that
    ``xxgk convert FILE -o PATH`` writes."""
    with open(os.fspath(path), "w", encoding="utf-8", newline="") as f:
        f.write(self.dumps())
        f.write("\n")


def _issue_loc(self: Issue) -> Tuple[Union[str, int], ...]:
    """Where the finding is, as a tuple: the key's parts, else the JSON Pointer's."""
    return tuple(self.key.split(".")) if self.key else loc_from_pointer(self.pointer)


Report.keys = _report_keys  # type: ignore[attr-defined]
Report.items = _report_items  # type: ignore[attr-defined]
Report.check = _report_check  # type: ignore[attr-defined]
Report.to_frame = _report_to_frame  # type: ignore[attr-defined]
Report.issues_frame = _report_issues_frame  # type: ignore[attr-defined]
Report.dump = _report_dump  # type: ignore[attr-defined]
Issue.loc = property(_issue_loc, doc=_issue_loc.__doc__)  # type: ignore[attr-defined]

__all__ = [
    "__version__",
    "FORMATS",
    "CELL_RECORD_FIELDS",
    "FINDING_FIELDS",
    "FRAME_COLUMNS",
    "GeneratedReport",
    "InjectedFault",
    "ISSUE_COLUMNS",
    "CellKey",
    "ImportCode",
    "ImportResult",
    "LoadFailure",
    "ReportList",
    "Rule",
    "UnknownKeyError",
    "ValidationError",
    "detect_input_kind",
    "format_for_year",
    "generate",
    "import_codes",
    "import_file",
    "import_html",
    "import_text",
    "issues_frame",
    "json_schema",
    "keys",
    "load",
    "load_many",
    "loads",
    "notice_of",
    "rules",
    "to_frame",
] + sorted(_MODEL_CLASSES)
