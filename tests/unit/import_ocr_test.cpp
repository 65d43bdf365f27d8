// Scanned reports (docs/import.md, "Scanned pages"): OCR with the arithmetic as the proof-reader.
// The proof-reader (settle_ocr) on hand-made readings: settled when exactly one combination fits,
// flagged otherwise, never a guessed value. Then real OCR, bounded to a few pages (Tesseract at
// one thread: OMP_THREAD_LIMIT=1 is set by CTest): pages of hongze-2023.pdf and of a generated
// report scanned at test time (tests/unit/ocr_scans.hpp: rendered with poppler, turned, blurred,
// noisy, JPEG in an image-only PDF) — every cell exact or flagged, none wrong; an image imported
// directly and detected from its bytes; OCR turned off.
#include <xxgk/error.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>

#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include "../../src/import/assemble.hpp"
#include "../../src/import/document.hpp"
#include "../../src/import/ocr.hpp"

#ifdef XXGK_WITH_OCR
#include "ocr_scans.hpp"
#endif

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

namespace {

const std::string data_dir = std::string(XXGK_TEST_DATA) + "/";

std::size_t count_code(const std::vector<xxgk::import_log_entry>& log, std::string_view code) {
    return static_cast<std::size_t>(
        std::count_if(log.begin(), log.end(), [&](const auto& e) { return e.code == code; }));
}

/// A cell of `r` made as OCR leaves it: a number with raw text, on page 1 in a box of its own
/// (one box per cell index, 20 pt apart), and the OCR value standing in that box.
xxgk::import_detail::ocr_value place(xxgk::report& r, std::size_t index, const std::string& text,
                                     std::vector<std::pair<std::string, int>> readings, bool certain) {
    const double x = 20.0 * static_cast<double>(index % 25), y = 20.0 * static_cast<double>(index / 25);
    xxgk::cell& c = xxgk::cell_at(r, index);
    c = xxgk::cell::number(*xxgk::decimal::parse(text));
    c.set_raw(text);
    xxgk::provenance p;
    p.page = 1;
    p.table = 1;  // a table read from its rules (scanned_sample logs it)
    p.box = xxgk::page_box{xxgk::decimal(static_cast<std::int64_t>(x * 100), 2),
                           xxgk::decimal(static_cast<std::int64_t>(y * 100), 2),
                           xxgk::decimal(static_cast<std::int64_t>((x + 18) * 100), 2),
                           xxgk::decimal(static_cast<std::int64_t>((y + 18) * 100), 2)};
    c.set_source(p);
    xxgk::import_detail::ocr_value v;
    v.page = 1;
    v.l = x + 4;
    v.t = y + 4;
    v.r = x + 14;
    v.b = y + 14;
    v.text = text;
    v.readings = std::move(readings);
    v.certain = certain;
    return v;
}

/// A 2021 report whose every cell of section 三 is placed as read by OCR, with certainty, from the
/// sample report's values.
struct scanned_sample {
    xxgk::import_result result;
    xxgk::import_detail::document read;
    scanned_sample() {
        result.value =
            xxgk::load_json(xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/sample-2021.json"));
        read.ocr_pages = {1};
        xxgk::provenance t;
        t.table = 1;
        result.log.push_back({xxgk::severity::info, "XXGK-I-075", "table 1 read from its rules", "", t, {}});
        for (const xxgk::cell_key& k : xxgk::cell_keys(result.value.format())) {
            if (k.section != "requests") continue;
            xxgk::cell& c = xxgk::cell_at(result.value, k.index);
            const std::string text = c.is_number() ? c.value().to_string() : "0";
            read.ocr_values.push_back(place(result.value, k.index, text, {{text, 95}}, true));
        }
    }
    std::size_t index(std::string_view key) const { return xxgk::find_cell_key(result.value.format(), key)->index; }
    /// The row 行政复议 of section 四 (its only identity: the four parts add up to the total, R5)
    /// placed as read 2 1 0 0 3, every cell with its one reading at `confidence`.
    static constexpr const char* review_columns[] = {"upheld", "corrected", "other", "pending", "total"};
    void place_review_row(int confidence, bool certain) {
        const char* printed[] = {"2", "1", "0", "0", "3"};
        for (int c = 0; c < 5; ++c)
            read.ocr_values.push_back(place(result.value,
                                            index(std::string("review_litigation.review.") + review_columns[c]),
                                            printed[c], {{printed[c], confidence}}, certain));
    }
    /// The cell as the table reader leaves a cell it could not read: not captured, in its box.
    void lose(std::string_view key) {
        xxgk::cell& c = xxgk::cell_at(result.value, index(key));
        const std::optional<xxgk::provenance> where = c.source();
        c = xxgk::cell::not_captured();
        c.set_source(where);
    }
    /// Makes the cell uncertain: the page read `shown`, the digits pass gave `readings`.
    void uncertain(std::string_view key, const std::string& shown, std::vector<std::pair<std::string, int>> readings) {
        const std::size_t i = index(key);
        const auto it = std::find_if(read.ocr_values.begin(), read.ocr_values.end(), [&](const auto& v) {
            return std::abs(v.l - (20.0 * static_cast<double>(i % 25) + 4)) < 1e-9 &&
                   std::abs(v.t - (20.0 * static_cast<double>(i / 25) + 4)) < 1e-9;
        });
        REQUIRE(it != read.ocr_values.end());
        *it = place(result.value, i, shown, std::move(readings), false);
    }
};

}  // namespace

TEST_CASE("settle_ocr: a misread digit is settled when exactly one combination satisfies the identities",
          "[ocr][import]") {
    scanned_sample s;
    const std::string key = "requests.granted.natural_person";
    const xxgk::decimal printed = xxgk::cell_at(s.result.value, key).value();  // the identities hold with it
    const std::int64_t n = *printed.to_integer();
    const std::string p = std::to_string(n), misread = std::to_string(n + 3), other = std::to_string(n + 1);
    // Read as printed + 3 (an 8 read as 3, say); the digits pass offers it, the printed value and another.
    s.uncertain(key, misread, {{misread, 60}, {p, 30}, {other, 5}});
    xxgk::import_detail::settle_ocr(s.result, s.read);
    const xxgk::cell& c = xxgk::cell_at(s.result.value, key);
    CHECK(c.is_number());
    CHECK(c.value() == printed);
    REQUIRE(count_code(s.result.log, "XXGK-I-111") == 1);
    const auto e =
        std::find_if(s.result.log.begin(), s.result.log.end(), [](const auto& x) { return x.code == "XXGK-I-111"; });
    CHECK(e->key == key);
    CHECK(e->message.find("misread") != std::string::npos);
    CHECK(e->candidates.size() == 3);
    CHECK(count_code(s.result.log, "XXGK-I-114") == 1);
}

TEST_CASE("settle_ocr: two uncertain cells the identities cannot tell apart are flagged, never guessed",
          "[ocr][import]") {
    scanned_sample s;
    // A row of section 四 (its only identity: the four parts add up to the total, R5) read as
    // 2 1 0 0 3, the first two uncertain, each offering the other's value: 2+1 and 1+2 both fit.
    const std::string row = "review_litigation.review.";
    s.place_review_row(95, true);
    s.uncertain(row + "upheld", "2", {{"2", 55}, {"1", 40}});
    s.uncertain(row + "corrected", "1", {{"1", 55}, {"2", 40}});
    xxgk::import_detail::settle_ocr(s.result, s.read);
    for (const char* c : {"upheld", "corrected"}) {
        const xxgk::cell& cell = xxgk::cell_at(s.result.value, row + c);
        INFO(c);
        CHECK(cell.state() == xxgk::cell_state::text);  // flagged: unreadable, its reading kept as raw text
        CHECK(cell.raw());
    }
    // The other cells of the row, read with certainty, have no identity left to check them (R5
    // has two cells not read): flagged too — a value placed in the wrong box is caught only so.
    for (const char* c : {"other", "pending", "total"}) {
        INFO(c);
        CHECK(xxgk::cell_at(s.result.value, row + c).state() == xxgk::cell_state::text);
    }
    CHECK(count_code(s.result.log, "XXGK-I-112") == 5);
    CHECK(count_code(s.result.log, "XXGK-I-111") == 0);
    const auto e =
        std::find_if(s.result.log.begin(), s.result.log.end(), [](const auto& x) { return x.code == "XXGK-I-112"; });
    REQUIRE(e != s.result.log.end());
    CHECK(e->message.find("several combinations") != std::string::npos);
}

TEST_CASE("settle_ocr: an identity with a cell not read is left out; the others still settle", "[ocr][import]") {
    scanned_sample s;
    // 予以公开›商业企业 not read: the row's identity (R2) cannot check anything. 自然人 of that row,
    // misread, still takes part in its column's identities (R1, R3), which settle it.
    s.lose("requests.granted.enterprise");
    const std::string key = "requests.granted.natural_person";  // printed 20
    s.uncertain(key, "28", {{"28", 60}, {"20", 30}, {"26", 5}});
    xxgk::import_detail::settle_ocr(s.result, s.read);
    const xxgk::cell& c = xxgk::cell_at(s.result.value, key);
    REQUIRE(c.is_number());
    CHECK(c.value() == xxgk::decimal(20));
    const auto e = std::find_if(s.result.log.begin(), s.result.log.end(),
                                [&](const auto& x) { return x.code == "XXGK-I-111" && x.key == key; });
    REQUIRE(e != s.result.log.end());
    CHECK(e->message.find("misread") != std::string::npos);
    CHECK(xxgk::cell_at(s.result.value, "requests.granted.enterprise").state() == xxgk::cell_state::not_captured);
}

TEST_CASE("settle_ocr: cells the identities that check them do not fix are not settled, one fit or not",
          "[ocr][import]") {
    scanned_sample s;
    // 予以公开 read with 自然人 and 总计 uncertain: 20 … 33 or 28 … 41. The columns' sums (R3) lost
    // 1.属于国家秘密 (not read), so only the row's sum checks them: one identity, two unknowns. Even
    // when the readings let only one pair fit, the arithmetic has not fixed the values.
    s.lose("requests.withheld_state_secret.natural_person");
    s.lose("requests.withheld_state_secret.total");
    s.uncertain("requests.granted.natural_person", "28", {{"28", 60}, {"20", 30}});
    s.uncertain("requests.granted.total", "41", {{"41", 60}, {"34", 30}});  // only 28 … 41 fits
    xxgk::import_detail::settle_ocr(s.result, s.read);
    for (const char* key : {"requests.granted.natural_person", "requests.granted.total"}) {
        INFO(key);
        CHECK(xxgk::cell_at(s.result.value, key).state() == xxgk::cell_state::text);
        CHECK(std::any_of(s.result.log.begin(), s.result.log.end(), [&](const auto& e) {
            return e.code == "XXGK-I-112" && e.key == key && e.message.find("do not fix it") != std::string::npos;
        }));
    }
    CHECK(count_code(s.result.log, "XXGK-I-111") == 0);
}

TEST_CASE("settle_ocr: a row placed by an alignment the reader chose is flagged, its sums notwithstanding",
          "[ocr][import]") {
    scanned_sample s;
    // 四's row printed 16 cells for 15 columns: the reader chose an alignment (XXGK-I-050). Read
    // with certainty and adding up (2+1+0+0 = 3), its values may still stand in each other's boxes.
    s.place_review_row(95, true);
    xxgk::provenance row;
    row.page = 1;
    row.table = 1;
    row.row = 1;
    s.result.log.push_back({xxgk::severity::warning,
                            "XXGK-I-050",
                            "row \"行政复议 / 行政诉讼\" (16 value cells, 15 expected; …): read as …",
                            "review_litigation",
                            row,
                            {}});
    xxgk::import_detail::settle_ocr(s.result, s.read);
    for (const char* c : scanned_sample::review_columns) {
        const std::string key = std::string("review_litigation.review.") + c;
        INFO(key);
        CHECK(xxgk::cell_at(s.result.value, key).state() == xxgk::cell_state::text);
        CHECK(std::any_of(s.result.log.begin(), s.result.log.end(), [&](const auto& e) {
            return e.code == "XXGK-I-112" && e.key == key && e.message.find("did not line up") != std::string::npos;
        }));
    }
    // Section 三, its rows lined up, is read as before.
    CHECK(xxgk::cell_at(s.result.value, "requests.granted.natural_person").is_number());
    CHECK(count_code(s.result.log, "XXGK-I-111") == 0);
}

TEST_CASE("settle_ocr: identities that hold only uncertain readings settle nothing", "[ocr][import]") {
    scanned_sample s;
    // A row of section 四 read 2 1 0 0 3, every cell uncertain with one reading: R5 holds, but
    // nothing read with certainty stands in it, so it proves nothing.
    const std::string row = "review_litigation.review.";
    s.place_review_row(60, false);
    xxgk::import_detail::settle_ocr(s.result, s.read);
    for (const char* c : scanned_sample::review_columns) {
        INFO(c);
        CHECK(xxgk::cell_at(s.result.value, row + c).state() == xxgk::cell_state::text);
    }
    const auto e = std::find_if(s.result.log.begin(), s.result.log.end(),
                                [&](const auto& x) { return x.code == "XXGK-I-112" && x.key == row + "total"; });
    REQUIRE(e != s.result.log.end());
    CHECK(e->message.find("only uncertain readings") != std::string::npos);
    CHECK(count_code(s.result.log, "XXGK-I-111") == 0);
}

TEST_CASE("settle_ocr: a lone glyph read where a number belongs is settled from its digit readings", "[ocr][import]") {
    scanned_sample s;
    const std::string key = "requests.partially_granted.enterprise";  // printed 2
    const std::size_t i = s.index(key);
    s.uncertain(key, "2", {{"2", 95}});
    // The page's reading "侍" stays the cell's text; the digits-only pass offered 7 and 2.
    xxgk::cell& c = xxgk::cell_at(s.result.value, i);
    const std::optional<xxgk::provenance> where = c.source();
    c = xxgk::cell::text("侍");
    c.set_source(where);
    for (auto& v : s.read.ocr_values)
        if (v.text == "2" && std::abs(v.l - (20.0 * static_cast<double>(i % 25) + 4)) < 1e-9 &&
            std::abs(v.t - (20.0 * static_cast<double>(i / 25) + 4)) < 1e-9) {
            v.text = "侍";
            v.readings = {{"7", 50}, {"2", 40}};
            v.certain = false;
        }
    SECTION("the identities pick 2") {
        xxgk::import_detail::settle_ocr(s.result, s.read);
        const xxgk::cell& got = xxgk::cell_at(s.result.value, key);
        REQUIRE(got.is_number());
        CHECK(got.value() == xxgk::decimal(2));
        CHECK(count_code(s.result.log, "XXGK-I-111") == 1);
    }
    SECTION("no reading fits: the text stays, flagged") {
        for (auto& v : s.read.ocr_values)
            if (v.text == "侍") v.readings = {{"7", 50}, {"9", 40}};
        xxgk::import_detail::settle_ocr(s.result, s.read);
        const xxgk::cell& got = xxgk::cell_at(s.result.value, key);
        CHECK(got.state() == xxgk::cell_state::text);
        CHECK(got.raw() == std::optional<std::string>("侍"));
        CHECK(count_code(s.result.log, "XXGK-I-111") == 0);
    }
}

TEST_CASE("settle_ocr: an uncertain cell in no identity is flagged with its readings", "[ocr][import]") {
    scanned_sample s;
    // Section 二 has no identity: a cell there cannot be proof-read.
    const std::size_t i = s.index("proactive.regulations.issued");
    s.read.ocr_values.push_back(place(s.result.value, i, "5", {{"5", 60}, {"6", 35}}, false));
    xxgk::import_detail::settle_ocr(s.result, s.read);
    const xxgk::cell& c = xxgk::cell_at(s.result.value, "proactive.regulations.issued");
    CHECK(c.state() == xxgk::cell_state::text);
    CHECK(c.raw() == std::optional<std::string>("5"));
    const auto e =
        std::find_if(s.result.log.begin(), s.result.log.end(), [](const auto& x) { return x.code == "XXGK-I-112"; });
    REQUIRE(e != s.result.log.end());
    CHECK(e->key == "proactive.regulations.issued");
    CHECK(e->candidates.size() == 2);
}

TEST_CASE("settle_ocr: a box read empty is blank only when no ink stands in its ruled box", "[ocr][import]") {
    scanned_sample s;
    const std::string key = "requests.granted.enterprise";
    const std::size_t i = s.index(key);
    s.read.ocr_values.erase(std::remove_if(s.read.ocr_values.begin(), s.read.ocr_values.end(),
                                           [&](const auto& v) {
                                               return std::abs(v.l - (20.0 * static_cast<double>(i % 25) + 4)) < 1e-9 &&
                                                      std::abs(v.t - (20.0 * static_cast<double>(i / 25) + 4)) < 1e-9;
                                           }),
                            s.read.ocr_values.end());
    xxgk::cell& c = xxgk::cell_at(s.result.value, key);
    const std::optional<xxgk::provenance> where = c.source();
    c = xxgk::cell::blank();
    c.set_source(where);
    const double x = 20.0 * static_cast<double>(i % 25), y = 20.0 * static_cast<double>(i / 25);
    const auto flagged = [&] {
        return std::any_of(s.result.log.begin(), s.result.log.end(),
                           [&](const auto& e) { return e.code == "XXGK-I-112" && e.key == key; });
    };
    SECTION("no ink: blank") {
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, key).is_blank());
        CHECK_FALSE(flagged());
    }
    SECTION("ink, however faint (a thin dash): not captured") {
        s.read.ocr_ink.push_back({1, x + 6, y + 8.5, x + 12, y + 9.5});
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, key).state() == xxgk::cell_state::not_captured);
        CHECK(flagged());
    }
    SECTION("ink reaching in, its centre far away (digits joined to the rules not removed): not captured") {
        s.read.ocr_ink.push_back({1, x - 200, y + 7, x + 10, y + 300});
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, key).state() == xxgk::cell_state::not_captured);
        CHECK(flagged());
    }
    SECTION("ink only at the rules' edge (what is left of a rule): blank") {
        s.read.ocr_ink.push_back({1, x, y + 0.2, x + 18, y + 1.2});
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, key).is_blank());
    }
    SECTION("a table rebuilt from the words' positions: not captured") {
        s.result.log.erase(s.result.log.begin());  // the XXGK-I-075 entry
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, key).state() == xxgk::cell_state::not_captured);
        CHECK(std::any_of(s.result.log.begin(), s.result.log.end(), [&](const auto& e) {
            return e.code == "XXGK-I-112" && e.message.find("rules not seen") != std::string::npos;
        }));
    }
}

