// xxgk::cell_keys and friends, checked against the key tables of the vendored spec
// (tests/data/spec/keys.md §3 and §4), character for character.
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/report.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using xxgk::format_version;
using xxgk::value_kind;

namespace {

/// One line of a key table of keys.md.
struct spec_key {
    std::size_t number = 0;
    std::string key;
    std::string table;      ///< "3.2"
    std::string caption;    ///< proactive: block caption; requests: row group ("—" when none)
    std::string row_label;  ///< review_litigation: with its group, "行政诉讼 › 复议后起诉"
    std::string column_label;
    std::string value_type;
};

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> split_row(const std::string& line) {
    std::vector<std::string> cells;
    std::string current;
    for (std::size_t i = 1; i < line.size(); ++i) {  // line[0] == '|'
        if (line[i] == '|') {
            cells.push_back(trim(current));
            current.clear();
        } else {
            current += line[i];
        }
    }
    return cells;
}

/// The key tables of one format: §3 (2019) or §4 (2021), with the count each heading announces.
struct spec_tables {
    std::vector<spec_key> keys;
    std::map<std::string, std::size_t> announced;  ///< "3.1" → 22
    std::map<std::string, std::size_t> lines;      ///< "3.1" → number of lines read
};

spec_tables read_spec(format_version format) {
    const std::string chapter = format == format_version::v2019 ? "3" : "4";
    std::ifstream in(std::string(XXGK_TEST_DATA) + "/spec/keys.md");
    REQUIRE(in);
    spec_tables out;
    std::string line, table;
    bool in_chapter = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) {
            in_chapter = line.rfind("## " + chapter + ". ", 0) == 0;
            table.clear();
            continue;
        }
        if (!in_chapter) continue;
        if (line.rfind("### ", 0) == 0) {
            // "### 3.2 `requests`: 161 keys"
            table = line.substr(4, line.find(' ', 4) - 4);
            const auto colon = line.find("`: ");
            REQUIRE(colon != std::string::npos);
            out.announced[table] = std::stoul(line.substr(colon + 3));
            continue;
        }
        if (table.empty() || line.size() < 3 || line[0] != '|' || !(line[2] >= '0' && line[2] <= '9')) continue;
        const std::vector<std::string> cells = split_row(line);
        INFO(line);
        REQUIRE((cells.size() == 6 || cells.size() == 5));
        spec_key k;
        k.table = table;
        k.number = std::stoul(cells[0]);
        REQUIRE(cells[1].size() > 2);
        REQUIRE(cells[1].front() == '`');
        REQUIRE(cells[1].back() == '`');
        k.key = cells[1].substr(1, cells[1].size() - 2);
        if (cells.size() == 6) {
            k.caption = cells[2];
            k.row_label = cells[3];
            k.column_label = cells[4];
            k.value_type = cells[5];
        } else {
            k.row_label = cells[2];
            k.column_label = cells[3];
            k.value_type = cells[4];
        }
        ++out.lines[table];
        CHECK(k.number == out.lines[table]);  // numbered 1, 2, 3, … in each table
        out.keys.push_back(std::move(k));
    }
    return out;
}

value_kind kind_of_spec_type(const std::string& type) {
    if (type == "count ≥ 0") return value_kind::count;
    if (type == "signed count") return value_kind::signed_count;
    if (type == "decimal money + unit (元 or 万元, as written in the cell)") return value_kind::amount;
    if (type == "decimal money + unit (万元, fixed by the column label)") return value_kind::amount_wan_yuan;
    FAIL("unknown value type in keys.md: " << type);
    return value_kind::count;
}

std::string column_label_of(const xxgk::cell_key& k) {
    std::string label;
    if (!k.column_info->group.empty()) {
        label = std::string(k.column_info->group) + " › ";
    }
    return label + std::string(k.column_info->label);
}

}  // namespace

TEST_CASE("keys: the vendored spec lists 198 keys for 2019 and 200 for 2021", "[keys][spec]") {
    const spec_tables s2019 = read_spec(format_version::v2019);
    CHECK(s2019.announced == std::map<std::string, std::size_t>{{"3.1", 22}, {"3.2", 161}, {"3.3", 15}});
    CHECK(s2019.lines == s2019.announced);
    CHECK(s2019.keys.size() == 198);

    const spec_tables s2021 = read_spec(format_version::v2021);
    CHECK(s2021.announced == std::map<std::string, std::size_t>{{"4.1", 10}, {"4.2", 175}, {"4.3", 15}});
    CHECK(s2021.lines == s2021.announced);
    CHECK(s2021.keys.size() == 200);
}

