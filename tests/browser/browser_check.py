#!/usr/bin/python3
"""Browser check of the rendered report pages (ctest test browser.render; docs/render.md).

For each report: `xxgk render --to html`, a test copy of the page with tests/browser/check.js
injected (and the page's Content-Security-Policy removed, so that only escaping stands between a
payload and the browser), headless Chromium loads it and dumps the DOM, and the results the
checker wrote into the page are compared with the national template:

- every table: the number of value cells, its width, a regular grid (no overlapping or ragged
  rows once rowspan/colspan are applied), the header texts line by line, the merged cells;
- every value cell: its data-key, in table order; the header texts above and to the left of it
  are exactly the labels of its key (`xxgk keys`); its text is what the cell holds (`xxgk cells`:
  blank stays empty, never 0);
- the hostile report (tests/data/render/hostile-2021.json): none of its payloads ran (no marker
  set, no script but the checker, no event-handler or URL attribute, no link even after clicking
  every element), and the payload text is shown as text.

A screenshot of the 苍南 page is saved as <work>/cangnan-2020.png.

    browser_check.py --xxgk XXGK --chromium CHROMIUM --source SOURCE_DIR --work WORK_DIR
                     [--docs-image PNG]   # also write the small picture of the 苍南 tables for docs/
"""
import argparse
import csv
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# What the templates print, per format (docs/formats.md §5, §6).
EXPECTED = {
    "2019": {
        "cells": {"proactive": 22, "requests": 161, "review_litigation": 15},
        "widths": {"proactive": 4, "requests": 10, "review_litigation": 15},
        "request_rows": 23,
        "blocks": ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"],
        "spans": {("requests", "三、本年度办理结果"): (20, 1), ("requests", "（六）其他处理"): (1, 2),
                  ("proactive", "采购总金额"): (1, 2), ("proactive", "本年增/减"): None},
    },
    "2021": {
        "cells": {"proactive": 10, "requests": 175, "review_litigation": 15},
        "widths": {"proactive": 4, "requests": 10, "review_litigation": 15},
        "request_rows": 25,
        "blocks": ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"],
        "spans": {("requests", "三、本年度办理结果"): (22, 1), ("requests", "（六）其他处理"): (3, 1),
                  ("proactive", "本年收费金额（单位：万元）"): (1, 3)},
    },
}
COMMON_SPANS = {
    ("requests", CAPTION): (3, 3),
    ("requests", "申请人情况"): (1, 7),
    ("requests", "自然人"): (2, 1),
    ("requests", "法人或其他组织"): (1, 5),
    ("requests", "总计"): (2, 1),
    ("requests", "（三）不予公开"): (8, 1),
    ("requests", "（四）无法提供"): (3, 1),
    ("requests", "（五）不予处理"): (5, 1),
    ("requests", "（七）总计"): (1, 2),
    ("requests", "一、本年新收政府信息公开申请数量"): (1, 3),
    ("requests", "四、结转下年度继续办理"): (1, 3),
    ("review_litigation", "行政复议"): (1, 5),
    ("review_litigation", "行政诉讼"): (1, 10),
    ("review_litigation", "未经复议直接起诉"): (1, 5),
    ("review_litigation", "复议后起诉"): (1, 5),
    ("review_litigation", "结果维持"): (2, 1),  # the first, under 行政复议
}
HEAD_LINES = {
    "requests": [[CAPTION, "申请人情况"], ["自然人", "法人或其他组织", "总计"],
                 ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]],
    "review_litigation": [["行政复议", "行政诉讼"],
                          ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
                          ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2],
}
NOT_IN_LABEL_PATHS = {"信息内容", "申请人情况", CAPTION}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message, file=sys.stderr)


def expect(condition, message):
    if not condition:
        fail(message)


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, timeout=180, **kwargs)


def chromium_command(chromium, profile):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile]


def load_in_chromium(chromium, page, work):
    """Loads `page` in a fresh profile and returns what check.js wrote."""
    profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
    try:
        out = run(chromium_command(chromium, profile) + ["--virtual-time-budget=5000", "--dump-dom",
                                                         "file://" + os.path.abspath(page)])
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    dom = out.stdout.decode("utf-8")
    # The element's text is escaped, so it holds no "<".
    found = re.findall(r'<pre id="xxgk-check-result">([^<]*)</pre>', dom)
    if not found:
        raise SystemExit("check.js did not report for %s; Chromium said:\n%s" % (page, out.stderr.decode()[-2000:]))
    return json.loads(html.unescape(found[-1]))


