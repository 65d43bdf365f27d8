// Tests of validation (include/xxgk/validate.hpp): every code of the rule catalog, the blank
// semantics of docs/formats.md §9.1, consequences (caused_by), the seed report, docs/rules.md.
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using xxgk::cell;
using xxgk::decimal;
using xxgk::finding;
using xxgk::format_version;
using xxgk::report;
using xxgk::severity;

constexpr format_version f2019 = format_version::v2019;
constexpr format_version f2021 = format_version::v2021;

const char* const applicant_columns[] = {
    "natural_person", "enterprise", "research_institute", "nonprofit", "legal_service", "other_org", "total"};

// ---------------------------------------------------------------------------------------------
// Building reports in code

void put(report& r, const std::string& key, std::int64_t v) { xxgk::set_cell(r, key, cell::number(decimal(v))); }
void blank(report& r, const std::string& key) { xxgk::set_cell(r, key, cell::blank()); }

/// Sets one section 三 row: the six applicant columns, then 总计.
void row(report& r, const std::string& name, std::initializer_list<std::int64_t> values) {
    REQUIRE(values.size() == 7);
    std::size_t i = 0;
    for (std::int64_t v : values) put(r, "requests." + name + "." + applicant_columns[i++], v);
}

/// A header that draws no finding, every cell blank. 2021: section 六 reports the fee (no N-002).
report base(format_version f) {
    report r = report::make(f);
    r.header.body = "测试县人民政府";
    r.header.year = f == f2019 ? 2020 : 2021;
    if (f == f2021) {
        xxgk::narrative_section six;
        six.paragraphs = {"本年度未收取信息处理费。"};
        r.other_matters = six;
    }
    return r;
}

/// A report whose sections 三 and 四 are filled with explicit numbers and satisfy R1, R2, R3, R5:
///   一 received       10 2 0 0 0 0 | 12      （一）granted            6 1 0 0 0 0 | 7
///   二 carried_over    1 0 0 0 0 0 |  1      （二）partially_granted  2 1 0 0 0 0 | 3
///   （七）total         8 2 0 0 0 0 | 10      every other leaf: 0
///   四 carried_forward 3 0 0 0 0 0 |  3      行政复议 1 + 1 + 0 + 0 = 2; both litigation groups 0
report balanced(format_version f) {
    report r = base(f);
    for (const xxgk::cell_key& k : xxgk::cell_keys(f))
        if (k.section != "proactive") put(r, k.key, 0);
    row(r, "received", {10, 2, 0, 0, 0, 0, 12});
    row(r, "carried_over", {1, 0, 0, 0, 0, 0, 1});
    row(r, "granted", {6, 1, 0, 0, 0, 0, 7});
    row(r, "partially_granted", {2, 1, 0, 0, 0, 0, 3});
    row(r, "total", {8, 2, 0, 0, 0, 0, 10});
    row(r, "carried_forward", {3, 0, 0, 0, 0, 0, 3});
    put(r, "review_litigation.review.upheld", 1);
    put(r, "review_litigation.review.corrected", 1);
    put(r, "review_litigation.review.total", 2);
    return r;
}

/// Moves `n` requests of one column from one leaf row to another, keeping R2 and R3.
void move_leaf(report& r, const std::string& from, const std::string& to, const std::string& column, std::int64_t n) {
    for (const std::string& c : {column, std::string("total")}) {
        const std::string a = "requests." + from + "." + c, b = "requests." + to + "." + c;
        put(r, a, *xxgk::cell_at(r, a).value().to_integer() - n);
        put(r, b, *xxgk::cell_at(r, b).value().to_integer() + n);
    }
}

