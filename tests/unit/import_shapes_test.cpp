// Text shapes seen on real reports (issue 15 part 1), fixtures in tests/data/import/shapes/:
// converter Markdown with a heading over every row, the whole page on one line, non-template
// numbering, page numbers and prose run into a row, pdftotext output with and without -layout.
// Each imports to the cells it prints — or to not_captured/unreadable cells, never a guess.
#include "import_fixtures.hpp"

#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace import_fixtures;
using xxgk::cell_state;

namespace {

std::string shape(const std::string& name) { return data("shapes/" + name); }

const xxgk::report& sample() {
    static const xxgk::report r = example("sample-2021.json");
    return r;
}

struct tally {
    std::size_t exact = 0, not_captured = 0, unreadable = 0, wrong = 0;
};

/// Every imported cell against `expected`: a number or blank must be the expected one (a wrong
/// value is the worst outcome); not_captured and unreadable cells are counted.
tally compare(const xxgk::report& got, const xxgk::report& expected) {
    tally t;
    for (const xxgk::cell_key& k : xxgk::cell_keys(expected.format())) {
        const xxgk::cell& g = xxgk::cell_at(got, k.index);
        const xxgk::cell& e = xxgk::cell_at(expected, k.index);
        if (g.state() == cell_state::not_captured) {
            ++t.not_captured;
        } else if (g.state() == cell_state::text) {
            ++t.unreadable;
        } else if (g.state() == e.state() && g.value() == e.value() && g.unit() == e.unit()) {
            ++t.exact;
        } else {
            ++t.wrong;
            UNSCOPED_INFO(k.key << " read as \"" << printed(g) << "\", printed \"" << printed(e) << "\"");
        }
    }
    return t;
}

}  // namespace

TEST_CASE("shape md-heading-rows: a heading over every row, header cells on lines of their own", "[import][shapes]") {
    const xxgk::import_result r = xxgk::import_text(shape("md-heading-rows.txt"));
    REQUIRE(r.value.format() == xxgk::format_version::v2021);
    require_same_cells(r.value, sample());
    // Each heading names its row; the pipe row after it, with values, is the one read.
    CHECK(has(r, "XXGK-I-046", "requests.received"));
    CHECK(has(r, "XXGK-I-046", "requests.carried_forward"));
    CHECK(entries(r, "XXGK-I-037").empty());
    CHECK(entries(r, "XXGK-I-042").empty());
    // "### 四、结转下年度继续办理" is a row's heading, not section 四.
    CHECK(!has(r, "XXGK-I-022"));
    CHECK(xxgk::cell_at(r.value, "requests.other_misc.total").value() == 1);  // "### 3.其他" is no header cell
}

TEST_CASE("shape md-heading-rows: two occurrences with different values are logged, not resolved", "[import][shapes]") {
    std::string t = shape("md-heading-rows.txt");
    const std::string row = "| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
    t = replace_once(t, row + "\n", row + "\n" + "| 2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n");
    const xxgk::import_result r = xxgk::import_text(t);
    const xxgk::import_log_entry e = entry(r, "XXGK-I-045", "requests.not_handled_duplicate");
    CHECK(e.message.find("自然人") != std::string::npos);
    CHECK(e.candidates.size() == 2);
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_duplicate.natural_person").state() == cell_state::not_captured);
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_duplicate.total").state() == cell_state::not_captured);
    CHECK(xxgk::cell_at(r.value, "requests.not_handled_duplicate.enterprise").value() == 0);  // agreed
    // The same values twice: nothing to resolve.
    const xxgk::import_result same =
        xxgk::import_text(replace_once(shape("md-heading-rows.txt"), row + "\n", row + "\n" + row + "\n"));
    require_same_cells(same.value, sample());
    CHECK(has(same, "XXGK-I-037", "requests.not_handled_duplicate"));
}

TEST_CASE("shape numbering-omitted: 复议诉讼 numbered 三、 when 二 is omitted", "[import][shapes]") {
    const xxgk::import_result r = xxgk::import_text(shape("numbering-omitted.txt"));
    REQUIRE(r.value.format() == xxgk::format_version::v2021);
    CHECK(has(r, "XXGK-I-048"));
    CHECK(has(r, "XXGK-I-039", "proactive"));  // the omitted table: not captured, never invented
    std::vector<std::string> proactive;
    for (const xxgk::cell_key& k : xxgk::cell_keys(r.value.format()))
        if (k.section == "proactive") proactive.push_back(k.key);
    require_same_cells(r.value, with_not_captured(sample(), proactive));
    REQUIRE(r.value.problems);  // 四、存在的主要问题… is section 五
    CHECK(!r.value.problems->paragraphs.empty());
}

