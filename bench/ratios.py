#!/usr/bin/python3
"""Build the benchmarks in Release (-O2), run them, and print the ratio table of issue 10.

    bench/ratios.py [--build-dir DIR] [--corpus DIR] [--repetitions N] [--min-time SECONDS]
                    [--no-build] [--skip memory,scaling,python] [--check] [--out FILE.json]

One run measures, on the same machine and in the same session:
  * xxgk_bench (Google Benchmark): per example report and for the --corpus directory, the floor
    (boost::json::parse, reused parser, monotonic resource), decode, decode + validate, validate,
    encode against boost::json::serialize of the DOM, HTML render, text import and HTML import.
    Median CPU time of the repetitions (CPU time, not wall time: single-threaded work, and CPU time
    is less disturbed by the other work of a shared machine).
  * xxgk_memory: resident bytes per loaded report over 10,000 reports, against canonical JSON.
  * xxgk_scaling: decode + validate of the corpus on 2 threads against 1 (wall time), and the
    corpus run (run_corpus + the CSVs, as `xxgk corpus`) on 2 CPUs against 1 CPU: the target.
  * bench/python/compare.py, under the first `python3` on PATH that has pydantic (--peer-python):
    xxgk.loads + validate() against the pydantic v2 peer model.
and prints every ratio with its target. The raw results go to <build-dir>/bench.json and --out.
--check exits 1 when a target is missed.
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (name, numerator, denominator, target, "<=" or ">=")
RATIOS = [
    ("decode / floor", "decode", "floor", None, None),
    ("decode+validate / floor", "decode_validate", "floor", 1.5, "<="),
    ("encode / serialize", "encode", "serialize", 1.5, "<="),
    ("import_text / decode+validate", "import_text", "decode_validate", 10.0, "<="),
    ("import_html / decode+validate", "import_html", "decode_validate", None, None),
    ("render_html / floor", "render_html", "floor", None, None),
]
OPERATIONS = ["floor", "serialize", "decode", "decode_validate", "validate", "encode", "render_html",
              "import_text", "import_html"]


def run(command, capture=False):
    print("$ " + " ".join(str(part) for part in command), file=sys.stderr, flush=True)
    result = subprocess.run(command, check=True, text=True, stdout=subprocess.PIPE if capture else None)
    return result.stdout


def build(build_dir):
    run([
        "cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja",
        "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG",
        "-DXXGK_BUILD_BENCH=ON", "-DXXGK_BUILD_TESTS=OFF", "-DXXGK_BUILD_CLI=OFF",
        "-DXXGK_BUILD_EXAMPLES=OFF", "-DXXGK_INSTALL=OFF",
        "-DXXGK_BUILD_PYTHON=ON", "-DPython3_EXECUTABLE=/usr/bin/python3",
    ])
    run(["cmake", "--build", build_dir, "--target", "xxgk_bench", "xxgk_memory", "xxgk_scaling", "xxgk_python"])


def bench(build_dir, args):
    out = build_dir / "bench.json"
    command = [
        build_dir / "bench" / "xxgk_bench",
        f"--benchmark_repetitions={args.repetitions}",
        f"--benchmark_min_time={args.min_time}",
        "--benchmark_report_aggregates_only=true",
        "--benchmark_out_format=json",
        f"--benchmark_out={out}",
        "--benchmark_format=console",
    ]
    if args.corpus:  # the example reports are benchmarked too (the default of xxgk_bench)
        command += ["--corpus", args.corpus]
    run(command)
    with open(out, encoding="utf-8") as f:
        results = json.load(f)
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
    table = {}  # {(operation, set): median CPU ns}
    for b in results["benchmarks"]:
        if b.get("aggregate_name", "median") != "median":
            continue
        operation, _, name = b["run_name"].partition("/")
        table[(operation, name)] = b["cpu_time"] * scale[b["time_unit"]]
    return results.get("context", {}), table


def print_table(header, rows):
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths]] + rows:
        print("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=pathlib.Path, default=ROOT / "build-bench")
    parser.add_argument("--corpus", type=pathlib.Path, help="a directory of generated *.json reports")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds per repetition")
    parser.add_argument("--no-build", action="store_true", help="use the binaries as built")
    parser.add_argument("--skip", default="", help="comma-separated: memory, scaling, python")
    parser.add_argument("--peer-python", default=shutil.which("python3"), help="interpreter with pydantic 2")
    parser.add_argument("--out", type=pathlib.Path, help="write every figure of the run here (JSON)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    build_dir = args.build_dir.resolve()
    if args.corpus:
        args.corpus = args.corpus.resolve()
    if not args.no_build:
        build(build_dir)
    context, table = bench(build_dir, args)
    figures = {"context": context, "bench_ns": {f"{op}/{name}": t for (op, name), t in table.items()}}
    sets = sorted({name for (op, name) in table if op == "floor"}, key=lambda n: (n == "corpus", n))

    print()
    print(f"xxgk benchmarks, Release -O2, median CPU time of {args.repetitions} repetitions, "
          f"{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz, "
          f"load average {context.get('load_avg', '?')}")
    print()
    print_table(["set"] + [f"{op} (µs)" for op in OPERATIONS],
                [[name] + [f"{table[(op, name)] / 1e3:.1f}" if (op, name) in table else "-" for op in OPERATIONS]
                 for name in sets])
    print()
    rows, missed = [], []
    for title, numerator, denominator, target, sense in RATIOS:
        row = [title + (f" ({sense} {target:g})" if target else "")]
        for name in sets:
            a, b = table.get((numerator, name)), table.get((denominator, name))
            if a is None or b is None:
                row.append("-")
                continue
            ratio = a / b
            ok = target is None or (ratio <= target if sense == "<=" else ratio >= target)
            row.append(f"{ratio:.2f}x" + ("" if ok else " MISSED"))
            if not ok:
                missed.append(f"{title} for {name}")
        rows.append(row)
    print_table(["ratio"] + sets, rows)

    data = [str(args.corpus)] if args.corpus else [str(ROOT / "examples" / "data")]
    if "memory" not in skip:
        print()
        memory = json.loads(run([build_dir / "bench" / "xxgk_memory", "--json", "--count", "10000"] + data,
                                capture=True))
        figures["memory"] = memory
        ok = memory["resident_ratio"] <= 2.0
        print(f"memory: {memory['reports']} reports ({memory['documents']} documents), "
              f"{memory['resident_bytes_per_report']:.0f} resident bytes per report "
              f"(heap {memory['heap_bytes_per_report']:.0f}) for {memory['canonical_json_bytes']:.0f} bytes of "
              f"canonical JSON: {memory['resident_ratio']:.2f}x (<= 2)" + ("" if ok else " MISSED"))
        if not ok:
            missed.append("memory")
    if "scaling" not in skip:
        scaling = json.loads(run([build_dir / "bench" / "xxgk_scaling", "--json", "--threads", "2"] + data,
                                 capture=True))
        figures["scaling"] = scaling
        print(f"scaling of decode + validate: {scaling['documents']:.0f} documents, 1 thread "
              f"{scaling['one_thread_s']:.3f} s, 2 threads {scaling['threads_s']:.3f} s: {scaling['speedup']:.2f}x "
              f"wall time; CPU-bound speed-up {scaling['cpu_bound_speedup']:.2f}x")
        # The target is on the corpus run (what `xxgk corpus` does: reading, checking, writing the
        # CSVs); without a corpus directory, on decode + validate.
        speedup = scaling.get("corpus_speedup", scaling["speedup"])
        ok = speedup >= 1.8
        if "corpus_speedup" in scaling:
            print(f"corpus run (run_corpus + CSVs, as `xxgk corpus`): {scaling['corpus_files']} files, 1 CPU "
                  f"{scaling['corpus_one_cpu_s']:.3f} s, 2 CPUs {scaling['corpus_cpus_s']:.3f} s: "
                  f"{speedup:.2f}x wall time (>= 1.8)" + ("" if ok else " MISSED") +
                  f"; the machine's ceiling (independent arithmetic on 2 threads): {scaling['machine_ceiling']:.2f}x")
        elif not ok:
            print("scaling: below 1.8x MISSED")
        if not ok:
            missed.append("scaling")
    if "python" not in skip:
        print()
        peer_json = build_dir / "python-peer.json"
        command = [args.peer_python, ROOT / "bench" / "python" / "compare.py", "--xxgk", build_dir / "bindings" / "python",
                   "--repetitions", str(args.repetitions), "--min-time", str(args.min_time), "--json", peer_json]
        if args.corpus:
            command += ["--corpus", args.corpus]
        subprocess.run(command, check=True)
        figures["python"] = json.loads(peer_json.read_text(encoding="utf-8"))
        missed += [f"python {name}" for name, f in figures["python"].items() if f["pydantic_over_xxgk"] < 3.0]
    print()
    print("targets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