report load_example(const std::string& name) {
    return xxgk::load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/" + name);
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ---------------------------------------------------------------------------------------------
// Looking at findings

/// Checks that hold for every finding: a catalog code with its rule, no "{...}" left in either
/// message, and zh messages that name cells by their labels, never by key.
void check_hygiene(const report& r, const finding& f) {
    INFO(f.code << " " << f.key << ": " << f.message_zh << " | " << f.message_en);
    const xxgk::rule_info* info = xxgk::find_rule(f.code);
    REQUIRE(info != nullptr);
    CHECK(f.rule == info->rule);
    CHECK((f.caused_by.empty() ? f.severity == info->severity : f.severity == severity::info));
    static const std::regex placeholder(R"(\{[A-Za-z_]+\})");
    CHECK_FALSE(std::regex_search(f.message_zh, placeholder));
    CHECK_FALSE(std::regex_search(f.message_en, placeholder));
    CHECK_FALSE(f.message_zh.empty());
    CHECK_FALSE(f.message_en.empty());
    // Chinese messages never name a cell by its key.
    for (const char* section : {"requests.", "proactive.", "review_litigation."})
        CHECK(f.message_zh.find(section) == std::string::npos);
    if (!f.key.empty()) {
        const xxgk::cell_key* k = xxgk::find_cell_key(r.format(), f.key);
        REQUIRE(k != nullptr);
        CHECK(f.pointer == k->pointer);
        CHECK(f.message_en.find(f.rule == "R1" ? std::string(k->column) : f.key) != std::string::npos);
        // R1 is about a column (named by its column label); every other cell finding names its row.
        const std::string label(f.rule == "R1" ? k->column_info->label : k->row_info->label);
        CHECK(f.message_zh.find(label) != std::string::npos);
        CHECK(std::find(f.cells.begin(), f.cells.end(), f.key) != f.cells.end());
    }
    for (const std::string& c : f.cells) CHECK(xxgk::find_cell_key(r.format(), c) != nullptr);
}

std::vector<finding> validated(const report& r, const xxgk::validate_options& options = {}) {
    std::vector<finding> out = xxgk::validate(r, options);
    for (const finding& f : out) check_hygiene(r, f);
    return out;
}

std::vector<finding> with_code(const std::vector<finding>& fs, const std::string& code) {
    std::vector<finding> out;
    for (const finding& f : fs)
        if (f.code == code) out.push_back(f);
    return out;
}

bool has_code(const std::vector<finding>& fs, const std::string& code) { return !with_code(fs, code).empty(); }

/// The one finding with this code and pointer.
finding the(const std::vector<finding>& fs, const std::string& code, const std::string& pointer) {
    std::vector<finding> hits;
    for (const finding& f : fs)
        if (f.code == code && f.pointer == pointer) hits.push_back(f);
    INFO("looking for " << code << " at " << pointer << " among " << xxgk::findings_to_json(fs));
    REQUIRE(hits.size() == 1);
    return hits.front();
}

std::string pointer_of(const std::string& key) {
    std::string p = "/" + key;
    for (char& c : p)
        if (c == '.') c = '/';
    return p;
}

// ---------------------------------------------------------------------------------------------
// One failing and one passing fixture for every code

struct expectation {
    std::string code;
    severity level;
    std::string key;  // "" when the finding is not about a cell key
    std::string pointer;
    std::string expected, actual;
    std::string caused_by;
};

struct fixture {
    std::string name;
    std::function<report()> fail;  // draws the finding
    std::function<report()> pass;  // the same report with the defect removed
    expectation want;
};

expectation at_key(std::string code, severity s, const std::string& key, std::string expected, std::string actual,
                   std::string caused_by = "") {
    return {std::move(code), s, key, pointer_of(key), std::move(expected), std::move(actual), std::move(caused_by)};
}

expectation at_field(std::string code, severity s, std::string pointer, std::string expected, std::string actual) {
    return {std::move(code), s, "", std::move(pointer), std::move(expected), std::move(actual), ""};
}

/// A fixture made from a base report and a mutation applying the defect (the pass side is the base).
fixture mutate(std::string name, std::function<report()> make, std::function<void(report&)> defect, expectation want) {
    auto fail = [make, defect] {
        report r = make();
        defect(r);
        return r;
    };
    return {std::move(name), fail, make, std::move(want)};
}

std::function<report()> balanced_of(format_version f) {
    return [f] { return balanced(f); };
}
std::function<report()> base_of(format_version f) {
    return [f] { return base(f); };
}

std::string fmt(format_version f) { return std::string(xxgk::to_string(f)); }

std::vector<fixture> make_fixtures() {
    using S = severity;
    std::vector<fixture> v;

    // ---- header
    for (format_version f : xxgk::all_formats) {
        v.push_back(mutate(
            "H-001 empty body " + fmt(f), base_of(f), [](report& r) { r.header.body = " \t"; },
            at_field("XXGK-H-001", S::error, "/header/body", "", " \t")));
    }
    v.push_back(mutate(
        "H-002 year before 2019", base_of(f2019), [](report& r) { r.header.year = 2018; },
        at_field("XXGK-H-002", S::error, "/header/year", "2019", "2018")));
    v.push_back(mutate(
        "H-002 year out of range", base_of(f2021), [](report& r) { r.header.year = 10000; },
        at_field("XXGK-H-002", S::error, "/header/year", "", "10000")));
    v.push_back(mutate(
        "H-003 2021 tables, year 2020", base_of(f2021), [](report& r) { r.header.year = 2020; },
        at_field("XXGK-H-003", S::warning, "/format", "2019", "2020")));
    v.push_back(mutate(
        "H-003 2019 tables, year 2021", base_of(f2019), [](report& r) { r.header.year = 2021; },
        at_field("XXGK-H-003", S::warning, "/format", "2021", "2021")));
    v.push_back({"H-004 statistics period",
                 [] {
                     report r = base(f2019);
                     r.header.statistics_period = xxgk::date_period{{2020, 1, 1}, {2020, 11, 30}};
                     return r;
                 },
                 [] {
                     report r = base(f2019);
                     r.header.statistics_period = xxgk::date_period{{2020, 1, 1}, {2020, 12, 31}};
                     return r;
                 },
                 at_field("XXGK-H-004", S::warning, "/header/statistics_period", "2020-01-01/2020-12-31",
                          "2020-01-01/2020-11-30")});
    v.push_back({"H-005 period starts after it ends",
                 [] {
                     report r = base(f2021);
                     r.header.statistics_period = xxgk::date_period{{2021, 12, 31}, {2021, 1, 1}};
                     return r;
                 },
                 [] {
                     report r = base(f2021);
                     r.header.statistics_period = xxgk::date_period{{2021, 1, 1}, {2021, 12, 31}};
                     return r;
                 },
                 at_field("XXGK-H-005", S::error, "/header/statistics_period", "2021-01-01", "2021-12-31")});
    v.push_back({"H-006 region code",
                 [] {
                     report r = base(f2019);
                     r.header.region_code = "33032";
                     return r;
                 },
                 [] {
                     report r = base(f2019);
                     r.header.region_code = "330327";
                     return r;
                 },
                 at_field("XXGK-H-006", S::error, "/header/region_code", "", "33032")});
    v.push_back({"H-007 published before the year ended",
                 [] {
                     report r = base(f2019);
                     r.header.publication_date = xxgk::calendar_date{2020, 12, 30};
                     return r;
                 },
                 [] {
                     report r = base(f2019);
                     r.header.publication_date = xxgk::calendar_date{2021, 1, 15};
                     return r;
                 },
                 at_field("XXGK-H-007", S::warning, "/header/publication_date", "2020-12-31", "2020-12-30")});
    v.push_back(
        {"H-007 signed before the year ended",
         [] {
             report r = base(f2021);
             r.header.signature =
                 xxgk::signature_block{std::string("测试县人民政府"), xxgk::calendar_date{2021, 12, 31}};
             return r;
         },
         [] {
             report r = base(f2021);
             r.header.signature = xxgk::signature_block{std::string("测试县人民政府"), xxgk::calendar_date{2022, 1, 1}};
             return r;
         },
         at_field("XXGK-H-007", S::warning, "/header/signature/date", "2021-12-31", "2021-12-31")});
    auto county_compiled = [](xxgk::calendar_date published) {
        return [published] {
            report r = base(f2019);
            r.header.scope = xxgk::report_scope::compiled;
            r.header.level = xxgk::admin_level::county;
            r.header.publication_date = published;
            return r;
        };
    };
    v.push_back({"H-008 county compiled report after 2月20日", county_compiled({2021, 2, 21}),
                 county_compiled({2021, 2, 20}),
                 at_field("XXGK-H-008", S::info, "/header/publication_date", "2021-02-20", "2021-02-21")});
    auto own = [](xxgk::calendar_date published) {
        return [published] {
            report r = base(f2021);
            r.header.scope = xxgk::report_scope::own;
            r.header.level = xxgk::admin_level::prefectural;
            r.header.publication_date = published;
            return r;
        };
    };
    v.push_back({"H-008 own report after 1月31日", own({2022, 2, 1}), own({2022, 1, 31}),
                 at_field("XXGK-H-008", S::info, "/header/publication_date", "2022-01-31", "2022-02-01")});
    auto contact = [](std::string email, std::string postcode) {
        return [email, postcode] {
            report r = base(f2019);
            xxgk::contact_block c;
            c.email = email;
            c.postcode = postcode;
            r.header.contact = c;
            return r;
        };
    };
    v.push_back({"H-009 e-mail", contact("xxgk.example.com", "325800"), contact("xxgk@example.com", "325800"),
                 at_field("XXGK-H-009", S::warning, "/header/contact/email", "", "xxgk.example.com")});
    v.push_back({"H-010 postcode", contact("xxgk@example.com", "3258OO"), contact("xxgk@example.com", "325800"),
                 at_field("XXGK-H-010", S::warning, "/header/contact/postcode", "", "3258OO")});

    // ---- R7 value domains
    v.push_back(mutate(
        "V-001 negative count 2019", base_of(f2019), [](report& r) { put(r, "proactive.regulations.new_made", -3); },
        at_key("XXGK-V-001", S::error, "proactive.regulations.new_made", "≥ 0", "-3")));
    v.push_back(mutate(
        "V-001 negative count 2021", base_of(f2021), [](report& r) { put(r, "review_litigation.review.pending", -1); },
        at_key("XXGK-V-001", S::error, "review_litigation.review.pending", "≥ 0", "-1")));
    v.push_back(mutate(
        "V-002 fractional count", base_of(f2021),
        [](report& r) { xxgk::set_cell(r, "proactive.licensing.decisions", cell::number(decimal(25, 1))); },
        at_key("XXGK-V-002", S::error, "proactive.licensing.decisions", "", "2.5")));
    v.push_back(mutate(
        "V-002 fractional signed count", base_of(f2019),
        [](report& r) { xxgk::set_cell(r, "proactive.licensing.change", cell::number(decimal(-15, 1))); },
        at_key("XXGK-V-002", S::error, "proactive.licensing.change", "", "-1.5")));
    v.push_back(mutate(
        "V-003 negative amount 2019",
        [] {
            report r = base(f2019);
            xxgk::set_cell(r, "proactive.procurement.amount", cell::number(decimal(5), xxgk::money_unit::wan_yuan));
            return r;
        },
        [](report& r) {
            xxgk::set_cell(r, "proactive.procurement.amount", cell::number(decimal(-5), xxgk::money_unit::wan_yuan));
        },
        at_key("XXGK-V-003", S::error, "proactive.procurement.amount", "≥ 0", "-5")));
    v.push_back(mutate(
        "V-003 negative amount 2021", base_of(f2021),
        [](report& r) { xxgk::set_cell(r, "proactive.fees.amount", cell::number(decimal(-150, 2))); },
        at_key("XXGK-V-003", S::error, "proactive.fees.amount", "≥ 0", "-1.50")));
    v.push_back({"V-004 procurement amount without a unit",
                 [] {
                     report r = base(f2019);
                     cell c = cell::number(decimal(1742488, 2));
                     c.set_raw("17424.88");
                     xxgk::set_cell(r, "proactive.procurement.amount", c);
                     return r;
                 },
                 [] {
                     report r = base(f2019);
                     cell c = cell::number(decimal(1742488, 2), xxgk::money_unit::wan_yuan);
                     c.set_raw("17424.88 万元");
                     xxgk::set_cell(r, "proactive.procurement.amount", c);
                     return r;
                 },
                 at_key("XXGK-V-004", S::warning, "proactive.procurement.amount", "", "17424.88")});
    v.push_back({"V-005 fee amount in 元",
                 [] {
                     report r = base(f2021);
                     cell c = cell::number(decimal(300), xxgk::money_unit::yuan);
                     c.set_raw("300元");
                     xxgk::set_cell(r, "proactive.fees.amount", c);
                     return r;
                 },
                 [] {
                     report r = base(f2021);
                     xxgk::set_cell(r, "proactive.fees.amount", cell::number(decimal(3), xxgk::money_unit::wan_yuan));
                     return r;
                 },
                 at_key("XXGK-V-005", S::error, "proactive.fees.amount", "万元", "300元")});
    v.push_back(mutate(
        "V-006 count with a money unit", base_of(f2019),
        [](report& r) {
            xxgk::set_cell(r, "proactive.fees.prior_items", cell::number(decimal(7), xxgk::money_unit::yuan));
        },
        at_key("XXGK-V-006", S::error, "proactive.fees.prior_items", "", "元")));
    for (format_version f : xxgk::all_formats) {
        v.push_back(mutate(
            "V-007 unreadable cell " + fmt(f), base_of(f),
            [](report& r) { xxgk::set_cell(r, "requests.granted.natural_person", cell::text("十二")); },
            at_key("XXGK-V-007", S::warning, "requests.granted.natural_person", "", "十二")));
        v.push_back(mutate(
            "V-008 cell not captured " + fmt(f), base_of(f),
            [](report& r) { xxgk::set_cell(r, "review_litigation.review.total", cell::not_captured()); },
            at_key("XXGK-V-008", S::warning, "review_litigation.review.total", "", "not_captured")));
    }

    // ---- section 二 (2019)
    v.push_back({"T2-001 item count below zero",
                 [] {
                     report r = base(f2019);
                     put(r, "proactive.licensing.prior_items", 10);
                     put(r, "proactive.licensing.change", -12);
                     return r;
                 },
                 [] {
                     report r = base(f2019);
                     put(r, "proactive.licensing.prior_items", 10);
                     put(r, "proactive.licensing.change", -10);
                     return r;
                 },
                 at_key("XXGK-T2-001", S::error, "proactive.licensing.change", "≥ 0", "-2")});
    v.push_back({"T2-002 newly published exceeds total published",
                 [] {
                     report r = base(f2019);
                     put(r, "proactive.normative_documents.new_published", 5);
                     put(r, "proactive.normative_documents.total_published", 3);
                     return r;
                 },
                 [] {
                     report r = base(f2019);
                     put(r, "proactive.normative_documents.new_published", 5);
                     put(r, "proactive.normative_documents.total_published", 5);
                     return r;
                 },
                 at_key("XXGK-T2-002", S::warning, "proactive.normative_documents.new_published", "3", "5")});

    // ---- section 三, both formats
    for (format_version f : xxgk::all_formats) {
        const std::string n = " " + fmt(f);
        // R1, all known: one more request received than concluded + carried forward.
        v.push_back(mutate(
            "T3-001 R1 mismatch" + n, balanced_of(f),
            [](report& r) {
                row(r, "received", {11, 2, 0, 0, 0, 0, 13});
            },
            at_key("XXGK-T3-001", S::error, "requests.total.natural_person", "12", "11")));
        // R1, impossible even with unknowns: carried_over is blank but the known inflows already exceed.
        v.push_back(mutate(
            "T3-001 R1 impossible with a blank" + n, balanced_of(f),
            [](report& r) {
                row(r, "received", {12, 2, 0, 0, 0, 0, 14});
                blank(r, "requests.carried_over.natural_person");
                blank(r, "requests.carried_over.total");
            },
            at_key("XXGK-T3-001", S::error, "requests.total.total", "≥ 14", "13")));
        // R1, blank implies non-zero: 四 left blank although 一 + 二 exceeds （七）.
        v.push_back(mutate(
            "T3-002 R1 blank implies non-zero" + n, balanced_of(f),
            [](report& r) { blank(r, "requests.carried_forward.natural_person"); },
            at_key("XXGK-T3-002", S::error, "requests.total.natural_person", "11", "8")));
        v.push_back(mutate(
            "T3-003 R2 mismatch" + n, balanced_of(f), [](report& r) { put(r, "requests.received.total", 13); },
            at_key("XXGK-T3-003", S::error, "requests.received.total", "12", "13")));
        v.push_back(mutate(
            "T3-003 R2 parts exceed the total despite a blank part" + n, balanced_of(f),
            [](report& r) {
                put(r, "requests.granted.total", 6);
                blank(r, "requests.granted.nonprofit");
            },
            at_key("XXGK-T3-003", S::error, "requests.granted.total", "≥ 7", "6")));
        v.push_back(mutate(
            "T3-004 R2 blank row total" + n, balanced_of(f), [](report& r) { blank(r, "requests.received.total"); },
            at_key("XXGK-T3-004", S::error, "requests.received.total", "12", "blank")));
        v.push_back(mutate(
            "T3-005 R2 blank implies non-zero" + n, balanced_of(f),
            [](report& r) { blank(r, "requests.received.enterprise"); },
            at_key("XXGK-T3-005", S::error, "requests.received.total", "10", "12")));
        v.push_back(mutate(
            "T3-006 R3 mismatch" + n, balanced_of(f),
            [](report& r) {
                row(r, "total", {9, 2, 0, 0, 0, 0, 11});
            },
            at_key("XXGK-T3-006", S::error, "requests.total.natural_person", "8", "9")));
        v.push_back(mutate(
            "T3-006 R3 leaves exceed the total despite a blank leaf" + n, balanced_of(f),
            [](report& r) {
                put(r, "requests.total.natural_person", 7);
                put(r, "requests.total.total", 9);
                blank(r, "requests.withheld_state_secret.natural_person");
            },
            at_key("XXGK-T3-006", S::error, "requests.total.natural_person", "≥ 8", "7")));
        v.push_back(mutate(
            "T3-007 R3 blank outcome total" + n, balanced_of(f),
            [](report& r) { blank(r, "requests.total.enterprise"); },
            at_key("XXGK-T3-007", S::error, "requests.total.enterprise", "2", "blank")));
        v.push_back(mutate(
            "T3-008 R3 blank implies non-zero" + n, balanced_of(f),
            [](report& r) { blank(r, "requests.partially_granted.natural_person"); },
            at_key("XXGK-T3-008", S::error, "requests.total.natural_person", "6", "8")));
        // R6: a printed 法人或其他组织 subtotal (no key: key "" and the subtotal's pointer).
        auto subtotal = [f](std::optional<cell> value, bool blank_research) {
            return [f, value, blank_research] {
                report r = balanced(f);
                if (blank_research) blank(r, "requests.granted.research_institute");
                std::visit([&](auto& t) { t.requests.granted.organizations_subtotal = value; }, r.tables);
                return r;
            };
        };
        const std::string sub = "/requests/granted/organizations_subtotal";
        v.push_back({"T3-009 R6 mismatch" + n, subtotal(cell::number(2), false), subtotal(cell::number(1), false),
                     at_field("XXGK-T3-009", S::error, sub, "1", "2")});
        v.push_back({"T3-009 R6 parts exceed the subtotal despite a blank" + n, subtotal(cell::number(0), true),
                     subtotal(cell::number(1), true), at_field("XXGK-T3-009", S::error, sub, "≥ 1", "0")});
        v.push_back({"T3-010 R6 blank subtotal" + n, subtotal(cell::blank(), false), subtotal(std::nullopt, false),
                     at_field("XXGK-T3-010", S::error, sub, "1", "blank")});
        v.push_back({"T3-011 R6 blank implies non-zero" + n, subtotal(cell::number(3), true),
                     subtotal(cell::number(1), true), at_field("XXGK-T3-011", S::error, sub, "1", "3")});

        // ---- section 四, R5
        v.push_back(mutate(
            "T4-001 R5 mismatch" + n, balanced_of(f), [](report& r) { put(r, "review_litigation.review.total", 3); },
            at_key("XXGK-T4-001", S::error, "review_litigation.review.total", "2", "3")));
        v.push_back(mutate(
            "T4-001 R5 results exceed the total despite a blank" + n, balanced_of(f),
            [](report& r) {
                put(r, "review_litigation.litigation_direct.upheld", 4);
                put(r, "review_litigation.litigation_direct.total", 3);
                blank(r, "review_litigation.litigation_direct.pending");
            },
            at_key("XXGK-T4-001", S::error, "review_litigation.litigation_direct.total", "≥ 4", "3")));
        v.push_back(mutate(
            "T4-002 R5 blank total" + n, balanced_of(f), [](report& r) { blank(r, "review_litigation.review.total"); },
            at_key("XXGK-T4-002", S::error, "review_litigation.review.total", "2", "blank")));
        v.push_back(mutate(
            "T4-003 R5 blank implies non-zero" + n, balanced_of(f),
            [](report& r) {
                put(r, "review_litigation.litigation_after_review.total", 5);
                put(r, "review_litigation.litigation_after_review.upheld", 2);
                blank(r, "review_litigation.litigation_after_review.pending");
            },
            at_key("XXGK-T4-003", S::error, "review_litigation.litigation_after_review.total", "2", "5")));
    }

    // ---- narrative and fees (2021 format)
    auto overview = [](std::size_t characters) {
        return [characters] {
            report r = base(f2021);
            xxgk::narrative_section one;
            std::string text;
            for (std::size_t i = 0; i < characters; ++i) text += "公";
            one.subsections.push_back({std::string("（一）"), "", {text}});
            r.overview = one;
            return r;
        };
    };
    v.push_back({"N-001 overview over 1000 characters", overview(1001), overview(1000),
                 at_field("XXGK-N-001", S::info, "/overview", "1000", "1001")});
    v.push_back({"N-002 no fee report in section 六",
                 [] {
                     report r = base(f2021);
                     r.other_matters->paragraphs = {"无。"};
                     return r;
                 },
                 [] {
                     report r = base(f2021);
                     r.other_matters->paragraphs = {"无。"};
                     r.processing_fees = xxgk::processing_fee_statement{};
                     r.processing_fees->charged = false;
                     return r;
                 },
                 at_field("XXGK-N-002", S::warning, "/other_matters", "", "")});
    auto fees = [](std::optional<bool> charged, std::int64_t billed, std::int64_t collected) {
        return [=] {
            report r = base(f2021);
            xxgk::processing_fee_statement s;
            s.charged = charged;
            s.billed = decimal(billed);
            s.collected = decimal(collected);
            r.processing_fees = s;
            return r;
        };
    };
    v.push_back({"N-003 collected more than billed", fees(true, 100, 200), fees(true, 200, 200),
                 at_field("XXGK-N-003", S::warning, "/processing_fees/collected", "100", "200")});
    v.push_back({"N-004 no fee charged, but an amount", fees(false, 50, 0), fees(true, 50, 0),
                 at_field("XXGK-N-004", S::error, "/processing_fees/billed", "0", "50")});
    auto unpaid = [](std::int64_t notices) {
        return [notices] {
            report r = balanced(f2021);
            move_leaf(r, "granted", "other_unpaid_fee", "natural_person", 2);
            xxgk::processing_fee_statement s;
            s.notices = notices;
            r.processing_fees = s;
            return r;
        };
    };
    v.push_back({"N-005 unpaid-fee requests without fee notices", unpaid(0), unpaid(2),
                 at_key("XXGK-N-005", S::warning, "requests.other_unpaid_fee.total", "0", "2")});

    // ---- text
    v.push_back(mutate(
        "S-001 a right-to-left override in the body", base_of(f2021),
        [](report& r) { r.header.body = "某市\u202E人民政府"; },
        at_field("XXGK-S-001", S::warning, "/header/body", "", "U+202E")));
    return v;
}

const std::vector<fixture>& fixtures() {
    static const std::vector<fixture> all = make_fixtures();
    return all;
}

}  // namespace

