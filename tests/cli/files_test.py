#!/usr/bin/python3
"""ctest test cli.files: what the xxgk command reads and writes (issue 16, items 1, 2, 6, 7, 8;
docs/cli.md "Files", docs/security.md §3).

    files_test.py XXGK SOURCE_DIR WORK_DIR

- input: devices, FIFOs, directories refused before reading; files over the limit refused by their
  size before reading; standard input read at most to the limit + 1 (validate, convert, render,
  cells, import);
- generate: --count and --seed out of range refused;
- corpus: FIFOs, links to nothing and directories that cannot be listed are rows of errors.csv and
  exit 2, the walk goes on; its own output inside the corpus is not read;
- output: atomic — with a file-size limit (RLIMIT_FSIZE, `ulimit -f`) that the new output crosses,
  the old file stays intact and no temporary file is left (render, convert, cells, import,
  generate, corpus); import -o X --log-json X is refused.
"""
import os
import resource
import shutil
import subprocess
import sys

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL", message, file=sys.stderr)


def xxgk(*args, stdin=None, fsize=None, timeout=60):
    """Runs the command; `fsize`: a file-size limit in bytes (RLIMIT_FSIZE) for the child."""

    def limit():
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    kwargs = {"stdin": stdin} if hasattr(stdin, "fileno") else {"input": stdin}
    r = subprocess.run([XXGK] + [str(a) for a in args], capture_output=True, timeout=timeout, preexec_fn=limit, **kwargs)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def sparse(path, size):
    """A file of `size` bytes that takes no disk space."""
    with open(path, "wb") as f:
        f.truncate(size)


def listing(directory):
    return sorted(os.listdir(directory))