def screenshot(chromium, page, png, work, width, height):
    profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
    try:
        run(chromium_command(chromium, profile) + ["--force-device-scale-factor=1", "--window-size=%d,%d" % (width, height),
                                                   "--screenshot=" + os.path.abspath(png), "file://" + os.path.abspath(page)])
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def test_copy(page_html, check_js, extra_style=""):
    """The page without its CSP (only escaping is tested), with the checker before </body>."""
    copy, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", page_html, count=1)
    if n != 1:
        fail("the rendered page has no Content-Security-Policy")
    if extra_style:
        copy = copy.replace("</head>", "<style>%s</style>\n</head>" % extra_style, 1)
    i = copy.rindex("</body>")
    return copy[:i] + "<script>\n" + check_js + "\n</script>\n" + copy[i:]


def display_text(record):
    """What a value cell shows (docs/render.md): the rule, written independently of the renderer."""
    state = record["state"]
    if state == "number":
        return record["value"] + {"yuan": "元", "wan_yuan": "万元"}.get(record["unit"], "")
    if state == "not_applicable":
        return record["raw"] or "-"
    if state == "text":
        return record["raw"]
    return ""


def check_tables(name, fmt, result, keys, cells):
    exp = EXPECTED[fmt]
    tables = {t["section"]: t for t in result["tables"]}
    expect(list(tables) == ["proactive", "requests", "review_litigation"], "%s: tables %s" % (name, list(tables)))
    document_keys = []
    for section, t in tables.items():
        where = "%s %s" % (name, section)
        expect(t["visible"], where + ": table not visible")
        expect(not t["problems"], where + ": irregular grid: %s" % t["problems"][:5])
        expect(len(t["values"]) == exp["cells"][section],
               where + ": %d value cells, expected %d" % (len(t["values"]), exp["cells"][section]))
        expect(t["width"] == exp["widths"][section], where + ": width %d" % t["width"])
        spans = {}
        for h in t["headers"]:
            spans.setdefault(h["text"], (h["rowspan"], h["colspan"]))
        for (s, text), span in list(COMMON_SPANS.items()) + list(exp["spans"].items()):
            if s != section or span is None:
                continue
            expect(spans.get(text) == span, where + ": %s spans %s, expected %s" % (text, spans.get(text), span))
        for v in t["values"]:
            key = v["key"]
            document_keys.append(key)
            if key not in keys:
                fail(where + ": unknown data-key %r" % key)
                continue
            expected_names = sorted(keys[key].split(" › ")[1:])
            names = sorted(n for n in v["names"] if n not in NOT_IN_LABEL_PATHS)
            expect(names == expected_names, where + ": %s sits under %s, expected %s" % (key, names, expected_names))
            expect(v["text"] == display_text(cells[key]),
                   where + ": %s shows %r, expected %r" % (key, v["text"], display_text(cells[key])))
            expect("xxgk-value" in v["className"].split() and
                   "xxgk-" + cells[key]["state"].replace("_", "-") in v["className"].split(),
                   where + ": %s has class %r" % (key, v["className"]))
        if section in HEAD_LINES:
            lines = {}
            for h in t["headers"]:
                if h["head"]:
                    lines.setdefault(h["row"], []).append(h["text"])
            got = [lines[r] for r in sorted(lines)]
            expect(got == HEAD_LINES[section], where + ": header lines %s" % got)
        if section == "requests":
            expect(len(t["bodyRows"]) == exp["request_rows"], where + ": %d rows" % len(t["bodyRows"]))
        if section == "proactive":
            captions = [h["text"] for h in t["headers"] if h["colspan"] == 4 and h["col"] == 0]
            expect(captions == exp["blocks"], where + ": block captions %s" % captions)
            firsts = [h["text"] for h in t["headers"] if h["col"] == 0 and h["colspan"] == 1 and h["text"] == "信息内容"]
            expect(len(firsts) == len(exp["blocks"]), where + ": %d header lines start with 信息内容" % len(firsts))
    expect(document_keys == list(keys), "%s: value cells not in table order, or keys missing" % name)