TEST_CASE("keys: cell_keys has exactly the keys of the spec, in the same order", "[keys][spec]") {
    for (format_version format : xxgk::all_formats) {
        INFO("format " << to_string(format));
        const spec_tables spec = read_spec(format);
        const auto& keys = xxgk::cell_keys(format);
        REQUIRE(keys.size() == (format == format_version::v2019 ? 198u : 200u));
        REQUIRE(keys.size() == spec.keys.size());
        std::vector<std::string> expected, actual;
        for (const spec_key& k : spec.keys) expected.push_back(k.key);
        for (const xxgk::cell_key& k : keys) actual.push_back(k.key);
        CHECK(actual == expected);
        CHECK(std::set<std::string>(actual.begin(), actual.end()).size() == actual.size());  // no key twice
    }
}

TEST_CASE("keys: labels and value kinds equal the spec character for character", "[keys][labels][spec]") {
    for (format_version format : xxgk::all_formats) {
        const spec_tables spec = read_spec(format);
        const auto& keys = xxgk::cell_keys(format);
        const xxgk::label_table& labels = xxgk::labels(format);
        REQUIRE(keys.size() == spec.keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const xxgk::cell_key& k = keys[i];
            const spec_key& s = spec.keys[i];
            INFO("format " << to_string(format) << ", key " << k.key << " (keys.md §" << s.table << " #" << s.number
                           << ")");
            REQUIRE(k.key == s.key);
            REQUIRE(k.row_info != nullptr);
            REQUIRE(k.column_info != nullptr);
            CHECK(k.row_info->section == k.section);
            CHECK(k.row_info->id == k.row);
            CHECK(k.column_info->section == k.section);
            CHECK(k.column_info->id == k.column);
            CHECK(column_label_of(k) == s.column_label);
            CHECK(k.kind == kind_of_spec_type(s.value_type));
            const std::string groups = labels.row_group_path(k.section, k.row);
            if (k.section == "proactive") {
                // Block caption: the group of the proactive row.
                const xxgk::group_label* block = labels.group("proactive", k.row_info->group);
                REQUIRE(block != nullptr);
                CHECK(std::string(block->label) == s.caption);
                CHECK(groups == s.caption);
                CHECK(std::string(k.row_info->label) == s.row_label);
            } else if (k.section == "requests") {
                CHECK(groups == (s.caption == "—" ? std::string() : s.caption));
                CHECK(std::string(k.row_info->label) == s.row_label);
            } else {
                REQUIRE(k.section == "review_litigation");
                const std::string path =
                    groups.empty() ? std::string(k.row_info->label) : groups + " › " + std::string(k.row_info->label);
                CHECK(path == s.row_label);
            }
        }
    }
}

TEST_CASE("keys: value kinds per format", "[keys]") {
    auto count_kinds = [](format_version format) {
        std::map<value_kind, std::size_t> n;
        for (const auto& k : xxgk::cell_keys(format)) ++n[k.kind];
        return n;
    };
    CHECK(count_kinds(format_version::v2019) == std::map<value_kind, std::size_t>{{value_kind::count, 192},
                                                                                  {value_kind::signed_count, 5},
                                                                                  {value_kind::amount, 1}});
    CHECK(count_kinds(format_version::v2021) ==
          std::map<value_kind, std::size_t>{{value_kind::count, 199}, {value_kind::amount_wan_yuan, 1}});
    CHECK(xxgk::find_cell_key(format_version::v2019, "proactive.procurement.amount")->kind == value_kind::amount);
    CHECK(xxgk::find_cell_key(format_version::v2021, "proactive.fees.amount")->kind == value_kind::amount_wan_yuan);
    CHECK(xxgk::find_cell_key(format_version::v2019, "proactive.penalties.change")->kind == value_kind::signed_count);
}

TEST_CASE("keys: every key describes itself consistently", "[keys]") {
    for (format_version format : xxgk::all_formats) {
        const auto& keys = xxgk::cell_keys(format);
        CHECK(&keys == &xxgk::cell_keys(format));  // one vector for the whole program
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const xxgk::cell_key& k = keys[i];
            INFO(k.key);
            CHECK(k.index == i);
            CHECK(k.key == std::string(k.section) + "." + std::string(k.row) + "." + std::string(k.column));
            std::string pointer = "/" + k.key;
            for (char& c : pointer)
                if (c == '.') c = '/';
            CHECK(k.pointer == pointer);
            CHECK(xxgk::find_cell_key(format, k.key) == &k);
            CHECK(xxgk::is_row_or_key_of(format, k.key));
            CHECK(xxgk::is_row_or_key_of(format, std::string(k.section) + "." + std::string(k.row)));
        }
    }
    CHECK(xxgk::cell_keys(format_version::v2019).front().key == "proactive.regulations.new_made");
    CHECK(xxgk::cell_keys(format_version::v2019).back().key == "review_litigation.litigation_after_review.total");
    CHECK(xxgk::cell_keys(format_version::v2021).front().key == "proactive.regulations.issued");
    CHECK(xxgk::cell_keys(format_version::v2021)[10].key == "requests.received.natural_person");
}