def main():
    global XXGK
    XXGK, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    subprocess.run(["rm", "-rf", work])  # rm: the corpus case leaves a path beyond PATH_MAX
    os.makedirs(work)
    cangnan = os.path.join(source, "examples/data/cangnan-2020.json")
    sample = os.path.join(source, "examples/data/sample-2021.json")
    text_report = os.path.join(source, "examples/data/cangnan-2020-annual-report.txt")
    json_limit = 64 << 20
    import_limit = 16 << 20

    # ---- 2. input: what is not a regular file is refused before a byte is read
    fifo = os.path.join(work, "pipe.json")
    os.mkfifo(fifo)  # nobody writes: opening it for reading would block, reading it never end
    for command in (["validate"], ["convert"], ["cells"], ["render"], ["render", "--to", "md"], ["import"]):
        for path, says in (("/dev/zero", "is a character device, not a file"), (fifo, "is a FIFO (named pipe), not a file"),
                           (work, "is a directory, not a file")):
            if command == ["import"] and path == work:
                continue  # a directory is several inputs to import (walked; needs -o DIR)
            rc, out, err = xxgk(*command, path, timeout=20)
            expect(rc == 2 and says in err, "%s %s: exit %d, %r" % (" ".join(command), path, rc, err[:200]))

    # Files over the limit: refused with their size, before they are read (sparse: no disk used).
    big_json = os.path.join(work, "big.json")
    sparse(big_json, json_limit + 1)
    for command in (["validate"], ["convert"], ["cells"], ["render"]):
        rc, _, err = xxgk(*command, big_json)
        expect(rc == 2 and "is 67108865 bytes, more than the limit of 67108864" in err,
               "%s of a file over the limit: %d %r" % (command[0], rc, err[:200]))
    big_text = os.path.join(work, "big.txt")
    sparse(big_text, import_limit + 1)
    rc, _, err = xxgk("import", big_text)
    expect(rc == 2 and "is 16777217 bytes, more than the limit of 16777216" in err, "import of a file over the limit: %r" % err)
    # Exactly at the limit is read (and is not a report: a different message).
    at_limit = os.path.join(work, "at-limit.json")
    sparse(at_limit, json_limit)
    rc, _, err = xxgk("validate", at_limit)
    expect(rc == 2 and "more than the limit" not in err and "invalid_json" in err, "validate at the limit: %r" % err[:200])

    # Standard input: at most the limit + 1 bytes read, then refused.
    with open("/dev/zero", "rb") as zero:
        rc, _, err = xxgk("validate", "-", stdin=zero, timeout=60)
    expect(rc == 2 and "standard input is more than the limit of 67108864 bytes" in err, "validate - < /dev/zero: %r" % err[:200])
    with open("/dev/zero", "rb") as zero:
        rc, _, err = xxgk("import", "-", stdin=zero, timeout=60)
    expect(rc == 2 and "standard input is more than the limit of 16777216 bytes" in err, "import - < /dev/zero: %r" % err[:200])

    # ---- 1. a 300 MB-like array: refused by size, is_portal_json never parses it (sparse, so fast)
    array = os.path.join(work, "array.json")
    with open(array, "wb") as f:
        f.write(b"[1" + b",1" * 1000 + b"]")
    rc, _, err = xxgk("validate", array)
    expect(rc == 2 and "error[" in err and "portal" not in err, "validate [1,1,…]: a report problem, not a portal: %r" % err[:200])

    # ---- 6. generate: counts and seeds out of range
    for count in ("-1", "99999999999999999999", "100000001"):
        rc, _, err = xxgk("generate", "--format", "2021", "--count", count, "--seed", "1", "-o", os.path.join(work, "gen-bad"))
        expect(rc == 2 and "--count" in err, "generate --count %s refused: %d %r" % (count, rc, err[:200]))
        expect(not os.path.exists(os.path.join(work, "gen-bad")), "generate --count %s wrote nothing" % count)
    rc, _, err = xxgk("generate", "--format", "2021", "--count", "1", "--seed", "-1", "-o", os.path.join(work, "gen-bad"))
    expect(rc == 2 and "--seed" in err, "generate --seed -1 refused: %r" % err[:200])
    rc, _, _ = xxgk("generate", "--format", "2021", "--count", "0", "--seed", "1", "-o", os.path.join(work, "gen-0"))
    expect(rc == 0 and listing(os.path.join(work, "gen-0")) == ["faults.csv"], "generate --count 0")

    # ---- 8. atomic outputs: a file-size limit the new output crosses leaves the old file
    out_dir = os.path.join(work, "out")
    os.makedirs(out_dir)
    old = b"the old output\n"

    def temporaries(directory):
        return [n for n in listing(directory) if ".xxgk-" in n]

    def check_atomic(name, args, target, fsize=4096):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(old)
        rc, _, err = xxgk(*args, fsize=fsize)
        expect(rc == 2, "%s under ulimit -f: exit %d, %r" % (name, rc, err[:300]))
        expect("file too large" in err, "%s under ulimit -f says why: %r" % (name, err[:300]))
        with open(target, "rb") as f:
            expect(f.read() == old, "%s under ulimit -f: the old file is intact" % name)
        expect(not temporaries(os.path.dirname(target)), "%s under ulimit -f: temporary files left: %s"
               % (name, temporaries(os.path.dirname(target))))
        rc, _, err = xxgk(*args)  # without the limit: written whole
        with open(target, "rb") as f:
            written = f.read()
        expect(rc in (0, 1) and written != old and len(written) > fsize, "%s without a limit: %d %r" % (name, rc, err[:200]))
        expect(not temporaries(os.path.dirname(target)), "%s: temporary files left" % name)

    page = os.path.join(out_dir, "page.html")
    check_atomic("render -o", ["render", cangnan, "-o", page], page)
    check_atomic("convert -o", ["convert", cangnan, "-o", os.path.join(out_dir, "c.json")], os.path.join(out_dir, "c.json"))
    check_atomic("cells -o", ["cells", sample, "-o", os.path.join(out_dir, "cells.csv")], os.path.join(out_dir, "cells.csv"))
    check_atomic("render --to csv -o DIR", ["render", cangnan, "--to", "csv", "-o", os.path.join(out_dir, "tables")],
                 os.path.join(out_dir, "tables", "requests.csv"), fsize=1000)
    check_atomic("import -o", ["import", "--no-info", text_report, "-o", os.path.join(out_dir, "i.json")], os.path.join(out_dir, "i.json"))
    check_atomic("generate", ["generate", "--format", "2021", "--count", "1", "--seed", "3", "-o", os.path.join(out_dir, "gen")],
                 os.path.join(out_dir, "gen", "report-2021-000000.json"))
    # A run killed before it renames (here: by the signal of the limit, which the command ignores
    # to report EFBIG; a kill -9 is the same for the old file) cannot have touched it either.

    # import -o X --log-json X: two outputs, one path.
    same = os.path.join(out_dir, "same.json")
    rc, _, err = xxgk("import", text_report, "-o", same, "--log-json", same)
    expect(rc == 2 and "name the same file" in err and not os.path.exists(same), "import -o X --log-json X refused: %r" % err)
    rc, _, err = xxgk("import", text_report, "-o", same, "--log-json", os.path.join(out_dir, ".", "same.json"))
    expect(rc == 2 and "name the same file" in err, "import -o X --log-json ./X refused: %r" % err)
    rc, _, err = xxgk("import", text_report, "--log-json", "-")
    expect(rc == 2 and "standard output" in err, "import --log-json - with the JSON on standard output refused: %r" % err)
    rc, _, err = xxgk("import", "--no-info", text_report, "-o", same, "--log-json", os.path.join(out_dir, "same.log.json"))
    expect(rc == 0 and os.path.exists(same), "import -o X --log-json Y: %r" % err)

    # ---- 7. corpus: nothing lost
    corpus = os.path.join(work, "corpus")
    for sub in ("a", "z"):
        os.makedirs(os.path.join(corpus, sub))
    shutil.copy(cangnan, os.path.join(corpus, "a", "r1.json"))
    shutil.copy(sample, os.path.join(corpus, "z", "r2.json"))  # after every bad entry in the walk
    os.mkfifo(os.path.join(corpus, "a", "pipe.json"))
    os.symlink(os.path.join(corpus, "nowhere.json"), os.path.join(corpus, "a", "gone.json"))
    # A directory whose path is beyond PATH_MAX: opening it fails even for root.
    fd = os.open(corpus, os.O_RDONLY)
    for _ in range(25):
        os.mkdir("d" * 200, dir_fd=fd)
        nxt = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nxt
    os.close(fd)
    expected_unreadable = 3
    as_root = os.geteuid() == 0
    if as_root:
        print("NOTE running as root: chmod 000 denies nothing to root; the unreadable directory is "
              "tested with a path beyond PATH_MAX only")
    else:
        os.makedirs(os.path.join(corpus, "c"))
        shutil.copy(sample, os.path.join(corpus, "c", "r3.json"))
        os.chmod(os.path.join(corpus, "c"), 0)
        expected_unreadable += 1
    corpus_out = os.path.join(corpus, "out")  # inside the corpus
    rc, out, err = xxgk("corpus", corpus, "-o", corpus_out, "--lang", "en", "-j", "2")
    expect(rc == 2, "corpus with unreadable entries: exit %d (%r)" % (rc, err[:300]))
    expect("%d files or directories below" % expected_unreadable in err, "corpus names the unreadable count: %r" % err[:300])
    expect("2 reports validated" in out, "corpus: the readable reports, after the bad entries, read: %r" % out[:300])
    with open(os.path.join(corpus_out, "errors.csv"), encoding="utf-8") as f:
        errors = f.read()
    for row in ("\na/gone.json,io_error,", "\na/pipe.json,io_error,", "for reading: file name too long"):
        expect(row in errors, "corpus errors.csv has %r: %r" % (row, errors[:600]))
    if not as_root:
        expect("\nc/,io_error,,,,cannot list the directory" in errors, "corpus errors.csv has c/: %r" % errors[:600])
    summary_before = open(os.path.join(corpus_out, "summary.json"), encoding="utf-8").read()
    expect('"unreadable":%d' % expected_unreadable in summary_before, "summary.json unreadable: %s" % summary_before)
    # Twice: the output of the first run (out/summary.json) is not read by the second.
    rc, out2, _ = xxgk("corpus", corpus, "-o", corpus_out, "--lang", "en")
    expect(rc == 2 and out2.splitlines()[0] == out.splitlines()[0], "corpus run twice: %r vs %r" % (out2[:200], out[:200]))
    # xxgk import DIR walks the same way: the FIFO is a failed input, the report after it imported.
    texts = os.path.join(work, "texts")
    os.makedirs(texts)
    os.mkfifo(os.path.join(texts, "a-pipe.txt"))
    shutil.copy(text_report, os.path.join(texts, "b-report.txt"))
    rc, _, err = xxgk("import", "--no-info", texts, "-o", os.path.join(work, "texts-out"))
    expect(rc == 2 and "a-pipe.txt' is a FIFO" in err and "1 of 2 files imported" in err
           and os.path.exists(os.path.join(work, "texts-out", "b-report.json")), "import DIR with a FIFO: %r" % err[-300:])
    # A corpus that cannot be written: the old output stays.
    check_atomic("corpus -o", ["corpus", os.path.join(source, "examples/data"), "-o", os.path.join(out_dir, "corpus-out")],
                 os.path.join(out_dir, "corpus-out", "cells.csv"), fsize=20000)
    if not as_root:
        os.chmod(os.path.join(corpus, "c"), 0o700)

    subprocess.run(["rm", "-rf", work])
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("every files check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
