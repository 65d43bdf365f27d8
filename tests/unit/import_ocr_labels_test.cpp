// Row labels OCR mangled beyond the tolerant matcher, read by their place between two rows
// (docs/import.md, "Scanned pages"): only on pages read by OCR, only when exactly one official row
// lies between the rows printed before and after, the label resembles it and a printed ordinal
// agrees. The documents are the examples printed as text (import_fixtures.hpp) with their blocks
// put on page 1 and that page marked as read by OCR — what the table reader sees of a scan — and
// the same document without the mark (a text layer).
#include <xxgk/import.hpp>
#include <xxgk/keys.hpp>

#include <catch2/catch.hpp>

#include "../../src/import/assemble.hpp"
#include "../../src/import/document.hpp"
#include "../../src/import/fold.hpp"
#include "../../src/import/vocab.hpp"
#include "import_fixtures.hpp"

#include <algorithm>

namespace {

using import_fixtures::replace_once;

/// The text read as a scanned page 1 would be (`scanned`), or as a text layer.
xxgk::import_result read(const std::string& text, bool scanned) {
    xxgk::import_detail::document d = xxgk::import_detail::read_text(text);
    for (xxgk::import_detail::block& b : d.blocks) b.where.page = 1;
    if (scanned) d.ocr_pages = {1};
    return xxgk::import_detail::assemble(std::move(d), {});
}

/// The text read as two scanned pages, the second from the line holding `page_2` on.
xxgk::import_result read_two_pages(const std::string& text, const std::string& page_2) {
    const std::size_t at = text.find(page_2);
    REQUIRE(at != std::string::npos);
    const auto line =
        static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1);
    xxgk::import_detail::document d = xxgk::import_detail::read_text(text);
    for (xxgk::import_detail::block& b : d.blocks) b.where.page = b.where.line && *b.where.line >= line ? 2 : 1;
    d.ocr_pages = {1, 2};
    return xxgk::import_detail::assemble(std::move(d), {});
}

std::vector<const xxgk::import_log_entry*> entries(const xxgk::import_result& r, std::string_view code,
                                                   std::string_view key = {}) {
    std::vector<const xxgk::import_log_entry*> out;
    for (const xxgk::import_log_entry& e : r.log)
        if (e.code == code && (key.empty() || e.key == key)) out.push_back(&e);
    return out;
}

/// Every cell of `row` in section 三 is as the report prints it.
void check_row(const xxgk::import_result& got, const xxgk::report& printed, std::string_view row) {
    std::size_t n = 0;
    for (const xxgk::cell_key& k : xxgk::cell_keys(printed.format())) {
        if (k.section != "requests" || k.row != row) continue;
        INFO(k.key);
        const xxgk::cell& c = xxgk::cell_at(got.value, k.index);
        const xxgk::cell& want = xxgk::cell_at(printed, k.index);
        REQUIRE(c.state() == want.state());
        if (want.is_number()) CHECK(c.value() == want.value());
        ++n;
    }
    CHECK(n == 7);
}

/// Every cell of `row` is not captured and the row is logged as not found (XXGK-I-038).
void check_lost(const xxgk::import_result& got, std::string_view row) {
    for (const xxgk::cell_key& k : xxgk::cell_keys(got.value.format()))
        if (k.section == "requests" && k.row == row)
            CHECK(xxgk::cell_at(got.value, k.index).state() == xxgk::cell_state::not_captured);
    CHECK(entries(got, "XXGK-I-038", "requests." + std::string(row)).size() == 1);
}

const std::string internal_affairs = "5.属于三类内部事务信息";
const std::string needs_creation = "2.没有现成信息需要另行制作";

}  // namespace

