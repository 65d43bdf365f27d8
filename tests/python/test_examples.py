"""examples/python: the analysis script runs and prints its summary."""

import os
import subprocess
import sys

import xxgk
from conftest import ROOT

SCRIPT = ROOT / "examples" / "python" / "analysis.py"


def run(*args):
    env = dict(os.environ)
    # the script imports the same xxgk as the tests (build tree or installed)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.dirname(os.path.dirname(xxgk.__file__)), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=120)


def test_analysis_script_summarises_the_example_reports():
    result = run()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "苍南县人民政府 2020 (format 2019): 1 errors, 0 warnings" in out
    assert "示例市生态环境局 2022 (format 2021): 0 errors, 0 warnings" in out
    assert "XXGK-T3-004 requests.withheld_prohibited_by_law.total" in out
    assert "== cell states" in out and "blank" in out
    assert "granted_share" in out


def test_analysis_script_skips_bad_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "2019"}', encoding="utf-8")
    result = run(str(ROOT / "examples" / "data"), str(bad))
    assert result.returncode == 0, result.stderr
    assert f"skipped {bad}: 4 validation errors for Report" in result.stdout
