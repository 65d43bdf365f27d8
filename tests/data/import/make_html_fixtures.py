#!/usr/bin/env python3
"""Writes the HTML fixtures of tests/unit/import_html_test.cpp from the hand transcriptions.

    python3 tests/data/import/make_html_fixtures.py      # from the source root; standard library only

The pages imitate what county portals publish: a navigation bar, breadcrumbs, scripts, styles,
share buttons, a sidebar and a footer around the report; the tables in the official layout of the
format (rowspan/colspan as in the templates), in a layout table. The outputs are committed; run
this again only when the fixtures should change.
"""
import html
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

CHROME_TOP = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title} - {site}</title>
<style>body{{font-family:SimSun}} .nav li{{display:inline}} td{{border:1px solid #000}}</style>
<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
</head>
<body>
<div class="top-banner"><img src="logo.png" alt="{site}">首页 | 无障碍 | 长者模式</div>
<nav><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">政府信息公开</a></li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div id="sidebar"><h3>相关链接</h3><ul><li>政府信息公开指南</li><li>政府信息公开制度</li></ul></div>
<table class="layout" width="100%"><tr><td class="main-cell">
<div class="article-info">发布时间：{published} 来源：{source} 浏览次数：1024 字号：[大 中 小]</div>
"""

CHROME_BOTTOM = """</td></tr></table>
<div class="share-bar">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print-close">【打印本页】【关闭窗口】</div>
<footer><p>主办单位：{site} 版权所有 ICP备案号：浙ICP备00000000号</p></footer>
<script>window.onload = function() {{}};</script>
</body>
</html>
"""


def esc(s):
    return html.escape(s, quote=False)


def cell_text(c):
    """The printed text of a cell of the canonical JSON."""
    if c is None:
        return ""
    if isinstance(c, int):
        return str(c)
    if "raw" in c:
        return c["raw"]
    if c.get("state") == "not_applicable":
        return "-"
    return str(c.get("value", ""))


def narrative(sec, fallback):
    out = ["<h2>%s</h2>" % esc(sec.get("heading", fallback))]
    for p in sec.get("paragraphs", []):
        out.append("<p>%s</p>" % esc(p))
    foreign = sec.get("foreign_blocks", [])

    def foreign_after(i):
        for b in foreign:
            if b["after_subsection"] == i:
                out.append('<div class="portal-widget">')
                if b.get("heading"):
                    out.append("<h3>%s</h3>" % esc(b["heading"]))
                for p in b["paragraphs"]:
                    out.append("<p>%s</p>" % esc(p))
                out.append("</div>")

    foreign_after(0)
    for i, s in enumerate(sec.get("subsections", []), 1):
        out.append("<p><strong>%s%s</strong>%s</p>" % (esc(s.get("ordinal", "")), esc(s["title"]),
                                                        esc(s["paragraphs"][0]) if s["paragraphs"] else ""))
        for p in s["paragraphs"][1:]:
            out.append("<p>%s</p>" % esc(p))
        foreign_after(i)
    return "\n".join(out)


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


def proactive_table(d, blocks):
    """One table, four columns wide; narrower blocks span their last column (template layout)."""
    out = ['<table class="MsoTable" border="1" cellspacing="0">']
    for caption, columns, rows in blocks:
        out.append('<tr><td colspan="4" style="background:#ddd"><b>%s</b></td></tr>' % esc(caption))
        head = ["<td>信息内容</td>"]
        for i, c in enumerate(columns):
            span = 4 - len(columns) if i == len(columns) - 1 else 1
            head.append('<td%s>%s</td>' % (' colspan="%d"' % span if span > 1 else "", esc(c)))
        out.append("<tr>%s</tr>" % "".join(head))
        for label, key, cols in rows:
            cells = ["<td>%s</td>" % esc(label)]
            for i, c in enumerate(cols):
                span = 4 - len(cols) if i == len(cols) - 1 else 1
                cells.append('<td%s>%s</td>' % (' colspan="%d"' % span if span > 1 else "",
                                               esc(cell_text(d["proactive"][key][c]))))
            out.append("<tr>%s</tr>" % "".join(cells))
    out.append("</table>")
    return "\n".join(out)


REQUEST_COLS = ["natural_person", "enterprise", "research_institute", "nonprofit", "legal_service", "other_org", "total"]


def requests_table(d, fmt):
    r = d["requests"]
    out = ['<table border="1" cellspacing="0" cellpadding="0">']
    out.append('<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
               '<td colspan="7">申请人情况</td></tr>')
    out.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    out.append("<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")

    def values(key):
        return "".join("<td>%s</td>" % esc(cell_text(r[key][c])) for c in REQUEST_COLS)

    out.append('<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>%s</tr>' % values("received"))
    out.append('<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>%s</tr>' % values("carried_over"))
    withheld = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
    withheld_keys = ["withheld_state_secret", "withheld_prohibited_by_law", "withheld_security_stability",
                     "withheld_third_party", "withheld_internal_affairs", "withheld_process_info",
                     "withheld_enforcement_file", "withheld_inquiry_matter"]
    unavailable = [("1.本机关不掌握相关政府信息", "unavailable_not_held"),
                   ("2.没有现成信息需要另行制作", "unavailable_needs_creation"),
                   ("3.补正后申请内容仍不明确", "unavailable_unclear")]
    not_handled = [("1.信访举报投诉类申请", "not_handled_petition"), ("2.重复申请", "not_handled_duplicate"),
                   ("3.要求提供公开出版物", "not_handled_publication"),
                   ("4.无正当理由大量反复申请", "not_handled_excessive"),
                   ("5.要求行政机关确认或重新出具已获取信息", "not_handled_reissue")]
    other_2021 = [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
                  ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"),
                  ("3.其他", "other_misc")]
    outcome_rows = 2 + 8 + 3 + 5 + (3 if fmt == "2021" else 1) + 1
    out.append('<tr><td rowspan="%d">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>%s</tr>'
               % (outcome_rows, values("granted")))
    out.append('<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>%s</tr>'
               % values("partially_granted"))
    for i, (label, key) in enumerate(zip(withheld, withheld_keys)):
        group = '<td rowspan="8">（三）不予公开</td>' if i == 0 else ""
        out.append("<tr>%s<td>%s</td>%s</tr>" % (group, esc(label), values(key)))
    for i, (label, key) in enumerate(unavailable):
        group = '<td rowspan="3">（四）无法提供</td>' if i == 0 else ""
        out.append("<tr>%s<td>%s</td>%s</tr>" % (group, esc(label), values(key)))
    for i, (label, key) in enumerate(not_handled):
        group = '<td rowspan="5">（五）不予处理</td>' if i == 0 else ""
        out.append("<tr>%s<td>%s</td>%s</tr>" % (group, esc(label), values(key)))
    if fmt == "2021":
        for i, (label, key) in enumerate(other_2021):
            group = '<td rowspan="3">（六）其他处理</td>' if i == 0 else ""
            out.append("<tr>%s<td>%s</td>%s</tr>" % (group, esc(label), values(key)))
    else:
        out.append('<tr><td colspan="2">（六）其他处理</td>%s</tr>' % values("other"))
    out.append('<tr><td colspan="2">（七）总计</td>%s</tr>' % values("total"))
    out.append('<tr><td colspan="3">四、结转下年度继续办理</td>%s</tr>' % values("carried_forward"))
    out.append("</table>")
    return "\n".join(out)


def review_table(d):
    rl = d["review_litigation"]
    cols = ["upheld", "corrected", "other", "pending", "total"]
    heads = "".join("<th>%s</th>" % h for h in ["结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"])
    out = ['<table border="1">',
           '<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>',
           '<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>',
           "<tr>%s%s%s</tr>" % (heads, heads, heads)]
    vals = "".join("<td>%s</td>" % esc(cell_text(rl[g][c]))
                   for g in ["review", "litigation_direct", "litigation_after_review"] for c in cols)
    out.append("<tr>%s</tr>" % vals)
    out.append("</table>")
    return "\n".join(out)


def page(d, site, source):
    fmt = d["format"]
    h = d["header"]
    body = [CHROME_TOP.format(title=esc(h["title"]), site=site, published=h.get("publication_date", "2021-01-29"),
                              source=source)]
    body.append('<div class="article">')
    body.append('<h1 class="title">%s</h1>' % esc(h["title"]))
    for p in h["preamble"].split("\n"):
        body.append("<p>%s</p>" % esc(p))
    body.append(narrative(d["overview"], "一、总体情况"))
    th = d.get("table_headings", {})
    body.append("<h2>%s</h2>" % esc(th.get("proactive", "二、主动公开政府信息情况")))
    body.append(proactive_table(d, PROACTIVE_2019 if fmt == "2019" else PROACTIVE_2021))
    body.append("<h2>%s</h2>" % esc(th.get("requests", "三、收到和处理政府信息公开申请情况")))
    body.append(requests_table(d, fmt))
    body.append("<h2>%s</h2>" % esc(th.get("review_litigation", "四、政府信息公开行政复议、行政诉讼情况")))
    body.append(review_table(d))
    body.append(narrative(d["problems"], "五、存在的主要问题及改进情况"))
    body.append(narrative(d["other_matters"], "六、其他需要报告的事项"))
    sig = h["signature"]
    y, m, dd = (int(x) for x in sig["date"].split("-"))
    body.append('<p style="text-align:right">%s</p>' % esc(sig["body"]))
    body.append('<p style="text-align:right">%d年%d月%d日</p>' % (y, m, dd))
    body.append("</div>")
    body.append(CHROME_BOTTOM.format(site=site))
    return "\n".join(body)


def main():
    with open(os.path.join(ROOT, "examples", "data", "cangnan-2020.json"), encoding="utf-8") as f:
        cangnan = json.load(f)
    with open(os.path.join(ROOT, "examples", "data", "sample-2021.json"), encoding="utf-8") as f:
        sample = json.load(f)
    with open(os.path.join(HERE, "cangnan-2020.html"), "w", encoding="utf-8") as f:
        f.write(page(cangnan, "苍南县人民政府", "县府办"))
    with open(os.path.join(HERE, "sample-2021.html"), "w", encoding="utf-8") as f:
        f.write(page(sample, "示例市生态环境局", "局办公室"))
    # The same page as many older portals serve it: GBK, declared in <meta>.
    gbk = page(sample, "示例市生态环境局", "局办公室").replace('<meta charset="utf-8">',
                                                      '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    with open(os.path.join(HERE, "sample-2021-gbk.html"), "wb") as f:
        f.write(gbk.encode("gbk"))


if __name__ == "__main__":
    main()
