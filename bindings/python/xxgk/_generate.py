"""The report generator: realistic synthetic reports, valid or with injected faults of known kinds.

``xxgk.generate("2021", 1000, seed=42, faults=0.1)`` returns the same reports as
``xxgk generate --format 2021 --count 1000 --seed 42 --faults 0.1`` (C++ ``xxgk::generate``).
"""

from __future__ import annotations

from typing import List, NamedTuple, Union

from . import _core

__all__ = ["GeneratedReport", "InjectedFault", "generate"]


class InjectedFault(NamedTuple):
    """One fault injected into a generated report: ``Report.validate()`` reports ``code`` at ``key``
    (``pointer`` for header faults, whose ``key`` is ""). The members of the C++ ``xxgk::injected_fault``."""

    kind: str
    code: str
    key: str
    pointer: str
    before: str
    after: str


class GeneratedReport(NamedTuple):
    """A generated report and the faults injected into it (empty for a valid report)."""

    report: _core.Report
    faults: List[InjectedFault]


assert InjectedFault._fields == _core.INJECTED_FAULT_FIELDS  # one list of members, in C++


def generate(
    format: Union[str, int], count: int, seed: int, *, faults: float = 0.0, start: int = 0
) -> List[GeneratedReport]:
    """Reports ``start`` … ``start + count - 1`` of the sequence defined by (format, seed, faults).

    A report depends only on the format, seed, fault rate and its index, so ``generate(f, 10, s,
    start=5)`` is the tail of ``generate(f, 15, s)``: a large corpus can be made in pieces, in
    parallel. Valid reports (``faults=0``, or reports that drew no fault) have no finding at all;
    ``faults`` is the probability, in [0, 1], that each fault kind is injected into a report.
    Raises ValueError for a fault rate outside [0, 1] or an unknown format, TypeError for a
    non-integer count, seed or start.
    """
    return [
        GeneratedReport(report, [InjectedFault(*f) for f in injected])
        for report, injected in _core._generate(format, count, seed, faults, start)
    ]
