"""Rendering reports (render_html, render_markdown, render_csv_tables, to_cells_csv) and json_schema."""

import copy
import csv
import importlib.util
import io
import json
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pytest

import xxgk
from conftest import CANGNAN, ROOT, SAMPLE, TEST_DATA

HOSTILE = ROOT / "tests" / "data" / "render" / "hostile-2021.json"
PAYLOAD = "<script>alert('x')</script><img src=x onerror=\"alert(1)\">"

VALUE_CELL = re.compile(r'<td class="xxgk-value ([^"]*)" data-key="([^"]+)"[^>]*>(.*?)</td>', re.S)


def value_cells(html):
    """{key: (classes, text)} of the value cells of a rendered page."""
    return {key: (classes, text) for classes, key, text in VALUE_CELL.findall(html)}


# ---- HTML


@pytest.mark.parametrize("path", [CANGNAN, SAMPLE], ids=lambda p: p.name)
def test_render_html_page_and_fragment(path):
    report = xxgk.load(path)
    page = report.render_html()
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page and "<style" in page
    fragment = report.render_html(standalone=False)
    assert fragment.startswith('<article class="xxgk-report"') and "<head>" not in fragment and "<html" not in fragment
    assert f'data-format="{report.format}"' in fragment
    found = value_cells(page)
    assert list(found) == [str(k) for k in report.keys()]  # every cell once, in table order
    assert value_cells(fragment) == found
    assert report.header.body in page


def test_blank_cells_are_empty_never_zero(cangnan):
    found = value_cells(cangnan.render_html())
    assert found["requests.withheld_prohibited_by_law.total"] == ("xxgk-blank", "")
    assert found["requests.received.natural_person"] == ("xxgk-number", "228")
    assert found["proactive.procurement.amount"] == ("xxgk-number", "17424.88万元")


def test_findings_highlight_cells(cangnan):
    plain = cangnan.render_html()
    assert not any("xxgk-finding" in classes for classes, _ in value_cells(plain).values())
    assert "data-findings" not in plain and cangnan.render_html(findings=None) == plain
    assert cangnan.render_html(findings=False) == plain and cangnan.render_html(findings=[]) == plain
    highlighted = cangnan.render_html(findings=True)
    classes, _ = value_cells(highlighted)["requests.withheld_prohibited_by_law.total"]
    assert "xxgk-finding" in classes and "xxgk-severity-error" in classes
    assert 'data-findings="XXGK-T3-004' in highlighted
    issues = cangnan.validate()
    assert cangnan.render_html(findings=issues) == highlighted
    assert cangnan.render_html(findings=iter(issues)) == highlighted
    errors_only = [i for i in issues if i.severity == "error"]
    assert "xxgk-severity-error" in cangnan.render_html(findings=errors_only)
    error = errors_only[0]
    zh = cangnan.render_html(findings=True, standalone=False)
    en = cangnan.render_html(findings=True, standalone=False, lang="en")
    assert f'title="{error.message("zh")}"' in zh and f'title="{error.message("en")}"' in en


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"lang": "fr"}, ValueError),
        ({"lang": None}, TypeError),
        ({"findings": "XXGK-T3-004"}, TypeError),
        ({"findings": [1, 2]}, TypeError),
        ({"findings": {"code": "x"}}, TypeError),
        ({"findings": 5}, TypeError),
    ],
)
def test_render_html_rejects_bad_options(cangnan, kwargs, error):
    with pytest.raises(error):
        cangnan.render_html(**kwargs)


def test_render_html_options_are_keyword_only(cangnan):
    with pytest.raises(TypeError):
        cangnan.render_html(False)


def hostile_report():
    report = xxgk.load(SAMPLE)
    report.header.body = "某局" + PAYLOAD
    report.overview.subsections[0].paragraphs.append("正文" + PAYLOAD + '" onmouseover="alert(2)')
    report.overview.subsections[0].title = PAYLOAD
    report["requests.granted.enterprise"] = xxgk.Cell.text(PAYLOAD)
    return report