TEST_CASE("read_ocr_ordinal: what a garbled ordinal parses as", "[import]") {
    using xxgk::import_detail::fold;
    using xxgk::import_detail::read_ocr_ordinal;
    const auto parsed = [](std::string_view s) {
        const xxgk::import_detail::ocr_ordinal o = read_ocr_ordinal(fold(s));
        return o.parses ? o.value : -100;
    };
    CHECK(parsed("5.属于三类内部事务信息") == 5);
    CHECK(parsed("5- 三 内部于务信息") == 5);         // the point read as a dash
    CHECK(parsed("2.2没有现成信息需要另行币") == 2);  // the digit read twice: the first run counts
    CHECK(parsed("5属于三类") == 5);                  // the point lost
    CHECK(parsed("22没有现成信息") == 22);            // no row has it: disagrees with every row
    CHECK(parsed("123属于") == -1);
    CHECK(parsed("（六）具他处埋") == 6);
    CHECK(parsed("三 内部于务信息") == -100);  // no ordinal: tells nothing
    CHECK(parsed("属于三类") == -100);
    // The prefix the resemblance leaves out: the digits and punctuation around the ordinal.
    CHECK(read_ocr_ordinal(fold("2.2没有")).length == 3);
    CHECK(read_ocr_ordinal(fold("5- 三")).length == 2);
    CHECK(xxgk::import_detail::common_subsequence(U"三内部于务信息", U"属于三类内部事务信息") == 6);
    CHECK(xxgk::import_detail::common_subsequence(U"", U"属于") == 0);
}

TEST_CASE("import (OCR): a mangled row label is read by its place between two rows", "[import]") {
    const xxgk::report sample = import_fixtures::example("sample-2021.json");
    std::string text = import_fixtures::as_text(sample);
    // hongze-2023 scanned at 200 dpi, as Tesseract read it.
    text = replace_once(text, internal_affairs, "5- 三 内部于务信息");
    text = replace_once(text, needs_creation, "2.2没有现成信息需要另行币");

    const xxgk::import_result got = read(text, true);
    check_row(got, sample, "withheld_internal_affairs");
    check_row(got, sample, "unavailable_needs_creation");
    CHECK(entries(got, "XXGK-I-038").empty());
    CHECK(entries(got, "XXGK-I-033").empty());
    const auto placed = entries(got, "XXGK-I-030", "requests.withheld_internal_affairs");
    REQUIRE(placed.size() == 1);
    CHECK(placed[0]->level == xxgk::severity::warning);
    CHECK(placed[0]->message == "label \"5- 三 内部于务信息\" read as \"5.属于三类内部事务信息\" by its place between "
                                "4.保护第三方合法权益 and 6.属于四类过程性信息 (6 of its 10 characters in order)");
    const auto second = entries(got, "XXGK-I-030", "requests.unavailable_needs_creation");
    REQUIRE(second.size() == 1);
    CHECK(second[0]->message ==
          "label \"2.2没有现成信息需要另行币\" read as \"2.没有现成信息需要另行制作\" by its place between "
          "1.本机关不掌握相关政府信息 and 3.补正后申请内容仍不明确 (10 of its 12 characters in order)");
    REQUIRE(placed[0]->where);  // the label's own place (a text's line and column)
    CHECK(placed[0]->where->line);
    CHECK(placed[0]->where->column == 3u);  // after the two empty label positions "\t\t"
    // Every other row as the unmangled scan reads it (the two rows' columns moved with their labels).
    const xxgk::import_result clean = read(import_fixtures::as_text(sample), true);
    for (const xxgk::cell_key& k : xxgk::cell_keys(sample.format())) {
        if (k.row == "withheld_internal_affairs" || k.row == "unavailable_needs_creation") continue;
        INFO(k.key);
        CHECK(xxgk::cell_at(got.value, k.index) == xxgk::cell_at(clean.value, k.index));
    }
}

