#!/usr/bin/python3
"""ctest test cli.render: `xxgk render` and `xxgk schema` as docs/cli.md describes them.

    check_cli.py XXGK SOURCE_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL", message, file=sys.stderr)


def xxgk(*args, stdin=None):
    r = subprocess.run([XXGK] + list(args), input=stdin, capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def main():
    global XXGK
    XXGK, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    cangnan = os.path.join(source, "examples/data/cangnan-2020.json")
    sample = os.path.join(source, "examples/data/sample-2021.json")

    rc, out, _ = xxgk("render", cangnan)
    expect(rc == 0 and out.startswith("<!DOCTYPE html>\n") and out.count(' data-key="') == 198, "render (html by default)")
    rc, out, _ = xxgk("render", cangnan, "--to", "html-fragment")
    expect(rc == 0 and out.startswith('<article class="xxgk-report"') and "<head>" not in out, "render --to html-fragment")
    rc, out, _ = xxgk("render", cangnan, "--to", "html", "--findings")
    expect(rc == 0 and 'xxgk-finding xxgk-severity-error" data-key="requests.withheld_prohibited_by_law.total"' in out,
           "render --findings highlights the blank total")
    rc, out, _ = xxgk("render", cangnan, "--findings", "--lang", "en")
    expect(rc == 0 and 'title="requests.withheld_prohibited_by_law.total is blank' in out, "render --findings --lang en")
    rc, out, _ = xxgk("render", cangnan, "--to", "md")
    expect(rc == 0 and out.startswith("# 苍南县人民政府") and "| 行政处罚 | 2312 | -58 | 10262 |" in out, "render --to md")
    rc, long_csv, _ = xxgk("render", cangnan, "--to", "csv-long")
    _, cells, _ = xxgk("cells", cangnan)
    expect(rc == 0 and long_csv == cells and long_csv.count("\n") == 199, "render --to csv-long is `xxgk cells`")

    # csv to standard output: every table after a "==> NAME.csv <==" line.
    rc, out, _ = xxgk("render", cangnan, "--to", "csv")
    names = [line[4:-4] for line in out.splitlines() if line.startswith("==> ")]
    expect(rc == 0 and names == ["proactive.article_20_1.csv", "proactive.article_20_5.csv", "proactive.article_20_6.csv",
                                 "proactive.article_20_8.csv", "proactive.article_20_9.csv", "requests.csv",
                                 "review_litigation.csv"], "render --to csv: tables %s" % names)
    # csv into a directory (created): one file per table, the same text.
    directory = os.path.join(work, "tables-2019")
    rc, out2, err = xxgk("render", cangnan, "--to", "csv", "-o", directory)
    expect(rc == 0 and out2 == "" and sorted(os.listdir(directory)) == sorted(names), "render --to csv -o DIR: %s" % err)
    joined = "".join("==> %s <==\n%s\n" % (n, open(os.path.join(directory, n), encoding="utf-8").read()) for n in names)
    expect(joined == out, "render --to csv -o DIR writes what standard output shows")
    rc, _, _ = xxgk("render", sample, "--to", "csv", "-o", os.path.join(work, "tables-2021"))
    expect(rc == 0 and len(os.listdir(os.path.join(work, "tables-2021"))) == 6, "2021: six tables")

    # -o FILE, standard input.
    page = os.path.join(work, "page.html")
    rc, out, _ = xxgk("render", sample, "-o", page)
    expect(rc == 0 and out == "" and open(page, encoding="utf-8").read().count(' data-key="') == 200, "render -o FILE")
    rc, out, _ = xxgk("render", "-", "--to", "md", stdin=open(sample, "rb").read())
    expect(rc == 0 and out.startswith("# 示例市生态环境局"), "render - (standard input)")

    # Unusable input or output, bad usage: exit 2.
    rc, _, err = xxgk("render", os.path.join(work, "missing.json"))
    expect(rc == 2 and "cannot open" in err, "render of a missing file")
    rc, _, err = xxgk("render", "-", stdin=b'{"format": "2019",')
    expect(rc == 2 and "-:1:" in err and "invalid_json" in err, "render of invalid JSON: %r" % err)
    rc, _, err = xxgk("render", cangnan, "--to", "pdf")
    expect(rc == 2, "render --to pdf")
    rc, _, err = xxgk("render", cangnan, "--to", "csv", "-o", page)
    expect(rc == 2 and "not a directory" in err, "render --to csv -o FILE: %r" % err)
    rc, _, err = xxgk("render", cangnan, "-o", os.path.join(work, "no", "such", "dir", "x.html"))
    expect(rc == 2 and "cannot write" in err, "render -o into a missing directory: %r" % err)

    # schema
    for fmt in ("2019", "2021"):
        rc, out, _ = xxgk("schema", "--format", fmt)
        ok = rc == 0
        try:
            s = json.loads(out)
            ok = ok and s["$schema"] == "https://json-schema.org/draft/2020-12/schema" and s["properties"]["format"]["const"] == fmt
        except ValueError:
            ok = False
        expect(ok, "schema --format " + fmt)
    rc, out, _ = xxgk("schema")
    expect(rc == 0 and json.loads(out)["properties"]["format"]["const"] == "2021", "schema defaults to 2021")
    target = os.path.join(work, "schema-2019.json")
    rc, out, _ = xxgk("schema", "--format", "2019", "-o", target)
    expect(rc == 0 and out == "" and json.load(open(target, encoding="utf-8"))["$id"] == "urn:xxgk:schema:report:2019",
           "schema -o FILE")
    rc, _, _ = xxgk("schema", "--format", "2020")
    expect(rc == 2, "schema --format 2020")

    # The other subcommands are untouched by the registration of these two.
    rc, out, _ = xxgk("validate", sample)
    expect(rc == 0, "validate still works")
    rc, out, _ = xxgk("--help")
    expect(rc == 0 and "render" in out and "schema" in out, "--help lists render and schema")

    if failures:
        print("%d failures" % len(failures), file=sys.stderr)
        return 1
    print("render and schema CLI checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
