"""xxgk — 政府信息公开工作年度报告 (government information disclosure annual reports) for Python.

The typed model, canonical JSON and validation of the C++ library xxgk, with pandas frames for
studying many reports::

    import xxgk

    report = xxgk.load("examples/data/cangnan-2020.json")
    report.header.body                          # '苍南县人民政府'
    report.requests.granted.natural_person      # Cell(228): .value, .state, .unit, .raw, …
    report["requests.granted.total"] = 5        # cells by canonical key; None makes a cell blank
    issues = report.validate()                  # [Finding(code='XXGK-T3-004', severity='error', …)]
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
import warnings
from typing import Any, Dict, Iterable, List, Literal, NamedTuple, Optional, Tuple, Union, overload

from . import _core
from ._core import (
    CELL_RECORD_FIELDS,
    FINDING_FIELDS,
    FORMATS,
    Cell,
    ImportCode,
    ImportLogEntry,
    Finding,
    Portal,
    Report,
    Rule,
    domain_labels,
    format_for_year,
    is_portal_json,
    parse_index_number,
    resolve_domain,
    notice_of,
)
from ._corpus import _read_file, corpus_files, run_corpus
from ._errors import UnknownKeyError, ValidationError, loc_from_pointer
from ._frames import FRAME_COLUMNS, FINDING_COLUMNS, findings_frame, report_id, to_frame
from ._analysis import IDENTITY_COLUMNS, IMPORT_LOG_COLUMNS, aggregate_by, from_frame, read_dir, to_wide
from ._multi import (
    Aggregation,
    CellSources,
    StatedFigure,
    aggregate,
    check_aggregate,
    check_narrative,
    extract_figures,
    validate_series,
)
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


#: CellKey attributes named differently from the C++ cell_key members they come from: a CellKey is
#: a str, whose method index() the member `index` would hide (docs/python.md, "Names").
_CELL_KEY_NAMES = {"index": "position"}


class CellKey(str):
    """A canonical cell key ('requests.granted.natural_person') that also carries its labels.

    A str subclass: use it wherever a key is expected. Its attributes are those of the C++
    ``cell_key`` (keys.hpp), taken by name from its description: pointer ('/requests/…'), section,
    row, column (the key's parts), kind ('count', 'signed_count', 'amount', 'amount_wan_yuan'),
    position (C++ ``index``: the index in table order), row_info (RowLabel) and column_info
    (ColumnLabel); and the labels read from the format's label table: format_version ('2019' or
    '2021'), section_label ('三、收到和处理政府信息公开申请情况'), row_label ('（一）予以公开'),
    row_group ('三、本年度办理结果'), column_label ('自然人'), column_group ('法人或其他组织' or ''),
    label_path (the full Chinese name).
    """

    def __new__(cls, info: Any) -> "CellKey":
        """A CellKey from its catalog entry (``_core.key_table(format)``)."""
        self = super().__new__(cls, info.key)
        for name in info._fields:
            if name != "key":
                setattr(self, _CELL_KEY_NAMES.get(name, name), getattr(info, name))
        return self

    def __reduce__(self) -> Any:
        return (_cell_key, (self.format_version, str(self)))  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=None)
def _key_tuple(format: str) -> Tuple[CellKey, ...]:
    return tuple(CellKey(info) for info in _core.key_table(format))


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


def rules() -> List[Rule]:
    """The rule catalog: every code validation can produce (docs/rules.md), in catalog order."""
    return list(_core.rules())


def _rule(code: str) -> Rule:
    """The catalog entry of a code (KeyError if none): how a pickled Rule comes back."""
    return _core._rule(code)


# A Rule refers to its catalog entry: it pickles as its code (a function of _core cannot be
# pickled by reference, so the function named is this module's).
Rule.__reduce__ = lambda self: (_rule, (self.code,))  # type: ignore[assignment,method-assign]


# ---------------------------------------------------------------------------------------------
# Reading


def loads(data: Union[str, bytes, bytearray, memoryview], *, strict: bool = True) -> Report:
    """A report from canonical JSON text (str or UTF-8 bytes).

    Raises ValidationError listing every problem (each with its location) when the input is not
    a valid report. ``strict=False`` keeps members the model does not have (Report.unknown_members)
    instead of refusing them; dumps() writes them back.
    """
    return _decoded(_core._decode, data, strict)


def load(path: PathLike, *, strict: bool = True) -> Report:
    """A report from a canonical JSON file. OSError if it cannot be read; ValidationError (whose
    ``path`` is the file) if it is not a valid report."""
    return _decoded_file(_core._decode, path, strict)


def _decoded(decode: Any, data: Any, strict: bool, path: Optional[str] = None) -> Any:
    """What ``decode`` (_core._decode, _core._decode_portal) gives, or ValidationError with every problem."""
    value, problems = decode(data, strict)
    if problems:
        title = "Portal" if decode is _core._decode_portal else "Report"
        raise ValidationError.from_problems(problems, data, path=path, title=title)
    return value


def _decoded_file(decode: Any, path: PathLike, strict: bool) -> Any:
    name = os.fspath(path)
    data = _read_file(name, _core._MAX_JSON_BYTES)
    return _decoded(decode, data, strict, os.fsdecode(name))


class LoadFailure(NamedTuple):
    """A file load_many(..., errors="skip") could not load, and why (ValidationError or OSError)."""

    path: str
    error: Exception


class ReportList(List[Report]):
    """A list of reports (what load_many and read_dir return), with the frames of all of them.

    ``paths`` names the file each report was read from (None for a report made in memory), one per
    report: frames get a first column ``file`` from it. A slice is a ReportList with its paths
    (``reports[:10]``). ``failures`` lists the files skipped by ``load_many(..., errors="skip")``;
    ``not_read`` the files of a directory that load_many does not read (not JSON: read_dir imports them).
    """

    failures: List[LoadFailure]
    not_read: List[str]

    def __init__(
        self,
        reports: Iterable[Report] = (),
        failures: Iterable[LoadFailure] = (),
        *,
        paths: Optional[Iterable[Optional[PathLike]]] = None,
        not_read: Iterable[str] = (),
    ) -> None:
        """A list of the reports, with the files they came from and those that could not be loaded."""
        super().__init__(reports)
        self.failures = list(failures)
        self.not_read = list(not_read)
        given = None if paths is None else [None if p is None else os.fspath(p) for p in paths]
        if given is not None and len(given) != len(self):
            raise ValueError(f"paths: {len(given)} paths for {len(self)} reports")
        self._paths = given

    @property
    def paths(self) -> List[Optional[str]]:
        """The file of each report (None where unknown), one per report, in order. A list changed in
        place (append, sort, …) no longer knows which path is whose: its paths are then all None."""
        if self._paths is None or len(self._paths) != len(self):
            return [None] * len(self)
        return list(self._paths)

    def _files(self) -> Optional[List[str]]:
        paths = self.paths
        return None if not self or any(p is None for p in paths) else [str(p) for p in paths]

    @overload
    def __getitem__(self, index: int) -> Report: ...

    @overload
    def __getitem__(self, index: slice) -> "ReportList": ...

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return ReportList(list.__getitem__(self, index), self.failures,
                              paths=self.paths[index], not_read=self.not_read)
        return list.__getitem__(self, index)

    def to_frame(self, *, exact: bool = False, wide: bool = False) -> Any:
        """xxgk.to_frame(self) (long: one row per cell of every report), or with ``wide=True``
        self.to_wide() (one row per report); both with a first column ``file`` when every path is known."""
        if wide:
            return self.to_wide()
        return to_frame(self, exact=exact, files=self._files())

    def to_wide(self, *, states: bool = False) -> Any:
        """xxgk.to_wide(self): one row per report, one column per cell key (Int64 counts, Decimal money)."""
        return to_wide(self, files=self._files(), states=states)

    def findings_frame(self, *, include_info: bool = True) -> Any:
        """xxgk.findings_frame(self): one row per finding of every report (with ``file`` when known)."""
        return findings_frame(self, include_info=include_info, files=self._files())

    def issues_frame(self, *, include_info: bool = True) -> Any:
        """Deprecated name of findings_frame() (docs/python.md, "Names")."""
        _deprecated("ReportList.issues_frame()", "ReportList.findings_frame()")
        return self.findings_frame(include_info=include_info)

    def aggregate(self, by: List[str], header: Any = None) -> Dict[Any, Aggregation]:
        """汇总 per group: ``{group: Aggregation}`` for the groups of ``by`` (e.g. ``["year"]``), each with
        its provenance; see xxgk.aggregate_by."""
        return aggregate_by(self, by, header)

    def __repr__(self) -> str:
        failed = f", failures={len(self.failures)}" if self.failures else ""
        skipped = f", not_read={len(self.not_read)}" if self.not_read else ""
        return f"ReportList({len(self)} reports{failed}{skipped})"

    def __reduce__(self) -> Any:
        return (_report_list, (list(self), self.failures, self._paths, self.not_read))


def _report_list(reports: List[Report], failures: List[LoadFailure], paths: Any = None, not_read: Any = ()) -> ReportList:
    """Unpickles a ReportList (with its paths)."""
    return ReportList(reports, failures, paths=paths, not_read=not_read)


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
    A directory's other files (HTML, text, PDF, Word, …) are not read: they are listed in the
    result's ``not_read`` and a UserWarning says so — ``xxgk.read_dir`` imports them.
    Decoding releases the GIL, so threads (e.g. Dask's threaded scheduler) load in parallel.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors: expected 'raise' or 'skip', got {errors!r}")
    not_read: List[str] = []
    if isinstance(paths, (str, bytes, os.PathLike)):
        directory = os.fspath(paths)
        if not os.path.isdir(directory):
            raise NotADirectoryError(f"load_many takes a directory or an iterable of paths, not the file {directory!r}")
        names = sorted(os.listdir(directory))
        paths = [os.path.join(directory, n) for n in names if n.endswith(".json")]
        not_read = [os.path.join(directory, n) for n in names
                    if not n.endswith(".json") and os.path.isfile(os.path.join(directory, n))]
        if not_read:
            warnings.warn(
                f"load_many reads canonical JSON only: {len(not_read)} other file(s) of {directory!r} not read "
                f"(e.g. {os.path.basename(not_read[0])!r}); xxgk.read_dir imports HTML, text, PDF and Word too",
                UserWarning, stacklevel=2)
    out = ReportList(not_read=not_read)
    read: List[str] = []
    for path in paths:
        try:
            out.append(load(path, strict=strict))
            read.append(os.fspath(path))
        except (ValidationError, OSError) as e:
            if errors == "raise":
                raise
            out.failures.append(LoadFailure(os.fspath(path), e))
    out._paths = read
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


def import_codes() -> List[ImportCode]:
    """Every code the import log can contain (docs/import.md), in code order."""
    return list(_core.import_codes())


def _import_code(code: str) -> ImportCode:
    """The catalog entry of an import code (KeyError if none): how a pickled ImportCode comes back."""
    return _core._import_code(code)


# An ImportCode refers to its catalog entry, like a Rule: it pickles as its code.
ImportCode.__reduce__ = lambda self: (_import_code, (self.code,))  # type: ignore[assignment,method-assign]


ImportInput = Union[str, bytes, bytearray, memoryview]


SourceKind = Literal["text", "html", "pdf", "docx", "image"]


def _import(
    data: ImportInput,
    kind: Optional[str],
    format: Union[str, int, None],
    year: Optional[int],
    path: Optional[str],
    detect: bool = False,
    ocr: bool = True,
) -> ImportResult:
    report, log = _core._import(data, kind, detect, format, year, ocr)
    if report is None:
        raise ValidationError.from_problems(log, None, path=path)
    return ImportResult(report, log)


def import_text(
    text: ImportInput, *, format: Union[str, int, None] = None, year: Optional[int] = None
) -> ImportResult:
    """Imports a report from plain text: copied from a web page or converted from a PDF.

    Tables may be tab-separated lines, Markdown pipe rows, whitespace-separated lines or flattened
    digit runs; Markdown markup is understood and removed. ``text`` is a str or UTF-8 bytes (invalid
    UTF-8 is replaced by U+FFFD and logged; for GBK or UTF-16 bytes use import_bytes). ``format``
    ('2019' or '2021') forces the format version instead of detecting it from the table labels;
    ``year`` forces the report year.

    Bad input never crashes: what cannot be read is in the log and cells that cannot be located are
    'not_captured'. Input that is not a report at all (no title, section heading or table label)
    raises ValidationError (a ValueError; type 'invalid_value'). Runs without the GIL.
    """
    return _import(text, "text", format, year, None)


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
    return _import(html, "html", format, year, None)


def import_pdf(
    pdf: Union[bytes, bytearray, memoryview],
    *,
    format: Union[str, int, None] = None,
    year: Optional[int] = None,
    ocr: bool = True,
) -> ImportResult:
    """Imports a report from a PDF file's bytes (its text layer, read with poppler).

    Tables are rebuilt from the geometry of the printed words; a cell is 'blank' only when its box
    is seen empty; each cell's ``source`` has the page and the box. Pages without a text layer (a
    scan) are read by OCR, as import_image reads an image, unless ``ocr`` is False or the build has
    no OCR (ocr_available()). ValidationError with type 'no_text_layer' for a scan with OCR off,
    'encrypted' for a password-protected file, 'invalid_value' for a damaged file or one that is
    not a report. ``format`` and ``year`` as for import_text.
    """
    return _import(pdf, "pdf", format, year, None, ocr=ocr)


def import_image(
    image: Union[bytes, bytearray, memoryview],
    *,
    format: Union[str, int, None] = None,
    year: Optional[int] = None,
    ocr: bool = True,
) -> ImportResult:
    """Imports a report from a scanned page or pictures of the pages: PNG, JPEG or TIFF bytes
    (every page of a multi-page TIFF), read by OCR (Tesseract).

    Every number is read again digits-only; a value that is not certain is settled by the
    identities only when exactly one combination of the uncertain readings satisfies them all, and
    is otherwise kept as unreadable text ('text' state) with its readings in the log (XXGK-I-110 …
    XXGK-I-116). ValidationError with type 'unavailable' when the build has no OCR
    (ocr_available()), 'unsupported_kind' with ``ocr=False``, 'invalid_value' for bytes that are no
    readable image or an image that is not a report. ``format`` and ``year`` as for import_text.
    """
    return _import(image, "image", format, year, None, ocr=ocr)


def ocr_available() -> bool:
    """True when this build reads scanned PDFs and images by OCR (CMake option XXGK_WITH_OCR)."""
    return bool(_core.ocr_available())


def import_docx(
    docx: Union[bytes, bytearray, memoryview], *, format: Union[str, int, None] = None, year: Optional[int] = None
) -> ImportResult:
    """Imports a report from a Word document's bytes (.docx; WPS writes it too).

    Tables are read cell by cell, merged cells included. ValidationError with type
    'unsupported_kind' for a legacy .doc/.wps (convert it: ``soffice --headless --convert-to docx``),
    'encrypted', 'limit_exceeded' (a file that unpacks beyond the limit), 'invalid_value' (damaged,
    or not a report). ``format`` and ``year`` as for import_text.
    """
    return _import(docx, "docx", format, year, None)


def import_bytes(
    data: Union[bytes, bytearray, memoryview],
    *,
    kind: Optional[SourceKind] = None,
    format: Union[str, int, None] = None,
    year: Optional[int] = None,
    ocr: bool = True,
) -> ImportResult:
    """Imports a report from the bytes of a file of any kind: ``kind`` or, by default, detected
    from the bytes (%PDF- → pdf, a zip with word/document.xml → docx, PNG/JPEG/TIFF → image (OCR),
    markup → html, else text). ``ocr=False``: scanned pages are not read by OCR.
    Text and HTML are decoded from UTF-8, UTF-16 with a byte order mark or GB18030/GBK (a page's
    ``<meta charset>`` is honoured); the log says what was decided (XXGK-I-090, XXGK-I-091).
    Errors as for the import function of the kind; 'unsupported_kind' for legacy Word/WPS files,
    other zip files, and images when OCR is off or not built.
    """
    if kind not in (None, "text", "html", "pdf", "docx", "image"):
        raise ValueError(f"kind: expected 'text', 'html', 'pdf', 'docx', 'image' or None, got {kind!r}")
    return _import(data, kind, format, year, None, detect=True, ocr=ocr)


def detect_input_kind(path: PathLike, content: bytes = b"") -> Literal["text", "html", "pdf", "docx", "image"]:
    """The kind ``xxgk import`` and corpus runs take a file for: by its extension (.html, .htm,
    .php, …; .txt, .md, …; .pdf; .docx; .png, .jpg, .tif, …), else by its content (``xxgk::detect_input_kind``, with
    canonical JSON read as text)."""
    name = os.fsdecode(os.fspath(path))
    kind = _core._detect_input_kind(name, bytes(content))
    return "text" if kind == "json" else kind


def import_file(
    path: PathLike,
    *,
    from_: Optional[SourceKind] = None,
    format: Union[str, int, None] = None,
    year: Optional[int] = None,
    ocr: bool = True,
) -> ImportResult:
    """Imports a report from a file — text, an HTML page, a PDF, a Word document or a scanned
    image (OCR; ``ocr=False`` turns it off) — like ``xxgk import FILE``.

    ``from_`` ('text', 'html', 'pdf', 'docx' or 'image') says what the file is; by default a text or HTML
    extension decides (.txt, .md; .html, .htm, …) and otherwise the bytes do (import_bytes). The
    encoding of text and HTML is decided from the bytes (UTF-8, UTF-16 with a BOM, GB18030/GBK, a
    page's ``<meta charset>``). OSError if the file cannot be read; ValidationError (whose ``path``
    is the file) if it cannot be imported. ``format`` and ``year`` as for import_text.
    """
    if from_ not in (None, "text", "html", "pdf", "docx", "image"):
        raise ValueError(f"from_: expected 'text', 'html', 'pdf', 'docx', 'image' or None, got {from_!r}")
    name = os.fspath(path)
    data = _read_file(name, _core._MAX_IMPORT_BYTES)
    kind = from_
    if kind is None:
        by_name = _core._source_kind_by_extension(os.fsdecode(name))
        if by_name in ("text", "html"):
            kind = by_name
    return _import(data, kind, format, year, os.fsdecode(name), detect=True, ocr=ocr)


# ---------------------------------------------------------------------------------------------
# The JSON Schema (docs/render.md)


def render_css() -> str:
    """The stylesheet of the standalone page: serve it beside ``render_html(standalone=False)``
    fragments so that they look like the national form (``xxgk render --css``; docs/render.md)."""
    return _core.render_css()


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
# Portal files (docs/portal.md): 权力清单/责任清单, the 标准目录 of 26 domains, published items


def loads_portal(data: Union[str, bytes, bytearray, memoryview], *, strict: bool = True) -> Portal:
    """A Portal from canonical JSON text with ``"kind": "portal"`` (str or UTF-8 bytes).

    Raises ValidationError listing every problem (each with its location) when the input is not
    a valid portal file; ``strict=False`` keeps unknown members (written back by dumps()).
    """
    return _decoded(_core._decode_portal, data, strict)


def load_portal(path: PathLike, *, strict: bool = True) -> Portal:
    """A Portal from a file. OSError if it cannot be read; ValidationError (with ``path``) if it
    is not a valid portal file."""
    return _decoded_file(_core._decode_portal, path, strict)


def portal_json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of portal files, as a dict, generated from the model."""
    return json.loads(_core.portal_json_schema_text())


