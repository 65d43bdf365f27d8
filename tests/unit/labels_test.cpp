// xxgk::labels — every described row and column has a label, and every label is used.
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/layout.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

using xxgk::format_version;
using xxgk::row_role;

namespace {

using id = std::pair<std::string, std::string>;  // (section, identifier)

}  // namespace

TEST_CASE("labels: every described row and column of the model has a label", "[labels]") {
    for (format_version format : xxgk::all_formats) {
        const xxgk::label_table& t = xxgk::labels(format);
        CHECK(t.format == format);
        CHECK(&t == &xxgk::labels(format));
        for (const xxgk::cell_key& k : xxgk::cell_keys(format)) {
            INFO(to_string(format) << " " << k.key);
            REQUIRE(k.row_info != nullptr);
            REQUIRE(k.column_info != nullptr);
            CHECK(k.row_info == t.row(k.section, k.row));
            CHECK(k.column_info == t.column(k.section, k.column));
            CHECK_FALSE(k.row_info->label.empty());
            CHECK_FALSE(k.column_info->label.empty());
            REQUIRE(t.section(k.section) != nullptr);
            // A row's group, when it has one, is a group of the same section.
            if (!k.row_info->group.empty()) CHECK(t.group(k.section, k.row_info->group) != nullptr);
        }
    }
}

TEST_CASE("labels: every label names a described row or column (no extra labels)", "[labels]") {
    for (format_version format : xxgk::all_formats) {
        const xxgk::label_table& t = xxgk::labels(format);
        std::set<id> rows, columns, sections;
        for (const xxgk::cell_key& k : xxgk::cell_keys(format)) {
            rows.emplace(std::string(k.section), std::string(k.row));
            columns.emplace(std::string(k.section), std::string(k.column));
            sections.emplace(std::string(k.section), std::string());
        }
        std::set<id> labelled_rows, labelled_columns;
        for (const auto& r : t.rows) {
            INFO(to_string(format) << " row " << r.section << "." << r.id);
            CHECK(labelled_rows.emplace(std::string(r.section), std::string(r.id)).second);  // no duplicates
            CHECK(rows.count({std::string(r.section), std::string(r.id)}) == 1);
        }
        for (const auto& c : t.columns) {
            INFO(to_string(format) << " column " << c.section << "." << c.id);
            CHECK(labelled_columns.emplace(std::string(c.section), std::string(c.id)).second);
            CHECK(columns.count({std::string(c.section), std::string(c.id)}) == 1);
        }
        CHECK(labelled_rows == rows);
        CHECK(labelled_columns == columns);
        CHECK(t.sections.size() == sections.size());
        for (const auto& s : t.sections) CHECK(sections.count({std::string(s.id), std::string()}) == 1);

        // Every group holds at least one row, directly or through a nested group, and its parent exists.
        for (const auto& g : t.groups) {
            INFO(to_string(format) << " group " << g.section << "." << g.id);
            if (!g.parent.empty()) CHECK(t.group(g.section, g.parent) != nullptr);
            bool used = false;
            for (const auto& r : t.rows)
                if (r.section == g.section) {
                    for (const auto* p = t.group(r.section, r.group); p && !used;
                         p = p->parent.empty() ? nullptr : t.group(p->section, p->parent))
                        used = p->id == g.id;
                }
            CHECK(used);
        }
    }
}

TEST_CASE("labels: counts of rows, columns and groups per format", "[labels]") {
    const xxgk::label_table& t2019 = xxgk::labels(format_version::v2019);
    const xxgk::label_table& t2021 = xxgk::labels(format_version::v2021);
    auto rows_in = [](const xxgk::label_table& t, std::string_view section) {
        std::size_t n = 0;
        for (const auto& r : t.rows) n += r.section == section;
        return n;
    };
    CHECK(rows_in(t2019, "proactive") == 8);
    CHECK(rows_in(t2019, "requests") == 23);
    CHECK(rows_in(t2019, "review_litigation") == 3);
    CHECK(rows_in(t2021, "proactive") == 6);
    CHECK(rows_in(t2021, "requests") == 25);
    CHECK(rows_in(t2021, "review_litigation") == 3);
    CHECK(t2019.columns.size() == 8 + 7 + 5);
    CHECK(t2021.columns.size() == 5 + 7 + 5);
    CHECK(t2019.group("requests", "other") == nullptr);  // a leaf row in 2019
    REQUIRE(t2021.group("requests", "other") != nullptr);
    CHECK(t2021.group("requests", "other")->label == "（六）其他处理");
    CHECK(t2019.group("proactive", "article_20_9") != nullptr);
    CHECK(t2021.group("proactive", "article_20_9") == nullptr);
}