// =============================================================================================

TEST_CASE("validate: the base fixtures draw no finding", "[validate]") {
    for (format_version f : xxgk::all_formats) {
        INFO("format " << xxgk::to_string(f));
        CHECK(validated(base(f)).empty());
        CHECK(validated(balanced(f)).empty());
    }
}

TEST_CASE("validate: every catalog code has a failing and a passing fixture", "[validate]") {
    std::set<std::string> covered;
    for (const fixture& fx : fixtures()) covered.insert(fx.want.code);
    covered.insert("XXGK-L-001");  // about the list, not the report: "validate: max_findings" below
    // Checks of several reports, or opt-in (docs/multi.md): each code's failing and passing cases
    // are in aggregate_test.cpp (A), series_test.cpp (Y) and narrative_test.cpp (N-006).
    for (const xxgk::rule_info& info : xxgk::rule_catalog())
        if (info.code.rfind("XXGK-A-", 0) == 0 || info.code.rfind("XXGK-Y-", 0) == 0 || info.code == "XXGK-N-006")
            covered.insert(std::string(info.code));
    std::size_t report_codes = 0;
    for (const xxgk::rule_info& info : xxgk::rule_catalog()) {
        if (info.code.substr(0, 7) == "XXGK-P-") continue;  // portal files: portal_validate_test.cpp
        ++report_codes;
        INFO(info.code);
        CHECK(covered.count(std::string(info.code)) == 1);
    }
    CHECK(covered.size() == report_codes);
}

