#!/usr/bin/python3
"""Instructions per operation under Callgrind: the repeatable half of docs/performance.md.

    bench/instructions.py [--build-dir DIR] [--n N] [FILE.json ...]

For each report (default: the example reports, without the portal files) runs
`xxgk_profile OPERATION FILE N` and `xxgk_profile OPERATION FILE 0` under
`valgrind --tool=callgrind` and prints (Ir(N) - Ir(0)) / N — the instructions of one operation,
setup and one-time tables excluded — for the floor, decode, validate, decode + validate, serialize,
encode and, where the published text lies beside the JSON, text import; then the ratios the
targets of issue 10 are about. Times vary on a shared machine; these counts do not.
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OPERATIONS = ["floor", "decode", "validate", "decode_validate", "serialize", "encode"]


def example_reports():
    """The example reports (examples/data/*.json without the portal files, which are not reports):
    what xxgk_bench reads without arguments (bench/inputs.hpp, report_files)."""
    return sorted(p for p in (ROOT / "examples" / "data").glob("*.json")
                  if '"kind": "portal"' not in p.read_text(encoding="utf-8")[:200])


def instructions(profile, operation, path, n):
    def collected(count):
        result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", profile, operation,
                                 str(path), str(count)], capture_output=True, text=True)
        match = re.search(r"Collected : (\d+)", result.stderr)
        if result.returncode != 0 or not match:
            sys.exit(f"instructions.py: {operation} {path} failed:\n{result.stderr[-2000:]}")
        return int(match.group(1))
    return (collected(n) - collected(0)) / n


def published_text(path):
    for candidate in (path.with_suffix(".txt"), path.with_name(path.stem + "-annual-report.txt")):
        if candidate.exists():
            return candidate
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=pathlib.Path, default=ROOT / "build-bench")
    parser.add_argument("--n", type=int, default=20, help="operations per measured run")
    parser.add_argument("reports", nargs="*", type=pathlib.Path)
    args = parser.parse_args()
    profile = args.build_dir / "bench" / "xxgk_profile"
    if not profile.exists():
        sys.exit(f"instructions.py: {profile} not built (bench/ratios.py builds it)")
    reports = args.reports or example_reports()
    header = ["report"] + OPERATIONS + ["import_text", "d+v / floor", "encode / serialize", "import / d+v"]
    rows = []
    for path in reports:
        ir = {op: instructions(profile, op, path, args.n) for op in OPERATIONS}
        text = published_text(path)
        ir["import_text"] = instructions(profile, "import_text", text, args.n) if text else None
        row = [path.name] + [f"{ir[op]:,.0f}" for op in OPERATIONS]
        row.append(f"{ir['import_text']:,.0f}" if ir["import_text"] else "-")
        row.append(f"{ir['decode_validate'] / ir['floor']:.2f}x")
        row.append(f"{ir['encode'] / ir['serialize']:.2f}x")
        row.append(f"{ir['import_text'] / ir['decode_validate']:.2f}x" if ir["import_text"] else "-")
        rows.append(row)
        print(" | ".join(row), file=sys.stderr, flush=True)
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