TEST_CASE("shape numbering-none: no section headings at all", "[import][shapes]") {
    const xxgk::import_result r = xxgk::import_text(shape("numbering-none.txt"));
    require_same_cells(r.value, sample());
    CHECK(has(r, "XXGK-I-022"));
}

TEST_CASE("shape page-number-appended: a page number and a prose line after a table's last row", "[import][shapes]") {
    const xxgk::import_result r = xxgk::import_text(shape("page-number-appended.txt"));
    require_same_cells(r.value, sample());
    CHECK(entry(r, "XXGK-I-047", "requests.carried_forward").message.find("— 6 —") != std::string::npos);
    CHECK(entry(r, "XXGK-I-047", "review_litigation").message.find("注：") != std::string::npos);
}

TEST_CASE("shape pdftotext -layout: columns by spaces; label-only rows are not captured",
          "[import][shapes][pdftotext]") {
    for (const char* year : {"2019", "2021"}) {
        INFO(year);
        const xxgk::report expected =
            xxgk::load_json_file(std::string(XXGK_TEST_DATA) + "/import/shapes/pdftotext-" + year + ".expected.json");
        const xxgk::import_result r = xxgk::import_text(shape(std::string("pdftotext-layout-") + year + ".txt"));
        REQUIRE(r.value.format() == expected.format());
        const tally t = compare(r.value, expected);
        CHECK(t.wrong == 0);
        CHECK(t.unreadable == 0);
        if (std::string(year) == "2019") {
            // Every printed value is read; the 140 blank cells of the report are rows printed as a
            // label alone — pdftotext drops empty cells, so none of them is seen: not captured.
            CHECK(t.exact == 58u);
            CHECK(t.not_captured == 140u);
            CHECK(xxgk::cell_at(r.value, "proactive.normative_documents.total_published").value() == 58);
            CHECK(has(r, "XXGK-I-042", "requests.carried_over"));
        } else {
            // Labels broken over lines cost three rows (21 cells): not captured, logged.
            CHECK(t.exact == 179u);
            CHECK(t.not_captured == 21u);
        }
        for (const xxgk::cell_key& k : xxgk::cell_keys(r.value.format()))
            CHECK(!xxgk::cell_at(r.value, k.index).is_blank());
    }
}

TEST_CASE("shape pdftotext without -layout: one cell per line is read only where certain, nothing is guessed",
          "[import][shapes][pdftotext]") {
    for (const char* year : {"2019", "2021"}) {
        INFO(year);
        const xxgk::report expected =
            xxgk::load_json_file(std::string(XXGK_TEST_DATA) + "/import/shapes/pdftotext-" + year + ".expected.json");
        const xxgk::import_result r = xxgk::import_text(shape(std::string("pdftotext-") + year + ".txt"));
        REQUIRE(r.value.format() == expected.format());
        const tally t = compare(r.value, expected);
        CHECK(t.wrong == 0);
        CHECK(t.unreadable == 0);
        // Section 四: the one run of 15 values whose groups add up (R5); section 二: the columns
        // whose headers pair with their blocks in one way only; section 三: six values per row in
        // the order printed, its 总计 column printed apart (at the head of 四) equal to every row's
        // sum — read in 2021; in 2019 its blank cells print nothing, the count does not fit, and
        // section 三 stays not captured.
        CHECK(has(r, "XXGK-I-064", "review_litigation"));
        CHECK(xxgk::cell_at(r.value, "review_litigation.litigation_direct.total").value() ==
              xxgk::cell_at(expected, "review_litigation.litigation_direct.total").value());
        if (std::string(year) == "2019") {
            CHECK(has(r, "XXGK-I-063", "requests"));
            CHECK(has(r, "XXGK-I-063", "review_litigation"));  // section 三's stray values, not placed
            for (const xxgk::cell_key& k : xxgk::cell_keys(r.value.format()))
                if (k.section == "requests") CHECK(xxgk::cell_at(r.value, k.index).state() == cell_state::not_captured);
            // 二: 规章, 规范性文件, 政府集中采购, and 行政事业性收费 (its one-value headers can only be its own);
            // 上一年项目数量, 本年增/减, 处理决定数量 of （五） and （六） print two values each: two pairings.
            CHECK(t.exact == 25u);
            CHECK(t.not_captured == 173u);
            CHECK(has(r, "XXGK-I-063", "proactive"));
            CHECK(xxgk::cell_at(r.value, "proactive.licensing.decisions").state() == cell_state::not_captured);
        } else {
            CHECK(has(r, "XXGK-I-064", "requests"));
            CHECK_FALSE(has(r, "XXGK-I-063", "review_litigation"));  // the 总计 run was section 三's
            // The value printed after a label cut inside its bracket, and a 总计 from the run apart.
            CHECK(xxgk::cell_at(r.value, "requests.partially_granted.natural_person").value() ==
                  xxgk::cell_at(expected, "requests.partially_granted.natural_person").value());
            CHECK(xxgk::cell_at(r.value, "requests.received.total").value() ==
                  xxgk::cell_at(expected, "requests.received.total").value());
            CHECK(t.exact == 200u);  // 二 (10), 三 (175), 四 (15)
            CHECK(t.not_captured == 0u);
            CHECK(xxgk::cell_at(r.value, "proactive.licensing.decisions").value() == 877);
        }
        for (const xxgk::cell_key& k : xxgk::cell_keys(r.value.format()))
            CHECK(!xxgk::cell_at(r.value, k.index).is_blank());
    }
}

