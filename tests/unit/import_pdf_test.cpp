// xxgk::import_pdf: a real published report (hongze-2023.pdf, made with WPS) against its 200 cells
// read by eye, its two printed defects found by validation; PDFs printed by headless Chromium from
// generated reports (tests/data/import/pdf/make_pdf_fixtures.py) cell by cell against the generator;
// encrypted, damaged and image-only PDFs refused with their error codes.
#include <xxgk/error.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/validate.hpp>

#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include "../../src/import/assemble.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <iostream>
#include <set>

namespace {

const std::string pdf_dir = std::string(XXGK_TEST_DATA) + "/import/pdf/";

std::string describe(const xxgk::cell& c) {
    switch (c.state()) {
        case xxgk::cell_state::number: return "number " + c.value().to_string();
        case xxgk::cell_state::blank: return "blank";
        case xxgk::cell_state::not_applicable: return "not_applicable";
        case xxgk::cell_state::text: return "text " + c.raw().value_or("");
        case xxgk::cell_state::not_captured: return "not_captured";
    }
    return "?";
}

bool has_code(const std::vector<xxgk::import_log_entry>& log, std::string_view code) {
    for (const auto& e : log)
        if (e.code == code) return true;
    return false;
}

/// Counts of a cell-by-cell comparison of an import with the report it must give.
struct tally {
    std::size_t compared = 0, exact = 0;
    std::vector<std::string> missed;  ///< keys left not captured, with what was printed
};

/// Compares every cell of `got` with `want`: a cell left `not_captured` is a shortfall (listed);
/// any other difference — a wrong value, a wrong unit, a blank claimed where something was
/// printed — fails the test.
void compare_cells(const xxgk::report& want, const xxgk::report& got, tally& t) {
    for (const xxgk::cell_key& k : xxgk::cell_keys(want.format())) {
        const xxgk::cell& w = xxgk::cell_at(want, k.index);
        const xxgk::cell& g = xxgk::cell_at(got, k.index);
        ++t.compared;
        if (g.state() == xxgk::cell_state::not_captured) {
            t.missed.push_back(std::string(k.key) + " (printed: " + describe(w) + ")");
            continue;
        }
        INFO(k.key << ": got " << describe(g) << ", expected " << describe(w));
        const bool same = g.state() == w.state() &&
                          (!w.is_number() || (g.value() == w.value() && g.unit() == w.unit())) &&
                          (w.state() != xxgk::cell_state::text || g.raw() == w.raw());
        CHECK(same);
        t.exact += same;
    }
}

}  // namespace

TEST_CASE("import_pdf: hongze-2023, all 200 cells as read by eye", "[pdf][import]") {
    const xxgk::import_result r = xxgk::import_pdf(xxgk::read_file(pdf_dir + "hongze-2023.pdf"));
    const boost::json::object expected =
        boost::json::parse(xxgk::read_file(pdf_dir + "hongze-2023.cells.json")).as_object().at("cells").as_object();
    CHECK(r.value.format() == xxgk::format_version::v2021);
    CHECK(r.value.header.year == 2023);
    std::size_t exact = 0, deduced = 0;
    for (const auto& [key, want] : expected) {
        const xxgk::cell& got = xxgk::cell_at(r.value, std::string_view(key.data(), key.size()));
        INFO(std::string(key) << ": " << describe(got) << ", expected " << boost::json::serialize(want));
        xxgk::decimal value;
        if (want.is_int64()) {
            value = xxgk::decimal(want.as_int64());
        } else if (want.as_object().contains("deduced")) {
            value = xxgk::decimal(want.as_object().at("deduced").as_int64());
            ++deduced;
            // A deduced cell has no raw text, and the parent row's provenance.
            CHECK_FALSE(got.raw());
            REQUIRE(got.source());
            CHECK(got.source()->page == 4u);
        } else {
            value = *xxgk::decimal::parse(want.as_object().at("decimal").as_string().c_str());
            CHECK(got.unit() != xxgk::money_unit::yuan);
        }
        CHECK(got.is_number());
        CHECK(got.value() == value);
        if (got.is_number() && got.value() == value) ++exact;
        // Every printed cell has its page and box.
        REQUIRE(got.source());
        CHECK(got.source()->page);
        CHECK(got.source()->box);
    }
    CHECK(expected.size() == 200);
    CHECK(exact == 200);
    CHECK(deduced == 21);
    CHECK(has_code(r.log, "XXGK-I-073"));
    CHECK(has_code(r.log, "XXGK-I-070"));  // the page numbers -1- … -5-

    // The printed report's two defects: 行政复议 总计 and 复议后起诉 总计 printed 0.
    std::set<std::string> keys;
    for (const xxgk::finding& f : xxgk::validate(r.value))
        if (f.severity == xxgk::severity::error) keys.insert(f.key);
    CHECK(keys.count("review_litigation.review.total"));
    CHECK(keys.count("review_litigation.litigation_after_review.total"));
}

