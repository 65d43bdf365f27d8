// Helpers of the import tests (tests/unit/import_*_test.cpp): the seed and the examples, a report
// printed as plain text the way the seed prints it, and comparisons of imported cells.
#ifndef XXGK_TESTS_IMPORT_FIXTURES_HPP
#define XXGK_TESTS_IMPORT_FIXTURES_HPP

#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace import_fixtures {

inline std::string data(const std::string& name) {
    return xxgk::read_file(std::string(XXGK_TEST_DATA) + "/import/" + name);
}

inline std::string seed_text() { return data("cangnan-2020-annual-report.txt"); }

inline xxgk::report example(const std::string& name) {
    return xxgk::load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/" + name);
}

/// Replaces the one occurrence of `from` (the fixture must contain it exactly once).
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const std::size_t p = text.find(from);
    REQUIRE(p != std::string::npos);
    REQUIRE(text.find(from, p + 1) == std::string::npos);
    return text.replace(p, from.size(), to);
}

/// Replaces every occurrence.
inline std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size()))
        text.replace(p, from.size(), to);
    return text;
}

/// A cell as printed.
inline std::string printed(const xxgk::cell& c) {
    if (c.raw()) return *c.raw();
    switch (c.state()) {
        case xxgk::cell_state::number: {
            std::string s = c.value().to_string();
            if (c.unit() == xxgk::money_unit::wan_yuan) s += "万元";
            if (c.unit() == xxgk::money_unit::yuan) s += "元";
            return s;
        }
        case xxgk::cell_state::not_applicable: return "-";
        default: return "";
    }
}

/// How tables are printed by `as_text`.
enum class table_style {
    tabs,    ///< tab-separated, like the seed (three label positions in section 三)
    spaces,  ///< whitespace-separated, labels and values on one line
    pipes,   ///< Markdown pipe tables
};