TEST_CASE("settle_ocr: a certain value with more ink in its box than its digits is not certain", "[ocr][import]") {
    scanned_sample s;
    // Section 二 (no identity): printed "-4", the reading lost the thin minus and read "4" with
    // certainty; the minus is still ink in the box, left of the value.
    const std::size_t i = s.index("proactive.regulations.issued");
    s.read.ocr_values.push_back(place(s.result.value, i, "4", {{"4", 97}}, true));
    const xxgk::import_detail::ocr_value& v = s.read.ocr_values.back();
    const xxgk::import_detail::ocr_ink digit{1, v.l + 3, v.t + 1, v.r - 3, v.b - 1};  // the 4: 4 pt wide, 8 tall
    SECTION("nothing else in the box: kept") {
        s.read.ocr_ink.push_back(digit);
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, "proactive.regulations.issued").is_number());
    }
    SECTION("a dash touching it, in the value's own box: one piece of ink wider than a digit, flagged") {
        s.read.ocr_ink.push_back({1, v.l - 1, v.t + 1, v.r - 3, v.b - 1});
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, "proactive.regulations.issued").state() == xxgk::cell_state::text);
        CHECK(count_code(s.result.log, "XXGK-I-112") == 1);
    }
    SECTION("a dash beside it: flagged") {
        s.read.ocr_ink.push_back(digit);
        s.read.ocr_ink.push_back({1, v.l - 3.5, v.t + 4.5, v.l - 0.5, v.t + 5.5});
        xxgk::import_detail::settle_ocr(s.result, s.read);
        const xxgk::cell& c = xxgk::cell_at(s.result.value, "proactive.regulations.issued");
        CHECK(c.state() == xxgk::cell_state::text);
        CHECK(c.raw() == std::optional<std::string>("4"));
        CHECK(count_code(s.result.log, "XXGK-I-112") == 1);
    }
}