TEST_CASE("import (OCR): a ruled row printing only empty boxes is read by its place", "[import]") {
    // a4-sans-2021 scanned at 200 dpi: 2.没有现成信息需要另行制作 prints 7 empty boxes and its label
    // is read "2.□没有4信息1另行□". A row with no value may be the start of a label that goes on in
    // the next line — but not a row of a table read from its rules, whose label is whole in its box.
    xxgk::report sample = import_fixtures::example("sample-2021.json");
    for (const xxgk::cell_key& k : xxgk::cell_keys(sample.format()))
        if (k.section == "requests" && k.row == "unavailable_needs_creation")
            xxgk::cell_at(sample, k.index) = xxgk::cell::blank();
    const std::string text = replace_once(import_fixtures::as_text(sample), needs_creation, "2.□没有4信息1另行□");
    const auto read_ruled = [&](bool ruled, bool split = false) {
        xxgk::import_detail::document d = xxgk::import_detail::read_text(text);
        for (xxgk::import_detail::block& b : d.blocks) {
            b.where.page = 1;
            b.ruled = ruled && b.type == xxgk::import_detail::block::kind::row;
            // The next row taken for the rest of this one, split by a page break.
            b.split_continuation = split && b.text.rfind("3.补正", 0) == 0;
        }
        d.ocr_pages = {1};
        return xxgk::import_detail::assemble(std::move(d), {});
    };
    SECTION("ruled: read by its place, its boxes blank") {
        const xxgk::import_result got = read_ruled(true);
        check_row(got, sample, "unavailable_needs_creation");
        const auto placed = entries(got, "XXGK-I-030", "requests.unavailable_needs_creation");
        REQUIRE(placed.size() == 1);
        CHECK(placed[0]->message.find("by its place between 1.本机关不掌握相关政府信息 and 3.补正后申请内容仍不明确") !=
              std::string::npos);
    }
    SECTION("not ruled: taken for the start of a label, the row not found") {
        check_lost(read_ruled(false), "unavailable_needs_creation");
    }
    SECTION("ruled, but a page break may have split it: its empty boxes may hold what the next row prints") {
        check_lost(read_ruled(true, true), "unavailable_needs_creation");
    }
}

TEST_CASE("import (OCR): a row is not read by its place when the rule does not hold", "[import]") {
    const xxgk::report sample = import_fixtures::example("sample-2021.json");
    const std::string text = import_fixtures::as_text(sample);
    const auto not_placed = [&](const std::string& mangled, const std::string& printed) {
        const xxgk::import_result got = read(mangled, true);
        check_lost(got, "withheld_internal_affairs");
        CHECK(entries(got, "XXGK-I-030", "requests.withheld_internal_affairs").empty());
        const auto kept = entries(got, "XXGK-I-033");
        REQUIRE(kept.size() == 1);
        CHECK(kept[0]->message.find("row \"" + printed + "\" is not a row of the 2021 format") == 0);
        return got;
    };
    SECTION("two official rows between the neighbours (row 6 lost too)") {
        std::string t = replace_once(text, internal_affairs, "5- 三 内部于务信息");
        const std::size_t at = t.find("6.属于四类过程性信息");
        t.erase(t.rfind('\n', at) + 1, t.find('\n', at) - t.rfind('\n', at));
        const xxgk::import_result got = not_placed(t, "5- 三 内部于务信息");
        check_lost(got, "withheld_process_info");
    }
    SECTION("the neighbour after it is no row (row 6 mangled too)") {
        std::string t = replace_once(text, internal_affairs, "5- 三 内部于务信息");
        t = replace_once(t, "6.属于四类过程性信息", "6- 四 甲乙丙丁");
        const xxgk::import_result got = read(t, true);
        check_lost(got, "withheld_internal_affairs");
        check_lost(got, "withheld_process_info");
        CHECK(entries(got, "XXGK-I-033").size() == 2);
    }
    SECTION("the label keeps fewer than half of the official characters") {
        // 三内信息 are 4 of the 10 characters of 属于三类内部事务信息.
        not_placed(replace_once(text, internal_affairs, "5-三内信息乙丙"), "5-三内信息乙丙");
    }
    SECTION("the official characters are fewer than half of the printed ones") {
        // 7 of 10 official characters kept, but 7 of 18 printed.
        not_placed(replace_once(text, internal_affairs, "5-三内部事务信息甲乙丙丁戊己庚辛壬癸子"),
                   "5-三内部事务信息甲乙丙丁戊己庚辛壬癸子");
    }
    SECTION("the printed ordinal is another row's") {
        not_placed(replace_once(text, internal_affairs, "3- 三 内部于务信息"), "3- 三 内部于务信息");
    }
    SECTION("the ordinal's digit read twice without a point") {
        not_placed(replace_once(text, internal_affairs, "55三内部于务信息"), "55三内部于务信息");
    }
    SECTION("the row is read elsewhere in the table") {
        // Row 5 printed again after row 8: the mangled line is no second reading of it.
        std::string t = replace_once(text, internal_affairs, "5- 三 内部于务信息");
        const std::size_t at = text.find(internal_affairs);
        const std::string line = text.substr(text.rfind('\n', at) + 1, text.find('\n', at) - text.rfind('\n', at));
        const std::size_t after = t.find('\n', t.find("8.属于行政查询事项")) + 1;
        t.insert(after, line);
        const xxgk::import_result got = read(t, true);
        check_row(got, sample, "withheld_internal_affairs");
        CHECK(entries(got, "XXGK-I-030", "requests.withheld_internal_affairs").empty());
        CHECK(entries(got, "XXGK-I-033").size() == 1);
    }
    SECTION("the page has a text layer: never by place") {
        std::string t = replace_once(text, internal_affairs, "5- 三 内部于务信息");
        t = replace_once(t, needs_creation, "2.2没有现成信息需要另行币");
        const xxgk::import_result got = read(t, false);
        check_lost(got, "withheld_internal_affairs");
        check_lost(got, "unavailable_needs_creation");
        CHECK(entries(got, "XXGK-I-033").size() == 2);
        for (const xxgk::import_log_entry* e : entries(got, "XXGK-I-030"))
            CHECK(e->message.find("by its place") == std::string::npos);
    }
}

