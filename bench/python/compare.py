#!/usr/bin/env python3
"""xxgk.loads(text) + validate() against the pydantic v2 peer model (peer_model.py), in one process.

    python3 bench/python/compare.py --xxgk BUILD/bindings/python [--corpus DIR] [--repetitions N]
                                    [--min-time SECONDS] [--json OUT] [--check] [REPORT.json ...]

Without REPORT arguments, the reports of examples/data (portal files left out), with or without
--corpus. Run it with an interpreter that has pydantic 2 (here the pyenv Python 3.11.7 that is `python3` on
PATH). xxgk is imported from the build tree given by --xxgk: the extension is built for Debian's
/usr/bin/python3 (3.11.2), and both are CPython 3.11 with the same ABI tag (cpython-311-x86_64-linux-gnu),
so the very same module loads into this interpreter; the script checks the tag and refuses otherwise.
Both peers then run in the same process on the same str objects, timed the same way: CPU time of
the process (time.process_time_ns, as the C++ benchmarks use CPU time) over a batch of calls long
enough to last --min-time, repeated --repetitions times, median per call reported.

Target (issue 10): pydantic / xxgk >= 3 for every report and the corpus. --check exits 1 when missed.
"""
import argparse
import importlib.machinery
import json
import pathlib
import statistics
import sys
import sysconfig
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TARGET = 3.0


def import_xxgk(path: pathlib.Path):
    extension = next(path.glob("xxgk/_core*.so"), None)
    if extension is None:
        sys.exit(f"compare.py: no xxgk/_core*.so under {path}; build the target xxgk_python first")
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    if not extension.name.endswith(suffix):
        sys.exit(f"compare.py: {extension.name} is not built for this interpreter (extension suffix {suffix})")
    sys.path.insert(0, str(path))
    import xxgk  # noqa: E402  (the build tree's package)
    return xxgk


def per_call_ns(function, argument, repetitions: int, min_time: float) -> float:
    """Median CPU nanoseconds per call over `repetitions` batches of at least `min_time` seconds each."""
    function(argument)  # warm up (and fail early)
    batch = 1
    while True:  # size the batch so that one batch lasts about min_time
        start = time.process_time_ns()
        for _ in range(batch):
            function(argument)
        elapsed = time.process_time_ns() - start
        if elapsed >= min_time * 1e9 / 4:
            batch = max(1, int(batch * min_time * 1e9 / max(elapsed, 1)))
            break
        batch *= 4
    samples = []
    for _ in range(repetitions):
        start = time.process_time_ns()
        for _ in range(batch):
            function(argument)
        samples.append((time.process_time_ns() - start) / batch)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="*", type=pathlib.Path)
    parser.add_argument("--xxgk", type=pathlib.Path, default=ROOT / "build-bench" / "bindings" / "python",
                        help="directory holding the built xxgk package (default: build-bench/bindings/python)")
    parser.add_argument("--corpus", type=pathlib.Path, help="a directory of *.json reports, timed as one batch")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5)
    parser.add_argument("--json", type=pathlib.Path, help="also write the figures here")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when pydantic / xxgk < {TARGET}")
    args = parser.parse_args()

    xxgk = import_xxgk(args.xxgk.resolve())
    sys.path.insert(0, str(HERE))
    import peer_model  # noqa: E402
    import pydantic  # noqa: E402

    sets = {}
    reports = args.reports or sorted((ROOT / "examples" / "data").glob("*.json"))
    for path in reports:
        text = path.read_text(encoding="utf-8")
        if not xxgk.is_portal_json(text):  # portal files are not reports
            sets[path.stem] = [text]
    if args.corpus:
        sets["corpus"] = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.json"))]

    def xxgk_op(texts):
        for t in texts:
            xxgk.loads(t).validate()

    def pydantic_op(texts):
        for t in texts:
            peer_model.load_and_check(t)

    def stdlib_op(texts):
        for t in texts:
            json.loads(t)

    # Which sum rules fire, compared: the peer is lighter (no §9.1 cases with unknown cells), and
    # says so here rather than silently.
    for name, texts in sets.items():
        differ = 0
        for t in texts:
            ours = {i.rule for i in xxgk.loads(t).validate() if i.rule in ("R1", "R2", "R3", "R5", "R6")}
            theirs = {f[0] for f in peer_model.load_and_check(t)[1]}
            if ours != theirs:
                differ += 1
                example = f"xxgk {sorted(ours)}, pydantic model {sorted(theirs)}"
        if differ:
            print(f"note: {name}: the sum rules that fire differ in {differ} of {len(texts)} documents "
                  f"(e.g. {example})", file=sys.stderr)

    print(f"Python {sys.version.split()[0]} ({sys.executable}), pydantic {pydantic.VERSION}, xxgk {xxgk.__version__}; "
          f"median CPU time per call of {args.repetitions} batches")
    header = ("set", "docs", "json.loads (µs)", "xxgk (µs)", "pydantic (µs)", "pydantic / xxgk")
    rows, figures, missed = [], {}, []
    for name, texts in sets.items():
        floor = per_call_ns(stdlib_op, texts, args.repetitions, args.min_time)
        ours = per_call_ns(xxgk_op, texts, args.repetitions, args.min_time)
        theirs = per_call_ns(pydantic_op, texts, args.repetitions, args.min_time)
        ratio = theirs / ours
        figures[name] = {"documents": len(texts), "json_loads_ns": floor, "xxgk_ns": ours, "pydantic_ns": theirs,
                         "pydantic_over_xxgk": ratio}
        rows.append((name, str(len(texts)), f"{floor / 1e3:.1f}", f"{ours / 1e3:.1f}", f"{theirs / 1e3:.1f}",
                     f"{ratio:.2f}x"))
        if ratio < TARGET:
            missed.append(name)
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header, tuple("-" * w for w in widths)] + rows:
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print(f"target pydantic / xxgk >= {TARGET:.0f}x: " + (f"MISSED for {', '.join(missed)}" if missed else "met"))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
