"""The package's surface: docstrings on every public name, help(), type stubs, version."""

import importlib.util
import inspect
import pydoc
import re
import subprocess
import sys
from pathlib import Path

import pytest

import xxgk
from conftest import ROOT

PACKAGE = Path(xxgk.__file__).parent
STUBS = ROOT / "bindings" / "python" / "xxgk"


def public_members(cls):
    for name, value in vars(cls).items():
        if name.startswith("_") and name not in ("__init__",):
            continue
        yield name, value


def documented(obj, name):
    """True when the docstring says something besides the signature pybind11 writes first."""
    doc = (getattr(obj, "__doc__", None) or "").strip()
    lines = [line for line in doc.splitlines() if line.strip()]
    if lines and re.match(rf"^(\d+\. )?{re.escape(name)}\(.*\)( -> .*)?$", lines[0]):
        lines = [line for line in lines if not re.match(rf"^(\d+\. )?{re.escape(name)}\(", line)]
    return bool(lines)


def test_every_public_name_has_a_docstring():
    missing = []
    for name in xxgk.__all__:
        obj = getattr(xxgk, name)
        if isinstance(obj, (str, tuple)):
            continue
        if not documented(obj, name):
            missing.append(name)
        if isinstance(obj, type) and obj.__module__ == "xxgk":
            for member, value in public_members(obj):
                if callable(value) or isinstance(value, property) or type(value).__name__ == "property":
                    target = value.fget if isinstance(value, property) and value.__doc__ is None else value
                    if not documented(target, member):
                        missing.append(f"{name}.{member}")
    assert missing == []


def test_model_classes_document_their_members():
    for name in xxgk.__all__:
        cls = getattr(xxgk, name)
        if isinstance(cls, type) and hasattr(cls, "_field_types"):
            assert not cls.__doc__.startswith("Part of a report"), f"{name} needs a class docstring"
            for member in cls._fields:
                assert getattr(cls, member).__doc__, f"{name}.{member}"
    assert xxgk.ApplicantRow.enterprise.__doc__.startswith("法人或其他组织 › 商业企业")
    assert xxgk.Requests2021.granted.__doc__.startswith("三、本年度办理结果 › （一）予以公开")
    assert xxgk.Report.requests.__doc__.startswith("三、收到和处理政府信息公开申请情况")


def test_help_of_report_is_useful():
    text = pydoc.render_doc(xxgk.Report, renderer=pydoc.plaintext)
    for needle in ("政府信息公开工作年度报告", "validate", "check", "dumps", "to_frame", "requests", "header", "keys"):
        assert needle in text


def test_classes_live_in_the_package():
    assert xxgk.Report.__module__ == "xxgk" and xxgk.ApplicantRow.__module__ == "xxgk"
    assert repr(xxgk.Report) == "<class 'xxgk.Report'>"
    # model classes are named after the C++ types: report_header → ReportHeader
    assert {"ReportHeader", "ApplicantRow", "Requests2019", "Requests2021", "Subsection", "StringList"} <= set(xxgk.__all__)


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", xxgk.__version__)
    header = (ROOT / "include" / "xxgk" / "version.h").read_text(encoding="utf-8")
    parts = [re.search(rf"XXGK_VERSION_{p} +(\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    assert xxgk.__version__ == ".".join(parts)


def test_typing_files_are_packaged():
    for name in ("py.typed", "__init__.pyi", "_core.pyi"):
        assert (PACKAGE / name).is_file(), name


def test_stubs_are_up_to_date():
    tool = ROOT / "bindings" / "python" / "tools" / "gen_stubs.py"
    result = subprocess.run([sys.executable, str(tool), "--check", "--package", str(STUBS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy not installed (Debian: python3-mypy)")
def test_stubs_type_check_a_typical_program(tmp_path):
    program = tmp_path / "use_xxgk.py"
    program.write_text(
        inspect.cleandoc(
            """
            from decimal import Decimal
            import xxgk

            report = xxgk.load("report.json")
            value = report.requests.granted.natural_person.value
            report.requests.granted.total = 5
            report.requests.granted.total = None
            report.requests.granted.total = Decimal("1.5")
            report["requests.granted.total"] = xxgk.Cell.not_applicable()
            title: str = report.overview.subsections[0].title if report.overview else ""
            codes = [issue.code for issue in report.validate() if issue.severity == "error"]
            label: str = xxgk.keys("2021")[0].label_path
            reports = xxgk.load_many(["a.json"], errors="skip")
            failures = [f.path for f in reports.failures]
            result = xxgk.import_file("report.html", from_="html", format="2019", year=2020)
            warnings = [(e.code, e.where) for e in result.log if e.severity == "warning"]
            page: str = result.report.render_html(standalone=False, findings=True, lang="en")
            tables: dict = xxgk.import_text(b"...").report.render_csv_tables()
            schema_id = xxgk.json_schema("2021")["$id"]
            requests21: xxgk.Requests2021 = report.as_2021().requests
            head: xxgk.ReportList = reports[:1]
            wide = xxgk.read_dir("reports")[0].to_frame(wide=True)
            report.header.year = "2020"
            report.requests.granted.total = "5"
            report.render_html(lang="fr")
            """
        )
        + "\n",
        encoding="utf-8",
    )
    env = {"PATH": "/usr/bin:/bin"}
    if PACKAGE.parent.name not in ("site-packages", "dist-packages"):
        env["MYPYPATH"] = str(PACKAGE.parent)  # a build tree; an installed package is found by PEP 561
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(program)],
        capture_output=True,
        text=True,
        env=env,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    # exactly the three wrong lines at the end are flagged
    assert len(errors) == 3, result.stdout + result.stderr
    assert ":23:" in errors[0] and ":24:" in errors[1] and ":25:" in errors[2]