TEST_CASE("import (OCR): the 2019 format's （六）其他处理 read by its place", "[import]") {
    const std::string text = import_fixtures::seed_text();
    // 具他处埋 is two characters from 其他处理: beyond the matcher's tolerance for four characters.
    const std::string mangled = replace_once(text, "(六) 其他处理", "(六) 具他处埋");
    const xxgk::import_result clean = read(text, true);
    const xxgk::import_result got = read(mangled, true);
    const auto placed = entries(got, "XXGK-I-030", "requests.other");
    REQUIRE(placed.size() == 1);
    CHECK(placed[0]->message == "label \"(六) 具他处埋\" read as \"（六）其他处理\" by its place between "
                                "5.要求行政机关确认或重新出具已获取信息 "
                                "and （七）总计 (2 of its 4 characters in order)");
    for (const xxgk::cell_key& k : xxgk::cell_keys(got.value.format())) {
        INFO(k.key);
        CHECK(xxgk::cell_at(got.value, k.index) == xxgk::cell_at(clean.value, k.index));
    }
    // Not on a text layer, and not with another ordinal.
    check_lost(read(mangled, false), "other");
    check_lost(read(replace_once(text, "(六) 其他处理", "(五) 具他处埋"), true), "other");
}

TEST_CASE("import (OCR): a page number at the page break stands between no two rows", "[import]") {
    const xxgk::report sample = import_fixtures::example("sample-2021.json");
    std::string text = replace_once(import_fixtures::as_text(sample), needs_creation, "2.2没有现成信息需要另行币");
    // hongze-2023's page 3 ends with row 2 of （四）; its page number "- 3 -" read as "- LD" with the value "-".
    const std::string next = "3.补正后申请内容仍不明确";
    const auto with_footer = [&](const std::string& footer) {
        const std::size_t at = text.find(next);
        return std::string(text).insert(text.rfind('\n', at) + 1, footer + "\n");
    };
    const std::string key = "requests.unavailable_needs_creation";
    SECTION("the last line of its page: page chrome") {
        const xxgk::import_result got = read_two_pages(with_footer("- LD\t-"), next);
        check_row(got, sample, "unavailable_needs_creation");
        const auto placed = entries(got, "XXGK-I-030", key);
        REQUIRE(placed.size() == 1);
        CHECK(placed[0]->message.find("by its place between 1.本机关不掌握相关政府信息 and 3.补正后申请内容仍不明确") !=
              std::string::npos);
        const auto footer = entries(got, "XXGK-I-033");
        REQUIRE(footer.size() == 1);
        CHECK(footer[0]->message.find("row \"- LD\" is not a row") == 0);
    }
    SECTION("inside the page: a line that may be a row") {
        const xxgk::import_result got = read_two_pages(with_footer("- LD\t-"), "1.信访举报投诉类申请");
        check_lost(got, "unavailable_needs_creation");
        CHECK(entries(got, "XXGK-I-033").size() == 2);
    }
    SECTION("with two values, or a Chinese character: a line that may be a row") {
        for (const std::string footer : {"- LD\t-\t3", "- 三\t-"}) {
            INFO(footer);
            const xxgk::import_result got = read_two_pages(with_footer(footer), next);
            check_lost(got, "unavailable_needs_creation");
            CHECK(entries(got, "XXGK-I-033").size() == 2);
        }
    }
}

