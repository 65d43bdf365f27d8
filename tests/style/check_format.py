#!/usr/bin/python3
"""The C, C++ and Java-free sources of the tree are formatted by .clang-format (issue 18, item 10).

Lists the tracked sources with `git ls-files` (or walks the tree when the source is not a git
checkout), runs `clang-format --dry-run --Werror` over them, and fails naming every file that
differs. Reformat with:  clang-format-14 -i $(git ls-files '*.cpp' '*.hpp' '*.h' '*.c')
"""
import argparse
import os
import subprocess
import sys

SUFFIXES = (".cpp", ".hpp", ".h", ".c", ".cc")
SKIP_DIRS = {".git", "build", "node_modules"}


def sources(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True, capture_output=True).stdout
        names = [n for n in out.decode().split("\0") if n.endswith(SUFFIXES)]
        if names:
            return names
    except (OSError, subprocess.CalledProcessError):
        pass
    names = []
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("build")]
        names += [os.path.relpath(os.path.join(top, f), root) for f in files if f.endswith(SUFFIXES)]
    return sorted(names)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--clang-format", required=True)
    a = ap.parse_args()
    names = sources(a.source)
    if not names:
        print("no sources found under", a.source)
        return 1
    bad = []
    for i in range(0, len(names), 50):
        chunk = names[i:i + 50]
        r = subprocess.run([a.clang_format, "--dry-run", "--Werror", *chunk], cwd=a.source,
                           capture_output=True, text=True)
        if r.returncode != 0:
            bad += sorted({line.split(":", 1)[0] for line in r.stderr.splitlines()
                           if ": error:" in line})
    if bad:
        print("not formatted by .clang-format (run clang-format-14 -i on them):")
        for name in bad:
            print("  " + name)
        return 1
    print(f"{len(names)} sources formatted as .clang-format says")
    return 0


if __name__ == "__main__":
    sys.exit(main())
