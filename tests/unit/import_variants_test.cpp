// Variant fixtures (issue 5, points 2, 4, 5 and 6): the seed and the 2021 example report printed as
// text with one real-world deviation each (formats.md §12) — widths, spaces, labels split over
// lines, typos, traditional script, filling notes, provincial extra rows, repeated group labels,
// units in cells, "-" "/" "不适用", negative 本年增/减, lost headers, flattened digit runs — and
// the cells, states, log codes and locations the importer must produce.
#include "import_fixtures.hpp"

#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/validate.hpp>

#include <catch2/catch.hpp>

using namespace import_fixtures;
using xxgk::cell_state;

namespace {

xxgk::import_result text_import(const std::string& text, const xxgk::import_options& o = {}) {
    return xxgk::import_text(text, o);
}

/// The seed's cells as its text imports (the variants keep the seed's row 四: see seed_expected).
const xxgk::report& cangnan() {
    static const xxgk::report r = seed_expected();
    return r;
}

const xxgk::report& sample() {
    static const xxgk::report r = example("sample-2021.json");
    return r;
}

/// The 2021 example report printed as text in the seed's layout.
std::string sample_text(table_style style = table_style::tabs) { return as_text(sample(), style); }

/// The cells of a section 三 row, one per listed column ("enterprise" → "requests.ROW.enterprise").
std::vector<std::string> row_cells(const std::string& row, std::vector<std::string> columns) {
    for (std::string& c : columns) c = "requests." + row + "." + c;
    return columns;
}

/// The five columns between 自然人 and 总计: where a row printed as "1 1" shows no cell.
const std::vector<std::string> middle{"enterprise", "research_institute", "nonprofit", "legal_service", "other_org"};

/// The seed's cells, with `unseen` (and the seed's own, seed_unseen_cells) not captured.
xxgk::report cangnan_without(const std::vector<std::string>& unseen) { return with_not_captured(cangnan(), unseen); }

/// Every cell but those in `except` as the example has them.
void require_cells_except(const xxgk::report& got, const xxgk::report& expected, std::vector<std::string> except) {
    for (const xxgk::cell_key& k : xxgk::cell_keys(expected.format())) {
        if (std::find(except.begin(), except.end(), k.key) != except.end()) continue;
        const xxgk::cell& g = xxgk::cell_at(got, k.index);
        const xxgk::cell& e = xxgk::cell_at(expected, k.index);
        INFO(k.key << " printed \"" << printed(g) << "\"");
        CHECK(g.state() == e.state());
        CHECK(g.value() == e.value());
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The 2021 example as text: the helper's output imports back to the example (the baseline of the
// 2021 variants below).

TEST_CASE("variant 2021-tabs: the 2021 example printed like the seed imports back", "[import][variants][2021]") {
    const xxgk::import_result r = text_import(sample_text());
    REQUIRE(r.value.format() == xxgk::format_version::v2021);
    require_same_cells(r.value, sample());
    CHECK(r.value.header.body == sample().header.body);
    CHECK(r.value.header.year == 2022);
    CHECK(r.value.header.statistics_period->start == sample().header.statistics_period->start);
    CHECK(r.value.header.contact->email == sample().header.contact->email);
    CHECK(r.value.header.legal_bases == sample().header.legal_bases);
    REQUIRE(r.value.overview);
    CHECK(r.value.overview->subsections.size() == 5);
    CHECK(r.value.overview->subsections[0].title == "主动公开");
    CHECK(r.value.overview->subsections[0].paragraphs == sample().overview->subsections[0].paragraphs);
    CHECK(r.value.problems->paragraphs == sample().problems->paragraphs);
    CHECK(r.value.header.scope == xxgk::report_scope::own);
    // 六 says no fee was charged: the structured statement records it.
    REQUIRE(r.value.processing_fees);
    CHECK(r.value.processing_fees->charged == std::optional<bool>(false));
    CHECK(has(r, "XXGK-I-026"));
    CHECK(entry(r, "XXGK-I-001").message.find("本年制发件数") != std::string::npos);
    CHECK(xxgk::count_errors(xxgk::validate(r.value)) == 0);
}

TEST_CASE("variant 2021-spaces: whitespace-separated tables with every cell printed", "[import][variants][2021]") {
    const xxgk::import_result r = text_import(sample_text(table_style::spaces));
    require_same_cells(r.value, sample());
    CHECK(entries(r, "XXGK-I-050").empty());
    CHECK(entries(r, "XXGK-I-051").empty());
}

TEST_CASE("variant 2021-pipes: Markdown pipe tables", "[import][variants][2021]") {
    const xxgk::import_result r = text_import(sample_text(table_style::pipes));
    require_same_cells(r.value, sample());
}

// ---------------------------------------------------------------------------------------------
// Widths, spaces, split labels

TEST_CASE("variant full-width: full-width digits, brackets and punctuation", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "规范性文件\t28\t28\t226", "规范性文件\t２８\t２８\t２２６");
    t = replace_once(t, "\t(一) 予以公开\t116", "\t（一）予以公开\t１１６");
    t = replace_once(t, "\t(二) 部分公开(区分处理的,只计这一情形,不计其他情形)\t",
                     "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t");
    t = replace_once(t, "1. 属于国家秘密", "１．属于国家秘密");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(cell_text(r, "proactive.normative_documents.total_published") == "２２６");
    CHECK(entries(r, "XXGK-I-030").empty());  // width is not a typo
}

TEST_CASE("variant spaces-in-labels: line-break spaces inside labels", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "其他对外管理服务事项\t279", "其他对外 管理服务事项\t279");
    t = replace_once(t, "信息内容\t本年新制作数量\t本年新公开数量", "信息 内容\t本年新 制作数量\t本年新公开 数量");
    t = replace_once(t, "5. 属于三类内部事务信息", "5. 属于三类 内部事务 信息");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(entries(r, "XXGK-I-030").empty());
    CHECK(entries(r, "XXGK-I-036").empty());
}

TEST_CASE("variant split-label: a label broken over two lines", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "\t(二) 部分公开(区分处理的,只计这一情形,不计其他情形)\t20",
                     "\t(二) 部分公开(区分处理的,只计这一情形,\n\t不计其他情形)\t20");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    const xxgk::import_log_entry e = entry(r, "XXGK-I-028");
    CHECK(e.where->line == 200u);
    CHECK(cell_text(r, "requests.partially_granted.natural_person") == "20");
    CHECK(xxgk::cell_at(r.value, "requests.partially_granted.natural_person").source()->line == 201u);
}

