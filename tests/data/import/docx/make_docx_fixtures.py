#!/usr/bin/env python3
"""Writes the Word fixtures of tests/unit/import_docx_test.cpp.

    build/xxgk generate --format 2019 --count 9 --seed 15 -o /tmp/docx-gen-2019
    build/xxgk generate --format 2021 --count 9 --seed 15 -o /tmp/docx-gen-2021
    /usr/bin/python3 tests/data/import/docx/make_docx_fixtures.py /tmp/docx-gen-2019 /tmp/docx-gen-2021

Needs python3-docx (Debian). Each variant is one generated report laid out as county offices lay
it out in Word or WPS: the tables in the official layout with real merged cells (python-docx's
merge writes w:gridSpan and w:vMerge, as Word does), and one deviation per variant. Writes
<name>.docx and <name>.expected.json — the generator's report with the variant's changes to the
cells (a cell printed empty is blank, "-" or "/" is not applicable) — in this directory. The
outputs are committed; run this again only when the fixtures should change.
"""
import copy
import datetime
import json
import os
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))

PROACTIVE_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "regulations", ["new_made", "new_published", "total_published"]),
      ("规范性文件", "normative_documents", ["new_made", "new_published", "total_published"])]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "licensing", ["prior_items", "change", "decisions"]),
      ("其他对外管理服务事项", "other_services", ["prior_items", "change", "decisions"])]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "penalties", ["prior_items", "change", "decisions"]),
      ("行政强制", "compulsory_measures", ["prior_items", "change", "decisions"])]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"],
     [("行政事业性收费", "fees", ["prior_items", "change"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"],
     [("政府集中采购", "procurement", ["projects", "amount"])]),
]
PROACTIVE_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", "regulations", ["issued", "repealed", "in_force"]),
      ("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "licensing", ["decisions"])]),
    ("第二十条第（六）项", ["本年处理决定数量"],
     [("行政处罚", "penalties", ["decisions"]), ("行政强制", "compulsory_measures", ["decisions"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "fees", ["amount"])]),
]
REQUEST_COLS = ["natural_person", "enterprise", "research_institute", "nonprofit", "legal_service", "other_org", "total"]
WITHHELD = [("1.属于国家秘密", "withheld_state_secret"), ("2.其他法律行政法规禁止公开", "withheld_prohibited_by_law"),
            ("3.危及“三安全一稳定”", "withheld_security_stability"), ("4.保护第三方合法权益", "withheld_third_party"),
            ("5.属于三类内部事务信息", "withheld_internal_affairs"), ("6.属于四类过程性信息", "withheld_process_info"),
            ("7.属于行政执法案卷", "withheld_enforcement_file"), ("8.属于行政查询事项", "withheld_inquiry_matter")]
UNAVAILABLE = [("1.本机关不掌握相关政府信息", "unavailable_not_held"),
               ("2.没有现成信息需要另行制作", "unavailable_needs_creation"),
               ("3.补正后申请内容仍不明确", "unavailable_unclear")]
NOT_HANDLED = [("1.信访举报投诉类申请", "not_handled_petition"), ("2.重复申请", "not_handled_duplicate"),
               ("3.要求提供公开出版物", "not_handled_publication"),
               ("4.无正当理由大量反复申请", "not_handled_excessive"),
               ("5.要求行政机关确认或重新出具已获取信息", "not_handled_reissue")]
OTHER_2021 = [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
              ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"),
              ("3.其他", "other_misc")]


def dash_filled(d):
    """Every blank cell printed as "-" (the expected report: not applicable, raw "-")."""
    for sec in ("proactive", "requests", "review_litigation"):
        for row in d[sec].values():
            if not isinstance(row, dict):
                continue
            for col, c in row.items():
                if c is None or (isinstance(c, dict) and c.get("state") == "blank"):
                    row[col] = {"state": "not_applicable", "raw": "-"}
    return d


def cell_text(c, fmt):
    """The printed text of a cell of the canonical JSON."""
    if c is None:
        return ""
    if isinstance(c, int):
        return str(c)
    if "raw" in c:
        return c["raw"]
    state = c.get("state")
    if state == "not_applicable":
        return "-"
    if state == "blank":
        return ""
    v = str(c.get("value", ""))
    if c.get("unit") == "wan_yuan" and fmt == "2019":
        return v + "万元"
    if c.get("unit") == "yuan":
        return v + "元"
    return v


class Builder:
    """Writes one report as a Word document; the options are the variant's deviations."""

    def __init__(self, d, heading_style=True, sub_heading_style=False, fonts=False, two_paragraph_cells=False,
                 split_requests=False, layout_table=False, text_box_title=False, list_subsections=False,
                 auto_numbering=False):
        self.d = d
        self.fmt = d["format"]
        self.heading_style = heading_style
        self.sub_heading_style = sub_heading_style
        self.fonts = fonts
        self.two = two_paragraph_cells
        self.split = split_requests
        self.layout = layout_table
        self.list_subsections = list_subsections
        self.doc = docx.Document()
        self.auto = auto_numbering
        if auto_numbering:
            # The ordinals 一、 and （一） drawn by Word's automatic numbering, not typed.
            numbering = self.doc.part.numbering_part.element
            abstract = parse_xml(
                '<w:abstractNum %s w:abstractNumId="99">'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
                '<w:lvlText w:val="%%1、"/></w:lvl>'
                '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
                '<w:lvlText w:val="（%%2）"/></w:lvl></w:abstractNum>' % nsdecls("w"))
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                numbering.append(abstract)
            numbering.append(parse_xml('<w:num %s w:numId="99"><w:abstractNumId w:val="99"/></w:num>' % nsdecls("w")))
        if fonts:
            for name, east, size in (("Normal", "仿宋_GB2312", 16), ("Heading 2", "黑体", 16)):
                st = self.doc.styles[name]
                st.font.name = "Times New Roman"
                st.font.size = Pt(size)
                st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east)

    # ---- text
    def para(self, text, bold_prefix=None, style=None, align=None):
        p = self.doc.add_paragraph(style=style)
        if bold_prefix:
            r = p.add_run(bold_prefix)
            r.bold = True
            self.font(r, "楷体_GB2312")
        if text:
            self.font(p.add_run(text), None)
        if align:
            p.alignment = align
        return p

    def font(self, run, east):
        if self.fonts and east:
            run.font.name = "Times New Roman"
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east)

    def numbered(self, paragraph, level):
        num = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # in schema order, as Word needs
        num.get_or_add_ilvl().val = level
        num.get_or_add_numId().val = 99

    def heading(self, text):
        if self.auto:
            # "一、总体情况" printed as the list number 一、 and the text 总体情况.
            p = self.para(None, bold_prefix=text.split("、", 1)[1])
            self.numbered(p, 0)
            return
        if self.heading_style:
            self.doc.add_heading(text, level=2)
        else:
            p = self.para(None, bold_prefix=text)
            p.paragraph_format.first_line_indent = Pt(32)

    def narrative(self, sec, fallback):
        self.heading(sec.get("heading", fallback))
        for p in sec.get("paragraphs", []):
            self.para(p)
        for s in sec.get("subsections", []):
            title = s.get("ordinal", "") + s["title"]
            paras = s["paragraphs"]
            if self.auto:
                p = self.para(paras[0] if paras else "", bold_prefix=s["title"])
                self.numbered(p, 1)
                rest = paras[1:]
            elif self.sub_heading_style:
                self.doc.add_heading(title, level=3)
                rest = paras
            elif self.list_subsections:
                self.para(paras[0] if paras else "", bold_prefix=title, style="List Paragraph")
                rest = paras[1:]
            else:
                self.para(paras[0] if paras else "", bold_prefix=title)
                rest = paras[1:]
            for p in rest:
                self.para(p)

    # ---- tables
    def grid(self, rows, ncols):
        """rows: lists of (text, colspan, rowspan) placed like an HTML table; merged with
        python-docx (gridSpan, vMerge). A text with "\n" becomes paragraphs of the cell."""
        nrows = len(rows)
        table = self.doc.add_table(rows=nrows, cols=ncols)
        table.style = "Table Grid"
        taken = [[False] * ncols for _ in range(nrows)]
        for r, row in enumerate(rows):
            c = 0
            for text, cs, rs in row:
                while taken[r][c]:
                    c += 1
                for dr in range(rs):
                    for dc in range(cs):
                        taken[r + dr][c + dc] = True
                cell = table.cell(r, c)
                if cs > 1 or rs > 1:
                    cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
                parts = text.split("\n")
                cell.paragraphs[0].text = parts[0]
                for extra in parts[1:]:
                    cell.add_paragraph(extra)
                c += cs
        return table

    def proactive(self):
        d = self.d
        rows = []
        for caption, columns, items in (PROACTIVE_2019 if self.fmt == "2019" else PROACTIVE_2021):
            rows.append([(caption, 4, 1)])
            head = [("信息内容", 1, 1)]
            for i, c in enumerate(columns):
                head.append((c, 4 - len(columns) if i == len(columns) - 1 else 1, 1))
            rows.append(head)
            for label, key, cols in items:
                cells = [(label, 1, 1)]
                for i, c in enumerate(cols):
                    cells.append((cell_text(d["proactive"][key][c], self.fmt), 4 - len(cols) if i == len(cols) - 1 else 1, 1))
                rows.append(cells)
        self.grid(rows, 4)

    def requests(self):
        r = self.d["requests"]
        two = self.two

        def values(key):
            return [(cell_text(r[key][c], self.fmt), 1, 1) for c in REQUEST_COLS]

        head = [
            [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 7, 1)],
            [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)],
            [("商业\n企业" if two else "商业企业", 1, 1), ("科研\n机构" if two else "科研机构", 1, 1),
             ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
        ]
        top = [[("一、本年新收政府信息公开申请数量", 3, 1)] + values("received"),
               [("二、上年结转政府信息公开申请数量", 3, 1)] + values("carried_over")]
        outcome = 2 + 8 + 3 + 5 + (3 if self.fmt == "2021" else 1) + 1
        partial = "（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）" if two else \
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        body = [[("三、本年度办理结果", 1, outcome), ("（一）予以公开", 2, 1)] + values("granted"),
                [(partial, 2, 1)] + values("partially_granted")]
        for i, (label, key) in enumerate(WITHHELD):
            body.append(([("（三）不予公开", 1, 8)] if i == 0 else []) + [(label, 1, 1)] + values(key))
        for i, (label, key) in enumerate(UNAVAILABLE):
            body.append(([("（四）无法提供", 1, 3)] if i == 0 else []) + [(label, 1, 1)] + values(key))
        for i, (label, key) in enumerate(NOT_HANDLED):
            body.append(([("（五）不予处理", 1, 5)] if i == 0 else []) + [(label, 1, 1)] + values(key))
        if self.fmt == "2021":
            for i, (label, key) in enumerate(OTHER_2021):
                body.append(([("（六）其他处理", 1, 3)] if i == 0 else []) + [(label, 1, 1)] + values(key))
        else:
            body.append([("（六）其他处理", 2, 1)] + values("other"))
        body.append([("（七）总计", 2, 1)] + values("total"))
        tail = [[("四、结转下年度继续办理", 3, 1)] + values("carried_forward")]
        if not self.split:
            self.grid(head + top + body + tail, 10)
            return
        # Split after （三）不予公开 (a page break in the original): the second table repeats the
        # header and the group label 三、本年度办理结果 over its own rows.
        cut = 2 + 8
        first = body[:cut]
        first[0] = [("三、本年度办理结果", 1, cut)] + first[0][1:]
        second = body[cut:]
        second[0] = [("三、本年度办理结果", 1, len(second))] + second[0]
        self.grid(head + top + first, 10)
        self.para("")
        self.grid(head + second + tail, 10)

    def review(self):
        rl = self.d["review_litigation"]
        cols = ["upheld", "corrected", "other", "pending", "total"]
        if self.two:
            heads = [("结果\n维持", 1, 1), ("结果\n纠正", 1, 1), ("其他\n结果", 1, 1), ("尚未\n审结", 1, 1), ("总计", 1, 1)]
        else:
            heads = [("结果维持", 1, 1), ("结果纠正", 1, 1), ("其他结果", 1, 1), ("尚未审结", 1, 1), ("总计", 1, 1)]
        rows = [[("行政复议", 5, 2), ("行政诉讼", 10, 1)],
                [("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)],
                heads * 3,
                [(cell_text(rl[g][c], self.fmt), 1, 1) for g in ["review", "litigation_direct", "litigation_after_review"]
                 for c in cols]]
        self.grid(rows, 15)

    def build(self, path):
        d = self.d
        h = d["header"]
        th = d.get("table_headings", {})
        title = self.doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        tr = title.add_run(h["title"])
        tr.bold = True
        self.font(tr, "方正小标宋简体")
        for p in h["preamble"].split("\n"):
            self.para(p)
        self.narrative(d["overview"], "一、总体情况")
        self.heading(th.get("proactive", "二、主动公开政府信息情况"))
        self.proactive()
        self.heading(th.get("requests", "三、收到和处理政府信息公开申请情况"))
        self.requests()
        self.heading(th.get("review_litigation", "四、政府信息公开行政复议、行政诉讼情况"))
        self.review()
        self.narrative(d["problems"], "五、存在的主要问题及改进情况")
        self.narrative(d["other_matters"], "六、其他需要报告的事项")
        sig = h["signature"]
        y, m, dd = (int(x) for x in sig["date"].split("-"))
        self.para(sig["body"], align=WD_ALIGN_PARAGRAPH.RIGHT)
        self.para("%d年%d月%d日" % (y, m, dd), align=WD_ALIGN_PARAGRAPH.RIGHT)
        if self.layout:
            self.wrap_in_layout_table()
        # Fixed metadata (python-docx still stamps the zip entries with the time of the run).
        cp = self.doc.core_properties
        cp.created = cp.modified = datetime.datetime(2024, 1, 1)
        cp.author = cp.last_modified_by = "xxgk"
        self.doc.save(path)

    def wrap_in_layout_table(self):
        """Moves everything into one cell of a one-cell table (pages laid out in a frame)."""
        body = self.doc.element.body
        items = [e for e in body if e.tag != qn("w:sectPr")]
        frame = self.doc.add_table(rows=1, cols=1)
        tc = frame.cell(0, 0)._tc
        for e in items:
            tc.append(e)
        tc.append(tc.makeelement(qn("w:p"), {}))  # a cell ends with a paragraph
        tc.remove(tc.findall(qn("w:p"))[0])


def main():
    gen19, gen21 = sys.argv[1], sys.argv[2]

    def report(fmt, i):
        folder = gen19 if fmt == "2019" else gen21
        with open(os.path.join(folder, "report-%s-%06d.json" % (fmt, i)), encoding="utf-8") as f:
            return json.load(f)

    variants = []

    def add(name, fmt, i, changes=None, **options):
        variants.append((name, fmt, i, changes or {}, options))

    for fmt in ("2019", "2021"):
        reg = "new_made" if fmt == "2019" else "issued"
        blanks = {("requests", "withheld_state_secret", "enterprise"): "",
                  ("requests", "unavailable_unclear", "nonprofit"): "",
                  ("requests", "carried_over", "research_institute"): "",
                  ("review_litigation", "litigation_direct", "other"): "",
                  ("proactive", "regulations", reg): ""}
        marks = {("requests", "withheld_state_secret", "enterprise"): "-",
                 ("requests", "not_handled_duplicate", "other_org"): "/",
                 ("proactive", "regulations", reg): "/",
                 ("review_litigation", "review", "other"): "-"}
        add("heading-styles-%s" % fmt, fmt, 0)
        add("bold-headings-%s" % fmt, fmt, 1, heading_style=False)
        add("blanks-%s" % fmt, fmt, 2, blanks)
        add("not-applicable-%s" % fmt, fmt, 3, marks)
        add("split-table-%s" % fmt, fmt, 4, split_requests=True)
        add("chinese-fonts-%s" % fmt, fmt, 5, fonts=True, heading_style=False)
        add("two-paragraph-cells-%s" % fmt, fmt, 6, two_paragraph_cells=True)
        add("subsection-headings-%s" % fmt, fmt, 7, sub_heading_style=True)
        add("layout-frame-%s" % fmt, fmt, 8, layout_table=True, list_subsections=True)
        add("auto-numbered-%s" % fmt, fmt, 6 if fmt == "2019" else 7, auto_numbering=True)
        # The reports with empty rows, every empty cell printed "-": no blank may remain.
        add("dash-filled-%s" % fmt, fmt, 5 if fmt == "2019" else 2, fill_dashes=True)

    manifest = []
    for name, fmt, i, changes, options in variants:
        d = report(fmt, i)
        if options.pop("fill_dashes", False):
            d = dash_filled(d)
        for (sec, row, col), printed in changes.items():
            d[sec][row][col] = {"state": "blank"} if printed == "" else {"state": "not_applicable", "raw": printed}
        Builder(copy.deepcopy(d), **options).build(os.path.join(HERE, name + ".docx"))
        with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=1)
            f.write("\n")
        manifest.append(name)
    with open(os.path.join(HERE, "variants.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    print("%d variants" % len(manifest))


if __name__ == "__main__":
    main()