TEST_CASE("settle_ocr: outside a ruled box, a value no identity checks and a \"-\" are flagged", "[ocr][import]") {
    scanned_sample s;
    // Table 2 was rebuilt from the words' positions (no XXGK-I-075 for it).
    const auto unruled = [&](std::string_view key, xxgk::cell value) {
        xxgk::cell& c = xxgk::cell_at(s.result.value, key);
        xxgk::provenance p = *c.source();
        p.table = 2;
        c = std::move(value);
        c.set_source(p);
    };
    const std::size_t i = s.index("proactive.regulations.issued");
    s.read.ocr_values.push_back(place(s.result.value, i, "7", {{"7", 97}}, true));
    unruled("proactive.regulations.issued", [] {
        xxgk::cell c = xxgk::cell::number(xxgk::decimal(7));
        c.set_raw("7");
        return c;
    }());
    s.read.ocr_values.push_back(place(s.result.value, s.index("proactive.regulations.repealed"), "0", {}, false));
    unruled("proactive.regulations.repealed", xxgk::cell::not_applicable("-"));
    SECTION("rebuilt without rules") {
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, "proactive.regulations.issued").state() == xxgk::cell_state::text);
        CHECK(xxgk::cell_at(s.result.value, "proactive.regulations.repealed").state() == xxgk::cell_state::text);
        CHECK(std::any_of(s.result.log.begin(), s.result.log.end(), [](const auto& e) {
            return e.code == "XXGK-I-112" && e.key == "proactive.regulations.repealed" &&
                   e.message.find("outside a box drawn") != std::string::npos;
        }));
    }
    SECTION("the same table read from its rules") {
        xxgk::provenance t;
        t.table = 2;
        s.result.log.push_back({xxgk::severity::info, "XXGK-I-075", "table 2 read from its rules", "", t, {}});
        xxgk::import_detail::settle_ocr(s.result, s.read);
        CHECK(xxgk::cell_at(s.result.value, "proactive.regulations.issued").is_number());
        CHECK(xxgk::cell_at(s.result.value, "proactive.regulations.repealed").state() ==
              xxgk::cell_state::not_applicable);
    }
}