TEST_CASE("variant split-label-proactive: a section 二 label broken over two lines", "[import][variants][point4]") {
    const std::string t = replace_once(seed_text(), "其他对外管理服务事项\t279", "其他对外管理服务\n事项\t279");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(entry(r, "XXGK-I-028").where->line == 180u);
    CHECK(entries(r, "XXGK-I-025").empty());
}

// ---------------------------------------------------------------------------------------------
// Typos, notes, traditional script, provincial extras (formats.md §12)

TEST_CASE("variant typo: 行政事业型收费 and (本列)数据…", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "行政事业性收费\t145", "行政事业型收费\t145");
    t = replace_once(t, "(本列数据的勾稽关系为", "(本列)数据的勾稽关系为");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    const xxgk::import_log_entry fee = entry(r, "XXGK-I-030", "proactive.fees");
    CHECK(fee.message.find("行政事业型收费") != std::string::npos);
    CHECK(fee.message.find("行政事业性收费") != std::string::npos);
    CHECK(fee.where->line == 187u);
    bool caption = false;
    for (const auto& e : entries(r, "XXGK-I-030"))
        caption = caption || e.message.find("(本列)数据") != std::string::npos;
    CHECK(caption);
}

TEST_CASE("variant traditional: 規範性檔案 and other traditional labels", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可",
                     "信息內容\t上一年項目數量\t本年增/減\t處理決定數量\n行政许可");
    t = replace_once(t, "规范性文件\t28", "規範性檔案\t28");
    t = replace_once(t, "行政许可\t851", "行政許可\t851");
    t = replace_once(t, "3. 补正后申请内容仍不明确", "3. 補正後申請內容仍不明確");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(has(r, "XXGK-I-032", "proactive.normative_documents"));
    CHECK(has(r, "XXGK-I-032", "proactive.licensing"));
    CHECK(has(r, "XXGK-I-032", "requests.unavailable_unclear"));
    CHECK(cell_text(r, "proactive.normative_documents.new_made") == "28");
}

TEST_CASE("variant notes: bracketed filling notes in labels (Hubei)", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "规章\t0\t0\t0", "规章（设区的市、自治州人民政府应提供相关数据）\t0\t0\t0");
    t = replace_once(t, "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚",
                     "信息内容\t上一年项目数量（指2019年事项数）\t本年增/减\t处理决定数量\n行政处罚");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    const xxgk::import_log_entry note = entry(r, "XXGK-I-031", "proactive.regulations");
    CHECK(note.where->line == 175u);
    CHECK(entries(r, "XXGK-I-031").size() == 2);  // the row and the column header
    CHECK(entries(r, "XXGK-I-036").empty());
}

