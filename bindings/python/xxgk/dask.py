"""Dask helpers: a corpus of reports as a dask bag, and its cells and findings as dask data frames.

The same code runs on the threads of one process, on a ``dask.distributed.LocalCluster`` and on a
cluster of many machines (docs/scale.md)::

    import xxgk.dask
    from dask.distributed import Client

    client = Client("tcp://scheduler:8786")           # or LocalCluster(), or no client at all
    cells = xxgk.dask.cells_frame("/shared/reports")  # one row per cell of every report
    findings = xxgk.dask.findings_frame("/shared/reports")
    findings.groupby("code").size().compute()

A corpus is a directory (every report below it, as ``xxgk corpus`` reads it: JSON, text, HTML, PDF, Word),
a glob pattern ("/shared/reports/**/*.json") or an iterable of paths. The frames are the package's
pandas frames (``xxgk.to_frame``, ``xxgk.findings_frame``) with a first column ``file``, built one
partition at a time on the workers: what a worker needs is the package and the files (shared
storage), nothing of the client's memory. Rows come in the order of the sorted paths, so
``.compute()`` gives the same frame as the single-process ``single_process_frames``.

Needs dask (Debian: python3-dask; python3-distributed for clusters).
"""

from __future__ import annotations

import glob
import os
from typing import Any, Iterable, List, Literal, Optional, Tuple, Union

from . import _core
from ._corpus import _read_file
from ._errors import ValidationError
from ._frames import findings_frame as _pandas_findings_frame, to_frame

__all__ = [
    "corpus_paths",
    "read_report",
    "read_reports",
    "cells_frame",
    "findings_frame",
    "import_log_frame",
    "single_process_frames",
]

Source = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]


def _dask() -> Any:
    try:
        import dask.bag
        import dask.dataframe
    except ImportError as e:  # pragma: no cover - dask is installed where the tests run
        raise ImportError("xxgk.dask needs dask (Debian: apt install python3-dask python3-distributed)") from e
    return dask