TEST_CASE("import_pdf: provenance of a printed cell is its page and box", "[pdf][import]") {
    const xxgk::import_result r = xxgk::import_pdf(xxgk::read_file(pdf_dir + "hongze-2023.pdf"));
    // 4119 行政处罚 is printed at the top of page 3.
    const xxgk::cell& c = xxgk::cell_at(r.value, "proactive.penalties.decisions");
    REQUIRE(c.source());
    CHECK(c.raw() == std::optional<std::string>("4119"));
    CHECK(c.source()->page == 3u);
    CHECK(c.source()->box->top < c.source()->box->bottom);
    CHECK(c.source()->table);
}

// Tables drawn with rules are read box by box (src/import/pdf_rules.cpp reads the rules with qpdf):
// a row printed with every box empty is blank only where the rules show the boxes — the same
// report printed with and without borders; a number wrapped over lines in its box is one number.
TEST_CASE("import_pdf: tables read from their rules, box by box", "[pdf][import]") {
    const auto load = [](const std::string& name) {
        return xxgk::import_pdf(xxgk::read_file(pdf_dir + "generated/" + name + ".pdf"));
    };
    const auto keys_of = [](const xxgk::report& r, std::string_view prefix) {
        std::vector<std::string> out;
        for (const xxgk::cell_key& k : xxgk::cell_keys(r.format()))
            if (std::string_view(k.key).substr(0, prefix.size()) == prefix) out.emplace_back(k.key);
        return out;
    };
    SECTION("section 四, its one row of 15 boxes printed empty, with borders: 15 blanks, each with its box") {
        const xxgk::import_result r = load("a4-wqy-2021");
        const std::vector<std::string> keys = keys_of(r.value, "review_litigation.");
        REQUIRE(keys.size() == 15);
        double last_left = -1;
        for (const std::string& k : keys) {
            const xxgk::cell& c = xxgk::cell_at(r.value, k);
            INFO(k);
            CHECK(c.state() == xxgk::cell_state::blank);
            REQUIRE(c.source());
            REQUIRE(c.source()->box);
            CHECK(c.source()->page == 2u);
            // Boxes left to right in the national order, none reused.
            const double left = std::stod(c.source()->box->left.to_string());
            CHECK(left > last_left);
            last_left = left;
        }
        CHECK(has_code(r.log, "XXGK-I-075"));
    }
    SECTION("the same row printed without borders: nothing shows the boxes, not captured") {
        const xxgk::import_result r = load("noborders-serif-2021");
        for (const std::string& k : keys_of(r.value, "review_litigation.")) {
            INFO(k);
            CHECK(xxgk::cell_at(r.value, k).state() == xxgk::cell_state::not_captured);
        }
        CHECK_FALSE(has_code(r.log, "XXGK-I-075"));
    }
    SECTION("numbers wrapped over two to four lines in narrow boxes, at the top and bottom of a page too") {
        const xxgk::import_result r = load("wrapped-numbers-wqy-2021");
        // "98" "76" "54" stacked in one box at the top of page 2 (not a page number).
        const xxgk::cell& in_force = xxgk::cell_at(r.value, "proactive.normative_documents.in_force");
        CHECK(in_force.raw() == std::optional<std::string>("987654"));
        REQUIRE(in_force.source());
        CHECK(in_force.source()->page == 2u);
        // "20" "23" "12" "31" at the bottom of page 2.
        CHECK(xxgk::cell_at(r.value, "requests.withheld_third_party.natural_person").raw() ==
              std::optional<std::string>("20231231"));
        bool joined = false;
        for (const auto& e : r.log)
            joined = joined || (e.code == "XXGK-I-075" && e.message.find("wrapped over lines") != std::string::npos);
        CHECK(joined);
    }
    SECTION("四、结转下年度继续办理 printed empty below the table's last value row: 7 blanks") {
        const xxgk::import_result r = load("blank-row-2021");
        const std::vector<std::string> keys = keys_of(r.value, "requests.carried_forward.");
        REQUIRE(keys.size() == 7);
        for (const std::string& k : keys) {
            INFO(k);
            CHECK(xxgk::cell_at(r.value, k).state() == xxgk::cell_state::blank);
        }
    }
}

