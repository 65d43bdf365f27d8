"""Shared fixtures of the xxgk Python tests.

Run against the package of a CMake build tree (ctest's python.pytest sets PYTHONPATH to
<build>/bindings/python) or against the installed package (pip install ./bindings/python):

    /usr/bin/python3 -m pytest tests/python -q
"""

import os
import sys
from pathlib import Path

import pytest

import xxgk

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
TEST_DATA = ROOT / "tests" / "data" / "json"
CANGNAN = DATA / "cangnan-2020.json"
SAMPLE = DATA / "sample-2021.json"


def pytest_report_header(config):
    return f"xxgk {xxgk.__version__} from {Path(xxgk.__file__).parent} (Python {sys.executable})"


@pytest.fixture(scope="session", autouse=True)
def expected_package():
    """ctest says which package it built; make sure that is the one under test."""
    expected = os.environ.get("XXGK_EXPECT_PACKAGE_DIR")
    if expected:
        assert Path(xxgk.__file__).parent.resolve() == Path(expected).resolve()


@pytest.fixture
def cangnan():
    return xxgk.load(CANGNAN)


@pytest.fixture
def sample():
    return xxgk.load(SAMPLE)


@pytest.fixture(params=["2019", "2021"])
def empty(request):
    return xxgk.Report(format=request.param)