def corpus_paths(source: Source) -> List[str]:
    """The files of a corpus, sorted: a directory's files as ``xxgk corpus`` lists them
    (recursively; JSON, text and HTML extensions), the matches of a glob pattern (``**`` recurses),
    or the given paths in their order. OSError for a directory that cannot be read."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        if os.path.isdir(name):
            return [os.path.join(name, f) for f in _core._corpus_files(name)]
        if glob.has_magic(name):
            return sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
        return [name]
    return [os.fspath(p) for p in source]


def read_report(path: Union[str, "os.PathLike[str]"], *, strict: bool = True) -> _core.Report:
    """One file of a corpus as a Report: canonical JSON is decoded, published text, HTML pages, PDF
    and Word files are imported (the kind decided as in ``xxgk corpus``: by extension, else by content).
    OSError if it cannot be read; ValidationError (``path`` set) if it is not a report."""
    name = os.fspath(path)
    # As xxgk corpus reads: regular files only, within the larger of the two input limits.
    data = _read_file(name, max(_core._MAX_JSON_BYTES, _core._MAX_IMPORT_BYTES))
    kind = _core._detect_input_kind(name, data)
    if kind == "json":
        report, problems = _core._decode(data, strict)
    else:  # (Report, log) or, when the input is not a report, (None, problems)
        # Text and HTML as their extension says, PDF and Word and the encoding from the bytes.
        by_name = _core._source_kind_by_extension(name)
        report, problems = _core._import(data, by_name if by_name in ("text", "html") else None, True)
    if report is None or (kind == "json" and problems):
        raise ValidationError.from_problems(problems, data, path=name)
    return report


def _read_part(paths: List[str], strict: bool, errors: str) -> Tuple[List[str], List[_core.Report]]:
    names, reports = [], []
    for path in paths:
        try:
            reports.append(read_report(path, strict=strict))
        except (ValidationError, OSError):
            if errors == "raise":
                raise
            continue
        names.append(path)
    return names, reports


def _chunks(paths: List[str], partition_size: int) -> List[List[str]]:
    if partition_size < 1:
        raise ValueError(f"partition_size: expected at least 1, got {partition_size}")
    return [paths[i : i + partition_size] for i in range(0, len(paths), partition_size)] or [[]]


def read_reports(
    source: Source, *, partition_size: int = 100, strict: bool = True, errors: Literal["raise", "skip"] = "skip"
) -> Any:
    """A ``dask.bag.Bag`` of the corpus's Reports, ``partition_size`` files per partition, in path
    order. Files that are not reports are left out (``errors="skip"``, the default, as in ``xxgk
    corpus``) or raise when computed (``errors="raise"``). Reports pickle, so the bag moves
    between processes and machines."""
    dask = _dask()
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors: expected 'raise' or 'skip', got {errors!r}")
    parts = [dask.delayed(_read_part)(chunk, strict, errors)[1] for chunk in _chunks(corpus_paths(source), partition_size)]
    return dask.bag.from_delayed(parts)


def _cells_part(paths: List[str], strict: bool, errors: str, exact: bool) -> Any:
    names, reports = _read_part(paths, strict, errors)
    return to_frame(reports, exact=exact, files=names)


def _findings_part(paths: List[str], strict: bool, errors: str, include_info: bool) -> Any:
    names, reports = _read_part(paths, strict, errors)
    return _pandas_findings_frame(reports, include_info=include_info, files=names)


def cells_frame(
    source: Source,
    *,
    partition_size: int = 100,
    exact: bool = False,
    strict: bool = True,
    errors: Literal["raise", "skip"] = "skip",
) -> Any:
    """A ``dask.dataframe.DataFrame`` with one row per cell of every report: the columns of
    ``xxgk.to_frame`` after a first column ``file`` (the path read), in path and table order.
    ``exact`` as in to_frame; ``errors`` as in read_reports. The index restarts in every partition."""
    dask = _dask()
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors: expected 'raise' or 'skip', got {errors!r}")
    meta = to_frame([], exact=exact, files=[])
    parts = [dask.delayed(_cells_part)(chunk, strict, errors, exact) for chunk in _chunks(corpus_paths(source), partition_size)]
    return dask.dataframe.from_delayed(parts, meta=meta, verify_meta=False)


def findings_frame(
    source: Source,
    *,
    partition_size: int = 100,
    include_info: bool = True,
    strict: bool = True,
    errors: Literal["raise", "skip"] = "skip",
) -> Any:
    """A ``dask.dataframe.DataFrame`` with one row per finding of every report: the columns of
    ``xxgk.findings_frame`` after a first column ``file``. ``errors`` as in read_reports."""
    dask = _dask()
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors: expected 'raise' or 'skip', got {errors!r}")
    meta = _pandas_findings_frame([], include_info=include_info, files=[])
    parts = [
        dask.delayed(_findings_part)(chunk, strict, errors, include_info)
        for chunk in _chunks(corpus_paths(source), partition_size)
    ]
    return dask.dataframe.from_delayed(parts, meta=meta, verify_meta=False)


def _log_part(paths: List[str], strict: bool) -> Any:
    from ._analysis import import_log_frame as frame, read_one

    rows: List[tuple] = []
    for path in paths:
        read_one(path, path, rows, strict=strict)
    return frame(rows)


def import_log_frame(source: Source, *, partition_size: int = 100, strict: bool = True) -> Any:
    """A ``dask.dataframe.DataFrame`` of the import log of every file — what ``xxgk.read_dir``
    returns as its log, over a cluster: the columns IMPORT_LOG_COLUMNS (``file`` the path read),
    every import log entry, and one 'error' row per file that gives no report."""
    from ._analysis import import_log_frame as frame

    dask = _dask()
    parts = [dask.delayed(_log_part)(chunk, strict) for chunk in _chunks(corpus_paths(source), partition_size)]
    return dask.dataframe.from_delayed(parts, meta=frame([]), verify_meta=False)


def single_process_frames(
    source: Source, *, exact: bool = False, include_info: bool = True, strict: bool = True
) -> Tuple[Any, Any]:
    """(cells, findings) as pandas frames computed in this process without dask: what
    ``cells_frame(source).compute()`` and ``findings_frame(source).compute()`` give, with a fresh
    index. For checking a cluster's result, and for corpora that fit one machine."""
    names, reports = _read_part(corpus_paths(source), strict, "skip")
    return (
        to_frame(reports, exact=exact, files=names),
        _pandas_findings_frame(reports, include_info=include_info, files=names),
    )