TEST_CASE("labels: row group paths", "[labels]") {
    struct row {
        format_version format;
        const char* section;
        const char* row;
        const char* path;
    };
    const row rows[] = {
        {format_version::v2019, "requests", "withheld_state_secret", "三、本年度办理结果 › （三）不予公开"},
        {format_version::v2021, "requests", "withheld_inquiry_matter", "三、本年度办理结果 › （三）不予公开"},
        {format_version::v2019, "requests", "unavailable_unclear", "三、本年度办理结果 › （四）无法提供"},
        {format_version::v2019, "requests", "not_handled_reissue", "三、本年度办理结果 › （五）不予处理"},
        {format_version::v2021, "requests", "other_unpaid_fee", "三、本年度办理结果 › （六）其他处理"},
        {format_version::v2019, "requests", "other", "三、本年度办理结果"},
        {format_version::v2019, "requests", "granted", "三、本年度办理结果"},
        {format_version::v2021, "requests", "total", "三、本年度办理结果"},
        {format_version::v2019, "requests", "received", ""},
        {format_version::v2021, "requests", "carried_forward", ""},
        {format_version::v2019, "review_litigation", "review", ""},
        {format_version::v2019, "review_litigation", "litigation_direct", "行政诉讼"},
        {format_version::v2021, "review_litigation", "litigation_after_review", "行政诉讼"},
        {format_version::v2019, "proactive", "procurement", "第二十条第（九）项"},
        {format_version::v2019, "proactive", "other_services", "第二十条第（五）项"},
        {format_version::v2021, "proactive", "fees", "第二十条第（八）项"},
        // Not rows of the format: empty.
        {format_version::v2021, "requests", "other", ""},
        {format_version::v2019, "requests", "withheld", ""},
        {format_version::v2019, "nowhere", "granted", ""},
    };
    for (const row& r : rows) {
        INFO(to_string(r.format) << " " << r.section << "." << r.row);
        CHECK(xxgk::labels(r.format).row_group_path(r.section, r.row) == r.path);
    }
}

TEST_CASE("labels: row roles", "[labels]") {
    for (format_version format : xxgk::all_formats) {
        const xxgk::label_table& t = xxgk::labels(format);
        std::size_t leaves = 0;
        for (const auto& r : t.rows) {
            INFO(r.section << "." << r.id);
            if (r.section == "proactive") CHECK(r.role == row_role::item);
            if (r.section == "review_litigation") CHECK(r.role == row_role::case_group);
            leaves += r.role == row_role::outcome_leaf;
        }
        CHECK(leaves == (format == format_version::v2019 ? 19u : 21u));  // R3's leaves
        CHECK(t.row("requests", "received")->role == row_role::inflow);
        CHECK(t.row("requests", "carried_over")->role == row_role::inflow);
        CHECK(t.row("requests", "total")->role == row_role::outcome_total);
        CHECK(t.row("requests", "carried_forward")->role == row_role::outflow);
    }
}

TEST_CASE("labels: lookups of unknown identifiers return nullptr", "[labels]") {
    const xxgk::label_table& t = xxgk::labels(format_version::v2021);
    CHECK(t.section("header") == nullptr);
    CHECK(t.row("requests", "other") == nullptr);
    CHECK(t.row("proactive", "procurement") == nullptr);
    CHECK(t.row("review_litigation", "granted") == nullptr);  // right id, wrong section
    CHECK(t.column("proactive", "natural_person") == nullptr);
    CHECK(t.column("requests", "organizations_subtotal") == nullptr);
    CHECK(t.group("requests", "litigation") == nullptr);
    REQUIRE(t.section("requests") != nullptr);
    CHECK(t.section("requests")->label == "三、收到和处理政府信息公开申请情况");
    CHECK(t.section("proactive")->label == "二、主动公开政府信息情况");
    CHECK(t.section("review_litigation")->label == "四、政府信息公开行政复议、行政诉讼情况");
}

// ---- docs/formats.md is the written reference of the same facts: it is checked like rules.md.