def _portal_tables(self: Portal) -> List[str]:
    """The names of the portal's flat tables that have rows, in model order ("departments", …)."""
    return [t[0] for t in self._tables()]


def _portal_to_frame(self: Portal, table: str) -> Any:
    """One flat table as a pandas DataFrame: one row per element (a department, a catalog entry,
    a published item, …), one column per member path (the CSV columns of ``xxgk render --to
    csv``), values as str and "" where absent. KeyError names the tables there are."""
    from ._frames import _pandas

    for name, _part, columns, rows in self._tables():
        if name == table:
            return _pandas().DataFrame(rows, columns=columns, dtype="object")
    raise KeyError(f"no table {table!r}; this portal has {_portal_tables(self)}")


def _portal_to_frames(self: Portal) -> dict:
    """Every flat table as a DataFrame, {name: frame}, in model order."""
    return {name: _portal_to_frame(self, name) for name in _portal_tables(self)}


def _portal_dump(self: Portal, path: PathLike) -> None:
    """Writes the canonical JSON and a newline to a file (what ``xxgk convert`` writes), atomically:
    the file holds its old content or the new one, never a part. OSError if it cannot be written."""
    _core._write_file(os.fsencode(os.fspath(path)), self.dumps() + "\n")  # atomic, as xxgk convert -o writes