def check_security(name, result):
    s = result["security"]
    expect(s["marker"] is None and s["markerAfterClicks"] is None, "%s: a payload ran: data-xss=%r/%r" %
           (name, s["marker"], s["markerAfterClicks"]))
    expect(s["windowMarker"] is None, "%s: a payload ran: window.__xss=%r" % (name, s["windowMarker"]))
    expect(s["scripts"] == 1, "%s: %d script elements (only the checker's expected)" % (name, s["scripts"]))
    expect(s["forbiddenElements"] == 0, "%s: %d link/media/frame elements" % (name, s["forbiddenElements"]))
    expect(s["eventHandlerAttributes"] == 0, "%s: %d on* attributes" % (name, s["eventHandlerAttributes"]))
    expect(s["urlAttributes"] == 0, "%s: %d href/src attributes" % (name, s["urlAttributes"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xxgk", required=True)
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--docs-image")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    check_js = open(os.path.join(here, "check.js"), encoding="utf-8").read()

    keys = {}
    for fmt in ("2019", "2021"):
        out = run([args.xxgk, "keys", "--format", fmt]).stdout.decode("utf-8").splitlines()[1:]
        keys[fmt] = {line.split("\t")[0]: line.split("\t")[2] for line in out}

    reports = [
        ("cangnan-2020", os.path.join(args.source, "examples/data/cangnan-2020.json"), False),
        ("sample-2021", os.path.join(args.source, "examples/data/sample-2021.json"), False),
        ("hostile-2021", os.path.join(args.source, "tests/data/render/hostile-2021.json"), True),
    ]
    for name, path, hostile in reports:
        fmt = json.load(open(path, encoding="utf-8"))["format"]
        page = os.path.join(args.work, name + ".html")
        run([args.xxgk, "render", path, "--to", "html", "-o", page])
        cells = {r["key"]: r for r in csv.DictReader(io.StringIO(run([args.xxgk, "cells", path]).stdout.decode("utf-8")))}
        page_html = open(page, encoding="utf-8").read()
        checked = os.path.join(args.work, name + ".check.html")
        with open(checked, "w", encoding="utf-8") as f:
            f.write(test_copy(page_html, check_js))
        result = load_in_chromium(args.chromium, checked, args.work)
        check_tables(name, fmt, result, keys[fmt], cells)
        check_security(name, result)
        if hostile:
            expect(result["security"]["payloadTextShown"], name + ": the payload text is not shown as text")
        print("%s: %d tables, %d value cells checked, page height %d px" %
              (name, len(result["tables"]), sum(len(t["values"]) for t in result["tables"]), result["height"]))
        if name == "cangnan-2020":
            png = os.path.join(args.work, name + ".png")
            screenshot(args.chromium, page, png, args.work, 1200, min(max(result["height"], 800), 16000))
            expect(os.path.getsize(png) > 10000, "screenshot %s is empty" % png)
            print("screenshot:", png)
            if args.docs_image:
                docs_image(args, page_html, check_js)

    if failures:
        print("%d failures" % len(failures), file=sys.stderr)
        return 1
    print("all browser checks passed")
    return 0


def docs_image(args, page_html, check_js):
    """The tables of sections 二, 三, 四 alone, reduced to a small palette PNG for docs/images/."""
    only_tables = ".xxgk-narrative,.xxgk-report-header,.xxgk-signature{display:none}" \
                  ".xxgk-report{max-width:960px;padding:8px 16px}body{background:#fff}"
    measured = os.path.join(args.work, "cangnan-2020.tables.check.html")
    with open(measured, "w", encoding="utf-8") as f:
        f.write(test_copy(page_html, check_js, only_tables))
    height = load_in_chromium(args.chromium, measured, args.work)["height"]
    page = os.path.join(args.work, "cangnan-2020.tables.html")  # the same, without the checker's output
    with open(page, "w", encoding="utf-8") as f:
        f.write(page_html.replace("</head>", "<style>%s</style>\n</head>" % only_tables, 1))
    raw = os.path.join(args.work, "cangnan-2020.tables.png")
    screenshot(args.chromium, page, raw, args.work, 1000, height)
    from PIL import Image, ImageOps  # python3-pil, only for this maintenance step
    image = Image.open(raw).convert("RGB")
    box = ImageOps.invert(image).getbbox()  # the content, without the white margins
    if box:
        image = image.crop((max(box[0] - 8, 0), max(box[1] - 8, 0), min(box[2] + 8, image.width), min(box[3] + 8, image.height)))
    image.quantize(colors=16).save(args.docs_image, optimize=True)
    print("docs image:", args.docs_image, os.path.getsize(args.docs_image), "bytes")


if __name__ == "__main__":
    sys.exit(main())
