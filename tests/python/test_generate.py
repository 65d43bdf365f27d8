"""xxgk.generate: the C++ generator's reports, the same as `xxgk generate` writes."""

import csv
import os
import subprocess

import pytest

import xxgk


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_valid_reports_have_no_finding(fmt):
    generated = xxgk.generate(fmt, 50, seed=11)
    assert len(generated) == 50
    for g in generated:
        assert g.faults == []
        assert g.report.format == fmt
        assert g.report.validate() == []


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_every_fault_is_reported_at_its_key(fmt):
    seen = set()
    for g in xxgk.generate(fmt, 80, seed=5, faults=0.3):
        issues = g.report.validate()
        found = {(i.code, i.key, i.pointer) for i in issues if not i.caused_by}
        for f in g.faults:
            assert isinstance(f, xxgk.InjectedFault)
            assert (f.code, f.key, f.pointer) in found, (f, issues)
            seen.add(f.kind)
    assert {"row_total", "case_total", "negative_count", "statistics_period"} <= seen


def test_start_continues_the_sequence():
    whole = xxgk.generate("2021", 6, seed=3, faults=0.5)
    tail = xxgk.generate("2021", 2, seed=3, faults=0.5, start=4)
    assert [g.report for g in tail] == [g.report for g in whole[4:]]
    assert [g.faults for g in tail] == [g.faults for g in whole[4:]]


def test_bad_arguments():
    with pytest.raises(ValueError):
        xxgk.generate("2021", 1, seed=1, faults=1.5)
    with pytest.raises(ValueError):
        xxgk.generate("2018", 1, seed=1)
    with pytest.raises(TypeError):
        xxgk.generate("2021", "3", seed=1)
    assert xxgk.InjectedFault._fields == ("kind", "code", "key", "pointer", "before", "after")


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
def test_same_reports_as_the_cli(tmp_path):
    subprocess.run(
        [os.environ["XXGK_CLI"], "generate", "--format", "2019", "--count", "5", "--seed", "9", "--faults", "0.4",
         "-o", str(tmp_path)],
        check=True,
    )
    generated = xxgk.generate("2019", 5, seed=9, faults=0.4)
    for i, g in enumerate(generated):
        path = tmp_path / f"report-2019-{i:06d}.json"
        assert path.read_text(encoding="utf-8") == g.report.dumps() + "\n"
    with open(tmp_path / "faults.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = [
        {"file": f"report-2019-{i:06d}.json", **f._asdict()} for i, g in enumerate(generated) for f in g.faults
    ]
    assert rows == expected
    assert rows  # rate 0.4 over 5 reports injects something