TEST_CASE("validate: each fixture draws its finding, and not once the defect is removed", "[validate]") {
    for (const fixture& fx : fixtures()) {
        DYNAMIC_SECTION(fx.name) {
            const report bad = fx.fail();
            const std::vector<finding> found = validated(bad);
            const finding f = the(found, fx.want.code, fx.want.pointer);
            CHECK(f.severity == fx.want.level);
            CHECK(f.key == fx.want.key);
            CHECK(f.pointer == fx.want.pointer);
            CHECK(f.expected == fx.want.expected);
            CHECK(f.actual == fx.want.actual);
            CHECK(f.caused_by == fx.want.caused_by);
            CHECK(f.rule == xxgk::find_rule(fx.want.code)->rule);

            const std::vector<finding> clean = validated(fx.pass());
            INFO(xxgk::findings_to_json(clean));
            CHECK_FALSE(has_code(clean, fx.want.code));
        }
    }
}

TEST_CASE("validate: the catalog", "[validate]") {
    const auto& catalog = xxgk::rule_catalog();
    REQUIRE(catalog.size() == 50 + 17);  // 17: the portal codes XXGK-P-001..017
    std::set<std::string_view> codes;
    const std::regex shape(R"(XXGK-(H|V|T2|T3|T4|N|A|Y|S|L|P)-\d{3})");
    for (const xxgk::rule_info& r : catalog) {
        INFO(r.code);
        CHECK(codes.insert(r.code).second);
        CHECK(std::regex_match(std::string(r.code), shape));
        CHECK(xxgk::find_rule(r.code) == &r);
        CHECK_FALSE(r.title_zh.empty());
        CHECK_FALSE(r.title_en.empty());
    }
    CHECK(std::is_sorted(catalog.begin(), catalog.end(), [](const auto& a, const auto& b) {
        // Families in catalog order H, V, T2, T3, T4, N, A, Y, S, L, P; numbers ascending within a family.
        auto family = [](std::string_view c) {
            return std::string("HVT2T3T4NAYSLP").find(c.substr(5, c.find('-', 5) - 5));
        };
        return family(a.code) != family(b.code) ? family(a.code) < family(b.code) : a.code < b.code;
    }));
    CHECK(xxgk::find_rule("XXGK-T3-999") == nullptr);
    CHECK(xxgk::find_rule("XXGK-T3-004")->severity == severity::error);
    CHECK(xxgk::find_rule("XXGK-T3-004")->rule == "R2");
    CHECK(xxgk::find_rule("XXGK-H-008")->severity == severity::info);
}