TEST_CASE("shape pdftotext without -layout: section 三 is read only when the 总计 printed apart agrees with every row",
          "[import][shapes][pdftotext]") {
    std::string t = shape("pdftotext-2021.txt");
    // The first row (一、本年新收…) prints 21 5 0 0 3 1; its 总计 apart says 30. One digit changed
    // in the row: no run of 总计 values fits any more, nothing of section 三 is placed.
    const std::string row = "一、本年新收政府信息公开申请数量\n21\n5\n";
    const std::size_t at = t.find(row);
    REQUIRE(at != std::string::npos);
    t.replace(at, row.size(), "一、本年新收政府信息公开申请数量\n21\n6\n");
    const xxgk::import_result r = xxgk::import_text(t);
    CHECK(has(r, "XXGK-I-063", "requests"));
    CHECK_FALSE(has(r, "XXGK-I-064", "requests"));
    for (const xxgk::cell_key& k : xxgk::cell_keys(r.value.format()))
        if (k.section == "requests") CHECK(xxgk::cell_at(r.value, k.index).state() == cell_state::not_captured);
    // One value fewer: the count of six per row does not fit.
    std::string shorter = shape("pdftotext-2021.txt");
    shorter.replace(shorter.find(row), row.size(), "一、本年新收政府信息公开申请数量\n21\n");
    const xxgk::import_result s2 = xxgk::import_text(shorter);
    CHECK(has(s2, "XXGK-I-063", "requests"));
    CHECK(xxgk::cell_at(s2.value, "requests.received.natural_person").state() == cell_state::not_captured);
}

TEST_CASE("shape one-line-pipes: the whole page on one line, cells separated by \" | \"",
          "[import][shapes][one-line]") {
    const std::string t = shape("one-line-pipes.txt");
    REQUIRE(std::count(t.begin(), t.end(), '\n') == 1);
    const xxgk::import_result r = xxgk::import_text(t);
    REQUIRE(r.value.format() == xxgk::format_version::v2021);
    require_same_cells(r.value, sample());
    CHECK(has(r, "XXGK-I-049"));
    CHECK(r.value.header.year == 2022);
    REQUIRE(r.value.header.signature);
    CHECK(r.value.header.signature->body == std::optional<std::string>("示例市生态环境局"));
    // Provenance stays on the one line, at the cell's column.
    const xxgk::cell& c = xxgk::cell_at(r.value, "requests.received.total");
    REQUIRE(c.source());
    CHECK(c.source()->line == 1u);
    REQUIRE(c.source()->column);
    CHECK(*c.source()->column > 100u);
}

TEST_CASE("shape one-line-run: the whole page on one line, digits of neighbouring cells run together",
          "[import][shapes][one-line]") {
    const xxgk::import_result r = xxgk::import_text(shape("one-line-run.txt"));
    REQUIRE(r.value.format() == xxgk::format_version::v2021);
    CHECK(has(r, "XXGK-I-049"));
    const tally t = compare(r.value, sample());
    CHECK(t.wrong == 0);  // what cannot be split with certainty is unreadable, never guessed
    CHECK(t.exact == 78u);
    CHECK(t.unreadable == 122u);
    // "规章000" has one split; "行政规范性文件3117" has six: unreadable, its run kept as raw text.
    CHECK(xxgk::cell_at(r.value, "proactive.regulations.in_force").value() == 0);
    const xxgk::cell& run = xxgk::cell_at(r.value, "proactive.normative_documents.in_force");
    CHECK(run.state() == cell_state::text);
    CHECK(run.raw() == std::optional<std::string>("3117"));
    CHECK(has(r, "XXGK-I-061", "proactive.normative_documents"));
}