TEST_CASE("variant hubei-extra: a provincial extra row is kept in the log, not invented as a cell",
          "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "规范性文件\t28\t28\t226\n", "规范性文件\t28\t28\t226\n其他主动公开文件\t3\t3\t10\n");
    t = replace_once(t, "行政强制\t143\t62\t642", "行政强制\t4\t4\t-");
    const xxgk::import_result r = text_import(t);
    require_cells_except(r.value, cangnan(),
                         {"proactive.compulsory_measures.prior_items", "proactive.compulsory_measures.change",
                          "proactive.compulsory_measures.decisions"});
    const xxgk::import_log_entry extra = entry(r, "XXGK-I-033");
    CHECK(extra.message.find("其他主动公开文件") != std::string::npos);
    CHECK(extra.message.find("3 | 3 | 10") != std::string::npos);
    CHECK(extra.where->line == 177u);
    // "-" as a value: not applicable, as printed.
    const xxgk::cell& decisions = xxgk::cell_at(r.value, "proactive.compulsory_measures.decisions");
    CHECK(decisions.state() == cell_state::not_applicable);
    CHECK(decisions.raw() == std::optional<std::string>("-"));
}

// ---------------------------------------------------------------------------------------------
// Page breaks

TEST_CASE("variant page-break: group label and header repeated inside section 三", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(
        t, "\t(四) 无法提供\t1. 本机关不掌握相关政府信息",
        "\t\t自然人\t法人或其他组织\t\t\t\t\t\t\n三、本年度办理结果\t(四) 无法提供\t1. 本机关不掌握相关政府信息");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    const xxgk::import_log_entry group = entry(r, "XXGK-I-034");
    CHECK(group.message.find("三、本年度办理结果") != std::string::npos);
    CHECK(group.where->line == 210u);
    CHECK(entry(r, "XXGK-I-035").where->line == 209u);
}

// ---------------------------------------------------------------------------------------------
// Cell values: units, markers, blanks, signs

TEST_CASE("variant units: 项, 件, 万元 and 元 written in cells", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "行政许可\t851\t289\t114163", "行政许可\t851项\t289项\t114163件");
    t = replace_once(t, "政府集中采购\t4944\t17424.88 万元", "政府集中采购\t4944\t174248800元");
    t = replace_once(t, "6\t2\t0\t1\t9\t33", "6件\t2件\t0\t1\t9\t33");
    const xxgk::import_result r = text_import(t);
    require_cells_except(r.value, cangnan(), {"proactive.procurement.amount"});
    CHECK(xxgk::cell_at(r.value, "proactive.licensing.decisions").value() == 114163);
    CHECK(cell_text(r, "proactive.licensing.decisions") == "114163件");
    const xxgk::cell& amount = xxgk::cell_at(r.value, "proactive.procurement.amount");
    CHECK(amount.value() == 174248800);
    CHECK(amount.unit() == xxgk::money_unit::yuan);
    CHECK(entries(r, "XXGK-I-041").empty());
}

TEST_CASE("variant unit-mismatch: 元 in a count cell is kept and logged", "[import][variants][point4]") {
    const std::string t = replace_once(seed_text(), "行政强制\t143\t62\t642", "行政强制\t143\t62\t642元");
    const xxgk::import_result r = text_import(t);
    CHECK(xxgk::cell_at(r.value, "proactive.compulsory_measures.decisions").value() == 642);
    const xxgk::import_log_entry e = entry(r, "XXGK-I-041", "proactive.compulsory_measures.decisions");
    CHECK(e.where->line == 184u);
}

TEST_CASE("variant markers: -, /, 不适用 are not applicable; blanks stay blank; text is unreadable",
          "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "行政事业性收费\t145\t2\t", "行政事业性收费\t/\t不适用\t");
    t = replace_once(t, "其他对外管理服务事项\t279\t137\t1342", "其他对外管理服务事项\t—\t137\t约1342");
    const xxgk::import_result r = text_import(t);
    CHECK(xxgk::cell_at(r.value, "proactive.fees.prior_items").state() == cell_state::not_applicable);
    CHECK(cell_text(r, "proactive.fees.prior_items") == "/");
    CHECK(xxgk::cell_at(r.value, "proactive.fees.change").state() == cell_state::not_applicable);
    CHECK(cell_text(r, "proactive.fees.change") == "不适用");
    CHECK(xxgk::cell_at(r.value, "proactive.other_services.prior_items").state() == cell_state::not_applicable);
    const xxgk::cell& text = xxgk::cell_at(r.value, "proactive.other_services.decisions");
    CHECK(text.state() == cell_state::text);
    CHECK(text.raw() == std::optional<std::string>("约1342"));
    const xxgk::import_log_entry unreadable = entry(r, "XXGK-I-040", "proactive.other_services.decisions");
    CHECK(unreadable.where->line == 180u);
    // Blanks are never zeros.
    CHECK(xxgk::cell_at(r.value, "requests.granted.research_institute").is_blank());
    CHECK(xxgk::cell_at(r.value, "requests.withheld_state_secret.total").is_blank());
}