TEST_CASE("settle_ocr: a blank with no box of the table is not captured", "[ocr][import]") {
    scanned_sample s;
    const std::string key = "requests.granted.enterprise";
    xxgk::cell& c = xxgk::cell_at(s.result.value, key);
    xxgk::provenance p;
    p.page = 1;  // placed by alignment: a page, no box
    c = xxgk::cell::blank();
    c.set_source(p);
    xxgk::import_detail::settle_ocr(s.result, s.read);
    CHECK(xxgk::cell_at(s.result.value, key).state() == xxgk::cell_state::not_captured);
    CHECK(std::any_of(s.result.log.begin(), s.result.log.end(), [&](const auto& e) {
        return e.code == "XXGK-I-112" && e.key == key && e.message.find("no box") != std::string::npos;
    }));
}

TEST_CASE("assemble: a scanned report's format must be certain, else its cells are not captured", "[ocr][import]") {
    // The text of a 2019-format report (year 2020) as if OCR had read it.
    const std::string text =
        xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020-annual-report.txt");
    const auto scanned = [&] {
        xxgk::import_detail::document d = xxgk::import_detail::read_text(text);
        d.ocr_pages = {1};
        return d;
    };
    const auto captured = [](const xxgk::report& r) {
        std::size_t n = 0;
        for (const xxgk::cell_key& k : xxgk::cell_keys(r.format()))
            n += xxgk::cell_at(r, k.index).state() != xxgk::cell_state::not_captured;
        return n;
    };
    // Labels of one format, the year agrees: read.
    const xxgk::import_result agreed = xxgk::import_detail::assemble(scanned(), {});
    CHECK(agreed.value.format() == xxgk::format_version::v2019);
    CHECK(count_code(agreed.log, "XXGK-I-116") == 0);
    CHECK(captured(agreed.value) > 100);
    // The year (as a misread digit would) names the other format: uncertain. Only the cells both
    // formats label alike are kept, with the values read in the report's own format.
    xxgk::import_options year_2021;
    year_2021.year = 2021;
    const xxgk::import_result doubted = xxgk::import_detail::assemble(scanned(), year_2021);
    REQUIRE(count_code(doubted.log, "XXGK-I-116") == 1);
    CHECK(captured(doubted.value) > 100);
    CHECK(captured(doubted.value) < captured(agreed.value));
    const xxgk::format_version other = doubted.value.format() == xxgk::format_version::v2019
                                           ? xxgk::format_version::v2021
                                           : xxgk::format_version::v2019;
    for (const xxgk::cell_key& k : xxgk::cell_keys(doubted.value.format())) {
        const xxgk::cell& c = xxgk::cell_at(doubted.value, k.index);
        if (c.state() == xxgk::cell_state::not_captured) continue;
        INFO(k.key);
        const xxgk::cell_key* same = xxgk::find_cell_key(other, k.key);
        REQUIRE(same);
        CHECK(same->label_path(other) == k.label_path(doubted.value.format()));
        const xxgk::cell& a = xxgk::cell_at(agreed.value, k.key);
        CHECK(c.state() == a.state());
        if (c.is_number()) CHECK(c.value() == a.value());
    }
    const auto e =
        std::find_if(doubted.log.begin(), doubted.log.end(), [](const auto& x) { return x.code == "XXGK-I-116"; });
    CHECK(e->level == xxgk::severity::error);
    CHECK(e->message.find("different formats") != std::string::npos);
    // The caller forces the format: read in it.
    xxgk::import_options forced = year_2021;
    forced.format = xxgk::format_version::v2019;
    const xxgk::import_result given = xxgk::import_detail::assemble(scanned(), forced);
    CHECK(count_code(given.log, "XXGK-I-116") == 0);
    CHECK(captured(given.value) == captured(agreed.value));
    // The same text with a text layer (no OCR) is read as ever: the tables decide (XXGK-I-002).
    const xxgk::import_result text_layer =
        xxgk::import_detail::assemble(xxgk::import_detail::read_text(text), year_2021);
    CHECK(count_code(text_layer.log, "XXGK-I-116") == 0);
    CHECK(count_code(text_layer.log, "XXGK-I-002") == 1);
}