namespace {

std::string read_doc(const std::string& relative) {
    std::ifstream in(std::string(XXGK_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The part of `doc` from the line starting with `from` to the next line starting with `to`.
std::string doc_part(const std::string& doc, const std::string& from, const std::string& to) {
    const std::size_t a = doc.find("\n" + from);
    REQUIRE(a != std::string::npos);
    const std::size_t b = doc.find("\n" + to, a + 1);
    return doc.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, start)) {
        out.push_back(s.substr(start, p - start));
        start = p + sep.size();
    }
    out.push_back(s.substr(start));
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

/// Every (identifier, label) pair the tables of a part of formats.md state: "label → `key`" in
/// the cells of 二's block tables, and a cell "`key`" after a cell holding the label (the last
/// step of a " › " path) in every other table.
std::set<std::pair<std::string, std::string>> stated_pairs(const std::string& part) {
    std::set<std::pair<std::string, std::string>> out;
    for (const std::string& line : split(part, "\n")) {
        if (line.rfind("|", 0) != 0) continue;
        const std::vector<std::string> cells = split(line, "|");
        for (std::size_t i = 1; i < cells.size(); ++i) {
            const std::string c = trim(cells[i]);
            if (c.find(" → `") != std::string::npos) {
                for (const std::string& pair : split(c, "; ")) {
                    const std::vector<std::string> lk = split(pair, " → ");
                    if (lk.size() == 2 && lk[1].size() > 2)
                        out.insert({lk[1].substr(1, lk[1].size() - 2), trim(lk[0])});
                }
            } else if (c.size() > 2 && c.front() == '`' && c.back() == '`' && c.find('`', 1) == c.size() - 1 && i > 1 &&
                       trim(cells[i - 1]).rfind("`", 0) != 0) {  // after a label, not after another key
                const std::vector<std::string> path = split(trim(cells[i - 1]), " › ");
                out.insert({c.substr(1, c.size() - 2), trim(path.back())});
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("docs/formats.md states exactly the labels of the label tables", "[labels][docs]") {
    const std::string doc = read_doc("docs/formats.md");
    const auto stated_2019 = stated_pairs(doc_part(doc, "## 5. ", "## 6. "));
    const auto stated_2021 = stated_pairs(doc_part(doc, "## 6. ", "## 7. "));
    for (format_version format : xxgk::all_formats) {
        const xxgk::label_table& t = xxgk::labels(format);
        const auto& own = format == format_version::v2019 ? stated_2019 : stated_2021;
        // §6 lists only what changed: the 2021 tables may take a pair from §5 too.
        auto everything = own;
        if (format == format_version::v2021) everything.insert(stated_2019.begin(), stated_2019.end());
        std::set<std::pair<std::string, std::string>> in_code;
        for (const xxgk::row_label& r : t.rows) in_code.insert({std::string(r.id), std::string(r.label)});
        for (const xxgk::column_label& c : t.columns) in_code.insert({std::string(c.id), std::string(c.label)});
        for (const auto& p : in_code) {
            INFO(to_string(format) << ": `" << p.first << "` " << p.second << " is not stated in docs/formats.md");
            CHECK(everything.count(p) == 1);
        }
        for (const auto& p : own) {
            INFO(to_string(format) << ": docs/formats.md states `" << p.first << "` " << p.second
                                   << ", the labels do not");
            bool known = in_code.count(p) == 1;
            for (const xxgk::group_label& g : t.groups) known = known || (g.id == p.first && g.label == p.second);
            CHECK(known);
        }
        CHECK(own.size() > 30);
    }
    // §2: the six headings with their members.
    const std::string skeleton = doc_part(doc, "## 2. ", "## 3. ");
    for (const xxgk::heading_label& h : xxgk::section_headings()) {
        INFO(h.label);
        CHECK(skeleton.find("| " + std::string(h.label) + " |") != std::string::npos);
        CHECK(skeleton.find("`" + std::string(h.member) + "`") != std::string::npos);
    }
    CHECK(xxgk::section_headings().size() == 6);
    // The counts in the headings of §5 and §6.
    const auto& l19 = xxgk::layout(format_version::v2019);
    const auto& l21 = xxgk::layout(format_version::v2021);
    const auto count = [](format_version f, std::string_view section) {
        std::size_t n = 0;
        for (const xxgk::cell_key& k : xxgk::cell_keys(f)) n += k.section == section;
        return std::to_string(n);
    };
    CHECK(doc.find("### 5.1 Section 二 `proactive`: 5 blocks, " + count(format_version::v2019, "proactive") +
                   " cells") != std::string::npos);
    CHECK(doc.find("### 6.1 Section 二 `proactive`: 4 blocks, " + count(format_version::v2021, "proactive") +
                   " cells") != std::string::npos);
    CHECK(doc.find("### 5.2 Section 三 `requests`: " + std::to_string(l19.request_rows.size()) + " rows × " +
                   std::to_string(l19.request_columns.size()) +
                   " columns = " + count(format_version::v2019, "requests") + " cells") != std::string::npos);
    CHECK(doc.find("### 6.2 Section 三 `requests`: " + std::to_string(l21.request_rows.size()) + " rows × " +
                   std::to_string(l21.request_columns.size()) +
                   " columns = " + count(format_version::v2021, "requests") + " cells") != std::string::npos);
    for (const char* heading : {"### 5.3", "### 6.3"})
        CHECK(doc.find(
                  std::string(heading) + " Section 四 `review_litigation`: " + std::to_string(l19.case_groups.size()) +
                  " groups × " + std::to_string(l19.case_columns.size()) +
                  " columns = " + count(format_version::v2019, "review_litigation") + " cells") != std::string::npos);
}