TEST_CASE("validate: max_findings cuts the list and says so (XXGK-L-001)", "[validate]") {
    report r = base(f2021);
    for (const char* key :
         {"requests.received.natural_person", "requests.received.enterprise", "requests.received.research_institute",
          "requests.received.nonprofit", "requests.received.legal_service"})
        put(r, key, -1);
    const std::vector<finding> all = validated(r);
    REQUIRE(all.size() > 3);
    CHECK_FALSE(has_code(all, "XXGK-L-001"));

    xxgk::validate_options o;
    o.max_findings = 2;
    const std::vector<finding> cut = validated(r, o);
    REQUIRE(cut.size() == 3);
    CHECK(cut[0].code == all[0].code);
    CHECK(cut[1].code == all[1].code);
    const finding& note = cut[2];
    CHECK(note.code == "XXGK-L-001");
    CHECK(note.severity == severity::warning);
    CHECK(note.rule == "limits");
    CHECK(note.key.empty());
    CHECK(note.pointer.empty());
    CHECK(note.expected == "2");
    CHECK(note.actual == std::to_string(all.size()));
    CHECK(note.message_en.find(std::to_string(all.size() - 2) + " more") != std::string::npos);

    o.max_findings = all.size();  // exactly enough: nothing cut
    CHECK(validated(r, o).size() == all.size());
    o.max_findings = 0;  // nothing kept but the note
    const std::vector<finding> none = validated(r, o);
    REQUIRE(none.size() == 1);
    CHECK(none[0].code == "XXGK-L-001");
}

// ---- the seed ------------------------------------------------------------------------------

TEST_CASE("validate: the seed 苍南县 2020 has one defect at one cell", "[validate][seed]") {
    const report r = load_example("cangnan-2020.json");
    REQUIRE(r.format() == f2019);
    const std::vector<finding> found = validated(r);
    INFO(xxgk::findings_to_json(found));
    REQUIRE(found.size() == 2);
    CHECK(xxgk::count_errors(found) == 1);

    const finding& root = found[0];
    CHECK(root.code == "XXGK-T3-004");
    CHECK(root.severity == severity::error);
    CHECK(root.rule == "R2");
    CHECK(root.key == "requests.withheld_prohibited_by_law.total");
    CHECK(root.pointer == "/requests/withheld_prohibited_by_law/total");
    CHECK(root.expected == "2");
    CHECK(root.actual == "blank");
    CHECK(root.caused_by.empty());
    CHECK(root.cells.size() == 7);
    CHECK(root.message_zh == "“三、本年度办理结果 › （三）不予公开 › 2.其他法律行政法规禁止公开”行“总计”列空白，"
                             "但该行各分项之和为 2。");
    CHECK(root.message_en ==
          "requests.withheld_prohibited_by_law.total is blank, but the applicant columns of its row sum to 2.");

    const finding& consequence = found[1];
    CHECK(consequence.code == "XXGK-T3-008");
    CHECK(consequence.severity == severity::info);
    CHECK(consequence.rule == "R3");
    CHECK(consequence.key == "requests.total.total");
    CHECK(consequence.pointer == "/requests/total/total");
    CHECK(consequence.expected == "226");
    CHECK(consequence.actual == "228");
    CHECK(consequence.caused_by == "XXGK-T3-004 requests.withheld_prohibited_by_law.total");
    CHECK(consequence.cells.size() == 20);  // （七）总计 and the 19 leaves of the 2019 format
    CHECK(consequence.message_en.find("(difference 2)") != std::string::npos);
    CHECK(consequence.message_zh.find("XXGK-T3-004（“2.其他法律行政法规禁止公开”行“总计”列）") != std::string::npos);

    // Leaving out info findings leaves the root alone; the blank stays blank.
    const std::vector<finding> errors_only = validated(r, {false});
    REQUIRE(errors_only.size() == 1);
    CHECK(errors_only[0].code == "XXGK-T3-004");
    CHECK(xxgk::cell_at(r, "requests.withheld_prohibited_by_law.total").is_blank());
}

TEST_CASE("validate: filling the seed's blank with its implied value clears both findings", "[validate][seed]") {
    report r = load_example("cangnan-2020.json");
    put(r, "requests.withheld_prohibited_by_law.total", 2);
    CHECK(validated(r).empty());
}

TEST_CASE("validate: the clean 2021 sample draws no finding", "[validate][seed]") {
    const report r = load_example("sample-2021.json");
    REQUIRE(r.format() == f2021);
    const std::vector<finding> found = validated(r);
    INFO(xxgk::findings_to_json(found));
    CHECK(found.empty());
}

// ---- §9.1: blanks ---------------------------------------------------------------------------