#ifdef XXGK_WITH_OCR

TEST_CASE("ocr words: which are read again digits-only, and which may be certain", "[ocr][import]") {
    using xxgk::import_detail::digits_with_stray_marks;
    using xxgk::import_detail::number_like;
    // Number-like: digits, letters OCR gives for digits, number punctuation.
    for (const char* w : {"12", "1,234", "l2", "|1", "O", "-3", "１２"}) {
        INFO(w);
        CHECK(number_like(w));
        CHECK_FALSE(digits_with_stray_marks(w));
    }
    // Digits with a stray mark joined: candidates only.
    for (const char* w : {"]1", "(2", "1丨", "【3", "4:"}) {
        INFO(w);
        CHECK_FALSE(number_like(w));
        CHECK(digits_with_stray_marks(w));
    }
    // Neither: no digit, or a character no number and no stray mark is.
    for (const char* w : {"]", "()", "1件", "工", "a1", "总计"}) {
        INFO(w);
        CHECK_FALSE(number_like(w));
        CHECK_FALSE(digits_with_stray_marks(w));
    }
}

namespace {

/// Counts a scanned import's cells against what the pages print: exact, flagged (not captured
/// or unreadable text), and fails the test on any other difference (a wrong definite value).
struct outcome {
    std::size_t exact = 0, flagged = 0;
};

outcome compare_scan(const xxgk::report& want, const xxgk::report& got, const std::vector<std::string>& keys) {
    outcome o;
    for (const std::string& key : keys) {
        const xxgk::cell& w = xxgk::cell_at(want, key);
        const xxgk::cell& g = xxgk::cell_at(got, key);
        if (g.state() == xxgk::cell_state::not_captured ||
            (g.state() == xxgk::cell_state::text && w.state() != xxgk::cell_state::text)) {
            ++o.flagged;
            continue;
        }
        INFO(key << ": got state " << static_cast<int>(g.state()) << " value " << g.value().to_string()
                 << ", printed state " << static_cast<int>(w.state()) << " value " << w.value().to_string());
        const bool same = g.state() == w.state() && (!w.is_number() || g.value() == w.value());
        CHECK(same);  // never a wrong definite value
        o.exact += same;
    }
    return o;
}

}  // namespace

