#!/usr/bin/env python3
"""make_shapes.py — writes the text shapes of real reports (issue 15 part 1) as fixtures.

    python3 tests/data/import/shapes/make_shapes.py     # rewrites the *.txt fixtures beside it

Every fixture prints the cells of examples/data/sample-2021.json (the 2021 format, every cell a
number) in a shape seen on published reports; the wording around the tables is our own.
tests/unit/import_shapes_test.cpp imports each one and compares the cells.
(The pdftotext fixtures pdftotext-*.txt are made by make_pdftotext.sh, not here.)
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
R = json.load(open(os.path.join(ROOT, "examples", "data", "sample-2021.json"), encoding="utf-8"))

COLS = ["natural_person", "enterprise", "research_institute", "nonprofit", "legal_service", "other_org", "total"]
# (group printed before the row, row label, key)
ROWS = [
    (None, "一、本年新收政府信息公开申请数量", "received"),
    (None, "二、上年结转政府信息公开申请数量", "carried_over"),
    ("三、本年度办理结果", "（一）予以公开", "granted"),
    (None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted"),
    ("（三）不予公开", "1.属于国家秘密", "withheld_state_secret"),
    (None, "2.其他法律行政法规禁止公开", "withheld_prohibited_by_law"),
    (None, "3.危及“三安全一稳定”", "withheld_security_stability"),
    (None, "4.保护第三方合法权益", "withheld_third_party"),
    (None, "5.属于三类内部事务信息", "withheld_internal_affairs"),
    (None, "6.属于四类过程性信息", "withheld_process_info"),
    (None, "7.属于行政执法案卷", "withheld_enforcement_file"),
    (None, "8.属于行政查询事项", "withheld_inquiry_matter"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "unavailable_not_held"),
    (None, "2.没有现成信息需要另行制作", "unavailable_needs_creation"),
    (None, "3.补正后申请内容仍不明确", "unavailable_unclear"),
    ("（五）不予处理", "1.信访举报投诉类申请", "not_handled_petition"),
    (None, "2.重复申请", "not_handled_duplicate"),
    (None, "3.要求提供公开出版物", "not_handled_publication"),
    (None, "4.无正当理由大量反复申请", "not_handled_excessive"),
    (None, "5.要求行政机关确认或重新出具已获取信息", "not_handled_reissue"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"),
    (None, "3.其他", "other_misc"),
    (None, "（七）总计", "total"),
    (None, "四、结转下年度继续办理", "carried_forward"),
]
HEADER = ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def val(v):
    if isinstance(v, dict):
        return v.get("raw") or v.get("value")
    return str(v)


def values(section, row, cols):
    return [val(R[section][row][c]) for c in cols]


TITLE = "示例市生态环境局2022年政府信息公开工作年度报告"
PREAMBLE = ("本报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限为2022年1月1日至2022年12月31日。"
            "本报告电子版可在示例市生态环境局门户网站查阅。")
OVERVIEW = "2022年，我局扎实推进政府信息公开工作，主动公开各类信息，依法办理公开申请。"
PROBLEMS = "部分答复文书的规范性仍需加强。下一步将加强培训和审核。"
OTHER = "本年度未收取信息处理费。"
SIGNATURE = ["示例市生态环境局", "2023年1月20日"]

PROACTIVE = [  # (article 20 item, header, [(label, key, columns)])
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", "regulations", ["issued", "repealed", "in_force"]),
      ("行政规范性文件", "normative_documents", ["issued", "repealed", "in_force"])]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", "licensing", ["decisions"])]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
     [("行政处罚", "penalties", ["decisions"]), ("行政强制", "compulsory_measures", ["decisions"])]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", "fees", ["amount"])]),
]
REVIEW = []
for g in ["review", "litigation_direct", "litigation_after_review"]:
    REVIEW += values("review_litigation", g, ["upheld", "corrected", "other", "pending", "total"])
REVIEW_HEADER = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                 "未经复议直接起诉", "复议后起诉"]


def pipe(cells):
    return "| " + " | ".join(cells) + " |"


def proactive_pipes():
    out = []
    for item, header, rows in PROACTIVE:
        out += [pipe([item] + [""] * 3), pipe(header + [""] * (4 - len(header)))]
        for label, key, cols in rows:
            v = values("proactive", key, cols)
            out.append(pipe([label] + v + [""] * (3 - len(v))))
    return out


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# A. OCR/converter Markdown: every row of 三 under its own heading, followed by a small pipe table
# that repeats the label with the values; the header cells each on a line of their own.
def md_heading_rows():
    out = ["# " + TITLE, "", PREAMBLE, "", "## 一、总体情况", "", OVERVIEW, "", "## 二、主动公开政府信息情况", ""]
    out += proactive_pipes() + ["", "## 三、收到和处理政府信息公开申请情况", ""]
    for h in HEADER:
        out += [h, ""]
    for group, label, key in ROWS:
        if group:
            out += ["### " + group, ""]
        out += ["### " + label, "", pipe([label] + values("requests", key, COLS)), "|" + "---|" * 8, ""]
    out += ["## 四、政府信息公开行政复议、行政诉讼情况", ""]
    for h in REVIEW_HEADER:
        out += [h, ""]
    out += [pipe(REVIEW), "", "## 五、存在的主要问题及改进情况", "", PROBLEMS, "", "## 六、其他需要报告的事项", "", OTHER, ""]
    out += SIGNATURE
    return "\n".join(out) + "\n"


# The plain layout the other shapes start from: one line per row, cells separated by `sep`.
def plain(sep, headings=True, numbering=("一", "二", "三", "四", "五", "六"), omit_proactive=False,
          after_requests="", after_review=""):
    n = iter(numbering)
    out = [TITLE, PREAMBLE]
    if headings:
        out.append(next(n) + "、总体情况")
    out.append(OVERVIEW)
    if not omit_proactive:
        if headings:
            out.append(next(n) + "、主动公开政府信息情况")
        for item, header, rows in PROACTIVE:
            out += [item, sep.join(header)]
            for label, key, cols in rows:
                out.append(sep.join([label] + values("proactive", key, cols)))
    if headings:
        out.append(next(n) + "、收到和处理政府信息公开申请情况")
    out.append(sep.join(HEADER))
    for group, label, key in ROWS:
        out.append(sep.join(([group] if group else []) + [label] + values("requests", key, COLS)))
    out[-1] += after_requests
    if headings:
        out.append(next(n) + "、政府信息公开行政复议、行政诉讼情况")
    out += [sep.join(REVIEW_HEADER), sep.join(REVIEW) + after_review]
    if headings:
        out.append(next(n) + "、存在的主要问题及改进情况")
    out.append(PROBLEMS)
    if headings:
        out.append(next(n) + "、其他需要报告的事项")
    out.append(OTHER)
    out += SIGNATURE
    return out


def main():
    write("md-heading-rows.txt", md_heading_rows())
    # B. The whole page on one line (crawler and CMS exports): cells separated by " | ".
    write("one-line-pipes.txt", " ".join(plain(" | ")) + "\n")
    # B'. The same with no separator at all: the digits of neighbouring cells run together.
    write("one-line-run.txt", "".join(plain("")) + "\n")
    # C. Non-template numbering: section 二 omitted, so 复议诉讼 is 三、 (and the rest renumbered).
    write("numbering-omitted.txt", "\n".join(plain(" ", numbering=("一", "二", "三", "四", "五"), omit_proactive=True)) + "\n")
    # C'. No section headings at all.
    write("numbering-none.txt", "\n".join(plain("\t", headings=False)) + "\n")
    # C''. A page number and a prose line appended to the last row of a table.
    write("page-number-appended.txt",
          "\n".join(plain(" ", after_requests=" — 6 —", after_review=" 注：以上数据截至2022年12月31日。")) + "\n")


if __name__ == "__main__":
    main()
