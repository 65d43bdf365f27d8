#!/usr/bin/python3
"""The benchmarks run as docs/performance.md shows them (ctest bench.smoke.default, bench.smoke.ratios).

    smoke_test.py BUILD_DIR default   # xxgk_bench without arguments: the reports of examples/data
    smoke_test.py BUILD_DIR ratios    # bench/ratios.py --no-build without --corpus

One short repetition each; no timing is asserted, only that each run works and measures what it
should: exactly the example reports (the portal file of examples/data left out), every ratio row.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: The reports of examples/data; cangnan-portal.json is a portal file, not a report.
EXAMPLE_REPORTS = ["cangnan-2020", "sample-2021"]


def run(command):
    result = subprocess.run([str(c) for c in command], text=True, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(str(c) for c in command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def default(build):
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "bench.json"
        run([build / "bench" / "xxgk_bench", "--benchmark_filter=^(decode|import_text)/", "--benchmark_min_time=0.001",
             "--benchmark_out_format=json", f"--benchmark_out={out}"])
        names = sorted(b["name"] for b in json.loads(out.read_text(encoding="utf-8"))["benchmarks"])
    expected = sorted([f"decode/{r}" for r in EXAMPLE_REPORTS] + ["import_text/cangnan-2020"])
    if names != expected:
        sys.exit(f"xxgk_bench without arguments ran {names}, expected {expected}")


def ratios(build):
    with tempfile.TemporaryDirectory() as tmp:
        figures = pathlib.Path(tmp) / "figures.json"
        text = run([sys.executable, ROOT / "bench" / "ratios.py", "--no-build", "--build-dir", build,
                    "--repetitions", "1", "--min-time", "0.001", "--skip", "python,memory", "--out", figures])
        data = json.loads(figures.read_text(encoding="utf-8"))
    for row in ("decode+validate / floor", "encode / serialize", "import_text / decode+validate"):
        if not any(line.startswith(row) for line in text.splitlines()):
            sys.exit(f"ratios.py printed no row '{row}':\n{text}")
    sets = sorted({name.partition("/")[2] for name in data["bench_ns"]})
    if sets != EXAMPLE_REPORTS:
        sys.exit(f"ratios.py measured the sets {sets}, expected {EXAMPLE_REPORTS}")
    if data["scaling"]["documents"] <= 0:
        sys.exit(f"ratios.py: the scaling run read no document: {data['scaling']}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in ("default", "ratios"):
        sys.exit(__doc__)
    {"default": default, "ratios": ratios}[sys.argv[2]](pathlib.Path(sys.argv[1]))