Portal.loads = staticmethod(loads_portal)  # type: ignore[attr-defined]
Portal.load = staticmethod(load_portal)  # type: ignore[attr-defined]
Portal.tables = _portal_tables  # type: ignore[attr-defined]
Portal.to_frame = _portal_to_frame  # type: ignore[attr-defined]
Portal.to_frames = _portal_to_frames  # type: ignore[attr-defined]
Portal.dump = _portal_dump  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# Methods of Report and Finding that live in Python


def _report_keys(self: Report) -> List[CellKey]:
    """Every cell key of the report's format, in table order (CellKey: a str with labels)."""
    return keys(self.format)


def _report_items(self: Report) -> List[Tuple[CellKey, Cell]]:
    """(key, cell) for every cell, in table order; the cells are views into the report."""
    return [(k, self[k]) for k in keys(self.format)]


def _report_check(self: Report, *, lang: str = "en") -> List[Finding]:
    """Validates and raises ValidationError when there is any finding of severity error
    (type = the code, loc = the key's parts, msg in ``lang`` 'en' or 'zh', input = the cell's value).
    Returns the other findings (warnings and info) otherwise."""
    findings = self.validate()
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ValidationError.from_issues(errors, self, lang=lang)
    return [f for f in findings if f.severity != "error"]


