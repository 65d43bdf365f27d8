#!/usr/bin/env python3
"""The native build's findings for every report of a directory, through the C ABI (libxxgk.so,
ctypes): {"<file name>": [finding, ...]} in the JSON of xxgk_issues_to_json, written to OUT.
The WebAssembly build's findings are compared with these (bindings/js/test/crosscheck/).

    native_findings.py --lib build/bindings/c/libxxgk.so --dir DIR --out native.json
    native_findings.py --lib … --dir DIR --time 20   # hand-run: validate time per report (bindings/js/bench)
"""
import argparse
import ctypes
import json
import pathlib
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lib", required=True)
    parser.add_argument("--dir", required=True, type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path)
    parser.add_argument("--time", type=int, default=0, help="rounds: print the validate time per report instead")
    args = parser.parse_args()

    lib = ctypes.CDLL(args.lib)
    p = ctypes.c_void_p
    size = ctypes.c_size_t
    lib.xxgk_report_from_json.argtypes = [ctypes.POINTER(p), ctypes.c_char_p, size, p, ctypes.POINTER(p)]
    lib.xxgk_report_validate.argtypes = [p, p, ctypes.POINTER(p), ctypes.POINTER(p)]
    lib.xxgk_issues_to_json.argtypes = [p, ctypes.POINTER(p), ctypes.POINTER(size), ctypes.POINTER(p)]
    lib.xxgk_report_free.argtypes = [p]
    lib.xxgk_issues_free.argtypes = [p]
    lib.xxgk_free.argtypes = [p]

    result = {}
    files = sorted(args.dir.glob("*.json"))
    if args.time:
        return time_validate(lib, files, args.time)
    for path in files:
        data = path.read_bytes()
        report, issues, text, length, err = p(), p(), p(), size(), p()
        if lib.xxgk_report_from_json(ctypes.byref(report), data, len(data), None, ctypes.byref(err)) != 0:
            print(f"{path}: not loaded", file=sys.stderr)
            return 1
        try:
            if lib.xxgk_report_validate(report, None, ctypes.byref(issues), ctypes.byref(err)) != 0:
                print(f"{path}: validation failed", file=sys.stderr)
                return 1
            lib.xxgk_issues_to_json(issues, ctypes.byref(text), ctypes.byref(length), ctypes.byref(err))
            result[path.name] = json.loads(ctypes.string_at(text, length.value).decode("utf-8"))
            lib.xxgk_free(text)
            lib.xxgk_issues_free(issues)
        finally:
            lib.xxgk_report_free(report)
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"{len(files)} reports validated natively")
    return 0


def time_validate(lib, files, rounds: int) -> int:
    """Prints the mean time per report of xxgk_report_validate and xxgk_issues_to_json (the findings
    as JSON: what the JavaScript API's validate() does before JSON.parse), loading not counted, in µs."""
    import time

    p = ctypes.c_void_p
    reports = []
    for path in files:
        data = path.read_bytes()
        report, err = p(), p()
        if lib.xxgk_report_from_json(ctypes.byref(report), data, len(data), None, ctypes.byref(err)) != 0:
            return 1
        reports.append(report)
    issues, text, length = p(), p(), ctypes.c_size_t()
    start = time.perf_counter()
    for _ in range(rounds):
        for report in reports:
            lib.xxgk_report_validate(report, None, ctypes.byref(issues), None)
            lib.xxgk_issues_to_json(issues, ctypes.byref(text), ctypes.byref(length), None)
            lib.xxgk_free(text)
            lib.xxgk_issues_free(issues)
    seconds = time.perf_counter() - start
    for report in reports:
        lib.xxgk_report_free(report)
    print(json.dumps({"reports": len(reports), "rounds": rounds, "us_per_validate": seconds / rounds / len(reports) * 1e6}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