// A third producer: the Word fixtures of tests/data/import/docx printed to PDF by LibreOffice
// (tests/data/import/pdf/libreoffice/make.sh). Its tables are drawn with rules and its rows break
// across pages: a label begun at the foot of one page goes on at the head of the next, its value
// boxes there empty. Those empty boxes must never read as blanks: the two pieces are joined when
// they make a row label (XXGK-I-076), every cell compared with the .docx fixture's own.
TEST_CASE("import_pdf: LibreOffice prints of the Word fixtures, rows split by page breaks", "[pdf][import]") {
    const std::string dir = pdf_dir + "libreoffice/";
    std::vector<std::filesystem::path> pdfs;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
    std::sort(pdfs.begin(), pdfs.end());
    REQUIRE(pdfs.size() >= 10);
    tally t;
    std::size_t joined = 0;
    for (const auto& path : pdfs) {
        const std::string name = path.stem().string();
        INFO(name);
        const xxgk::report want =
            xxgk::load_json(xxgk::read_file(std::string(XXGK_TEST_DATA) + "/import/docx/" + name + ".expected.json"));
        const xxgk::import_result r = xxgk::import_pdf(xxgk::read_file(path.string()));
        REQUIRE(r.value.format() == want.format());
        for (const auto& e : r.log)
            joined += e.code == "XXGK-I-076" && e.message.rfind("row split by a page break joined", 0) == 0;
        const std::size_t before = t.missed.size();
        compare_cells(want, r.value, t);
        for (std::size_t m = before; m < t.missed.size(); ++m)
            std::cout << "[pdf-libreoffice] " << name << ": not captured " << t.missed[m] << "\n";
    }
    const std::size_t compared = t.compared, exact = t.exact, shortfall = t.missed.size();
    std::cout << "[pdf-libreoffice] " << pdfs.size() << " files, " << compared << " cells compared, " << exact
              << " exact, " << shortfall << " not captured, " << joined << " rows split by a page break joined\n";
    CHECK(exact + shortfall == compared);
    // blanks-2021: the header of 三 broken over two pages leaves "其他" taken for the row 3.其他,
    // whose printed row is then a duplicate without values (XXGK-I-037): 7 cells not captured.
    CHECK(shortfall <= 7);
    CHECK(joined >= 4);
    // The split row of subsection-headings-2021: "5.要" at the foot of page 3, its values beside it.
    const xxgk::import_result r = xxgk::import_pdf(xxgk::read_file(dir + "subsection-headings-2021.pdf"));
    const xxgk::cell& c = xxgk::cell_at(r.value, "requests.not_handled_reissue.natural_person");
    CHECK(c.state() == xxgk::cell_state::number);
    REQUIRE(c.source());
    CHECK(c.source()->page == 3u);
}

// The decision on a row that may go on from the page before, on rows made by hand: joined only
// when the two label pieces make a row label; else its empty boxes are not blanks.
TEST_CASE("import_pdf: a row split by a page break is joined by its label, or its empty boxes are not blank",
          "[pdf][import]") {
    using xxgk::import_detail::block;
    using xxgk::import_detail::src_cell;
    const auto row = [](std::vector<std::string> texts, bool continuation) {
        block b;
        b.type = block::kind::row;
        b.split_continuation = continuation;
        for (std::string& t : texts) {
            src_cell c;
            c.text = std::move(t);
            b.cells.push_back(std::move(c));
        }
        return b;
    };
    std::deque<block> made;
    std::vector<xxgk::import_log_entry> log;
    SECTION("\"5.要\" + \"求行政机关确认或重新出具已获取信息\": one row, the values of the part above") {
        const block above = row({"5.要", "1", "0", "2", "0", "0", "0", "3"}, false);
        const block rest = row({"求行政机关确认或重新出具已获取信息", "", "", "", "", "", "", ""}, true);
        const xxgk::import_detail::block_span out =
            xxgk::import_detail::join_split_rows({&above, &rest}, made, xxgk::format_version::v2021, "requests", log);
        REQUIRE(out.size() == 1);
        CHECK(out[0]->cells[0].text == "5.要求行政机关确认或重新出具已获取信息");
        CHECK(out[0]->cells[1].text == "1");
        CHECK(out[0]->cells[7].text == "3");
        CHECK(has_code(log, "XXGK-I-076"));
    }
    SECTION("\"规章\" + \"规范性文件\" is no row label: two rows, the second's empty boxes unprinted") {
        const block above = row({"规章", "1", "2", "3"}, false);
        const block next = row({"规范性文件", "", "", ""}, true);
        const xxgk::import_detail::block_span out =
            xxgk::import_detail::join_split_rows({&above, &next}, made, xxgk::format_version::v2019, "proactive", log);
        REQUIRE(out.size() == 2);
        CHECK(out[0] == &above);
        CHECK(out[1]->cells[0].text == "规范性文件");
        CHECK_FALSE(out[1]->cells[0].unprinted);
        for (std::size_t c = 1; c < 4; ++c) CHECK(out[1]->cells[c].unprinted);
        REQUIRE(has_code(log, "XXGK-I-076"));
        CHECK(log.back().message.find("not joined") != std::string::npos);
    }
    SECTION("a piece above that is itself another row's label is never joined") {
        // "（七）总计" is a row of its own; "（七）总计" + "四、结转下年度继续办理" is no label.
        const block above = row({"（七）总计", "1", "0", "0", "0", "0", "0", "1"}, false);
        const block next = row({"结转下年度继续办理", "", "", "", "", "", "", ""}, true);
        const xxgk::import_detail::block_span out =
            xxgk::import_detail::join_split_rows({&above, &next}, made, xxgk::format_version::v2021, "requests", log);
        CHECK(out.size() == 2);
    }
}