TEST_CASE("variant signs: negative 本年增/减 written with other minus signs", "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "行政处罚\t2312\t-58", "行政处罚\t2312\t－58");
    t = replace_once(t, "行政强制\t143\t62", "行政强制\t143\t−62");
    const xxgk::import_result r = text_import(t);
    CHECK(xxgk::cell_at(r.value, "proactive.penalties.change").value() == -58);
    CHECK(xxgk::cell_at(r.value, "proactive.compulsory_measures.change").value() == -62);
    CHECK(cell_text(r, "proactive.penalties.change") == "－58");
}

TEST_CASE("variant all-zeros: a report that prints every cell keeps its explicit zeros", "[import][variants][point4]") {
    const xxgk::import_result r = text_import(sample_text());
    CHECK(xxgk::cell_at(r.value, "requests.withheld_state_secret.natural_person").is_number());
    CHECK(xxgk::cell_at(r.value, "requests.withheld_state_secret.natural_person").value() == 0);
    CHECK(xxgk::cell_at(r.value, "proactive.fees.amount").value() == xxgk::decimal(36482571, 6));
}

// ---------------------------------------------------------------------------------------------
// Headers and alignment

TEST_CASE("variant header-lost: a block without its header line is mapped by position and logged",
          "[import][variants][point4]") {
    const std::string t = replace_once(seed_text(), "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n", "");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    const xxgk::import_log_entry e = entry(r, "XXGK-I-036");
    CHECK(e.key == "proactive.regulations");
    CHECK(e.where->line == 174u);
}

TEST_CASE("variant header-truncated: 本年新 | 本年新 | 对外公开总数量 (a township report)",
          "[import][variants][point4]") {
    const std::string t = replace_once(seed_text(), "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
                                       "信息内容\t本年新\t本年新\t对外公开总数量");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(has(r, "XXGK-I-036", "proactive.regulations"));
}

TEST_CASE("variant short-row: a section 三 row whose blanks vanished is placed by the identities",
          "[import][variants][point5]") {
    // 二、上年结转 printed without its empty cells: "6" and "6" for seven columns.
    const std::string t = replace_once(seed_text(), "二、上年结转政府信息公开申请数量\t\t6\t\t\t\t\t\t6\t",
                                       "二、上年结转政府信息公开申请数量 6 6");
    const xxgk::import_result r = text_import(t);
    // The five columns between the 6s print no cell: not captured (blank before the trust rule).
    require_same_cells(r.value, cangnan_without(row_cells("carried_over", middle)));
    CHECK(has(r, "XXGK-I-043", "requests.carried_over"));
    const xxgk::import_log_entry e = entry(r, "XXGK-I-050", "requests.carried_over");
    CHECK(e.where->line == 198u);
    CHECK(e.candidates.size() > 1);
    CHECK(xxgk::cell_at(r.value, "requests.carried_over.natural_person").source()->column == 18u);
}

TEST_CASE("variant ambiguous-row: when the identities cannot place the values the cells are not captured",
          "[import][variants][point5]") {
    // The (七) 总计 row is lost, and 2.重复申请 1 … 1 is printed "1 1" in whitespace text: without the
    // column totals, R1–R3 cannot tell 自然人 from 商业企业 or 其他.
    std::string t = seed_text();
    t = replace_once(t, "\t(七) 总计\t222\t3\t\t\t\t3\t228\t\n", "");
    t = replace_once(t, "\t\t2. 重复申请\t1\t\t\t\t\t\t1", "2. 重复申请 1 1");
    const xxgk::import_result r = text_import(t);
    CHECK(has(r, "XXGK-I-038", "requests.total"));
    const xxgk::import_log_entry e = entry(r, "XXGK-I-051", "requests.not_handled_duplicate");
    CHECK(e.where->line == 213u);
    CHECK(e.candidates.size() >= 3);
    CHECK(e.message.find("自然人") != std::string::npos);
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_duplicate.total").value() == 1);  // every best reading agrees
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_duplicate.natural_person").state() == cell_state::not_captured);
    // Every best reading leaves 科研机构 without a token; "1 1" prints no empty cell, so it was
    // blank before the trust rule and is not captured now (XXGK-I-043).
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_duplicate.research_institute").state() ==
          cell_state::not_captured);
    CHECK(has(r, "XXGK-I-043", "requests.not_handled_duplicate"));
}