def _report_to_frame(self: Report, *, exact: bool = False, wide: bool = False) -> Any:
    """xxgk.to_frame(report): one row per cell (see xxgk.to_frame); ``wide=True``: xxgk.to_wide(report)."""
    return to_wide(self) if wide else to_frame(self, exact=exact)


def _report_to_wide(self: Report, *, states: bool = False) -> Any:
    """xxgk.to_wide(report): one row, one column per cell key (see xxgk.to_wide)."""
    return to_wide(self, states=states)


def _report_as(fmt: str) -> Any:
    def narrow(self: Report) -> Report:
        if self.format != fmt:
            raise TypeError(f"report of format {self.format}, not {fmt}")
        return self

    narrow.__name__ = f"as_{fmt}"
    narrow.__doc__ = (f"This report, typed as a format-{fmt} report (its proactive and requests are the {fmt} "
                      f"classes, for type checkers); TypeError if its format is not {fmt}.")
    return narrow


def _report_findings_frame(self: Report, *, include_info: bool = True) -> Any:
    """xxgk.findings_frame(report): one row per finding (see xxgk.findings_frame)."""
    return findings_frame(self, include_info=include_info)


def _report_issues_frame(self: Report, *, include_info: bool = True) -> Any:
    """Deprecated name of findings_frame() (docs/python.md, "Names")."""
    _deprecated("Report.issues_frame()", "Report.findings_frame()")
    return findings_frame(self, include_info=include_info)