TEST_CASE("ocr_page: a table's rules broken by a light scan are joined; a stray stroke is no rule", "[ocr][import]") {
    // A page at 200 dpi: a grid of 3 × 3 rules, each printed as dark dashes 80 px long with 12 px
    // of light grey between them (darker than the paper, lighter than the binarisation's
    // threshold, as a blurred scan leaves a thin rule), and a dark bar 100 px long in a box that
    // no rule meets (strokes of a line of text run together).
    const int w = 1200, h = 900;
    std::vector<unsigned char> page(static_cast<std::size_t>(w) * h, 250);
    const auto paint = [&](int x0, int y0, int x1, int y1, unsigned char grey) {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) page[static_cast<std::size_t>(y) * w + static_cast<std::size_t>(x)] = grey;
    };
    for (const int at : {200, 400, 600})
        for (int x = 100; x < 1100; x += 92) {
            paint(x, at, std::min(x + 80, 1100), at + 2, 60);
            paint(std::min(x + 80, 1100), at, std::min(x + 92, 1100), at + 2, 215);
        }
    for (const int at : {100, 600, 1100})
        for (int y = 200; y < 602; y += 92) {
            paint(at, y, at + 2, std::min(y + 80, 602), 60);
            paint(at, std::min(y + 80, 602), at + 2, std::min(y + 92, 602), 215);
        }
    paint(250, 300, 350, 302, 60);
    const xxgk::import_detail::gray_image image{page.data(), w, h, w, 200};
    const double scale = 72.0 / 200;
    xxgk::import_detail::ocr_steps& steps = xxgk::import_detail::ocr_steps_in_use();
    SECTION("joined") {
        const xxgk::import_detail::placed_page p = xxgk::import_detail::ocr_page(image, 1);
        REQUIRE(p.rules.horizontal.size() == 3);
        REQUIRE(p.rules.vertical.size() == 3);
        for (const xxgk::import_detail::ruling& r : p.rules.horizontal) {
            CHECK(r.from <= 101 * scale);
            CHECK(r.to >= 1099 * scale);
        }
        for (const xxgk::import_detail::ruling& r : p.rules.vertical) {
            CHECK(r.from <= 201 * scale);
            CHECK(r.to >= 600 * scale);
        }
    }
    SECTION("the step off: dashes and the stray stroke") {
        steps.join_rules = false;
        const xxgk::import_detail::placed_page p = xxgk::import_detail::ocr_page(image, 1);
        steps = xxgk::import_detail::ocr_steps{};
        CHECK(p.rules.horizontal.size() > 3 * 5);
        CHECK(std::any_of(p.rules.horizontal.begin(), p.rules.horizontal.end(), [&](const auto& r) {
            return std::abs(r.at - 301 * scale) < 1 && r.from > 240 * scale && r.to < 360 * scale;
        }));
    }
}

