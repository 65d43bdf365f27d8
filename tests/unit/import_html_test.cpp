// xxgk::import_html: pages in the official layout (rowspan/colspan), wrapped in page chrome and a
// layout table; a 2021 report, also served as GBK; short rows, repeated headers, broken markup;
// provenance as table/row/cell; and render_html → import_html round trips.
#include "import_fixtures.hpp"

#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/render.hpp>
#include <xxgk/validate.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace import_fixtures;
using xxgk::cell_state;

namespace {

/// Paragraphs compared with their white space collapsed (HTML collapses tabs into spaces).
std::vector<std::string> collapsed(const std::vector<std::string>& ps) {
    std::vector<std::string> out;
    for (std::string p : ps) {
        std::string s;
        for (char c : p) {
            const bool space = c == ' ' || c == '\t';
            if (space && (s.empty() || s.back() == ' ')) continue;
            s += space ? ' ' : c;
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        out.push_back(s);
    }
    return out;
}

void require_same_narrative(const std::optional<xxgk::narrative_section>& got,
                            const std::optional<xxgk::narrative_section>& expected) {
    REQUIRE(got.has_value() == expected.has_value());
    if (!got) return;
    CHECK(got->heading == expected->heading);
    CHECK(got->paragraphs == expected->paragraphs);
    REQUIRE(got->subsections.size() == expected->subsections.size());
    for (std::size_t i = 0; i < got->subsections.size(); ++i) {
        CHECK(got->subsections[i].ordinal == expected->subsections[i].ordinal);
        CHECK(got->subsections[i].title == expected->subsections[i].title);
        CHECK(got->subsections[i].paragraphs == expected->subsections[i].paragraphs);
    }
    REQUIRE(got->foreign_blocks.size() == expected->foreign_blocks.size());
    for (std::size_t i = 0; i < got->foreign_blocks.size(); ++i) {
        CHECK(got->foreign_blocks[i].after_subsection == expected->foreign_blocks[i].after_subsection);
        CHECK(got->foreign_blocks[i].heading == expected->foreign_blocks[i].heading);
        CHECK(collapsed(got->foreign_blocks[i].paragraphs) == collapsed(expected->foreign_blocks[i].paragraphs));
    }
}

/// The official-layout table of section 三 of the seed, as a page fragment to vary.
std::string requests_page(const std::string& carried_forward_row, bool page_break = false) {
    std::string rows;
    const auto tr = [&](const std::string& cells) { rows += "<tr>" + cells + "</tr>\n"; };
    const auto v = [](std::initializer_list<const char*> vals) {
        std::string s;
        for (const char* x : vals) s += std::string("<td>") + x + "</td>";
        return s;
    };
    tr("<td rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td "
       "colspan=\"7\">申请人情况</td>");
    tr("<td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td>");
    tr("<td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>");
    tr("<td colspan=\"3\">一、本年新收政府信息公开申请数量</td>" + v({"228", "3", "", "", "", "3", "234"}));
    tr("<td colspan=\"3\">二、上年结转政府信息公开申请数量</td>" + v({"6", "", "", "", "", "", "6"}));
    tr("<td rowspan=\"20\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>" +
       v({"116", "2", "", "", "", "1", "119"}));
    tr("<td colspan=\"2\">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>" +
       v({"20", "", "", "", "", "1", "21"}));
    const char* withheld[] = {"1.属于国家秘密",       "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                              "4.保护第三方合法权益", "5.属于三类内部事务信息",     "6.属于四类过程性信息",
                              "7.属于行政执法案卷",   "8.属于行政查询事项"};
    const std::vector<std::vector<const char*>> wv = {{"", "", "", "", "", "", ""},    {"2", "", "", "", "", "", ""},
                                                      {"", "", "", "", "", "", ""},    {"1", "", "", "", "", "", "1"},
                                                      {"1", "", "", "", "", "1", "2"}, {"8", "", "", "", "", "", "8"},
                                                      {"1", "", "", "", "", "", "1"},  {"3", "", "", "", "", "", "3"}};
    for (int i = 0; i < 8; ++i) {
        std::string cells = i == 0 ? "<td rowspan=\"8\">（三）不予公开</td>" : "";
        cells += std::string("<td>") + withheld[i] + "</td>";
        for (const char* x : wv[static_cast<std::size_t>(i)]) cells += std::string("<td>") + x + "</td>";
        tr(cells);
    }
    tr("<td rowspan=\"3\">（四）无法提供</td><td>1.本机关不掌握相关政府信息</td>" +
       v({"58", "1", "", "", "", "", "59"}));
    tr("<td>2.没有现成信息需要另行制作</td>" + v({"", "", "", "", "", "", ""}));
    tr("<td>3.补正后申请内容仍不明确</td>" + v({"1", "", "", "", "", "", "1"}));
    tr("<td rowspan=\"5\">（五）不予处理</td><td>1.信访举报投诉类申请</td>" + v({"", "", "", "", "", "", ""}));
    tr("<td>2.重复申请</td>" + v({"1", "", "", "", "", "", "1"}));
    tr("<td>3.要求提供公开出版物</td>" + v({"", "", "", "", "", "", ""}));
    tr("<td>4.无正当理由大量反复申请</td>" + v({"", "", "", "", "", "", ""}));
    tr("<td>5.要求行政机关确认或重新出具已获取信息</td>" + v({"1", "", "", "", "", "", "1"}));
    if (page_break) {
        // The table continues on the next page: a new table, the header printed again, the
        // group label 三、本年度办理结果 printed again over the remaining rows.
        rows += "</table>\n<p>— 2 —</p>\n<table>\n";
        tr("<th rowspan=\"2\" colspan=\"3\"></th><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th>"
           "<th rowspan=\"2\">总计</th>");
        tr("<th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th>");
        tr("<td rowspan=\"2\">三、本年度办理结果</td><td colspan=\"2\">（六）其他处理</td>" +
           v({"9", "", "", "", "", "", "9"}));
    } else {
        tr("<td colspan=\"2\">（六）其他处理</td>" + v({"9", "", "", "", "", "", "9"}));
    }
    tr("<td colspan=\"2\">（七）总计</td>" + v({"222", "3", "", "", "", "3", "228"}));
    rows += carried_forward_row;
    return "<html><body><h1>苍南县人民政府2020年政府信息公开工作年度报告</h1>\n<h2>三、收到和处理政府信息公开申请情况</"
           "h2>\n"
           "<table>\n" +
           rows + "</table>\n</body></html>\n";
}

}  // namespace

TEST_CASE("import_html: the seed as a portal page — every cell, chrome ignored", "[import][html]") {
    const xxgk::report expected = example("cangnan-2020.json");
    const xxgk::import_result r = xxgk::import_html(data("cangnan-2020.html"));
    REQUIRE(r.value.format() == xxgk::format_version::v2019);
    require_same_cells(r.value, expected);
    const xxgk::report_header& h = r.value.header;
    CHECK(h.body == "苍南县人民政府");
    CHECK(h.year == 2020);
    CHECK(h.title == expected.header.title);
    CHECK(h.preamble == expected.header.preamble);
    CHECK(h.legal_bases == expected.header.legal_bases);
    CHECK(h.contact->phone == expected.header.contact->phone);
    CHECK(h.signature->date == expected.header.signature->date);
    CHECK(h.publication_date == xxgk::calendar_date{2021, 1, 29});
    require_same_narrative(r.value.overview, expected.overview);
    require_same_narrative(r.value.problems, expected.problems);
    require_same_narrative(r.value.other_matters, expected.other_matters);
    // Page chrome: logged, and none of it in the report.
    const xxgk::import_log_entry chrome = entry(r, "XXGK-I-012");
    for (const char* what : {"nav", "script", "style", "footer", "div.share", "div.breadcrumb", "div.sidebar"})
        CHECK(chrome.message.find(what) != std::string::npos);
    const std::string json = xxgk::to_json(r.value);
    for (const char* leak : {"分享到", "版权所有", "当前位置", "统计代码", "打印本页", "政府信息公开指南"})
        CHECK(json.find(leak) == std::string::npos);
    // The seed's real defect, found after import.
    const auto findings = xxgk::validate(r.value);
    REQUIRE(xxgk::count_errors(findings) == 1);
    CHECK(findings.front().key == "requests.withheld_prohibited_by_law.total");
}

TEST_CASE("import_html: provenance is table, row and cell", "[import][html][provenance]") {
    const xxgk::import_result r = xxgk::import_html(data("cangnan-2020.html"));
    for (const xxgk::cell_key& k : xxgk::cell_keys(r.value.format())) {
        const xxgk::cell& c = xxgk::cell_at(r.value, k.index);
        INFO(k.key);
        REQUIRE(c.source());
        CHECK(c.source()->table);
        CHECK(c.source()->row);
        CHECK(c.source()->cell);
        CHECK(c.raw());
    }
    // Table 0 is the page's layout table; 二 is table 1, 三 table 2, 四 table 3.
    const xxgk::cell& licensing = xxgk::cell_at(r.value, "proactive.licensing.decisions");
    CHECK(*licensing.source() == xxgk::provenance{std::nullopt, std::nullopt, 1u, 6u, 3u, std::nullopt, std::nullopt});
    // （一）予以公开 is row 5 of table 2; its label cell is preceded by the rowspan cell 三、本年度办理结果,
    // so 自然人 is the row's third cell (index 2).
    const xxgk::cell& granted = xxgk::cell_at(r.value, "requests.granted.natural_person");
    CHECK(*granted.source() == xxgk::provenance{std::nullopt, std::nullopt, 2u, 5u, 2u, std::nullopt, std::nullopt});
    // The next row starts with its own label: 自然人 is cell 1.
    const xxgk::cell& partial = xxgk::cell_at(r.value, "requests.partially_granted.natural_person");
    CHECK(*partial.source() == xxgk::provenance{std::nullopt, std::nullopt, 2u, 6u, 1u, std::nullopt, std::nullopt});
    const xxgk::cell& pending = xxgk::cell_at(r.value, "review_litigation.litigation_after_review.total");
    CHECK(*pending.source() == xxgk::provenance{std::nullopt, std::nullopt, 3u, 3u, 14u, std::nullopt, std::nullopt});
}

TEST_CASE("import_html: a 2021 report, also as GBK", "[import][html][2021]") {
    const xxgk::report expected = example("sample-2021.json");
    for (const char* name : {"sample-2021.html", "sample-2021-gbk.html"}) {
        INFO(name);
        const xxgk::import_result r = xxgk::import_html(data(name));
        REQUIRE(r.value.format() == xxgk::format_version::v2021);
        require_same_cells(r.value, expected);
        CHECK(r.value.header.body == expected.header.body);
        CHECK(r.value.header.contact->email == expected.header.contact->email);
        CHECK(r.value.header.publication_date == expected.header.publication_date);
        require_same_narrative(r.value.overview, expected.overview);
        CHECK(r.value.processing_fees->charged == std::optional<bool>(false));
        CHECK(entry(r, "XXGK-I-001").message.find("本年收费金额") != std::string::npos);
        CHECK(xxgk::count_errors(xxgk::validate(r.value)) == 0);
    }
}

TEST_CASE("import_html: a short row in a rowspan/colspan table is aligned by the identities", "[import][html]") {
    // 四、结转下年度继续办理 with six cells: the last 12 is 总计 (R1), not 其他.
    const std::string short_row =
        "<tr><td "
        "colspan=\"3\">四、结转下年度继续办理</td><td>12</td><td></td><td></td><td></td><td></td><td>12</td></tr>\n";
    const xxgk::import_result r = xxgk::import_html(requests_page(short_row));
    CHECK(xxgk::cell_at(r.value, "requests.carried_forward.natural_person").value() == 12);
    CHECK(xxgk::cell_at(r.value, "requests.carried_forward.total").value() == 12);
    // Six <td> for seven columns: the five between the 12s were blank before the trust rule; the
    // row prints four empty cells for them, so none is a seen empty cell: not captured (I-043).
    CHECK(xxgk::cell_at(r.value, "requests.carried_forward.other_org").state() == xxgk::cell_state::not_captured);
    CHECK(has(r, "XXGK-I-043", "requests.carried_forward"));
    const xxgk::import_log_entry e = entry(r, "XXGK-I-050", "requests.carried_forward");
    REQUIRE(e.where);
    CHECK(e.where->table == 0u);
    CHECK(e.where->row == 25u);
    // Every other row of 三 lines up with the header: no other decision.
    CHECK(entries(r, "XXGK-I-050").size() == 1);
    CHECK(xxgk::cell_at(r.value, "requests.other.total").value() == 9);
    // Sections without a table are reported, not invented.
    CHECK(has(r, "XXGK-I-039", "proactive"));
    CHECK(xxgk::cell_at(r.value, "proactive.regulations.new_made").state() == cell_state::not_captured);
}

TEST_CASE("import_html: a table split by a page break, header and group label repeated", "[import][html]") {
    const std::string full = "<tr><td "
                             "colspan=\"3\">四、结转下年度继续办理</td><td>12</td><td></td><td></td><td></td><td></"
                             "td><td></td><td>12</td></tr>\n";
    const xxgk::import_result r = xxgk::import_html(requests_page(full, true));
    const xxgk::import_log_entry header = entry(r, "XXGK-I-035");
    CHECK(header.where->table == 1u);
    const xxgk::import_log_entry group = entry(r, "XXGK-I-034");
    CHECK(group.where->table == 1u);
    CHECK(group.where->row == 2u);
    CHECK(entry(r, "XXGK-I-025").message.find("— 2 —") != std::string::npos);
    CHECK(entries(r, "XXGK-I-050").empty());
    const xxgk::report expected = example("cangnan-2020.json");
    for (const xxgk::cell_key& k : xxgk::cell_keys(expected.format())) {
        if (k.section != "requests") continue;
        INFO(k.key);
        const xxgk::cell& g = xxgk::cell_at(r.value, k.index);
        CHECK(g.state() == xxgk::cell_at(expected, k.index).state());
        CHECK(g.value() == xxgk::cell_at(expected, k.index).value());
    }
}

TEST_CASE("import_html: broken markup and entities are recovered", "[import][html]") {
    const std::string page =
        "<html><body><h1>某县人民政府2020年政府信息公开工作年度报告</"
        "h1><p>本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
        "<h2>二、主动公开政府信息情况</h2><table><tr><td "
        "colspan=4>第二十条第（一）项<tr><td>信息内容<td>本年新制作数量<td>本年新公开数量"
        "<td>对外公开总数量<tr><td>规章<td>&nbsp;0&nbsp;<td>0<td>0<tr><td>规范性文件<td>1<td>2<td>&#51;</table>"
        "<h2>六、其他需要报告的事项</h2><p>无。<p>某县人民政府<p>2021年1月20日";
    const xxgk::import_result r = xxgk::import_html(page);
    CHECK(r.value.header.body == "某县人民政府");
    CHECK(r.value.header.statistics_period->end == xxgk::calendar_date{2020, 12, 31});
    CHECK(xxgk::cell_at(r.value, "proactive.regulations.new_made").value() == 0);
    CHECK(xxgk::cell_at(r.value, "proactive.normative_documents.total_published").value() == 3);
    CHECK(r.value.other_matters->paragraphs == std::vector<std::string>{"无。"});
    CHECK(r.value.header.signature->body == std::optional<std::string>("某县人民政府"));
    CHECK(has(r, "XXGK-I-038", "proactive.licensing"));
}

TEST_CASE("import_text and import_html from several threads at once", "[import][html][threads]") {
    const std::string text = seed_text();
    const std::string html = data("cangnan-2020.html");
    const std::string want_text = xxgk::to_json(xxgk::import_text(text).value);
    const std::string want_html = xxgk::to_json(xxgk::import_html(html).value);
    std::vector<std::thread> threads;
    std::atomic<int> same{0};
    for (int t = 0; t < 6; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 3; ++i) {
                const bool as_html = (t + i) % 2 == 0;
                const std::string got =
                    xxgk::to_json(as_html ? xxgk::import_html(html).value : xxgk::import_text(text).value);
                if (got == (as_html ? want_html : want_text)) ++same;
            }
        });
    for (std::thread& th : threads) th.join();
    CHECK(same == 18);
}