TEST_CASE("variant placed-row: whitespace rows whose blanks vanished, placed by R1–R3", "[import][variants][point5]") {
    std::string t = seed_text();
    t = replace_once(t, "\t\t2. 重复申请\t1\t\t\t\t\t\t1", "2. 重复申请 1 1");
    t = replace_once(t, "\t\t5. 要求行政机关确认或重新出具已获取信息\t1\t\t\t\t\t\t1",
                     "5. 要求行政机关确认或重新出具已获取信息 1 1");
    const xxgk::import_result r = text_import(t);
    // The identities place both 1s (自然人, 总计); the five columns between print no cell in
    // "1 1": not captured (they were blank before the trust rule).
    std::vector<std::string> unseen = row_cells("not_handled_duplicate", middle);
    for (const std::string& k : row_cells("not_handled_reissue", middle)) unseen.push_back(k);
    require_same_cells(r.value, cangnan_without(unseen));
    CHECK(has(r, "XXGK-I-043", "requests.not_handled_duplicate"));
    CHECK(has(r, "XXGK-I-043", "requests.not_handled_reissue"));
    CHECK(entry(r, "XXGK-I-050", "requests.not_handled_duplicate").candidates.size() > 6);
    CHECK(has(r, "XXGK-I-050", "requests.not_handled_reissue"));
}

// ---------------------------------------------------------------------------------------------
// Flattened digit runs (issue point 6)

TEST_CASE("variant flattened-ambiguous: 行政许可396442278 has many splits; cells unreadable, candidates listed",
          "[import][variants][point6]") {
    const std::string t = replace_once(seed_text(), "行政许可\t851\t289\t114163", "行政许可396442278");
    const xxgk::import_result r = text_import(t);
    for (const char* col : {"prior_items", "change", "decisions"}) {
        const xxgk::cell& c = xxgk::cell_at(r.value, std::string("proactive.licensing.") + col);
        INFO(col);
        CHECK(c.state() == cell_state::text);
        CHECK(c.raw() == std::optional<std::string>("396442278"));
        REQUIRE(c.source());
        CHECK(c.source()->line == 179u);
    }
    const xxgk::import_log_entry e = entry(r, "XXGK-I-061", "proactive.licensing");
    CHECK(e.where->line == 179u);
    CHECK(e.candidates.size() > 2);
    CHECK(std::find(e.candidates.begin(), e.candidates.end(), "上一年项目数量=396; 本年增/减=44; 处理决定数量=2278") !=
          e.candidates.end());
    // The rest of the report is untouched.
    require_cells_except(
        r.value, cangnan(),
        {"proactive.licensing.prior_items", "proactive.licensing.change", "proactive.licensing.decisions"});
}

TEST_CASE("variant flattened-unique: 规章000 splits one way only", "[import][variants][point6]") {
    const std::string t = replace_once(seed_text(), "规章\t0\t0\t0", "规章000");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    const xxgk::import_log_entry e = entry(r, "XXGK-I-060", "proactive.regulations");
    CHECK(e.candidates.size() == 1);
    CHECK(xxgk::cell_at(r.value, "proactive.regulations.new_published").source()->column == 4u);
}

TEST_CASE("variant flattened-requests: a section 三 run recovered by R1–R3", "[import][variants][point6]") {
    // (四) 1. 本机关不掌握相关政府信息: 58 1 … 59 flattened to "58159". R2 admits 58+1=59 and
    // 5+8+1+… splits; R1 and R3 of the other rows single out 自然人=58, 商业企业=1, 总计=59.
    const std::string t = replace_once(seed_text(), "\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t58\t1\t\t\t\t\t59",
                                       "(四) 无法提供 1.本机关不掌握相关政府信息58159");
    const xxgk::import_result r = text_import(t);
    // The run has no empty cells: the four columns without a part are not captured (they were
    // blank before the trust rule).
    require_same_cells(r.value, cangnan_without(row_cells("unavailable_not_held", {"research_institute", "nonprofit",
                                                                                   "legal_service", "other_org"})));
    CHECK(has(r, "XXGK-I-043", "requests.unavailable_not_held"));
    const xxgk::import_log_entry e = entry(r, "XXGK-I-060", "requests.unavailable_not_held");
    CHECK(e.where->line == 209u);
    CHECK(e.candidates.size() > 1);
}