def _report_get_json(self: Report, pointer: str) -> str:
    """The canonical JSON of the part of the report at a JSON Pointer (RFC 6901): "" is the whole
    report (as dumps()), "/header/body" one field, "/requests/granted/total" one cell; "null" for a
    member the report leaves out. UnknownKeyError (a KeyError) when the pointer names nothing in
    the report's format (or only in the other one); ValueError for a malformed pointer."""
    text, problems = self._get_json(pointer)
    if problems:
        raise UnknownKeyError(problems[0][2], pointer, self.format)
    return text


def _report_set_json(self: Report, pointer: str, json: Union[str, bytes]) -> None:
    """Replaces the part of the report at a JSON Pointer with the value of ``json`` (text or UTF-8
    bytes), decoded with every check of loads(); enclosing members the report leaves out are made,
    and a list grows by one at index len() or "-". On any error the report is unchanged:
    UnknownKeyError when the pointer names nothing, ValidationError for the value's problems
    (their locations are in the report), IndexError for an index past the end of a list."""
    problems = self._set_json(pointer, json)
    if problems:
        if len(problems) == 1 and problems[0][0] in ("unknown_key", "wrong_format") and problems[0][1] == pointer:
            raise UnknownKeyError(problems[0][2], pointer, self.format)
        raise ValidationError.from_problems(problems, title="Report")