/// The report as plain text in the seed's layout: Markdown headings, the preamble, narrative
/// sections with bold subsection titles, the tables, the signature.
inline std::string as_text(const xxgk::report& r, table_style style = table_style::tabs) {
    using namespace xxgk;
    const format_version f = r.format();
    const label_table& l = labels(f);
    std::string out;
    const auto line = [&](const std::string& s) { out += s + "\n\n"; };
    const auto row = [&](std::vector<std::string> cells) {
        std::string s;
        if (style == table_style::pipes) {
            s = "|";
            for (const std::string& c : cells) s += " " + c + " |";
        } else if (style == table_style::spaces) {
            for (const std::string& c : cells)
                if (!c.empty()) s += (s.empty() ? "" : " ") + c;
        } else {
            for (std::size_t i = 0; i < cells.size(); ++i) s += (i ? "\t" : "") + cells[i];
        }
        out += s + "\n";
    };
    line("# " + r.header.title.value_or(r.header.body + std::to_string(r.header.year) + "年政府信息公开工作年度报告"));
    if (r.header.preamble) {
        std::string p = *r.header.preamble;
        line(replace_all(p, "\n", "\n\n"));
    }
    const auto narrative = [&](const std::optional<narrative_section>& s, const char* fallback) {
        if (!s) return;
        line("## " + s->heading.value_or(fallback));
        for (const std::string& p : s->paragraphs) line(p);
        for (const subsection& sub : s->subsections) {
            line("**" + sub.ordinal.value_or("") + sub.title + "**");
            for (const std::string& p : sub.paragraphs) line(p);
        }
    };
    narrative(r.overview, "一、总体情况");
    const auto value = [&](const std::string& key) { return printed(cell_at(r, key)); };

    // Section 二: caption, header, rows; blocks four columns wide like the seed.
    line("## 二、主动公开政府信息情况");
    for (const group_label& g : l.groups) {
        if (g.section != "proactive") continue;
        std::vector<const row_label*> rows;
        for (const row_label& rl : l.rows)
            if (rl.section == "proactive" && rl.group == g.id) rows.push_back(&rl);
        std::vector<std::string> columns;
        std::vector<std::string> column_ids;
        for (const cell_key& k : cell_keys(f))
            if (k.section == "proactive" && k.row == rows.front()->id) {
                columns.emplace_back(k.column_info->label);
                column_ids.emplace_back(k.column);
            }
        std::vector<std::string> caption{std::string(g.label), "", "", ""};
        row(caption);
        std::vector<std::string> header{"信息内容"};
        header.insert(header.end(), columns.begin(), columns.end());
        header.resize(4);
        row(header);
        for (const row_label* rl : rows) {
            std::vector<std::string> cells{std::string(rl->label)};
            for (const std::string& c : column_ids)
                cells.push_back(value("proactive." + std::string(rl->id) + "." + c));
            cells.resize(4);
            row(cells);
        }
    }
    out += "\n";

    // Section 三: the seed's header and label positions.
    line("### 三、收到和处理政府信息公开申请情况");
    static const char* const cols[] = {
        "natural_person", "enterprise", "research_institute", "nonprofit", "legal_service", "other_org", "total"};
    if (style == table_style::tabs) {
        row({"(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "", "申请人情况", "", "", "", "", "",
             "总计", ""});
        row({"", "", "自然人", "法人或其他组织", "", "", "", "", "", ""});
        row({"", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", ""});
    } else {
        row({"(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)"});
        row({"申请人情况"});
        row({"自然人", "法人或其他组织", "总计"});
        row({"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"});
    }
    std::string last_group;
    bool outcome_printed = false;
    for (const row_label& rl : l.rows) {
        if (rl.section != "requests") continue;
        std::vector<std::string> values;
        for (const char* c : cols) values.push_back(value("requests." + std::string(rl.id) + "." + c));
        // Label positions as the seed prints them: one label spanning two positions, or the
        // outcome group, the sub-group and the leaf in three positions.
        std::vector<std::string> labels_here;
        const std::string label(rl.label);
        bool spans_two = false;
        if (rl.group.empty()) {
            labels_here = {label, ""};
            spans_two = true;
        } else if (rl.group == "outcome") {
            labels_here = {outcome_printed ? "" : "三、本年度办理结果", label};
            spans_two = true;
        } else {
            const group_label* g = l.group("requests", rl.group);
            labels_here = {outcome_printed ? "" : "三、本年度办理结果",
                           last_group == g->id ? "" : std::string(g->label), label};
            last_group = std::string(g->id);
        }
        if (!rl.group.empty()) outcome_printed = true;
        std::vector<std::string> cells;
        if (style == table_style::tabs) {
            cells = labels_here;
            cells.insert(cells.end(), values.begin(), values.end());
            if (spans_two) cells.push_back("");
        } else {
            for (const std::string& c : labels_here)
                if (!c.empty()) cells.push_back(c);
            cells.insert(cells.end(), values.begin(), values.end());
        }
        row(cells);
    }
    out += "\n";

    // Section 四: two header lines like the seed, then the 15 values.
    line("#### 四、政府信息公开行政复议、行政诉讼情况");
    if (style == table_style::tabs) {
        row({"行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""});
        row({"结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "未经复议直接起诉", "", "", "", "",
             "复议后起诉", "", "", "", ""});
        row({"", "", "", "", "", "结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "结果 维持", "结果 纠正",
             "其他 结果", "尚未 审结", "总计"});
    } else {
        row({"行政复议", "行政诉讼"});
        row({"未经复议直接起诉", "复议后起诉"});
    }
    std::vector<std::string> values;
    for (const char* g : {"review", "litigation_direct", "litigation_after_review"})
        for (const char* c : {"upheld", "corrected", "other", "pending", "total"})
            values.push_back(value("review_litigation." + std::string(g) + "." + c));
    row(values);
    out += "\n";

    narrative(r.problems, "五、存在的主要问题及改进情况");
    narrative(r.other_matters, "六、其他需要报告的事项");
    if (r.header.signature) {
        if (r.header.signature->body) line(*r.header.signature->body);
        if (r.header.signature->date) {
            const calendar_date& d = *r.header.signature->date;
            out += std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日\n";
        }
    }
    return out;
}

/// `expected` with the listed cells `not_captured`: what the importer must read where the source
/// prints no cell for them (docs/import.md, "When a cell is blank"). The hand transcriptions in
/// examples/data say what the report means; a text that lost a cell's position cannot show it.
inline xxgk::report with_not_captured(xxgk::report expected, const std::vector<std::string>& keys) {
    for (const std::string& k : keys) xxgk::cell_at(expected, k) = xxgk::cell::not_captured();
    return expected;
}

/// The seed's text prints 四、结转下年度继续办理 as "12", four empty TAB fields, "12" — six cells
/// for seven columns. The identities place the two 12s (自然人, 总计), but which of the five
/// middle columns printed no cell cannot be known, so none of the five is a seen empty cell.
inline const std::vector<std::string>& seed_unseen_cells() {
    static const std::vector<std::string> keys{
        "requests.carried_forward.enterprise", "requests.carried_forward.research_institute",
        "requests.carried_forward.nonprofit", "requests.carried_forward.legal_service",
        "requests.carried_forward.other_org"};
    return keys;
}

/// The seed's cells as its text must import: the hand transcription with seed_unseen_cells()
/// not captured (they are blank in examples/data/cangnan-2020.json).
inline xxgk::report seed_expected() { return with_not_captured(example("cangnan-2020.json"), seed_unseen_cells()); }

/// Every cell of `expected` has the same state and value (and unit) in `got`.
inline void require_same_cells(const xxgk::report& got, const xxgk::report& expected) {
    REQUIRE(got.format() == expected.format());
    std::size_t compared = 0;
    for (const xxgk::cell_key& k : xxgk::cell_keys(expected.format())) {
        const xxgk::cell& g = xxgk::cell_at(got, k.index);
        const xxgk::cell& e = xxgk::cell_at(expected, k.index);
        INFO(k.key << " printed \"" << printed(g) << "\", expected \"" << printed(e) << "\"");
        CHECK(g.state() == e.state());
        CHECK(g.value() == e.value());
        CHECK(g.unit() == e.unit());
        ++compared;
    }
    CHECK(compared == xxgk::cell_keys(expected.format()).size());
}

/// The log entries with this code.
inline std::vector<xxgk::import_log_entry> entries(const xxgk::import_result& r, const std::string& code) {
    std::vector<xxgk::import_log_entry> out;
    for (const xxgk::import_log_entry& e : r.log)
        if (e.code == code) out.push_back(e);
    return out;
}

/// The one log entry with this code and key.
inline xxgk::import_log_entry entry(const xxgk::import_result& r, const std::string& code,
                                    const std::string& key = {}) {
    std::vector<xxgk::import_log_entry> found;
    for (const xxgk::import_log_entry& e : r.log)
        if (e.code == code && (key.empty() || e.key == key)) found.push_back(e);
    INFO("log entries " << code << " " << key);
    REQUIRE(found.size() == 1);
    return found.front();
}

inline bool has(const xxgk::import_result& r, const std::string& code, const std::string& key = {}) {
    for (const xxgk::import_log_entry& e : r.log)
        if (e.code == code && (key.empty() || e.key == key)) return true;
    return false;
}

inline std::string cell_text(const xxgk::import_result& r, const std::string& key) {
    return printed(xxgk::cell_at(r.value, key));
}

}  // namespace import_fixtures

#endif