TEST_CASE("variant flattened-requests-ambiguous: a run the identities cannot split", "[import][variants][point6]") {
    // 5.属于三类内部事务信息 1 … 1 2 flattened to "112" with the (七) 总计 row lost: R2 admits 1+1=2 in
    // any two columns and nothing pins the columns.
    std::string t = seed_text();
    t = replace_once(t, "\t(七) 总计\t222\t3\t\t\t\t3\t228\t\n", "");
    t = replace_once(t, "\t\t5. 属于三类内部事务信息\t1\t\t\t\t\t1\t2", "5. 属于三类内部事务信息112");
    const xxgk::import_result r = text_import(t);
    const xxgk::import_log_entry e = entry(r, "XXGK-I-061", "requests.withheld_internal_affairs");
    CHECK(e.where->line == 205u);
    CHECK(e.candidates.size() >= 3);
    for (const char* col : {"natural_person", "other_org", "total"}) {
        const xxgk::cell& c = xxgk::cell_at(r.value, std::string("requests.withheld_internal_affairs.") + col);
        CHECK(c.state() == cell_state::text);
        CHECK(c.raw() == std::optional<std::string>("112"));
    }
}

TEST_CASE("variant flattened-requests-pair: two runs settled one after the other by R1–R3",
          "[import][variants][point6]") {
    std::string t = seed_text();
    t = replace_once(t, "\t\t4. 保护第三方合法权益\t1\t\t\t\t\t\t1", "4. 保护第三方合法权益11");
    t = replace_once(t, "\t\t7. 属于行政执法案卷\t1\t\t\t\t\t\t1", "7. 属于行政执法案卷11");
    const xxgk::import_result r = text_import(t);
    // Runs print no empty cells: the five middle columns are not captured (blank before the trust rule).
    std::vector<std::string> unseen = row_cells("withheld_third_party", middle);
    for (const std::string& k : row_cells("withheld_enforcement_file", middle)) unseen.push_back(k);
    require_same_cells(r.value, cangnan_without(unseen));
    CHECK(has(r, "XXGK-I-060", "requests.withheld_third_party"));
    CHECK(has(r, "XXGK-I-060", "requests.withheld_enforcement_file"));
}

TEST_CASE("variant flattened-review: section 四 as one run, split by R5", "[import][variants][point6]") {
    // 2021 example: 2 1 0 1 4 | 1 0 0 1 2 | 1 0 0 0 1.
    const std::string t = replace_once(sample_text(), "2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1", "210141001210001");
    const xxgk::import_result r = text_import(t);
    const xxgk::import_log_entry* e = nullptr;
    for (const auto& x : r.log)
        if (x.key == "review_litigation" && (x.code == "XXGK-I-060" || x.code == "XXGK-I-061")) e = &x;
    REQUIRE(e);
    if (e->code == "XXGK-I-060") {
        require_same_cells(r.value, sample());
    } else {
        CHECK(xxgk::cell_at(r.value, "review_litigation.review.total").state() == cell_state::text);
        CHECK(e->candidates.size() > 1);
    }
}

TEST_CASE("variant flattened-2021-proactive: a single-column row is not a flattened run",
          "[import][variants][point6]") {
    // 行政许可486 in the 2021 format has one column: nothing to split.
    const std::string t = replace_once(sample_text(), "行政许可\t486\t\t", "行政许可486");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, sample());
    CHECK(entries(r, "XXGK-I-060").empty());
    CHECK(entries(r, "XXGK-I-061").empty());
}

// ---------------------------------------------------------------------------------------------
// Format detection (issue point 2)

TEST_CASE("variant format-vs-year: 2021 tables in a report dated 2020 — the tables decide",
          "[import][variants][point2]") {
    std::string t = sample_text();
    t = replace_once(t, "# 示例市生态环境局2022年政府信息公开工作年度报告",
                     "# 示例市生态环境局2020年政府信息公开工作年度报告");
    const xxgk::import_result r = text_import(t);
    CHECK(r.value.format() == xxgk::format_version::v2021);
    CHECK(r.value.header.year == 2020);
    CHECK(has(r, "XXGK-I-002"));
    CHECK(has(r, "XXGK-I-008"));  // the statistics period says 2022
}

TEST_CASE("variant format-notice: the cited notice alone never decides", "[import][variants][point2]") {
    // A 2019-format report citing the 2021 notice stays 2019.
    const std::string t = replace_all(seed_text(), "国办公开办函〔2019〕60号", "国办公开办函〔2021〕30号");
    const xxgk::import_result r = text_import(t);
    CHECK(r.value.format() == xxgk::format_version::v2019);
    require_same_cells(r.value, cangnan());
}