TEST_CASE("import_pdf: scanned pages of hongze-2023 (section 三), every cell exact or flagged", "[ocr][import]") {
    const std::string pdf = xxgk::read_file(data_dir + "import/pdf/hongze-2023.pdf");
    const boost::json::object cells =
        boost::json::parse(xxgk::read_file(data_dir + "import/pdf/hongze-2023.cells.json"))
            .as_object()
            .at("cells")
            .as_object();
    xxgk::report want = xxgk::import_pdf(pdf).value;  // the text layer: the 200 cells as printed
    std::vector<std::string> keys;
    for (const auto& kv : cells)
        if (std::string_view(kv.key()).substr(0, 9) == "requests.") keys.emplace_back(kv.key());
    REQUIRE(keys.size() == 175);
    const xxgk_test::scan_style style{"tilt-noise-150", 150, 0.5, 0, 10, 60};
    const std::string scan = xxgk_test::scanned_pdf(pdf, style, 7, 2, 3);  // pages 3 and 4
    CHECK_THROWS_AS(xxgk::import_pdf(scan,
                                     [] {
                                         xxgk::import_options o;
                                         o.ocr = false;
                                         return o;
                                     }()),
                    xxgk::error);
    try {
        xxgk::import_options o;
        o.ocr = false;
        (void)xxgk::import_pdf(scan, o);
    } catch (const xxgk::error& e) {
        CHECK(e.code() == xxgk::errc::no_text_layer);
    }
    const xxgk::import_result r = xxgk::import_pdf(scan);
    const outcome o = compare_scan(want, r.value, keys);
    std::cout << "[ocr] hongze-2023 pages 3–4 scanned (" << style.name << "): " << keys.size() << " cells, " << o.exact
              << " exact, " << o.flagged << " flagged, 0 wrong\n";
    CHECK(o.exact + o.flagged == keys.size());
    CHECK(o.exact >= 20);  // the reading works at all (28 at the time of writing)
    CHECK(count_code(r.log, "XXGK-I-115") == 2);
    CHECK(count_code(r.log, "XXGK-I-114") == 1);
    CHECK(count_code(r.log, "XXGK-I-075") >= 1);  // tables read from the rules seen in the image
    // Every OCR number cell says where it came from and how sure the reading was.
    for (const std::string& key : keys) {
        const xxgk::cell& c = xxgk::cell_at(r.value, key);
        if (!c.is_number()) continue;
        const bool logged = std::any_of(r.log.begin(), r.log.end(), [&](const auto& e) {
            return e.key == key && (e.code == "XXGK-I-110" || e.code == "XXGK-I-111" || e.code == "XXGK-I-113");
        });
        INFO(key);
        CHECK(logged);
    }
}

TEST_CASE("import_image: a generated report's page as PNG and as TIFF, detected from the bytes", "[ocr][import]") {
    const std::string pdf = xxgk::read_file(data_dir + "import/pdf/generated/a4-sans-2021.pdf");
    const xxgk::report want = xxgk::load_json(xxgk::read_file(data_dir + "import/pdf/generated/a4-sans-2021.json"));
    // The image-only PDF's page, taken out as the image it holds: Leptonica writes PNG and TIFF.
    const xxgk_test::scan_style style{"blur-200", 200, -0.3, 1, 6, 80};
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    REQUIRE(doc);
    // The page holding section 三's table (its label 本年新收 is on it).
    int page = -1;
    for (int i = 0; i < doc->pages() && page < 0; ++i) {
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        const auto u = p->text().to_utf8();
        if (std::string(u.begin(), u.end()).find("本年新收") != std::string::npos) page = i;
    }
    REQUIRE(page >= 0);
    const std::string scan = xxgk_test::scanned_pdf(pdf, style, 11, page, page);
    // Back to an image: render the scan's page (no text layer) in grey and write it as PNG.
    std::unique_ptr<poppler::document> sd(
        poppler::document::load_from_raw_data(scan.data(), static_cast<int>(scan.size())));
    std::unique_ptr<poppler::page> sp(sd->create_page(0));
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image img = renderer.render_page(sp.get(), 200, 200);
    Pix* pix = pixCreate(img.width(), img.height(), 8);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            SET_DATA_BYTE(
                pixGetData(pix) + static_cast<std::ptrdiff_t>(y) * pixGetWpl(pix), x,
                static_cast<unsigned char>(img.const_data()[static_cast<std::ptrdiff_t>(y) * img.bytes_per_row() + x]));
    pixSetResolution(pix, 200, 200);
    l_uint8* bytes = nullptr;
    std::size_t size = 0;
    REQUIRE(pixWriteMemPng(&bytes, &size, pix, 0.0f) == 0);
    const std::string png(reinterpret_cast<const char*>(bytes), size);
    lept_free(bytes);
    pixDestroy(&pix);

    CHECK(xxgk::detect_source_kind(png) == xxgk::source_kind::image);
    CHECK(xxgk::source_kind_by_extension("scan.PNG") == xxgk::source_kind::image);
    const xxgk::import_result r = xxgk::import_bytes(png);
    CHECK(std::any_of(r.log.begin(), r.log.end(), [](const auto& e) {
        return e.code == "XXGK-I-090" && e.message.find("image") != std::string::npos;
    }));
    std::vector<std::string> keys;
    for (const xxgk::cell_key& k : xxgk::cell_keys(want.format()))
        if (k.section == "requests") keys.push_back(k.key);
    const outcome o = compare_scan(want, r.value, keys);
    std::cout << "[ocr] a4-sans-2021 section 三 as a PNG (" << style.name << "): " << keys.size() << " cells, "
              << o.exact << " exact, " << o.flagged << " flagged, 0 wrong\n";
    CHECK(o.exact + o.flagged == keys.size());
    CHECK(o.exact > 0);

    xxgk::import_options off;
    off.ocr = false;
    try {
        (void)xxgk::import_bytes(png, off);
        FAIL("an image with OCR off must be refused");
    } catch (const xxgk::error& e) {
        CHECK(e.code() == xxgk::errc::unsupported_kind);
    }
    try {
        (void)xxgk::import_image("\x89PNG\r\n\x1a\nnot really");
        FAIL("a damaged image must be refused");
    } catch (const xxgk::error& e) {
        CHECK(e.code() == xxgk::errc::invalid_value);
    }
}