TEST_CASE("validate §9.1: case by case on one R2 row", "[validate][blank]") {
    for (format_version f : xxgk::all_formats) {
        INFO("format " << xxgk::to_string(f));
        const std::string row_key = "requests.withheld_third_party";
        const std::string total = row_key + ".total";
        auto r2 = [&](const report& r) {
            std::vector<finding> out;
            for (const finding& x : validated(r))
                if (x.rule == "R2") out.push_back(x);
            return out;
        };

        SECTION("1. all known, mismatch") {
            report r = base(f);
            row(r, "withheld_third_party", {2, 1, 0, 0, 0, 0, 4});
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            CHECK(found[0].code == "XXGK-T3-003");
            CHECK(found[0].expected == "3");
            CHECK(found[0].actual == "4");
            CHECK(found[0].message_en.find("(difference 1)") != std::string::npos);
        }
        SECTION("2. impossible even with unknowns: the known parts exceed a known total") {
            report r = base(f);
            put(r, row_key + ".natural_person", 3);
            put(r, row_key + ".enterprise", 2);
            put(r, total, 4);  // the four other parts are blank
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            CHECK(found[0].code == "XXGK-T3-003");
            CHECK(found[0].expected == "≥ 5");
            CHECK(found[0].actual == "4");
        }
        SECTION("3. blank total with non-zero parts: its own code, not a mismatch") {
            report r = base(f);
            put(r, row_key + ".natural_person", 3);
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            CHECK(found[0].code == "XXGK-T3-004");
            CHECK(found[0].expected == "3");
            CHECK(found[0].actual == "blank");
            CHECK(found[0].code != xxgk::find_rule("XXGK-T3-003")->code);
        }
        SECTION("3. a blank total whose parts are explicit zeros is satisfied") {
            report r = base(f);
            row(r, "withheld_third_party", {0, 0, 0, 0, 0, 0, 0});
            blank(r, total);
            CHECK(r2(r).empty());
        }
        SECTION("4. blank implies non-zero: reading blanks as 0 fails") {
            report r = base(f);
            put(r, row_key + ".natural_person", 2);
            put(r, total, 5);
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            CHECK(found[0].code == "XXGK-T3-005");
            CHECK(found[0].expected == "2");
            CHECK(found[0].actual == "5");
            // Names the five unknown cells; no implied value with more than one unknown.
            CHECK(found[0].message_en.find("requests.withheld_third_party.enterprise, "
                                           "requests.withheld_third_party.research_institute") != std::string::npos);
            CHECK(found[0].message_en.find("that cell must be") == std::string::npos);
        }
        SECTION("4. with exactly one unknown cell the implied value is given") {
            report r = base(f);
            row(r, "withheld_third_party", {2, 0, 0, 0, 0, 0, 5});
            blank(r, row_key + ".legal_service");
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            CHECK(found[0].code == "XXGK-T3-005");
            CHECK(found[0].message_en.find("requests.withheld_third_party.legal_service must hold non-zero values; "
                                           "that cell must be 3.") != std::string::npos);
            CHECK(found[0].message_zh.find("“4.保护第三方合法权益”行“法律服务机构”列 中必有非零值；该单元格应为 3。") !=
                  std::string::npos);
        }
        SECTION("5. blanks read as zero satisfy: no finding") {
            report r = base(f);
            put(r, row_key + ".natural_person", 2);
            put(r, total, 2);
            CHECK(r2(r).empty());
        }
        SECTION("6. everything blank: no finding") { CHECK(validated(base(f)).empty()); }
        SECTION("not applicable and unreadable cells are unknown, never 0") {
            report r = base(f);
            row(r, "withheld_third_party", {2, 0, 0, 0, 0, 0, 5});
            xxgk::set_cell(r, row_key + ".enterprise", cell::not_applicable("-"));
            xxgk::set_cell(r, row_key + ".other_org", cell::text("三"));
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            // Read as 0 this would be a mismatch (T3-003); unknown, it is blank implies non-zero.
            CHECK(found[0].code == "XXGK-T3-005");
            CHECK(found[0].expected == "2");
            CHECK(found[0].actual == "5");
            CHECK(found[0].message_en.find("requests.withheld_third_party.enterprise, "
                                           "requests.withheld_third_party.other_org must hold") != std::string::npos);
        }
        SECTION("a not-applicable total with non-zero parts is unknown, not a blank total") {
            report r = base(f);
            row(r, "withheld_third_party", {2, 0, 0, 0, 0, 0, 0});
            xxgk::set_cell(r, total, cell::not_applicable("-"));
            const auto found = r2(r);
            REQUIRE(found.size() == 1);
            CHECK(found[0].code == "XXGK-T3-005");
            CHECK(found[0].expected == "2");
            CHECK(found[0].actual == "not_applicable");
            CHECK(found[0].message_en.find("that cell must be 2") != std::string::npos);
        }
        SECTION("an unreadable total with parts that are zero is satisfied") {
            report r = base(f);
            row(r, "withheld_third_party", {0, 0, 0, 0, 0, 0, 0});
            xxgk::set_cell(r, total, cell::text("零"));
            CHECK(r2(r).empty());
            CHECK(has_code(validated(r), "XXGK-V-007"));
        }
    }
}

TEST_CASE("validate §9.1: R1 with blanks", "[validate][blank]") {
    for (format_version f : xxgk::all_formats) {
        INFO("format " << xxgk::to_string(f));
        SECTION("the seed's reading: blanks in 二 and 四 read as zero satisfy") {
            report r = base(f);
            for (const char* row_name : {"received", "total", "granted"}) {
                put(r, std::string("requests.") + row_name + ".enterprise", 3);
                put(r, std::string("requests.") + row_name + ".total", 3);
            }
            CHECK(validated(r).empty());
        }
        SECTION("a blank 四 with a shortfall on the right") {
            report r = base(f);
            put(r, "requests.carried_over.enterprise", 0);
            put(r, "requests.received.enterprise", 5);
            put(r, "requests.total.enterprise", 3);
            put(r, "requests.granted.enterprise", 3);
            const finding x = the(validated(r), "XXGK-T3-002", "/requests/total/enterprise");
            CHECK(x.expected == "5");
            CHECK(x.actual == "3");
            CHECK(x.message_en.find("(difference -2)") != std::string::npos);
            CHECK(x.message_en.find("the cells without a known value requests.carried_forward.enterprise must hold "
                                    "non-zero values; that cell must be 2.") != std::string::npos);
            CHECK(x.message_zh.find("“商业企业”所在列") != std::string::npos);
        }
        SECTION("only the short side's unknowns are named") {
            report r = base(f);
            put(r, "requests.received.enterprise", 5);
            put(r, "requests.total.enterprise", 3);
            put(r, "requests.granted.enterprise", 3);
            // 二 is blank too, but it is on the long side: it need not hold anything.
            const finding x = the(validated(r), "XXGK-T3-002", "/requests/total/enterprise");
            CHECK(x.message_en.find("requests.carried_over.enterprise") == std::string::npos);
            CHECK(std::find(x.cells.begin(), x.cells.end(), "requests.carried_over.enterprise") != x.cells.end());
        }
    }
}

TEST_CASE("validate: the leaf rows of R3 in each format", "[validate][leaves]") {
    SECTION("2019: （六）其他处理 is one leaf, requests.other") {
        report r = balanced(f2019);
        move_leaf(r, "granted", "other", "natural_person", 4);
        CHECK(validated(r).empty());
        put(r, "requests.other.natural_person", 5);
        put(r, "requests.other.total", 5);
        const std::vector<finding> found = validated(r);
        const finding x = the(found, "XXGK-T3-006", "/requests/total/natural_person");
        CHECK(x.expected == "9");
        CHECK(x.actual == "8");
        CHECK(x.cells.size() == 20);
        CHECK(x.cells.back() == "requests.other.natural_person");
    }
    for (const char* leaf : {"other_no_correction", "other_unpaid_fee", "other_misc"}) {
        DYNAMIC_SECTION("2021: （六） is three leaves: " << leaf) {
            report r = balanced(f2021);
            move_leaf(r, "granted", leaf, "natural_person", 4);
            CHECK(validated(r).empty());
            const std::string key = std::string("requests.") + leaf;
            put(r, key + ".natural_person", 5);
            put(r, key + ".total", 5);
            const std::vector<finding> found = validated(r);
            const finding x = the(found, "XXGK-T3-006", "/requests/total/total");
            CHECK(x.expected == "11");
            CHECK(x.actual == "10");
            CHECK(x.cells.size() == 22);
            CHECK(std::find(x.cells.begin(), x.cells.end(), key + ".total") != x.cells.end());
            CHECK(std::find(x.cells.begin(), x.cells.end(), "requests.other.total") == x.cells.end());
        }
    }
}

// ---- consequences ----------------------------------------------------------------------------

TEST_CASE("validate: a blank （七）总计 cell is one root; R3 and R1 follow from it", "[validate][cascade]") {
    for (format_version f : xxgk::all_formats) {
        INFO("format " << xxgk::to_string(f));
        report r = balanced(f);
        blank(r, "requests.total.total");
        const std::vector<finding> found = validated(r);
        INFO(xxgk::findings_to_json(found));
        REQUIRE(found.size() == 3);
        CHECK(xxgk::count_errors(found) == 1);

        CHECK(found[0].code == "XXGK-T3-004");  // R2 on row （七）: 8 + 2 = 10
        CHECK(found[0].severity == severity::error);
        CHECK(found[0].key == "requests.total.total");
        CHECK(found[0].expected == "10");
        CHECK(found[0].actual == "blank");
        CHECK(found[0].caused_by.empty());

        // Without the root these would be two more errors; they come after it, downgraded to info.
        const finding r1 = the(found, "XXGK-T3-002", "/requests/total/total");
        CHECK(r1.severity == severity::info);
        CHECK(r1.expected == "13");
        CHECK(r1.actual == "3");
        CHECK(r1.caused_by == "XXGK-T3-004 requests.total.total");
        const finding r3 = the(found, "XXGK-T3-007", "/requests/total/total");
        CHECK(r3.severity == severity::info);
        CHECK(r3.expected == "10");
        CHECK(r3.actual == "blank");
        CHECK(r3.caused_by == "XXGK-T3-004 requests.total.total");
        CHECK(r3.message_en.find("(This follows from XXGK-T3-004 requests.total.total;") != std::string::npos);
        CHECK(found[1].caused_by.size() > 0);
        CHECK(found[2].caused_by.size() > 0);
    }
}