TEST_CASE("variant format-forced: the caller's format is kept and the disagreement logged",
          "[import][variants][point2]") {
    xxgk::import_options o;
    o.format = xxgk::format_version::v2021;
    const xxgk::import_result r = text_import(seed_text(), o);
    CHECK(r.value.format() == xxgk::format_version::v2021);
    CHECK(has(r, "XXGK-I-005"));
    CHECK(has(r, "XXGK-I-006"));
    // 2019 rows that do not exist in 2021 are logged, not invented.
    CHECK(has(r, "XXGK-I-033"));
}

TEST_CASE("variant format-mixed: labels of both formats", "[import][variants][point2]") {
    const std::string t = replace_once(seed_text(), "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
                                       "信息内容\t本年制发件数\t本年废止件数\t现行有效件数");
    const xxgk::import_result r = text_import(t);
    CHECK(r.value.format() == xxgk::format_version::v2019);  // most labels are 2019's
    CHECK(has(r, "XXGK-I-003"));
}

TEST_CASE("variant format-from-year: no table at all — the year decides, every cell not captured",
          "[import][variants][point2]") {
    const std::string seed = seed_text();
    const std::size_t a = seed.find("## 二、主动公开政府信息情况");
    const std::size_t b = seed.find("#### 五、存在的主要问题及改进情况");
    const std::string t = seed.substr(0, a) + seed.substr(b);
    const xxgk::import_result r = text_import(t);
    CHECK(r.value.format() == xxgk::format_version::v2019);
    CHECK(has(r, "XXGK-I-004"));
    CHECK(entries(r, "XXGK-I-039").size() == 3);
    CHECK(xxgk::cell_at(r.value, "requests.total.total").state() == cell_state::not_captured);
    CHECK(r.value.problems);
}

// ---------------------------------------------------------------------------------------------
// Everything else the log must explain

TEST_CASE("variant missing-row: a row that is not printed is not captured and logged", "[import][variants][point5]") {
    const std::string t = replace_once(seed_text(), "\t\t3. 要求提供公开出版物\t\t\t\t\t\t\t\n", "");
    const xxgk::import_result r = text_import(t);
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_publication.total").state() == cell_state::not_captured);
    CHECK(has(r, "XXGK-I-038", "requests.not_handled_publication"));
}

TEST_CASE("variant duplicate-row: a row printed twice with other values is not resolved silently",
          "[import][variants][point5]") {
    // Before issue 15 the first occurrence was kept (XXGK-I-037). Two occurrences with values that
    // differ are a conflict the importer cannot decide: the differing cells are not captured and
    // XXGK-I-045 lists both readings.
    const std::string t = replace_once(seed_text(), "规章\t0\t0\t0\n", "规章\t0\t0\t0\n规章\t1\t1\t1\n");
    const xxgk::import_result r = text_import(t);
    require_same_cells(
        r.value, with_not_captured(cangnan(), {"proactive.regulations.new_made", "proactive.regulations.new_published",
                                               "proactive.regulations.total_published"}));
    const xxgk::import_log_entry e = entry(r, "XXGK-I-045", "proactive.regulations");
    CHECK(e.where->line == 176u);
    CHECK(e.candidates.size() == 2);
    // Printed twice with the same values: the later one is ignored, as before.
    const xxgk::import_result same =
        text_import(replace_once(seed_text(), "规章\t0\t0\t0\n", "规章\t0\t0\t0\n规章\t0\t0\t0\n"));
    require_same_cells(same.value, cangnan());
    CHECK(entry(same, "XXGK-I-037", "proactive.regulations").where->line == 176u);
}

TEST_CASE("variant page-chrome: text around the report is skipped and logged", "[import][variants][point5]") {
    const std::string t = "首页 > 政务公开 > 政府信息公开年报\n发布时间：2021-01-29 来源：县府办 浏览次数：1024\n" +
                          seed_text() + "\n【打印本页】【关闭窗口】\n主办：苍南县人民政府办公室\n";
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(r.value.header.title == cangnan().header.title);
    CHECK(entry(r, "XXGK-I-016").where->line == 1u);
    CHECK(has(r, "XXGK-I-017"));
    CHECK(r.value.header.signature->date == cangnan().header.signature->date);
    CHECK(r.value.other_matters->paragraphs == cangnan().other_matters->paragraphs);
}