TEST_CASE("import (OCR): a row of section 二 read by its place, under its own 第二十条 item", "[import]") {
    const xxgk::report sample = import_fixtures::example("sample-2021.json");
    const std::string text = import_fixtures::as_text(sample);
    // 行攻许叮 is two characters from 行政许可: beyond the matcher's tolerance for four characters.
    const std::string mangled = replace_once(text, "\n行政许可\t", "\n行攻许叮\t");
    const auto proactive_row = [&](const xxgk::import_result& got, std::string_view row) {
        std::vector<xxgk::cell_state> states;
        for (const xxgk::cell_key& k : xxgk::cell_keys(sample.format())) {
            if (k.section != "proactive" || k.row != row) continue;
            INFO(k.key);
            const xxgk::cell& c = xxgk::cell_at(got.value, k.index);
            states.push_back(c.state());
            if (c.is_number()) CHECK(c.value() == xxgk::cell_at(sample, k.index).value());
        }
        return states;
    };
    const xxgk::import_result got = read(mangled, true);
    const auto placed = entries(got, "XXGK-I-030", "proactive.licensing");
    REQUIRE(placed.size() == 1);
    CHECK(placed[0]->message ==
          "label \"行攻许叮\" read as \"行政许可\" by its place between 行政规范性文件 and 行政处罚 (2 of its 4 "
          "characters in order)");
    const auto read_states = proactive_row(got, "licensing");
    REQUIRE(!read_states.empty());
    for (xxgk::cell_state st : read_states) CHECK(st == xxgk::cell_state::number);
    CHECK(entries(got, "XXGK-I-038", "proactive.licensing").empty());

    // On a text layer: not read.
    const xxgk::import_result layer = read(mangled, false);
    for (xxgk::cell_state st : proactive_row(layer, "licensing")) CHECK(st == xxgk::cell_state::not_captured);
    CHECK(entries(layer, "XXGK-I-038", "proactive.licensing").size() == 1);

    // Printed under another item's caption (第二十条第（五）项 read where （六） stands): 行政处罚 is
    // the one row between 行政许可 and 行政强制, but it belongs to item （六）.
    std::string elsewhere = replace_once(text, "\n行政处罚\t", "\n行玫处罸\t");
    elsewhere = replace_once(elsewhere, "第二十条第（六）项", "第二十条第（五）项");
    const xxgk::import_result moved = read(elsewhere, true);
    CHECK(entries(moved, "XXGK-I-030", "proactive.penalties").empty());
    CHECK(entries(moved, "XXGK-I-038", "proactive.penalties").size() == 1);
    // The same rows under their own caption: read by place.
    const xxgk::import_result own = read(replace_once(text, "\n行政处罚\t", "\n行玫处罸\t"), true);
    const auto own_placed = entries(own, "XXGK-I-030", "proactive.penalties");
    REQUIRE(own_placed.size() == 1);
    CHECK(own_placed[0]->message.find("by its place between 行政许可 and 行政强制") != std::string::npos);
}