def test_html_escapes_report_text():
    report = hostile_report()
    for html in (report.render_html(), report.render_html(standalone=False, findings=True)):
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert(" in html
        assert 'onerror="' not in html and 'onmouseover="' not in html
        assert "&lt;img src=x onerror=" in html
    # and it imports back as the text it is
    back = xxgk.import_html(report.render_html()).report
    assert back.overview.subsections[0].title == PAYLOAD
    assert back["requests.granted.enterprise"].raw == PAYLOAD and back["requests.granted.enterprise"].state == "text"


class Elements(HTMLParser):
    """Every element and attribute name of a page, as a browser's parser sees them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = set(), set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_example_renders_inert():
    report = xxgk.load(HOSTILE)
    for html in (report.render_html(findings=True), report.render_html(standalone=False)):
        found = Elements(html)
        assert not found.tags & {"script", "img", "svg", "iframe", "a", "object", "embed", "link", "form"}
        assert not {a for a in found.attributes if a.startswith("on") or a in ("href", "src", "srcdoc", "action")}
        assert "<script>window.__xss" in "".join(found.text)  # shown as text


# ---- Markdown, CSV


def test_render_markdown(cangnan):
    md = cangnan.render_markdown()
    assert md.startswith("# ") and "苍南县人民政府" in md
    assert "## 一、总体情况" in md or "一、总体情况" in md
    assert "| 信息内容 |" in md and "17424.88万元" in md
    table_lines = [line for line in md.splitlines() if line.startswith("|")]
    assert len(table_lines) > 40


def test_markdown_escapes_report_text():
    md = hostile_report().render_markdown()
    assert "<script>" not in md and "\\<script\\>" in md


@pytest.mark.parametrize(
    "path, names, requests_rows",
    [
        (CANGNAN, ["proactive.article_20_1", "proactive.article_20_5", "proactive.article_20_6", "proactive.article_20_8", "proactive.article_20_9"], 23),
        (SAMPLE, ["proactive.article_20_1", "proactive.article_20_5", "proactive.article_20_6", "proactive.article_20_8"], 25),
    ],
    ids=["2019", "2021"],
)
def test_render_csv_tables(path, names, requests_rows):
    report = xxgk.load(path)
    tables = report.render_csv_tables()
    assert isinstance(tables, dict) and list(tables) == names + ["requests", "review_litigation"]
    parsed = {name: list(csv.reader(io.StringIO(text))) for name, text in tables.items()}
    assert all(text.endswith("\n") and "\r" not in text for text in tables.values())
    assert parsed["proactive.article_20_1"][0][0] == "信息内容"
    requests = parsed["requests"]
    assert len(requests) == 1 + requests_rows and all(len(row) == 1 + 7 for row in requests)
    assert requests[0][1] == "自然人" and requests[0][-1] == "总计" and "法人或其他组织 › 商业企业" in requests[0]
    review = parsed["review_litigation"]
    assert len(review) == 2 and len(review[0]) == len(review[1]) == 15
    assert review[0][0].startswith("行政复议 › ")
    # the cells hold what the HTML shows
    received = next(row for row in requests if row[0].startswith("一、"))
    assert received[-1] == report["requests.received.total"].raw or int(received[-1]) == report["requests.received.total"].value


def test_csv_tables_keep_blanks_and_quote_fields(cangnan):
    requests = list(csv.reader(io.StringIO(cangnan.render_csv_tables()["requests"])))
    row = next(r for r in requests if "其他法律行政法规禁止公开" in r[0])
    assert row[-1] == ""  # blank: never 0
    report = hostile_report()
    report["requests.granted.enterprise"] = xxgk.Cell.text('a,"b"\nc')
    requests = list(csv.reader(io.StringIO(report.render_csv_tables()["requests"])))
    assert 'a,"b"\nc' in next(r for r in requests if "予以公开" in r[0])


def test_to_cells_csv(sample):
    text = sample.to_cells_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == xxgk.CELL_RECORD_FIELDS
    assert [r[0] for r in rows[1:]] == [str(k) for k in sample.keys()]
    frame = sample.to_frame()
    assert [r[5] for r in rows[1:]] == list(frame.state)


# ---- the JSON Schema


def test_json_schema_is_a_dict():
    for format in xxgk.FORMATS:
        schema = xxgk.json_schema(format)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"urn:xxgk:schema:report:{format}"
        assert schema["additionalProperties"] is False
        assert ("processing_fees" in schema["properties"]) == (format == "2021")
    assert xxgk.json_schema(2019) == xxgk.json_schema("2019")
    schema = xxgk.json_schema("2021")
    schema["properties"].clear()  # a fresh dict every time
    assert xxgk.json_schema("2021")["properties"]
    granted = xxgk.json_schema("2021")["properties"]["requests"]["properties"]["granted"]["properties"]["enterprise"]
    assert granted["title"] == "法人或其他组织 › 商业企业"


@pytest.mark.parametrize("format, error", [("2020", ValueError), (None, TypeError), (2.0, TypeError)])
def test_json_schema_bad_format(format, error):
    with pytest.raises(error):
        xxgk.json_schema(format)


@pytest.mark.skipif(importlib.util.find_spec("jsonschema") is None, reason="jsonschema not installed (Debian: python3-jsonschema)")
def test_json_schema_validates_the_examples():
    import jsonschema

    schemas = {f: xxgk.json_schema(f) for f in xxgk.FORMATS}
    validators = {f: jsonschema.Draft202012Validator(s) for f, s in schemas.items()}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    for path in [CANGNAN, SAMPLE] + sorted((TEST_DATA / "valid").glob("*.json")):
        if "lax" in path.name:
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = list(validators[document["format"]].iter_errors(document))
        assert errors == [], f"{path.name}: {errors[0].message}"
        # dumps() of the loaded report validates too
        assert not list(validators[document["format"]].iter_errors(json.loads(xxgk.load(path).dumps())))
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert not validators["2019"].is_valid(sample)  # a 2021 report is not a 2019 one
    broken = copy.deepcopy(sample)
    broken["requests"]["granted"]["enterprise"] = "5"
    assert not validators["2021"].is_valid(broken)
    with pytest.raises(xxgk.ValidationError):
        xxgk.loads(json.dumps(broken))
    imported = json.loads(xxgk.import_file(ROOT / "examples" / "data" / "cangnan-2020-annual-report.txt").report.dumps())
    assert validators["2019"].is_valid(imported)  # raw text and provenance are part of the format


# ---- threads, the CLI


def test_rendering_runs_in_threads(cangnan):
    expected = cangnan.render_html(findings=True)
    with ThreadPoolExecutor(4) as pool:
        pages = list(pool.map(lambda r: r.render_html(findings=True), [cangnan.copy() for _ in range(8)]))
    assert pages == [expected] * 8


def test_rendering_leaves_the_report_unchanged(cangnan):
    before = cangnan.dumps()
    cangnan.render_html(findings=True)
    cangnan.render_markdown()
    cangnan.render_csv_tables()
    cangnan.to_cells_csv()
    assert cangnan.dumps() == before


CLI_CASES = [
    (["--to", "html"], lambda r: r.render_html()),
    (["--to", "html-fragment"], lambda r: r.render_html(standalone=False)),
    (["--to", "html", "--findings", "--lang", "en"], lambda r: r.render_html(findings=True, lang="en")),
    (["--to", "md"], lambda r: r.render_markdown()),
    (["--to", "csv-long"], lambda r: r.to_cells_csv()),
    (["--to", "csv"], lambda r: "".join(f"==> {n}.csv <==\n{t}\n" for n, t in r.render_csv_tables().items())),
]


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
@pytest.mark.parametrize("path", [CANGNAN, SAMPLE, HOSTILE], ids=lambda p: p.name)
@pytest.mark.parametrize("args, render", CLI_CASES, ids=[" ".join(c[0]) for c in CLI_CASES])
def test_rendering_is_byte_identical_to_xxgk_render(path, args, render):
    cli = subprocess.run([os.environ["XXGK_CLI"], "render", str(path), *args], capture_output=True, check=True)
    assert render(xxgk.load(path)).encode("utf-8") == cli.stdout


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
@pytest.mark.parametrize("format", ["2019", "2021"])
def test_json_schema_equals_xxgk_schema(format):
    cli = subprocess.run([os.environ["XXGK_CLI"], "schema", "--format", format], capture_output=True, check=True)
    assert json.loads(cli.stdout) == xxgk.json_schema(format)