def _report_dump(self: Report, path: PathLike) -> None:
    """Writes the canonical JSON (dumps()) and a newline to a file, UTF-8: the bytes that
    ``xxgk convert FILE -o PATH`` writes, atomically as it does (the file holds its old content or
    the new one, never a part). OSError if it cannot be written."""
    _core._write_file(os.fsencode(os.fspath(path)), self.dumps() + "\n")  # atomic, as xxgk convert -o writes


def _finding_loc(self: Finding) -> Tuple[Union[str, int], ...]:
    """Where the finding is, as a tuple: the key's parts, else the JSON Pointer's."""
    return tuple(self.key.split(".")) if self.key else loc_from_pointer(self.pointer)


Report.keys = _report_keys  # type: ignore[attr-defined]
Report.items = _report_items  # type: ignore[attr-defined]
Report.check = _report_check  # type: ignore[attr-defined]
Report.to_frame = _report_to_frame  # type: ignore[attr-defined]
Report.to_wide = _report_to_wide  # type: ignore[attr-defined]
Report.as_2019 = _report_as("2019")  # type: ignore[attr-defined]
Report.as_2021 = _report_as("2021")  # type: ignore[attr-defined]
Report.findings_frame = _report_findings_frame  # type: ignore[attr-defined]
Report.issues_frame = _report_issues_frame  # type: ignore[attr-defined]
Report.dump = _report_dump  # type: ignore[attr-defined]
Report.get_json = _report_get_json  # type: ignore[attr-defined]
Report.set_json = _report_set_json  # type: ignore[attr-defined]
Finding.loc = property(_finding_loc, doc=_finding_loc.__doc__)  # type: ignore[attr-defined]

