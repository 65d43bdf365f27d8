"""Corpus runs: ``xxgk corpus DIR`` from Python, on the C++ engine's threads (docs/scale.md)."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Literal, Union

from . import _core

__all__ = ["corpus_files", "run_corpus"]

PathLike = Union[str, "os.PathLike[str]"]


def corpus_files(directory: PathLike) -> List[str]:
    """The files a corpus run reads below ``directory``: every .json, .txt/.text/.md/.markdown and
    .html/.htm/… file, recursively, as sorted paths relative to it with '/' separators.
    OSError if it is not a readable directory."""
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
