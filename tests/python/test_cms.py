"""For CMS vendors (issue 17): the stylesheet for embedded fragments, the visible list of findings
beside each table, and `xxgk new` (an empty report to fill in)."""

import html
import os
import subprocess

import pytest

import xxgk
from conftest import CANGNAN, ROOT


def test_render_css_is_the_page_stylesheet():
    css = xxgk.render_css()
    assert ".xxgk-table" in css and ".xxgk-findings" in css
    assert css in xxgk.load(CANGNAN).render_html()          # the standalone page carries the same rules
    assert css not in xxgk.load(CANGNAN).render_html(standalone=False)


def test_findings_are_listed_beside_their_table():
    report = xxgk.load(CANGNAN)
    issues = report.validate()
    fragment = report.render_html(standalone=False, findings=True, lang="en")
    start = fragment.index('<aside class="xxgk-findings" data-section="requests">')
    end = fragment.index("</aside>", start)
    listed = fragment[start:end]
    for issue in issues:
        if issue.key.startswith("requests."):
            assert issue.code in listed and html.escape(issue.message("en"), quote=True) in listed
    assert 'class="xxgk-severity-error" data-key="requests.withheld_prohibited_by_law.total"' in listed
    # The list follows its table and is not taken for report text when the page is imported back.
    assert fragment.index("</table>", fragment.index('data-section="requests"')) < start
    back = xxgk.import_html(report.render_html(findings=True), format="2019").report
    for key in report.keys():
        assert back[str(key)].state == report[str(key)].state and back[str(key)].value == report[str(key)].value


def test_no_findings_no_list():
    assert "xxgk-findings\"" not in xxgk.load(CANGNAN).render_html(standalone=False)


def test_findings_list_escapes_text():
    hostile = xxgk.load(ROOT / "tests" / "data" / "render" / "hostile-2021.json", strict=False)
    page = hostile.render_html(findings=True)
    for part in page.split('<aside class="xxgk-findings"')[1:]:
        assert "<script" not in part.split("</aside>")[0]


@pytest.mark.skipif(not os.environ.get("XXGK_CLI"), reason="XXGK_CLI (the built `xxgk` tool) not given")
def test_cli_css_and_new(tmp_path):
    cli = os.environ["XXGK_CLI"]
    css = subprocess.run([cli, "render", "--css"], capture_output=True, check=True).stdout.decode("utf-8")
    assert css == xxgk.render_css()
    for fmt in ("2019", "2021"):
        out = tmp_path / f"new-{fmt}.json"
        subprocess.run([cli, "new", "--format", fmt, "-o", str(out)], check=True)
        report = xxgk.load(out)
        assert report.format == fmt
        assert report.dumps() == xxgk.Report(fmt).dumps()
        assert {report[str(k)].state for k in report.keys()} == {"blank"}
    bad = subprocess.run([cli, "new", "--format", "2020"], capture_output=True)
    assert bad.returncode != 0
    usage = subprocess.run([cli, "render"], capture_output=True)
    assert usage.returncode == 2 and b"--css" in usage.stderr