TEST_CASE("import_pdf: hostile files are refused with their error code", "[pdf][import][hostile]") {
    const auto code_of = [](const std::string& bytes) {
        try {
            (void)xxgk::import_pdf(bytes);
        } catch (const xxgk::error& e) {
            return e.code();
        }
        return xxgk::errc{};
    };
    CHECK(code_of(xxgk::read_file(pdf_dir + "encrypted.pdf")) == xxgk::errc::encrypted);
    CHECK(code_of(xxgk::read_file(pdf_dir + "image-only.pdf")) == xxgk::errc::no_text_layer);
    CHECK(code_of(xxgk::read_file(pdf_dir + "truncated.pdf")) == xxgk::errc::invalid_value);
    CHECK(code_of("%PDF-1.4\n%%EOF\n") == xxgk::errc::invalid_value);
    CHECK(code_of("") == xxgk::errc::invalid_value);
}

// The PDFs of tests/data/import/pdf/make_pdf_fixtures.py (Chromium prints of generated reports with
// fonts, page sizes, margins, font sizes, page breaks inside tables, narrow columns, no borders,
// repeated or single headers; blanks, not-applicable marks and large numbers), every cell compared
// with the generator's report. A wrong value, or `blank` where the report printed something (the
// trust rule), fails the test outright; a cell left `not_captured` is a shortfall, listed and held
// to kShortfallBudget (docs/import.md, "PDF").
TEST_CASE("import_pdf: PDFs printed from generated reports, cell by cell", "[pdf][import]") {
    // Cells the importer may leave not_captured over all variants (docs/import.md, "PDF" says
    // which: tables of section 四 printed empty without borders or clipped off the page, rows of
    // the narrow variants whose labels and headers wrap in one-value tables).
    constexpr std::size_t kShortfallBudget = 70;
    std::vector<std::filesystem::path> pdfs;
    for (const auto& entry : std::filesystem::directory_iterator(pdf_dir + "generated"))
        if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
    std::sort(pdfs.begin(), pdfs.end());
    tally t;
    for (const auto& path : pdfs) {
        const std::string name = path.stem().string();
        auto expected_path = path;
        expected_path.replace_extension(".json");
        const xxgk::report want = xxgk::load_json(xxgk::read_file(expected_path.string()));
        const xxgk::import_result r = xxgk::import_pdf(xxgk::read_file(path.string()));
        INFO(name);
        REQUIRE(r.value.format() == want.format());
        const std::size_t before = t.missed.size();
        compare_cells(want, r.value, t);
        for (std::size_t m = before; m < t.missed.size(); ++m)
            std::cout << "[pdf] " << name << ": not captured " << t.missed[m] << "\n";
    }
    const std::size_t compared = t.compared, exact = t.exact, shortfall = t.missed.size();
    std::cout << "[pdf] " << pdfs.size() << " generated variants, " << compared << " cells compared, " << exact
              << " exact, " << shortfall << " not captured\n";
    CHECK(pdfs.size() >= 30);
    CHECK(exact + shortfall == compared);
    CHECK(shortfall <= kShortfallBudget);
}
