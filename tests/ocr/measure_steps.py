#!/usr/bin/python3
"""What each OCR preprocessing step is worth (docs/import.md, "Scanned pages"): runs the hand-run
measurement xxgk_ocr_measure once with every step on and once with each step off (--without), over
the same scanned variants, and prints a Markdown table of cells exact / flagged / wrong, misreads the
identities caught, and OCR seconds per page. Not a test (it takes about half an hour); run:

    OMP_THREAD_LIMIT=1 tests/ocr/measure_steps.py build/tests/xxgk_ocr_measure \\
        tests/data/import/pdf/hongze-2023.pdf tests/data/import/pdf/generated/a4-sans-2021.pdf \\
        tests/data/import/pdf/generated/a4-serif-2019.pdf
"""
import re
import subprocess
import sys

STEPS = ["deskew", "otsu", "rules", "join_rules", "remove_rules", "zoom"]
TOTAL = re.compile(
    r"^total: (\d+) cells, (\d+) exact, (\d+) flagged, (\d+) wrong; (\d+) settled by the identities "
    r"\((\d+) misreads caught\).*?; (\d+) pages, ([0-9.]+) s OCR per page")


def measure(tool, files, without):
    args = [tool] + (["--without", without] if without else []) + files
    run = subprocess.run(args, capture_output=True, text=True, check=False)
    for line in run.stdout.splitlines():  # a wrong value, and how the import came to it
        if line.startswith("  WRONG") or line.startswith("    XXGK-"):
            print(f"{without or 'all on'}:{line}", file=sys.stderr)
    for line in run.stdout.splitlines():
        m = TOTAL.match(line)
        if m:
            return [int(m.group(i)) for i in range(1, 8)] + [float(m.group(8))]
    sys.exit(f"no total line from {' '.join(args)}:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tool, files = sys.argv[1], sys.argv[2:]
    print("| steps | cells | exact | flagged | wrong | settled | misreads caught | s/page |")
    print("|---|---|---|---|---|---|---|---|")
    for without in [None] + STEPS:
        cells, exact, flagged, wrong, settled, caught, _, seconds = measure(tool, files, without)
        name = "all on" if without is None else f"without {without}"
        print(f"| {name} | {cells} | {exact} | {flagged} | {wrong} | {settled} | {caught} | {seconds:.2f} |",
              flush=True)


if __name__ == "__main__":
    main()
