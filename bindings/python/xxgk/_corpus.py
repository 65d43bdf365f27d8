"""Corpus runs: ``xxgk corpus DIR`` from Python, on the C++ engine's threads (docs/scale.md)."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Literal, Union

from . import _core
from ._errors import ValidationError

__all__ = ["corpus_files", "run_corpus"]

PathLike = Union[str, "os.PathLike[str]"]


def corpus_files(directory: PathLike) -> List[str]:
    """The files a corpus run reads below ``directory``: every .json, .txt/.text/.md/.markdown,
    .html/.htm/…, .pdf and .docx file, recursively, as sorted paths relative to it with '/'
    separators. Nothing is left out silently: an entry with such an extension that cannot be read
    (a FIFO, a link to nothing, no permission) is listed, and so is a directory that cannot be
    listed, as its path followed by '/'; the walk goes on past them, and a run reports each in
    errors.csv. OSError if ``directory`` itself is not a readable directory."""
    return _core._corpus_files(os.fspath(directory))


def run_corpus(
    directory: PathLike,
    output: PathLike,
    *,
    jobs: int = 0,
    lang: Literal["zh", "en"] = "zh",
    strict: bool = True,
    include_info: bool = True,
) -> Dict[str, Any]:
    """Runs ``xxgk corpus DIRECTORY -o OUTPUT``: validates every report (JSON, text, HTML, PDF, Word) on
    ``jobs`` threads (0: every core; the GIL is released) and writes summary.json, findings.csv,
    cells.csv and errors.csv into ``output``. Returns the summary as a dict. Files that cannot be
    used are listed in errors.csv, never raised; OSError if the directory cannot be read or the
    output cannot be written."""
    return json.loads(_core._run_corpus(os.fspath(directory), os.fspath(output), jobs, lang, strict, include_info))


def _read_file(name: Union[str, bytes], limit: int) -> bytes:
    """The bytes of a file, read by the C++ reader of every face (xxgk::read_file): regular files
    only (a device such as /dev/zero, a FIFO or a directory is refused before anything is read:
    OSError with its errno, FileNotFoundError, IsADirectoryError, …), never more than ``limit`` + 1
    bytes (a larger file: ValidationError of type 'limit_exceeded', before it is read when its
    size is known)."""
    data, too_large = _core._read_file(os.fsencode(name), limit)
    if data is None:
        raise ValidationError.from_problems([("limit_exceeded", "", too_large, None, None, None)], None, path=os.fsdecode(name))
    return data
