#!/usr/bin/python3
"""Build the benchmarks in Release (-O2), run them, print each operation's cost as a ratio to the floor.

    bench/ratios.py [--build-dir DIR] [--repetitions N] [--min-time SECONDS] [--check]

The floor is a bare boost::json::parse of the same bytes. For every report in examples/data/ the table
shows load (xxgk::load_json), load+validate, validate alone and to_json divided by the floor, using
the median CPU time of the repetitions (CPU time, not wall time: the benchmarks are single-threaded,
and CPU time is less disturbed by other work on the machine). Target: load+validate <= 2x the floor; --check exits 1 when a report misses it.
The raw Google Benchmark JSON is kept in <build-dir>/bench.json.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = 2.0  # load+validate / bare parse
OPERATIONS = [  # (benchmark prefix, column title)
    ("load", "load"),
    ("load_validate", "load+validate"),
    ("validate", "validate"),
    ("to_json", "to_json"),
]


def run(command):
    print("$ " + " ".join(str(part) for part in command), file=sys.stderr, flush=True)
    subprocess.run(command, check=True)


def build(build_dir):
    run([
        "cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja",
        "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG",
        "-DXXGK_BUILD_BENCH=ON", "-DXXGK_BUILD_TESTS=OFF", "-DXXGK_BUILD_CLI=OFF",
        "-DXXGK_BUILD_EXAMPLES=OFF", "-DXXGK_INSTALL=OFF",
    ])
    run(["cmake", "--build", build_dir, "--target", "xxgk_bench"])


def measure(build_dir, repetitions, min_time):
    out = build_dir / "bench.json"
    run([
        build_dir / "bench" / "xxgk_bench",
        f"--benchmark_repetitions={repetitions}",
        f"--benchmark_min_time={min_time}",
        "--benchmark_report_aggregates_only=true",
        "--benchmark_out_format=json",
        f"--benchmark_out={out}",
        "--benchmark_format=console",
    ])
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def medians(results):
    """{(operation, report): median CPU time in ns}"""
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
    table = {}
    for b in results["benchmarks"]:
        if b.get("aggregate_name", "median") != "median":
            continue
        operation, _, report = b["run_name"].partition("/")
        table[(operation, report)] = b["cpu_time"] * scale[b["time_unit"]]
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=pathlib.Path, default=ROOT / "build-bench")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds per repetition")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when load+validate > {TARGET}x the floor")
    parser.add_argument("--no-build", action="store_true", help="use the benchmark binary as built")
    args = parser.parse_args()

    build_dir = args.build_dir.resolve()
    if not args.no_build:
        build(build_dir)
    results = measure(build_dir, args.repetitions, args.min_time)
    table = medians(results)
    reports = sorted({report for (operation, report) in table if operation == "parse"})

    context = results.get("context", {})
    print()
    print(f"xxgk benchmarks, Release -O2, median CPU time of {args.repetitions} repetitions, "
          f"{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz")
    header = ["report", "bytes", "parse (µs)"] + [f"{title} (µs)" for _, title in OPERATIONS] + \
             [f"{title} / parse" for _, title in OPERATIONS]
    rows = []
    missed = []
    for report in reports:
        floor = table[("parse", report)]
        size = os.path.getsize(ROOT / "examples" / "data" / f"{report}.json") \
            if (ROOT / "examples" / "data" / f"{report}.json").exists() else "?"
        times = [table.get((operation, report)) for operation, _ in OPERATIONS]
        ratios = [t / floor if t is not None else None for t in times]
        rows.append([report, str(size), f"{floor / 1e3:.1f}"] +
                    [f"{t / 1e3:.1f}" if t is not None else "-" for t in times] +
                    [f"{r:.2f}x" if r is not None else "-" for r in ratios])
        load_validate = ratios[1]
        if load_validate is None or load_validate > TARGET:
            missed.append(report)
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths]] + rows:
        print("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    print()
    if missed:
        print(f"target load+validate <= {TARGET:.0f}x parse: MISSED for {', '.join(missed)}")
    else:
        print(f"target load+validate <= {TARGET:.0f}x parse: met for every report")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
