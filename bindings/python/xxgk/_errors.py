"""Exceptions of the xxgk package: ValidationError (pydantic-shaped) and UnknownKeyError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

if TYPE_CHECKING:  # pragma: no cover
    from ._core import Finding, Report

__all__ = ["ValidationError", "UnknownKeyError"]

Loc = Tuple[Union[str, int], ...]

_MISSING = object()


class UnknownKeyError(KeyError):
    """A cell key that is not a cell of the report's format.

    A KeyError, so ``except KeyError`` catches it. ``key`` is the key asked for, ``format`` the
    report's format; the message says when the key belongs to the other format.
    """

    def __init__(self, message: str, key: str, format: str) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.format = format

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Any:
        return (type(self), (self.message, self.key, self.format))


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def loc_from_pointer(pointer: str, document: Any = _MISSING) -> Loc:
    """The location tuple of a JSON Pointer: "/overview/subsections/0/title" →
    ('overview', 'subsections', 0, 'title'). Array indexes become ints (read off ``document`` when
    given; member names of the model are never digits, so digits are indexes otherwise)."""
    if not pointer:
        return ()
    loc: List[Union[str, int]] = []
    current = document
    for token in (_unescape(t) for t in pointer[1:].split("/")):
        if isinstance(current, list) or (current is _MISSING and token.isdigit()):
            try:
                index = int(token)
            except ValueError:
                loc.append(token)
                current = _MISSING
                continue
            loc.append(index)
            current = current[index] if isinstance(current, list) and 0 <= index < len(current) else _MISSING
        else:
            loc.append(token)
            current = current.get(token, _MISSING) if isinstance(current, dict) else _MISSING
    return tuple(loc)


def resolve(document: Any, loc: Sequence[Union[str, int]], missing_gives_parent: bool = False) -> Any:
    """The value at ``loc`` in plain data, or _MISSING. With ``missing_gives_parent``, an absent last
    member gives its parent object (pydantic's ``input`` for a missing member)."""
    current = document
    for i, step in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(current, dict) and isinstance(step, str) and step in current:
            current = current[step]
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            current = current[step]
        elif last and missing_gives_parent and isinstance(current, dict):
            return current
        else:
            return _MISSING
    return current


def _short_repr(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class ValidationError(ValueError):
    """Input that is not a valid report, or a report with findings of severity error.

    Shaped like pydantic's ValidationError: ``errors()`` lists every problem as a dict with

    - ``type``: the error code — for input, the name of the C++ ``xxgk::errc`` ("invalid_json",
      "wrong_type", "missing_member", "unknown_member", "out_of_range", "invalid_value",
      "wrong_format", "limit_exceeded", "duplicate_member", "io_error"); for ``Report.check()``, the
      finding's code ("XXGK-T3-004");
    - ``loc``: where, as a tuple ("header", "year") — ints for array indexes; () for the document;
    - ``msg``: what is wrong (English unless ``check(lang="zh")``);
    - ``input``: the offending input value where it is known (the parent object for a missing
      member), else None;
    - ``ctx``: more structured detail (the JSON Pointer; for findings expected, actual, cells, …);
    - ``line`` and ``column`` (1-based) for syntax errors.

    ``title`` is "Report"; ``path`` is the file that was read, when there is one. A ValueError.
    """

    def __init__(
        self,
        errors: Iterable[Dict[str, Any]],
        title: str = "Report",
        path: Optional[str] = None,
        _input_known: Optional[Sequence[bool]] = None,
    ) -> None:
        self._errors: List[Dict[str, Any]] = [dict(e) for e in errors]
        self._input_known: List[bool] = (
            list(_input_known) if _input_known is not None else [e.get("input") is not None for e in self._errors]
        )
        self.title = title
        self.path = path
        super().__init__(self._summary())

    # -- pydantic's interface

    def errors(self, *, include_input: bool = True, include_context: bool = True) -> List[Dict[str, Any]]:
        """Every problem as a dict (type, loc, msg, input, ctx, and line/column when known). Copies."""
        out = []
        for e in self._errors:
            e = dict(e)
            if not include_input:
                e.pop("input", None)
            if not include_context:
                e.pop("ctx", None)
            elif "ctx" in e:
                e["ctx"] = dict(e["ctx"])
            out.append(e)
        return out

    def error_count(self) -> int:
        """How many problems there are."""
        return len(self._errors)

    def _summary(self) -> str:
        n = len(self._errors)
        head = f"{n} validation error{'' if n == 1 else 's'} for {self.title}"
        return head + (f" ({self.path})" if self.path else "")

    def __str__(self) -> str:
        lines = [self._summary()]
        for e, known in zip(self._errors, self._input_known):
            if e["loc"]:
                lines.append(".".join(str(part) for part in e["loc"]))
            details = [f"type={e['type']}"]
            if known:
                details.append(f"input_value={_short_repr(e.get('input'))}")
                details.append(f"input_type={type(e.get('input')).__name__}")
            if e.get("line") is not None:
                details.append(f"line={e['line']}")
                details.append(f"column={e['column']}")
            lines.append(f"  {e['msg']} [{', '.join(details)}]")
        return "\n".join(lines)

    def __reduce__(self) -> Any:
        return (type(self), (self._errors, self.title, self.path, self._input_known))

    # -- construction from the core's results

    @classmethod
    def from_problems(
        cls, problems: Sequence[tuple], data: Any = None, *, path: Optional[str] = None, title: str = "Report"
    ) -> "ValidationError":
        """From the decoder's problems: tuples (type, pointer, message, offset, line, column)."""
        document: Any = _MISSING
        if data is not None and any(p[1] for p in problems):
            import json

            try:
                document = json.loads(data)
            except (ValueError, TypeError, RecursionError):
                document = _MISSING
        errors, known = [], []
        for type_, pointer, message, offset, line, column in problems:
            loc = loc_from_pointer(pointer, document)
            value = _MISSING
            if document is not _MISSING and type_ not in ("invalid_json", "limit_exceeded", "io_error"):
                value = resolve(document, loc, missing_gives_parent=type_ == "missing_member")
            error: Dict[str, Any] = {
                "type": type_,
                "loc": loc,
                "msg": message,
                "input": None if value is _MISSING else value,
                "ctx": {"pointer": pointer},
            }
            if offset is not None:
                error["ctx"]["offset"] = offset
            if line is not None:
                error["line"] = line
                error["column"] = column
            errors.append(error)
            known.append(value is not _MISSING)
        return cls(errors, title=title, path=path, _input_known=known)

    @classmethod
    def from_issues(cls, issues: Sequence["Finding"], report: "Report", *, lang: str = "en") -> "ValidationError":
        """From findings (normally those of severity error): type = code, loc = the key's parts."""
        plain: Any = _MISSING
        errors, known = [], []
        for issue in issues:
            value: Any = _MISSING
            if issue.key and issue.key in report:
                loc: Loc = tuple(issue.key.split("."))
                value = report[issue.key].value
            else:
                if plain is _MISSING:
                    plain = report.to_dict()
                loc = loc_from_pointer(issue.pointer, plain)
                if loc:
                    value = resolve(plain, loc)
            errors.append(
                {
                    "type": issue.code,
                    "loc": loc,
                    "msg": issue.message(lang),
                    "input": None if value is _MISSING else value,
                    "ctx": {
                        "severity": issue.severity,
                        "rule": issue.rule,
                        "pointer": issue.pointer,
                        "expected": issue.expected,
                        "actual": issue.actual,
                        "cells": issue.cells,
                        "caused_by": issue.caused_by,
                    },
                }
            )
            known.append(value is not _MISSING)
        return cls(errors, title="Report", _input_known=known)