TEST_CASE("validate: a blank leaf total is the root of the R3 finding", "[validate][cascade]") {
    for (format_version f : xxgk::all_formats) {
        report r = balanced(f);
        blank(r, "requests.granted.total");
        const std::vector<finding> found = validated(r);
        REQUIRE(found.size() == 2);
        CHECK(found[0].code == "XXGK-T3-004");
        CHECK(found[0].key == "requests.granted.total");
        CHECK(found[0].expected == "7");
        CHECK(found[1].code == "XXGK-T3-008");
        CHECK(found[1].key == "requests.total.total");
        CHECK(found[1].expected == "3");
        CHECK(found[1].actual == "10");
        CHECK(found[1].severity == severity::info);
        CHECK(found[1].caused_by == "XXGK-T3-004 requests.granted.total");
    }
}

TEST_CASE("validate: a blank R3 total is the root of the R2 and R1 findings", "[validate][cascade]") {
    report r = balanced(f2019);
    blank(r, "requests.total.natural_person");
    const std::vector<finding> found = validated(r);
    INFO(xxgk::findings_to_json(found));
    REQUIRE(found.size() == 3);
    CHECK(found[0].code == "XXGK-T3-007");
    CHECK(found[0].severity == severity::error);
    CHECK(found[0].expected == "8");
    const std::string cause = "XXGK-T3-007 requests.total.natural_person";
    CHECK(the(found, "XXGK-T3-005", "/requests/total/total").caused_by == cause);
    CHECK(the(found, "XXGK-T3-002", "/requests/total/natural_person").caused_by == cause);
    CHECK(xxgk::count_errors(found) == 1);
}

TEST_CASE("validate: an independent second error is never marked as a consequence", "[validate][cascade]") {
    SECTION("an R5 mismatch beside the seed's defect") {
        report r = load_example("cangnan-2020.json");
        put(r, "review_litigation.review.total", 10);
        const std::vector<finding> found = validated(r);
        REQUIRE(found.size() == 3);
        CHECK(xxgk::count_errors(found) == 2);
        const finding x = the(found, "XXGK-T4-001", "/review_litigation/review/total");
        CHECK(x.severity == severity::error);
        CHECK(x.caused_by.empty());
        CHECK(x.expected == "9");
        CHECK(x.actual == "10");
        CHECK(the(found, "XXGK-T3-008", "/requests/total/total").caused_by ==
              "XXGK-T3-004 requests.withheld_prohibited_by_law.total");
    }
    SECTION("a blank that explains only part of a difference") {
        report r = load_example("cangnan-2020.json");
        put(r, "requests.total.total", 230);  // leaves 226 + the implied 2 = 228, not 230
        const std::vector<finding> found = validated(r);
        INFO(xxgk::findings_to_json(found));
        const finding r3 = the(found, "XXGK-T3-008", "/requests/total/total");
        CHECK(r3.severity == severity::error);
        CHECK(r3.caused_by.empty());
        CHECK(r3.expected == "226");
        CHECK(r3.actual == "230");
        const finding r1 = the(found, "XXGK-T3-001", "/requests/total/total");  // 234 + 6 ≠ 230 + 12
        CHECK(r1.severity == severity::error);
        CHECK(r1.caused_by.empty());
        CHECK(r1.expected == "240");
        CHECK(r1.actual == "242");
        // R2 on row （七）: its known parts 222 + 3 + 3 = 228, printed 230, three parts blank.
        const finding r2 = the(found, "XXGK-T3-005", "/requests/total/total");
        CHECK(r2.expected == "228");
        CHECK(r2.caused_by.empty());
        CHECK(xxgk::count_errors(found) == 4);
    }
    SECTION("a mismatch of known cells cannot follow from a blank") {
        report r = balanced(f2021);
        blank(r, "requests.granted.total");             // root: implied 7
        put(r, "requests.partially_granted.total", 4);  // R2 mismatch: 2 + 1 ≠ 4
        const std::vector<finding> found = validated(r);
        INFO(xxgk::findings_to_json(found));
        CHECK(the(found, "XXGK-T3-003", "/requests/partially_granted/total").caused_by.empty());
        // R3 总计: 10 vs 4 + blank; with the implied 7 it is 10 vs 11: still an error.
        const finding r3 = the(found, "XXGK-T3-008", "/requests/total/total");
        CHECK(r3.severity == severity::error);
        CHECK(r3.caused_by.empty());
    }
    SECTION("two rules implying different values for one blank cell explain nothing") {
        report r = balanced(f2019);
        blank(r, "requests.total.total");
        row(r, "partially_granted", {2, 1, 0, 0, 1, 0, 4});  // R3 法律服务机构 now fails: 0 ≠ 1
        const std::vector<finding> found = validated(r);
        INFO(xxgk::findings_to_json(found));
        CHECK(the(found, "XXGK-T3-004", "/requests/total/total").expected == "10");  // R2: the row says 10
        CHECK(the(found, "XXGK-T3-007", "/requests/total/total").expected == "11");  // R3: the leaves say 11
        CHECK(the(found, "XXGK-T3-006", "/requests/total/legal_service").expected == "1");
        CHECK(the(found, "XXGK-T3-002", "/requests/total/total").severity == severity::error);
        for (const finding& x : found) CHECK(x.caused_by.empty());
        CHECK(xxgk::count_errors(found) == 4);
    }
}

TEST_CASE("validate: R6 subtotal findings follow from a blank R3 total", "[validate][cascade]") {
    report r = balanced(f2019);
    blank(r, "requests.total.enterprise");
    std::visit([](auto& t) { t.requests.total.organizations_subtotal = cell::number(2); }, r.tables);
    const std::vector<finding> found = validated(r);
    INFO(xxgk::findings_to_json(found));
    const finding r6 = the(found, "XXGK-T3-011", "/requests/total/organizations_subtotal");
    CHECK(r6.key.empty());
    CHECK(r6.expected == "0");
    CHECK(r6.actual == "2");
    CHECK(r6.caused_by == "XXGK-T3-007 requests.total.enterprise");
    CHECK(r6.message_zh.find("“（七）总计”行“商业企业”列") != std::string::npos);
    CHECK(xxgk::count_errors(found) == 1);
}

TEST_CASE("validate: a printed subtotal is domain-checked like any count", "[validate]") {
    report r = balanced(f2021);
    std::visit([](auto& t) { t.requests.granted.organizations_subtotal = cell::text("一"); }, r.tables);
    const std::vector<finding> found = validated(r);
    const finding x = the(found, "XXGK-V-007", "/requests/granted/organizations_subtotal");
    CHECK(x.key.empty());
    CHECK(x.actual == "一");
    CHECK(x.message_zh.find("“（一）予以公开”行的法人或其他组织小计") != std::string::npos);
    CHECK(x.message_en.find("requests.granted.organizations_subtotal") != std::string::npos);
    // Unknown subtotal and one known part of 1: blank implies non-zero, naming the subtotal.
    const finding r6 = the(found, "XXGK-T3-011", "/requests/granted/organizations_subtotal");
    CHECK(r6.message_zh.find("数值未知的单元格 “（一）予以公开”行“法人或其他组织”小计 中必有非零值；该单元格应为 1") !=
          std::string::npos);
}

// ---- further behaviour -----------------------------------------------------------------------