TEST_CASE("keys: label_path names the cell in full", "[keys][labels]") {
    const auto* k = xxgk::find_cell_key(format_version::v2019, "requests.withheld_prohibited_by_law.total");
    REQUIRE(k);
    CHECK(
        k->label_path(format_version::v2019) ==
        "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （三）不予公开 › 2.其他法律行政法规禁止公开 › 总计");
    k = xxgk::find_cell_key(format_version::v2021, "requests.other_misc.enterprise");
    REQUIRE(k);
    CHECK(k->label_path(format_version::v2021) == "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › "
                                                  "（六）其他处理 › 3.其他 › 法人或其他组织 › 商业企业");
    k = xxgk::find_cell_key(format_version::v2019, "requests.received.natural_person");
    REQUIRE(k);
    CHECK(k->label_path(format_version::v2019) ==
          "三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 自然人");
    k = xxgk::find_cell_key(format_version::v2019, "proactive.procurement.amount");
    REQUIRE(k);
    CHECK(k->label_path(format_version::v2019) ==
          "二、主动公开政府信息情况 › 第二十条第（九）项 › 政府集中采购 › 采购总金额");
    k = xxgk::find_cell_key(format_version::v2021, "review_litigation.litigation_after_review.pending");
    REQUIRE(k);
    CHECK(k->label_path(format_version::v2021) ==
          "四、政府信息公开行政复议、行政诉讼情况 › 行政诉讼 › 复议后起诉 › 尚未审结");
}

TEST_CASE("keys: get and set by key reach the model's own members", "[keys]") {
    SECTION("2019, through the struct members") {
        xxgk::report r = xxgk::report::make(format_version::v2019);
        xxgk::set_cell(r, "requests.granted.natural_person", xxgk::cell::number(116));
        xxgk::set_cell(r, "proactive.procurement.amount",
                       xxgk::cell::number(xxgk::decimal(1742488, 2), xxgk::money_unit::wan_yuan));
        xxgk::cell_at(r, "review_litigation.litigation_direct.upheld") = xxgk::cell::number(33);
        const auto& t = std::get<xxgk::tables_2019>(r.tables);
        CHECK(t.requests.granted.natural_person == xxgk::cell::number(116));
        CHECK(t.proactive.procurement.amount.value().to_string() == "17424.88");
        CHECK(t.proactive.procurement.amount.unit() == xxgk::money_unit::wan_yuan);
        CHECK(t.review_litigation.litigation_direct.upheld.value() == xxgk::decimal(33));
        CHECK(t.requests.other.total.is_blank());
    }
    SECTION("2021, through the struct members") {
        xxgk::report r = xxgk::report::make(format_version::v2021);
        xxgk::set_cell(r, "requests.other_misc.total", xxgk::cell::text("若干"));
        const auto& t = std::get<xxgk::tables_2021>(r.tables);
        REQUIRE(t.requests.other_misc.total.raw());
        CHECK(*t.requests.other_misc.total.raw() == "若干");
        const xxgk::report& cr = r;
        CHECK(&xxgk::cell_at(cr, "requests.other_misc.total") == &t.requests.other_misc.total);
    }
    SECTION("every key of both formats is its own cell") {
        for (format_version format : xxgk::all_formats) {
            xxgk::report r = xxgk::report::make(format);
            const auto& keys = xxgk::cell_keys(format);
            for (const auto& k : keys) {
                xxgk::cell c = xxgk::cell::number(static_cast<std::int64_t>(k.index) + 1000);
                c.set_raw(k.key);
                xxgk::set_cell(r, k.key, c);
            }
            std::set<const xxgk::cell*> addresses;
            for (const auto& k : keys) {
                INFO(k.key);
                const xxgk::cell& by_key = xxgk::cell_at(static_cast<const xxgk::report&>(r), k.key);
                const xxgk::cell& by_index = xxgk::cell_at(r, k.index);
                CHECK(&by_key == &by_index);
                CHECK(by_key.value() == xxgk::decimal(static_cast<std::int64_t>(k.index) + 1000));
                REQUIRE(by_key.raw());
                CHECK(*by_key.raw() == k.key);
                addresses.insert(&by_key);
            }
            CHECK(addresses.size() == keys.size());
        }
    }
}