TEST_CASE("variant heading-typo: a stray character in a heading, headings in prose wording",
          "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "#### 四、政府信息公开行政复议、行政诉讼情况", "#### 四、政府信息公开行政复议、行政诉讼讼情况");
    t = replace_once(t, "#### 五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(entries(r, "XXGK-I-021").size() == 2);
    CHECK(r.value.problems->paragraphs == cangnan().problems->paragraphs);
}

TEST_CASE("variant prose-headings: the six items numbered （一）–（六） in the prose wording",
          "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "## 一、总体情况", "（一）总体情况");
    t = replace_once(t, "## 二、主动公开政府信息情况", "（二）行政机关主动公开政府信息情况");
    t = replace_once(t, "### 三、收到和处理政府信息公开申请情况", "（三）行政机关收到和处理政府信息公开申请情况");
    t = replace_once(t, "#### 四、政府信息公开行政复议、行政诉讼情况",
                     "（四）因政府信息公开工作被申请行政复议、提起行政诉讼情况");
    t = replace_once(t, "#### 五、存在的主要问题及改进情况", "（五）政府信息公开工作存在的主要问题及改进情况");
    t = replace_once(t, "## **六、其他需要报告的事项**", "（六）其他需要报告的事项");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    // Section 一's own subsections （一）–（六） are not taken for the items, though （二） speaks of 主动公开.
    REQUIRE(r.value.overview);
    CHECK(r.value.overview->heading == std::optional<std::string>("（一）总体情况"));
    CHECK(r.value.overview->subsections.size() == 6);
    CHECK(r.value.problems->paragraphs == cangnan().problems->paragraphs);
    CHECK(entries(r, "XXGK-I-021").size() == 4);
}

TEST_CASE("variant no-table-headings: tables that start their sections without a heading",
          "[import][variants][point4]") {
    std::string t = seed_text();
    t = replace_once(t, "## 二、主动公开政府信息情况\n", "");
    t = replace_once(t, "### 三、收到和处理政府信息公开申请情况\n", "");
    t = replace_once(t, "#### 四、政府信息公开行政复议、行政诉讼情况\n", "");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(entries(r, "XXGK-I-022").size() == 3);
    CHECK(r.value.overview->subsections.size() == 6);
}

TEST_CASE("variant invalid-utf8: bad bytes are replaced and logged", "[import][variants][point5]") {
    const std::string t = replace_once(seed_text(), "无。", "无\xFF。");
    const xxgk::import_result r = text_import(t);
    require_same_cells(r.value, cangnan());
    CHECK(entry(r, "XXGK-I-011").where->line);
    CHECK(r.value.other_matters->paragraphs.front() == "无\xEF\xBF\xBD。");
}

TEST_CASE("variant not-a-report: text that is not a report is refused with xxgk::error", "[import][variants]") {
    CHECK_THROWS_AS(xxgk::import_text("今天天气很好。\n我们去公园散步。\n"), xxgk::error);
    CHECK_THROWS_AS(xxgk::import_text(""), xxgk::error);
    // A news item about a report: its title, and nothing of a report.
    CHECK_THROWS_AS(xxgk::import_text("# 我县发布2020年政府信息公开工作年度报告\n\n近日，我县发布了年度报告。\n"),
                    xxgk::error);
    // One heading and a title are enough to try.
    CHECK_NOTHROW(xxgk::import_text("# 某县2020年政府信息公开工作年度报告\n\n## 一、总体情况\n\n略。\n"));
    try {
        xxgk::import_text("hello");
    } catch (const xxgk::error& e) {
        CHECK(e.code() == xxgk::errc::invalid_value);
        CHECK(std::string(e.what()).find("not a 政府信息公开工作年度报告") != std::string::npos);
    }
}

TEST_CASE("variant year-forced: the caller's year wins and disagreement is logged", "[import][variants][point2]") {
    xxgk::import_options o;
    o.year = 2019;
    const xxgk::import_result r = text_import(seed_text(), o);
    CHECK(r.value.header.year == 2019);
    CHECK(has(r, "XXGK-I-008"));
    CHECK(r.value.format() == xxgk::format_version::v2019);
}

TEST_CASE("variant json-round-trip: every variant survives import → JSON → load", "[import][variants][json]") {
    for (const std::string& t : {sample_text(), sample_text(table_style::spaces),
                                 replace_once(seed_text(), "行政许可\t851\t289\t114163", "行政许可396442278")}) {
        const xxgk::import_result r = text_import(t);
        const std::string json = xxgk::to_json(r.value);
        CHECK(xxgk::load_json(json) == r.value);
    }
}