# ---------------------------------------------------------------------------------------------
# Deprecated names: the concept is a finding in every face (C++ xxgk::finding, docs/rules.md, the
# CLI, FINDING_FIELDS, xxgk.dask.findings_frame); the old Python names still work and warn.

_DEPRECATED = {"Issue": "Finding", "issues_frame": "findings_frame", "ISSUE_COLUMNS": "FINDING_COLUMNS"}


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated: use {new} (docs/python.md, \"Names\")", DeprecationWarning, stacklevel=3)


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        _deprecated(f"xxgk.{name}", f"xxgk.{_DEPRECATED[name]}")
        return globals()[_DEPRECATED[name]]
    raise AttributeError(f"module 'xxgk' has no attribute '{name}'")


__all__ = [
    "__version__",
    "Aggregation",
    "IDENTITY_COLUMNS",
    "IMPORT_LOG_COLUMNS",
    "aggregate_by",
    "from_frame",
    "read_dir",
    "report_id",
    "to_wide",
    "CellSources",
    "StatedFigure",
    "aggregate",
    "check_aggregate",
    "check_narrative",
    "extract_figures",
    "validate_series",
    "FORMATS",
    "CELL_RECORD_FIELDS",
    "FINDING_FIELDS",
    "FRAME_COLUMNS",
    "GeneratedReport",
    "InjectedFault",
    "FINDING_COLUMNS",
    "CellKey",
    "ImportCode",
    "ImportResult",
    "LoadFailure",
    "ReportList",
    "UnknownKeyError",
    "ValidationError",
    "corpus_files",
    "detect_input_kind",
    "domain_labels",
    "format_for_year",
    "generate",
    "import_codes",
    "import_bytes",
    "import_docx",
    "import_image",
    "import_file",
    "import_html",
    "import_pdf",
    "import_text",
    "is_portal_json",
    "findings_frame",
    "json_schema",
    "render_css",
    "keys",
    "load",
    "load_many",
    "load_portal",
    "loads",
    "loads_portal",
    "notice_of",
    "ocr_available",
    "parse_index_number",
    "portal_json_schema",
    "resolve_domain",
    "rules",
    "run_corpus",
    "to_frame",
] + sorted(_MODEL_CLASSES)