TEST_CASE("import_html: a page that is not a report is refused", "[import][html]") {
    CHECK_THROWS_AS(xxgk::import_html("<html><body><nav>首页</nav><p>欢迎访问</p></body></html>"), xxgk::error);
    CHECK_THROWS_AS(xxgk::import_html(""), xxgk::error);
}

TEST_CASE("import_html: render_html → import_html gives back the same cells", "[import][html][render]") {
    for (const char* name : {"cangnan-2020.json", "sample-2021.json"}) {
        INFO(name);
        const xxgk::report original = example(name);
        for (const bool standalone : {true, false}) {
            xxgk::render_options o;
            o.standalone = standalone;
            const std::string page = xxgk::render_html(original, o);
            const xxgk::import_result r = xxgk::import_html(page);
            require_same_cells(r.value, original);
            CHECK(r.value.header.body == original.header.body);
            CHECK(r.value.header.year == original.header.year);
            CHECK(r.value.header.title == original.header.title);
            CHECK(r.value.header.preamble == original.header.preamble);
            CHECK(r.value.header.signature->date == original.header.signature->date);
            require_same_narrative(r.value.overview, original.overview);
            require_same_narrative(r.value.problems, original.problems);
            require_same_narrative(r.value.other_matters, original.other_matters);
            CHECK(entries(r, "XXGK-I-050").empty());
            CHECK(entries(r, "XXGK-I-051").empty());
        }
    }
}

TEST_CASE("import_html: the import of the import's rendering is stable", "[import][html][render]") {
    const xxgk::import_result first = xxgk::import_text(seed_text());
    const xxgk::import_result second = xxgk::import_html(xxgk::render_html(first.value));
    require_same_cells(second.value, first.value);
}