TEST_CASE("keys: a key of the other format throws key_error saying so", "[keys]") {
    struct row {
        format_version report_format;
        const char* key;
        const char* other;
    };
    const row rows[] = {
        {format_version::v2021, "requests.other.total", "2019"},
        {format_version::v2021, "proactive.procurement.amount", "2019"},
        {format_version::v2021, "proactive.licensing.change", "2019"},
        {format_version::v2021, "proactive.normative_documents.new_made", "2019"},
        {format_version::v2019, "requests.other_misc.total", "2021"},
        {format_version::v2019, "proactive.fees.amount", "2021"},
        {format_version::v2019, "proactive.regulations.in_force", "2021"},
    };
    for (const row& c : rows) {
        INFO(c.key);
        xxgk::report r = xxgk::report::make(c.report_format);
        try {
            (void)xxgk::cell_at(r, c.key);
            FAIL("no key_error for " << c.key);
        } catch (const xxgk::key_error& e) {
            CHECK(e.code() == xxgk::errc::unknown_key);
            CHECK(e.key() == c.key);
            const std::string message = e.what();
            CHECK(message == "'" + std::string(c.key) + "' is not a cell key of the " +
                                 std::string(to_string(c.report_format)) + " format (it exists only in the " + c.other +
                                 " format)");
        }
        CHECK_THROWS_AS(xxgk::set_cell(r, c.key, xxgk::cell::number(1)), xxgk::key_error);
        CHECK(r == xxgk::report::make(c.report_format));  // nothing changed
    }
}

TEST_CASE("keys: malformed and unknown keys throw key_error", "[keys]") {
    const char* garbage[] = {
        "requests..total",
        "",
        "x.y.z",
        ".",
        "..",
        "requests",
        "requests.granted",
        "requests.granted.",
        ".requests.granted.total",
        "requests.granted.total.",
        "requests.granted.natural_person.extra",
        "requests.withheld.total",                  // a group, not a row
        "requests.granted.organizations_subtotal",  // outside the key space
        "Requests.granted.total",
        " requests.granted.total",
        "requests.granted.total ",
        "requests/granted/total",
        "requests.granted.总计",
        "review_litigation.litigation.total",
        "proactive.regulations.amount",
    };
    for (format_version format : xxgk::all_formats) {
        const xxgk::report r = xxgk::report::make(format);
        for (const char* key : garbage) {
            INFO(to_string(format) << " '" << key << "'");
            CHECK(xxgk::find_cell_key(format, key) == nullptr);
            try {
                (void)xxgk::cell_at(r, key);
                FAIL("no key_error");
            } catch (const xxgk::key_error& e) {
                CHECK(e.code() == xxgk::errc::unknown_key);
                CHECK(e.key() == key);
                const std::string message = e.what();
                CHECK(message.find("exists only in") == std::string::npos);
                CHECK(message.find("<section>.<row>.<column>") != std::string::npos);
            }
        }
    }
    // key_error is an xxgk::error.
    xxgk::report r = xxgk::report::make(format_version::v2019);
    CHECK_THROWS_AS(xxgk::cell_at(r, "x.y.z"), xxgk::error);
}

TEST_CASE("keys: is_row_or_key_of", "[keys]") {
    using F = format_version;
    struct row {
        F format;
        const char* dotted;
        bool expected;
    };
    const row rows[] = {
        {F::v2019, "requests.other", true},
        {F::v2021, "requests.other", false},  // a group in 2021
        {F::v2019, "requests.other.total", true},
        {F::v2021, "requests.other.total", false},
        {F::v2021, "requests.other_misc", true},
        {F::v2019, "requests.other_misc", false},
        {F::v2021, "requests.other_misc.natural_person", true},
        {F::v2019, "proactive.procurement", true},
        {F::v2021, "proactive.procurement", false},
        {F::v2019, "proactive.procurement.amount", true},
        {F::v2021, "proactive.procurement.amount", false},
        {F::v2021, "proactive.fees.amount", true},
        {F::v2019, "proactive.fees.amount", false},
        {F::v2019, "proactive.fees", true},
        {F::v2021, "proactive.fees", true},
        {F::v2019, "review_litigation.litigation_direct", true},
        {F::v2021, "review_litigation.litigation", false},
        {F::v2019, "requests.withheld", false},
        {F::v2019, "requests", false},
        {F::v2019, "", false},
        {F::v2019, "requests.", false},
        {F::v2019, "requests.granted.", false},
        {F::v2019, "requests..total", false},
        {F::v2019, "requests.granted.organizations_subtotal", false},
        {F::v2019, "header.body", false},
    };
    for (const row& c : rows) {
        INFO(to_string(c.format) << " '" << c.dotted << "'");
        CHECK(xxgk::is_row_or_key_of(c.format, c.dotted) == c.expected);
    }
}