TEST_CASE("import_image: a glyph in a value box is a cell; a table cut at the side is closed by its rules' ends",
          "[ocr][import]") {
    // examples/data/scanned-tables.jpg: Tesseract reads the two 1s of 一、本年新收 (自然人 and 总计)
    // as "工". The grid read from its rules shows their boxes are value boxes; read as part of the
    // row's label, the first "工" shifted the row to 6 value cells for 7 columns and every cell of
    // the row was lost (XXGK-I-051).
    xxgk::import_options o;
    o.format = xxgk::format_version::v2021;
    const xxgk::import_result r =
        xxgk::import_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/scanned-tables.jpg", o);
    // The cells under `prefix`, in key order: each a number, the one printed, with its box.
    const auto check_row = [&](std::string_view prefix, const std::vector<std::string>& printed) {
        std::size_t i = 0;
        for (const xxgk::cell_key& k : xxgk::cell_keys(xxgk::format_version::v2021)) {
            if (std::string_view(k.key).substr(0, prefix.size()) != prefix) continue;
            INFO(k.key);
            const xxgk::cell& c = xxgk::cell_at(r.value, k.index);
            REQUIRE(i < printed.size());
            REQUIRE(c.is_number());
            CHECK(c.value().to_string() == printed[i++]);
            REQUIRE(c.source());
            CHECK(c.source()->box);
        }
        CHECK(i == printed.size());
    };
    check_row("requests.received.", {"1", "0", "0", "0", "0", "0", "1"});
    for (const char* key : {"requests.received.natural_person", "requests.received.total"}) {
        INFO(key);
        CHECK(std::any_of(r.log.begin(), r.log.end(), [&](const auto& e) {
            return e.code == "XXGK-I-111" && e.key == key && e.message.find("\"工\"") != std::string::npos;
        }));
    }
    CHECK_FALSE(std::any_of(r.log.begin(), r.log.end(),
                            [](const auto& e) { return e.code == "XXGK-I-051" && e.key == "requests.received"; }));

    // Section 四's table is cut at the right: no rule closes its last column (总计 of 复议后起诉).
    // The horizontal rules' common end closes the grid, so it is read from its rules, box by box.
    CHECK(std::any_of(r.log.begin(), r.log.end(), [](const auto& e) {
        return e.code == "XXGK-I-075" && e.message.find("5 rows, 15 columns") != std::string::npos;
    }));
    // upheld, corrected (read "工", settled), other, pending, total
    check_row("review_litigation.litigation_after_review.", {"3", "1", "0", "2", "6"});

    // The same page cropped through the last column's "6" (x 1118–1153 of its 1240 pixels): the
    // rules end at the crop, where text reaches the edge, so the grid is not closed there — what
    // stood beyond the crop is lost, and the table is left to the reading by position.
    const std::string jpg = xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/scanned-tables.jpg");
    Pix* page = pixReadMem(reinterpret_cast<const l_uint8*>(jpg.data()), jpg.size());
    REQUIRE(page);
    Box* keep = boxCreate(0, 0, 1122, pixGetHeight(page));
    Pix* cropped = pixClipRectangle(page, keep, nullptr);
    boxDestroy(&keep);
    pixDestroy(&page);
    REQUIRE(cropped);
    l_uint8* bytes = nullptr;
    std::size_t size = 0;
    REQUIRE(pixWriteMemPng(&bytes, &size, cropped, 0.0f) == 0);
    pixDestroy(&cropped);
    const std::string png(reinterpret_cast<const char*>(bytes), size);
    lept_free(bytes);
    const xxgk::import_result cut = xxgk::import_bytes(png, o);
    CHECK_FALSE(std::any_of(cut.log.begin(), cut.log.end(),
                            [](const auto& e) { return e.code == "XXGK-I-075" && e.where && e.where->table == 1u; }));
    for (const xxgk::cell_key& k : xxgk::cell_keys(xxgk::format_version::v2021))
        if (std::string_view(k.key).rfind("review_litigation.litigation_after_review.", 0) == 0) {
            INFO(k.key);
            CHECK_FALSE(xxgk::cell_at(cut.value, k.index).is_number());
        }
}

#else

TEST_CASE("import_image: refused in a build without OCR", "[ocr][import]") {
    CHECK_FALSE(xxgk::ocr_available());
    CHECK_THROWS_AS(xxgk::import_image("\x89PNG\r\n\x1a\n"), xxgk::error);
}

#endif