TEST_CASE("validate: details of individual checks", "[validate]") {
    SECTION("H-008 needs the scope, and for a compiled report the level") {
        report r = base(f2019);
        r.header.publication_date = xxgk::calendar_date{2021, 6, 1};
        CHECK_FALSE(has_code(validated(r), "XXGK-H-008"));
        r.header.scope = xxgk::report_scope::own;  // own reports: 1月31日 at every level, level unknown
        CHECK(the(validated(r), "XXGK-H-008", "/header/publication_date").expected == "2021-01-31");
        r.header.scope = xxgk::report_scope::compiled;
        CHECK_FALSE(has_code(validated(r), "XXGK-H-008"));  // compiled, level unknown: no deadline known
        r.header.level = xxgk::admin_level::prefectural;
        CHECK(the(validated(r), "XXGK-H-008", "/header/publication_date").expected == "2021-03-10");
        r.header.level = xxgk::admin_level::provincial;
        CHECK(the(validated(r), "XXGK-H-008", "/header/publication_date").expected == "2021-03-31");
    }
    SECTION("H-007 and H-008 fire separately for publication and signature") {
        report r = base(f2021);
        r.header.publication_date = xxgk::calendar_date{2021, 11, 1};
        r.header.signature = xxgk::signature_block{std::nullopt, xxgk::calendar_date{2021, 10, 1}};
        const auto found = validated(r);
        CHECK(with_code(found, "XXGK-H-007").size() == 2);
        CHECK(the(found, "XXGK-H-007", "/header/signature/date").message_zh.find("署名日期") != std::string::npos);
    }
    SECTION("the signed 本年增/减 may be negative (seed: -58)") {
        report r = base(f2019);
        put(r, "proactive.penalties.prior_items", 100);
        put(r, "proactive.penalties.change", -58);
        CHECK(validated(r).empty());
    }
    SECTION("T2 has no 2021 counterpart of the item arithmetic") {
        report r = base(f2021);
        put(r, "proactive.regulations.issued", 9);
        put(r, "proactive.regulations.in_force", 1);
        CHECK(validated(r).empty());
    }
    SECTION("narrative checks are 2021-only") {
        report r = base(f2019);
        xxgk::narrative_section one;
        one.paragraphs = {std::string(3000, 'a')};
        r.overview = one;
        CHECK(validated(r).empty());  // no N-001, and no N-002 without a fee report in 2019
    }
    SECTION("N-002 is satisfied by a mention of 收费 in section 六") {
        report r = base(f2021);
        r.other_matters->paragraphs = {"本机关未发生信息处理费收费情况。"};
        CHECK_FALSE(has_code(validated(r), "XXGK-N-002"));
        r.other_matters.reset();
        CHECK(has_code(validated(r), "XXGK-N-002"));
    }
    SECTION("N-004 names both amounts") {
        report r = base(f2021);
        r.processing_fees = xxgk::processing_fee_statement{false, std::nullopt, decimal(10), decimal(10), std::nullopt};
        const auto found = validated(r);
        CHECK(the(found, "XXGK-N-004", "/processing_fees/billed").actual == "10");
        CHECK(the(found, "XXGK-N-004", "/processing_fees/collected").actual == "10");
    }
    SECTION("a blank row total in R1 is the root of the R1 finding (docs/rules.md, XXGK-T3-004)") {
        report r = balanced(f2019);
        blank(r, "requests.received.total");
        const auto found = validated(r);
        REQUIRE(found.size() == 2);
        CHECK(found[0].code == "XXGK-T3-004");
        const finding r1 = the(found, "XXGK-T3-002", "/requests/total/total");
        CHECK(r1.expected == "1");
        CHECK(r1.actual == "13");
        CHECK(r1.severity == severity::info);
        CHECK(r1.caused_by == "XXGK-T3-004 requests.received.total");
    }
    SECTION("exact decimals in money, never rounded") {
        report r = base(f2021);
        xxgk::set_cell(r, "proactive.fees.amount", cell::number(decimal(-123456, 6)));
        CHECK(the(validated(r), "XXGK-V-003", "/proactive/fees/amount").actual == "-0.123456");
    }
}

TEST_CASE("validate never alters the report and never throws for a finding", "[validate]") {
    report r = load_example("cangnan-2020.json");
    for (const xxgk::cell_key& k : xxgk::cell_keys(r.format()))
        if (k.section == "requests" && xxgk::cell_at(r, k.index).is_blank()) xxgk::set_cell(r, k.key, cell::text("?"));
    r.header.body.clear();
    r.header.year = 1999;
    const report copy = r;
    std::vector<finding> found;
    REQUIRE_NOTHROW(found = xxgk::validate(r));
    CHECK(r == copy);
    CHECK(found.size() > 10);
    for (const finding& f : found) check_hygiene(r, f);
}

// ---- JSON -------------------------------------------------------------------------------------

TEST_CASE("findings_to_json has the members of xxgk::finding", "[validate][json]") {
    const report r = load_example("cangnan-2020.json");
    const std::vector<finding> found = xxgk::validate(r);
    const std::string text = xxgk::findings_to_json(found);
    CHECK(text == xxgk::findings_to_json(found));  // deterministic

    boost::json::error_code ec;
    const boost::json::value doc = boost::json::parse(text, ec);
    REQUIRE_FALSE(ec);
    REQUIRE(doc.is_array());
    const boost::json::array& items = doc.as_array();
    REQUIRE(items.size() == found.size());

    std::vector<std::string> members;
    boost::mp11::mp_for_each<boost::describe::describe_members<finding, boost::describe::mod_public>>(
        [&](auto d) { members.emplace_back(d.name); });
    REQUIRE(members.size() == 11);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const boost::json::object& o = items[i].as_object();
        CHECK(o.size() == members.size());
        for (const std::string& m : members) CHECK(o.contains(m));
        CHECK(o.at("code").as_string() == found[i].code.c_str());
        CHECK(o.at("severity").as_string() == boost::describe::enum_to_string(found[i].severity, "?"));
        CHECK(o.at("key").as_string() == found[i].key.c_str());
        CHECK(o.at("pointer").as_string() == found[i].pointer.c_str());
        CHECK(o.at("expected").as_string() == found[i].expected.c_str());
        CHECK(o.at("actual").as_string() == found[i].actual.c_str());
        CHECK(o.at("message_zh").as_string() == found[i].message_zh.c_str());
        CHECK(o.at("caused_by").as_string() == found[i].caused_by.c_str());
        REQUIRE(o.at("cells").is_array());
        CHECK(o.at("cells").as_array().size() == found[i].cells.size());
    }
    CHECK(items[0].as_object().at("severity").as_string() == "error");
    CHECK(items[1].as_object().at("severity").as_string() == "info");
    CHECK(items[1].as_object().at("caused_by").as_string() == "XXGK-T3-004 requests.withheld_prohibited_by_law.total");
    CHECK(xxgk::findings_to_json({}) == "[]");
}

// ---- docs/rules.md -----------------------------------------------------------------------------

TEST_CASE("docs/rules.md explains exactly the codes of the catalog", "[validate][docs]") {
    const std::string doc = read_text(std::string(XXGK_SOURCE_DIR) + "/docs/rules.md");
    std::set<std::string> in_doc;
    const std::regex code(R"(XXGK-[A-Z0-9]+-\d+)");
    for (auto it = std::sregex_iterator(doc.begin(), doc.end(), code); it != std::sregex_iterator(); ++it)
        in_doc.insert(it->str());
    std::set<std::string> in_catalog;
    for (const xxgk::rule_info& r : xxgk::rule_catalog()) in_catalog.insert(std::string(r.code));
    for (const std::string& c : in_catalog) {
        INFO(c << " is in the catalog but not in docs/rules.md");
        CHECK(in_doc.count(c) == 1);
        // Each code has its own heading.
        CHECK(doc.find("### " + c) != std::string::npos);
    }
    for (const std::string& c : in_doc) {
        INFO(c << " is named in docs/rules.md but not in the catalog");
        CHECK(in_catalog.count(c) == 1);
    }
}
