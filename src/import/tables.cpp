// Sections 二, 三 and 四: rows → labels → cell keys, values → cells (formats.md §5, §6, §10, §12, §13.3).
#include "assemble.hpp"
#include "../codes.hpp"

#include "cells.hpp"
#include "fold.hpp"
#include "log.hpp"
#include "solver.hpp"
#include "vocab.hpp"

#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>
#include <set>

namespace xxgk::import_detail {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------------------------------------
// A printed row: label parts and value slots

struct label_part {
    std::string text;
    std::optional<provenance> where;
    bool span_copy = false;
    std::size_t index = npos;  ///< cell index in the row (positional rows)
};

struct parsed_row {
    const block* b = nullptr;
    std::vector<label_part> labels;
    row_values values;
    std::size_t value_from = 0;  ///< positional rows: cell index of the first value slot
    bool line = false;           ///< a text line, tokenised
    std::string dropped_tail;    ///< a page number or prose printed after the values, removed (XXGK-I-047)
    bool has_values() const {
        for (const slot& s : values.slots)
            if (!is_blank(s.text)) return true;
        return false;
    }
};

bool is_digit32(char32_t c) {
    c = half_width(c);
    return c >= U'0' && c <= U'9';
}

bool is_open32(char32_t c) { return c == U'(' || c == U'（' || c == U'[' || c == U'【' || c == U'〔' || c == U'［'; }
bool is_close32(char32_t c) { return c == U')' || c == U'）' || c == U']' || c == U'】' || c == U'〕' || c == U'］'; }

/// Where the values of a tokenised line start: the first number or marker outside brackets that
/// is not an ordinal ("1.", "2、") or part of a date ("2019年").
std::size_t value_start(std::u32string_view s) {
    int depth = 0;
    for (std::size_t p = 0; p < s.size(); ++p) {
        const char32_t c = s[p];
        if (is_open32(c)) {
            ++depth;
            continue;
        }
        if (is_close32(c)) {
            depth = std::max(0, depth - 1);
            continue;
        }
        if (depth > 0) continue;
        const bool after_space = p == 0 || is_space(s[p - 1]);
        if (is_digit32(c)) {
            std::size_t e = p;
            while (e < s.size() && is_digit32(s[e])) ++e;
            std::size_t f = e;
            while (f < s.size() && is_space(s[f])) ++f;
            if (f < s.size()) {
                const char32_t next = half_width(s[f]);
                // An ordinal: "1." / "1、" followed by text.
                if ((next == U'.' || next == U'、') && f + 1 < s.size()) {
                    std::size_t g = f + 1;
                    while (g < s.size() && is_space(s[g])) ++g;
                    if (g < s.size() && !is_digit32(s[g])) {
                        p = f;
                        continue;
                    }
                }
                if (next == U'年' || next == U'月' || next == U'日' || next == U'条' || next == U'号') {
                    p = e - 1;
                    continue;
                }
            }
            return p;
        }
        const char32_t h = half_width(c);
        if ((h == U'-' || c == U'—' || c == U'－' || h == U'/' || h == U'+') && after_space) {
            const bool end_or_space = p + 1 >= s.size() || is_space(s[p + 1]) || is_digit32(s[p + 1]) ||
                                      s[p + 1] == U'—' || half_width(s[p + 1]) == U'-';
            if (end_or_space) return p;
        }
        if (after_space && s.substr(p, 3) == U"不适用") return p;
    }
    return s.size();
}

bool is_unit_token(std::u32string_view t) {
    return t == U"万元" || t == U"元" || t == U"件" || t == U"项" || t == U"个" || t == U"条";
}

bool is_dash32(char32_t c) { return c == U'-' || c == U'—' || c == U'－' || c == U'–' || c == U'―' || c == U'−'; }

/// Length of a page number at the end of `s` ("— 6 —", "- 4 -", "第6页"), after white space; 0
/// when there is none. A page number is no value: printed after a table's last row (a PDF page
/// footer run into it), it would be read as three more cells.
std::size_t page_number_suffix(std::u32string_view s) {
    std::size_t e = s.size();
    while (e > 0 && is_space(s[e - 1])) --e;
    std::size_t i = e;
    const auto digits_back = [&] {
        const std::size_t end = i;
        while (i > 0 && is_digit32(s[i - 1])) --i;
        return end - i;
    };
    const auto spaces_back = [&] {
        while (i > 0 && is_space(s[i - 1])) --i;
    };
    if (i > 0 && s[i - 1] == U'页') {
        --i;
        spaces_back();
        const std::size_t d = digits_back();
        spaces_back();
        if (d == 0 || d > 3 || i == 0 || s[i - 1] != U'第') return 0;
        --i;
    } else {
        std::size_t dashes = 0;
        while (i > 0 && is_dash32(s[i - 1])) --i, ++dashes;
        if (dashes == 0) return 0;
        spaces_back();
        const std::size_t d = digits_back();
        if (d == 0 || d > 3) return 0;
        spaces_back();
        dashes = 0;
        while (i > 0 && is_dash32(s[i - 1])) --i, ++dashes;
        if (dashes == 0) return 0;
    }
    if (i > 0 && !is_space(s[i - 1])) return 0;  // a footer stands apart from the last value
    return s.size() - i;
}

parsed_row parse_row(const block& b) {
    parsed_row pr;
    pr.b = &b;
    if (b.type == block::kind::row) {
        pr.values.kind = shape::positional;
        pr.values.row_where = b.where;
        // Label cells: leading text cells (and the empty or spanned cells among them).
        std::size_t last_label = npos;
        for (std::size_t i = 0; i < b.cells.size(); ++i) {
            const src_cell& c = b.cells[i];
            if (!c.present || c.text.empty()) continue;
            if (c.value_box || is_value_text(c.text)) break;
            last_label = i;
            label_part lp{c.text, c.where, c.span_copy, i};
            pr.labels.push_back(std::move(lp));
        }
        pr.value_from = last_label == npos ? 0 : last_label + 1;
        pr.values.slots.reserve(b.cells.size() - std::min(pr.value_from, b.cells.size()));
        for (std::size_t i = pr.value_from; i < b.cells.size(); ++i) {
            const src_cell& c = b.cells[i];
            slot s;
            if (c.present && !c.span_copy) s.text = c.text;
            // A position spanned by a non-empty cell, or reached by no cell, prints no empty cell.
            // A position spanned by an empty cell is empty as printed (one empty box).
            s.printed = c.present && !c.unprinted && (!c.span_copy || c.text.empty());
            s.where = c.where;
            if (!s.where || !c.present) {
                provenance p = b.where;
                if (b.html) p.cell.reset();
                s.where = p;
            }
            pr.values.slots.push_back(std::move(s));
        }
        // A short row ends where its printed cells end: drop trailing positions that no cell covers.
        while (!pr.values.slots.empty() && pr.value_from + pr.values.slots.size() - 1 < b.cells.size() &&
               !b.cells[pr.value_from + pr.values.slots.size() - 1].present)
            pr.values.slots.pop_back();
        // A page number or a prose cell after the last value (with only empty cells after it).
        std::size_t last = pr.values.slots.size();
        while (last > 0 && is_blank(pr.values.slots[last - 1].text)) --last;
        if (last > 1 && pr.values.slots[last - 1].printed) {
            const std::string& t = pr.values.slots[last - 1].text;
            const std::u32string u = to_u32(t);
            if (page_number_suffix(u) == u.size() || is_prose(t)) {
                pr.dropped_tail = t;
                pr.values.slots.erase(pr.values.slots.begin() + static_cast<std::ptrdiff_t>(last - 1),
                                      pr.values.slots.end());
            }
        }
        return pr;
    }
    pr.line = true;
    pr.values.kind = shape::tokens;
    pr.values.row_where = b.where;
    std::u32string s = to_u32(b.text);
    std::size_t p = value_start(s);
    if (p < s.size()) {
        // Only after a row's values: a page number alone on its line stays a line (XXGK-I-025).
        const std::size_t page = page_number_suffix(std::u32string_view(s).substr(p));
        if (page > 0 && !trim(std::u32string_view(s).substr(0, s.size() - page)).empty()) {
            pr.dropped_tail = trim(to_u8(std::u32string_view(s).substr(s.size() - page)));
            s.resize(s.size() - page);
        }
    }
    const std::u32string label = trim(std::u32string_view(s).substr(0, p));
    if (!label.empty()) pr.labels.push_back({to_u8(label), b.where, false, 0});
    // Tokens, each with its column; a unit written apart joins the number before it.
    std::size_t i = p;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) break;
        std::size_t e = i;
        while (e < s.size() && !is_space(s[e])) ++e;
        const std::u32string_view tok = std::u32string_view(s).substr(i, e - i);
        if (is_unit_token(tok) && !pr.values.slots.empty()) {
            slot& prev = pr.values.slots.back();
            // Keep the printed spacing: from the previous token's start to this unit's end.
            const std::size_t start = e - tok.size();
            std::size_t back = start;
            while (back > 0 && is_space(s[back - 1])) --back;
            prev.text += to_u8(std::u32string_view(s).substr(back, e - back));
        } else {
            slot t;
            t.text = to_u8(tok);
            provenance w = b.where;
            if (w.column) w.column = *w.column + static_cast<std::uint32_t>(i);
            t.where = w;
            pr.values.slots.push_back(std::move(t));
        }
        i = e;
    }
    // Prose run into the row after its values ("… 1 注：以上数据截至…"): the trailing tokens that
    // are no values, when they read as prose. Tokens have no column boundaries, so only the tail
    // after the last value goes.
    std::size_t last = pr.values.slots.size();
    while (last > 0 && !is_value_text(pr.values.slots[last - 1].text)) --last;
    if (last > 0 && last < pr.values.slots.size()) {
        std::string tail;
        for (std::size_t k = last; k < pr.values.slots.size(); ++k) tail += pr.values.slots[k].text;
        if (is_prose(tail)) {
            pr.dropped_tail = trim(tail + (pr.dropped_tail.empty() ? "" : " " + pr.dropped_tail));
            pr.values.slots.resize(last);
        }
    }
    return pr;
}

/// The label parts of a row for header matching: a text line without values is split at white
/// space ("自然人 法人或其他组织 总计"), since its words are header cells.
std::vector<label_part> header_parts(const parsed_row& pr) {
    if (!pr.line || pr.has_values() || pr.labels.empty()) return pr.labels;
    std::vector<label_part> words;
    const std::u32string u = to_u32(pr.labels.front().text);
    std::u32string cur;
    for (std::size_t i = 0; i <= u.size(); ++i) {
        if (i == u.size() || is_space(u[i])) {
            if (!cur.empty()) words.push_back({to_u8(cur), pr.labels.front().where, false, npos});
            cur.clear();
        } else {
            cur += u[i];
        }
    }
    return words;
}

std::string joined_values(const parsed_row& pr) {
    std::string s;
    std::size_t size = 0;
    for (const slot& sl : pr.values.slots) size += sl.text.size() + 3;
    s.reserve(size);  // made at its size at once
    for (const slot& sl : pr.values.slots) {
        if (!s.empty()) s += " | ";
        s += sl.text;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// A row waiting for its cells

struct row_job {
    std::string section, row;        ///< key parts
    std::vector<std::size_t> cells;  ///< key indexes, one per column
    std::vector<column_spec> columns;
    reading_set readings;
    std::optional<provenance> where;
    std::string label;               ///< as printed
    std::string printed;             ///< the values as printed (for the log)
    std::vector<std::size_t> drops;  ///< readings (by index) that drop a printed value
    bool has_values = false;         ///< a value (not an empty cell) was printed on the row
    bool grid_gaps = false;          ///< some position of the row has no cell of its own (grids)
    bool done = false;
};

// ---------------------------------------------------------------------------------------------
// One cell per line (pdftotext without -layout): tables 二 and 四 rebuilt where certain

/// A line that is one value and nothing else ("550", "437239.55万元").
bool lone_value(const block& b) {
    if (b.type != block::kind::line) return false;
    const parsed_row pr = parse_row(b);
    return pr.labels.empty() && pr.values.slots.size() == 1 && !is_blank(pr.values.slots.front().text);
}

/// The span is printed one cell per line: no table row, no line with two values, and at least
/// two lone value lines.
bool one_cell_per_line(const block_span& span) {
    std::size_t lone = 0;
    for (const block* b : span) {
        if (b->type == block::kind::row) return false;
        if (lone_value(*b)) {
            ++lone;
            continue;
        }
        if (parse_row(*b).has_values()) return false;
    }
    return lone >= 2;
}

/// The 第二十条 item of a row of section 二 (the same in both formats).
int proactive_item(std::string_view row) {
    if (row == "regulations" || row == "normative_documents") return 1;
    if (row == "licensing" || row == "other_services") return 5;
    if (row == "penalties" || row == "compulsory_measures") return 6;
    if (row == "fees") return 8;
    if (row == "procurement") return 9;
    return 0;
}

bool certain_match(const label_match& m) {
    return m && m.quality != match_quality::fuzzy &&
           (m.quality != match_quality::contains || m.t->kind == term_kind::row);
}

/// Section 二 printed one cell per line: the blocks' row labels (第二十条 …, 信息内容, 规章, 规范性文件)
/// come first, then each column header followed by its values, one per line, top to bottom. A column
/// header is given to a block only when the headers of that column and the blocks that have it pair
/// up in exactly one way by their counts (a value count equal to the block's row count); a block whose
/// row labels were not all found, a count that fits no block or several, leave the cells not
/// captured (XXGK-I-063, with the candidates). A row gets its values only when every one of its
/// columns was placed so: the rebuilt row (label, then values in the format's column order, each
/// cell at its own line) is read as a table row; any other row stays a label alone (not captured).
block_span rebuild_proactive(const block_span& span, std::deque<block>& made, const vocabulary& v, format_version f,
                             std::vector<import_log_entry>& log) {
    struct group {
        int item = 0;
        const block* caption = nullptr;
        std::vector<std::pair<std::string, const block*>> rows;  // as printed
    };
    struct header {
        std::string column;
        const block* where = nullptr;
        std::vector<const block*> values;
    };
    std::vector<group> groups;
    std::vector<header> headers;
    bool open = false;  // the last header still takes values
    const auto group_of = [&](int item) -> group* {
        for (group& g : groups)
            if (g.item == item) return &g;
        return nullptr;
    };
    for (const block* b : span) {
        if (lone_value(*b)) {
            if (open) {
                headers.back().values.push_back(b);
            } else {
                log_entry(log, codes::I_063,
                          "value \"" + b->text + "\" of section 二 printed apart from any column header; not placed",
                          "proactive", b->where);
            }
            continue;
        }
        open = false;
        if (const int item = article_20_item(b->text)) {
            if (!group_of(item)) groups.push_back(group{item, b, {}});
            continue;
        }
        if (starts_with(fold(b->text), U"信息内容") && fold(b->text).size() == 4) continue;
        const label_match col = v.find(b->text, "proactive", {term_kind::column});
        if (certain_match(col)) {
            headers.push_back(header{std::string(col.t->id), b, {}});
            open = true;
            continue;
        }
        const label_match row = v.find(b->text, "proactive", {term_kind::row});
        if (certain_match(row)) {
            if (group* g = group_of(proactive_item(row.t->id))) g->rows.emplace_back(std::string(row.t->id), b);
            continue;
        }
        // Anything else (a heading, a label broken over lines) is left to the reader.
    }
    // The format's blocks: item → rows in order; column → items that have it.
    std::map<int, std::vector<std::string>> rows_of;
    std::map<std::string, std::vector<int>> items_of;
    std::map<std::string, std::vector<std::string>> columns_of;
    for (const cell_key& k : cell_keys(f)) {
        if (k.section != "proactive") continue;
        const int item = proactive_item(k.row);
        auto& rs = rows_of[item];
        if (std::find(rs.begin(), rs.end(), std::string(k.row)) == rs.end()) rs.emplace_back(k.row);
        auto& is = items_of[std::string(k.column)];
        if (std::find(is.begin(), is.end(), item) == is.end()) is.push_back(item);
        columns_of[std::string(k.row)].emplace_back(k.column);
    }
    // A block is complete when its rows were all found, once each, in the format's order.
    const auto complete = [&](int item) {
        const group* g = group_of(item);
        if (!g || g->rows.size() != rows_of[item].size()) return false;
        for (std::size_t i = 0; i < g->rows.size(); ++i)
            if (g->rows[i].first != rows_of[item][i]) return false;
        return true;
    };
    // (row, column) → the value's line.
    std::map<std::pair<std::string, std::string>, const block*> placed;
    std::set<std::string> columns_seen;
    for (const header& h : headers) columns_seen.insert(h.column);
    for (const std::string& c : columns_seen) {
        std::vector<const header*> hs;
        for (const header& h : headers)
            if (h.column == c) hs.push_back(&h);
        std::vector<int> items = items_of[c];
        std::vector<std::string> candidates;
        std::vector<std::vector<int>> pairings;  // header i → item, every pairing by counts
        if (hs.size() == items.size()) {
            std::vector<int> perm = items;
            std::sort(perm.begin(), perm.end());
            do {
                bool fits = true;
                for (std::size_t i = 0; i < hs.size() && fits; ++i)
                    fits = hs[i]->values.size() == rows_of[perm[i]].size();
                if (!fits) continue;
                pairings.push_back(perm);
                std::string cand;
                for (std::size_t i = 0; i < hs.size(); ++i)
                    cand += (i ? "; " : "") + std::string("header ") + std::to_string(i + 1) + " (" +
                            std::to_string(hs[i]->values.size()) + " values) → 第二十条 item " +
                            std::to_string(perm[i]);
                candidates.push_back(cand);
            } while (std::next_permutation(perm.begin(), perm.end()));
        }
        // A header is placed when every pairing gives it the same block and that block's row
        // labels were all found.
        std::size_t unplaced = 0;
        for (std::size_t i = 0; i < hs.size(); ++i) {
            bool same = !pairings.empty();
            for (const auto& pr : pairings) same = same && pr[i] == pairings.front()[i];
            if (!same || !complete(pairings.front()[i])) {
                ++unplaced;
                continue;
            }
            const int item = pairings.front()[i];
            for (std::size_t r = 0; r < hs[i]->values.size(); ++r) placed[{rows_of[item][r], c}] = hs[i]->values[r];
        }
        if (unplaced > 0) {
            std::string counts;
            for (const header* h : hs) counts += (counts.empty() ? "" : ", ") + std::to_string(h->values.size());
            log_entry(log, codes::I_063,
                      "column \"" + std::string(hs.front()->where->text) + "\" of section 二 printed " +
                          std::to_string(hs.size()) + " time(s) with " + counts + " value(s) for " +
                          std::to_string(items.size()) + " block(s): " + std::to_string(pairings.size()) +
                          " pairing(s) of headers and blocks by their counts; " + std::to_string(unplaced) +
                          " header(s) not given a block with certainty (or its row labels not all found), their values "
                          "not placed",
                      "proactive", hs.front()->where->where, candidates);
        }
    }
    // The rebuilt span: each block's caption, then its rows.
    block_span out;
    for (const group& g : groups) {
        out.push_back(g.caption);
        for (const auto& [row, label] : g.rows) {
            bool all = true;
            for (const std::string& c : columns_of[row]) all = all && placed.count({row, c});
            if (!all) {
                out.push_back(label);
                continue;
            }
            block nb;
            nb.type = block::kind::row;
            nb.where = label->where;
            nb.text = label->text;
            nb.cells.push_back(src_cell{label->text, label->where});
            for (const std::string& c : columns_of[row]) {
                const block* vb = placed[{row, c}];
                nb.cells.push_back(src_cell{vb->text, vb->where});
                nb.text += "\t" + vb->text;
            }
            log_entry(log, codes::I_064,
                      "row \"" + label->text +
                          "\" of section 二 rebuilt from its label and its values printed one per line under the "
                          "column headers",
                      "proactive." + row, label->where);
            made.push_back(std::move(nb));
            out.push_back(&made.back());
        }
    }
    return out;
}

/// A value as a whole count: digits only (no sign, no unit, no decimal point); -1 otherwise.
long long whole_count_text(std::string_view text) {
    const std::string t = trim(std::string(text));
    if (t.empty() || t.size() > 9) return -1;
    for (char ch : t)
        if (ch < '0' || ch > '9') return -1;
    return std::stoll(t);
}

/// The whole number of a lone value line, or -1.
long long whole_count(const block& b) { return whole_count_text(b.text); }

/// Section 四 printed one cell per line: its one row is a run of exactly 15 lone whole numbers in
/// which each group of five adds up (R5: 维持 + 纠正 + 其他 + 尚未审结 = 总计). That run becomes the
/// row (each cell at its own line); any other lone value (section 三's 总计 column printed here by
/// pdftotext, a run that does not add up) is not placed (XXGK-I-063).
block_span rebuild_review(const block_span& span, std::deque<block>& made, std::vector<import_log_entry>& log) {
    std::vector<std::vector<const block*>> runs;
    bool in_run = false;
    for (const block* b : span) {
        if (lone_value(*b)) {
            if (!in_run) runs.emplace_back();
            runs.back().push_back(b);
            in_run = true;
        } else {
            in_run = false;
        }
    }
    const auto adds_up = [](const std::vector<const block*>& run) {
        if (run.size() != 15) return false;
        for (std::size_t g = 0; g < 15; g += 5) {
            long long sum = 0;
            for (std::size_t i = 0; i < 5; ++i)
                if (whole_count(*run[g + i]) < 0) return false;
            for (std::size_t i = 0; i < 4; ++i) sum += whole_count(*run[g + i]);
            if (sum != whole_count(*run[g + 4])) return false;
        }
        return true;
    };
    const std::vector<const block*>* row = nullptr;
    std::size_t fitting = 0;
    for (const auto& run : runs)
        if (adds_up(run)) {
            ++fitting;
            row = &run;
        }
    if (fitting != 1) row = nullptr;
    block_span out;
    for (const auto& run : runs) {
        if (&run == row) continue;
        std::vector<std::string> values;
        for (const block* b : run) values.push_back(b->text);
        std::string joined;
        for (const std::string& s : values) joined += (joined.empty() ? "" : " ") + s;
        log_entry(log, codes::I_063,
                  "values printed one per line in section 四 (" + std::to_string(run.size()) +
                      (run.size() == 15
                           ? ") that do not make the one row alone (fitting runs of 15 adding up by groups: " +
                                 std::to_string(fitting) + ")"
                           : ") are not the row of 15 cells") +
                      "; not placed: " + joined,
                  "review_litigation", run.front()->where);
    }
    for (const block* b : span) {
        if (lone_value(*b)) {
            if (row && b == row->front()) {
                block nb;
                nb.type = block::kind::row;
                nb.where = b->where;
                for (const block* vb : *row) {
                    nb.cells.push_back(src_cell{vb->text, vb->where});
                    nb.text += (nb.text.empty() ? "" : "\t") + vb->text;
                }
                log_entry(log, codes::I_064,
                          "the row of section 四 rebuilt from 15 values printed one per line; each group of five adds "
                          "up (R5)",
                          "review_litigation", b->where);
                made.push_back(std::move(nb));
                out.push_back(&made.back());
            }
            continue;
        }
        out.push_back(b);
    }
    return out;
}

/// Section 三 printed one cell per line (pdftotext without -layout): its values in the order
/// printed, six per row (the columns 自然人 … 其他), labels floating between them, and the 总计
/// column printed apart as one run of lone values (pdftotext puts it at the head of section 四).
/// Read only when everything agrees: exactly six whole counts per row of the format; the format's
/// row labels found, in the format's order, in the labels printed (each a subsequence of the
/// label text left, so that pieces of group labels printed between its characters do not hide
/// it); and exactly one run of lone values, as many as rows, each the sum of its row's six. The
/// rows are then rebuilt (the format's label, six values and 总计, each at its own line) and the
/// 总计 run is taken out of `review`. Anything else: `span` and `review` unchanged, the cells not
/// captured, XXGK-I-063 when values were printed. What this cannot see: two rows printed out of
/// order whose six values differ but sum alike (pdftotext keeps a table's rows in order; the
/// 总计 check rules out every other shift).
bool rebuild_requests(block_span& span, block_span& review, std::deque<block>& made, const vocabulary& v,
                      std::vector<import_log_entry>& log) {
    std::vector<slot> values;
    std::u32string labels;
    for (const block* b : span) {
        if (b->type != block::kind::line) return false;
        const parsed_row pr = parse_row(*b);
        for (const label_part& l : pr.labels) {
            // A value printed after a label cut inside its bracket ("（二）部分公开（区分处理的，只计这一情形， 1"):
            // the line's last word, after a space, a whole count.
            std::string text = l.text;
            const std::size_t space = text.find_last_of(' ');
            if (pr.values.slots.empty() && space != std::string::npos &&
                whole_count_text(text.substr(space + 1)) >= 0) {
                values.push_back(slot{text.substr(space + 1), b->where});
                text.erase(space);
            }
            labels += fold(text);
        }
        for (const slot& sl : pr.values.slots) {
            if (is_blank(sl.text)) continue;
            if (whole_count_text(sl.text) < 0) return false;
            values.push_back(sl);
            if (!values.back().where) values.back().where = b->where;
        }
    }
    std::vector<const term*> rows;
    for (const term& t : v.terms())
        if (t.section == "requests" && t.kind == term_kind::row) rows.push_back(&t);
    const std::size_t per_row = 6, n = rows.size();
    if (values.empty() || rows.empty()) return false;
    const auto not_placed = [&](const std::string& why) {
        log_entry(log, codes::I_063,
                  "section 三 printed one cell per line: " + why + "; its " + std::to_string(values.size()) +
                      " values are not placed",
                  "requests", values.front().where);
        return false;
    };
    if (values.size() != per_row * n)
        return not_placed(std::to_string(values.size()) + " values where " + std::to_string(n) + " rows of " +
                          std::to_string(per_row) + " are printed");
    // The labels, in the format's order.
    std::size_t at = 0;
    for (const term* t : rows) {
        for (char32_t c : t->body) {
            const std::size_t found = labels.find(c, at);
            if (found == std::u32string::npos)
                return not_placed("the row label \"" + std::string(t->official) + "\" is not printed in its place");
            at = found + 1;
        }
    }
    // The 总计 column: one run of lone values, a row's total each.
    std::vector<long long> sums(n, 0);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < per_row; ++c) sums[r] += whole_count_text(values[r * per_row + c].text);
    std::vector<std::pair<std::size_t, std::size_t>> fitting;  // [from, to) in review
    for (std::size_t i = 0; i < review.size();) {
        if (!lone_value(*review[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < review.size() && lone_value(*review[j])) ++j;
        if (j - i == n) {
            bool sums_match = true;
            for (std::size_t r = 0; r < n && sums_match; ++r)
                sums_match = whole_count_text(review[i + r]->text) == sums[r];
            if (sums_match) fitting.push_back({i, j});
        }
        i = j;
    }
    if (fitting.size() != 1)
        return not_placed(fitting.empty() ? "no run of " + std::to_string(n) +
                                                " lone values (the 总计 column) equals the rows' sums"
                                          : "several runs of lone values could be the 总计 column");
    const auto [from, to] = fitting.front();
    block_span rebuilt;
    for (std::size_t r = 0; r < n; ++r) {
        block b;
        b.type = block::kind::row;
        b.where = *values[r * per_row].where;
        b.cells.push_back(src_cell{std::string(rows[r]->official), values[r * per_row].where});
        for (std::size_t c = 0; c < per_row; ++c)
            b.cells.push_back(src_cell{values[r * per_row + c].text, values[r * per_row + c].where});
        b.cells.push_back(src_cell{review[from + r]->text, review[from + r]->where});
        b.text = grid_row_text(b.cells);
        made.push_back(std::move(b));
        rebuilt.push_back(&made.back());
    }
    log_entry(log, codes::I_064,
              "section 三 rebuilt from values printed one per line: " + std::to_string(n) + " rows of " +
                  std::to_string(per_row) +
                  " values in the order printed, labels in the format's order, and the 总计 column printed apart (" +
                  describe(review[from]->where) + ") equal to every row's sum",
              "requests", values.front().where);
    span = std::move(rebuilt);
    review.erase(review.begin() + static_cast<std::ptrdiff_t>(from), review.begin() + static_cast<std::ptrdiff_t>(to));
    return true;
}

class table_reader {
public:
    table_reader(report& r, const std::vector<std::uint32_t>& ocr_pages, std::vector<import_log_entry>& log)
        : r_(r), log_(log), format_(r.format()), v_(vocab(format_)), ids_(identity_scorer::of(format_)),
          ocr_pages_(ocr_pages) {}

    void proactive(const block_span* span);
    void requests(const block_span* span);
    void review(const block_span* span);

private:
    // ---- shared

    /// v_.find; for a grid (`grid`: an HTML table), each question answered once: a grid asks again
    /// about the same label, a spanning cell being copied into every position it covers.
    label_match find(std::string_view printed, std::string_view section, std::initializer_list<term_kind> kinds,
                     bool grid) {
        if (!grid) return v_.find(printed, section, kinds);
        unsigned mask = 0;
        for (term_kind k : kinds) mask |= 1u << static_cast<unsigned>(k);
        std::string key(printed);
        key += '\0';
        key += section;
        key += static_cast<char>('0' + mask);
        const auto it = found_.find(key);
        if (it != found_.end()) return it->second;
        return found_.emplace(std::move(key), v_.find(printed, section, kinds)).first->second;
    }

    /// The key indexes of a row's cells, in key order.
    std::vector<std::size_t> row_cells(std::string_view section, std::string_view row) const {
        // Indexed once per format: every row of every table asks.
        struct by_row {
            std::map<std::pair<std::string_view, std::string_view>, std::vector<std::size_t>> cells;
            explicit by_row(format_version f) {
                for (const cell_key& k : cell_keys(f)) cells[{k.section, k.row}].push_back(k.index);
            }
        };
        static const by_row v2019(format_version::v2019), v2021(format_version::v2021);
        const by_row& index = format_ == format_version::v2019 ? v2019 : v2021;
        const auto it = index.cells.find({section, row});
        return it == index.cells.end() ? std::vector<std::size_t>{} : it->second;
    }

    std::vector<column_spec> specs(const std::vector<std::size_t>& cells) const {
        std::vector<column_spec> out;
        for (std::size_t i : cells) {
            const cell_key& k = cell_keys(format_)[i];
            out.push_back({k.kind, std::string(k.column_info->label)});
        }
        return out;
    }

    std::string row_label_of(std::string_view section, std::string_view row) const {
        const row_label* l = labels(format_).row(section, row);
        return l ? std::string(l->label) : std::string(row);
    }

    /// Logs how a label matched when it was not an exact match.
    void note_match(const label_match& m, const std::string& printed, const std::optional<provenance>& where,
                    const std::string& key) {
        if (!m.t) return;
        const std::string official(m.t->official);
        if (m.quality == match_quality::fuzzy || m.quality == match_quality::contains)
            log_entry(log_, codes::I_030, "label \"" + printed + "\" read as \"" + official + "\"", key, where);
        else if (m.quality == match_quality::note || (m.had_note && m.quality != match_quality::exact))
            log_entry(log_, codes::I_031,
                      "label \"" + printed + "\" read as \"" + official + "\"; its bracketed note is ignored", key,
                      where);
        if (m.converted)
            log_entry(log_, codes::I_032,
                      "label \"" + printed + "\" read as \"" + official +
                          "\" after traditional → simplified conversion",
                      key, where);
    }

    void set_cells(row_job& job, const reading& rd) {
        for (std::size_t i = 0; i < job.cells.size() && i < rd.cells.size(); ++i)
            cell_at(r_, job.cells[i]) = rd.cells[i];
    }

    /// Sets the cells of the chosen reading. The trust rule: an empty cell the reading placed where
    /// the source printed none (reading::unseen) is `not_captured`, not `blank` — only a printed
    /// empty cell is a blank. The identities chose the reading with blank semantics (a reading is
    /// a claim that those cells are empty); the claim is not kept as if it had been seen.
    /// `candidates`: the readings considered, for the log.
    void commit(row_job& job, const reading& rd, const std::vector<bool>& unseen, std::vector<std::string> candidates) {
        set_cells(job, rd);
        std::string columns;
        std::size_t count = 0;
        for (std::size_t i = 0; i < job.cells.size() && i < unseen.size(); ++i) {
            cell& c = cell_at(r_, job.cells[i]);
            if (!unseen[i] || !c.is_blank()) continue;
            // The row's place: an empty field the reading happened to take is no more this cell's
            // than its neighbours'. A grid position keeps its own (the cell spanning it).
            const std::optional<provenance> where = job.grid_gaps && c.source() ? c.source() : job.where;
            c = cell::not_captured();
            c.set_raw(std::string());  // nothing was printed there
            c.set_source(where);       // the row's (or the grid position's) place
            columns += (count++ ? "、" : "") + job.columns[i].label;
        }
        if (count == 0) return;
        const std::string key = job.row == "*" ? job.section : job.section + "." + job.row;
        std::string msg = "row \"" + job.label + "\"";
        if (!job.printed.empty()) msg += " (printed: " + job.printed + ")";
        if (job.grid_gaps) {
            log_entry(log_, codes::I_044,
                      msg + ": no cell of its own stands at the position of " + columns +
                          " (a neighbouring cell spans it, the row is short, or the page marks it not captured); not "
                          "captured, not blank",
                      key, job.where, std::move(candidates));
        } else if (!job.has_values) {
            log_entry(log_, codes::I_042,
                      msg +
                          ": the row label was found but no value or empty cell was printed with it; its cells are not "
                          "captured, not blank",
                      key, job.where, std::move(candidates));
        } else {
            log_entry(log_, codes::I_043,
                      msg + ": no empty cell is printed for " + columns +
                          " — the reading had to place empty cells where the source shows none (" + job.readings.how +
                          "); not captured, not blank",
                      key, job.where, std::move(candidates));
        }
    }
    void clear_cells(const row_job& job) {
        for (std::size_t i : job.cells) cell_at(r_, i) = cell::not_captured();
    }

    /// After a row is settled: unreadable cells and units that do not fit.
    void check_cells(const row_job& job) {
        for (std::size_t i : job.cells) {
            const cell& c = cell_at(r_, i);
            const cell_key& k = cell_keys(format_)[i];
            if (c.state() == cell_state::text) {
                log_entry(log_, codes::I_040,
                          "cell text \"" + c.raw().value_or("") + "\" is not a number; kept as text", k.key,
                          c.source());
            } else if (c.is_number() && c.raw()) {
                const cell_reading rd = read_cell(*c.raw(), k.kind);
                if (rd.unit_mismatch)
                    log_entry(log_, codes::I_041,
                              "unit \"" + rd.unit + "\" written in \"" + *c.raw() + "\" does not fit the column " +
                                  std::string(k.column_info->label),
                              k.key, c.source());
            }
        }
    }

    /// Settles every job: certain rows first, then rows with several readings by the identities,
    /// repeatedly (a settled row helps the next), then the rest as ambiguous.
    void settle(std::vector<row_job>& jobs, bool identities_apply) {
        // Rows whose search the work budget cut: not captured, never the best of a partial search.
        for (row_job& j : jobs) {
            if (j.done || !j.readings.budget_spent) continue;
            clear_cells(j);
            log_entry(
                log_, codes::I_101,
                "row \"" + j.label + "\" (printed: " + j.printed +
                    "): the import's work budget (import_options::max_work_steps) was spent before its alignment was "
                    "decided; its cells are not captured",
                j.row == "*" ? j.section : j.section + "." + j.row, j.where);
            j.done = true;
        }
        for (row_job& j : jobs) {
            if (j.readings.certain && j.readings.list.size() == 1) {
                commit(j, j.readings.list.front(), j.readings.list.front().unseen, candidate_list(j, nullptr));
                j.done = true;
                check_cells(j);
            }
        }
        bool progress = true;
        while (progress) {
            progress = false;
            for (row_job& j : jobs) {
                if (j.done || j.readings.list.empty()) continue;
                clear_cells(j);
                const int base = identities_apply ? ids_.score(r_, j.cells) : 0;
                std::vector<int> scores;
                for (const reading& rd : j.readings.list) {
                    set_cells(j, rd);
                    scores.push_back(identities_apply ? ids_.score(r_, j.cells) : 0);
                }
                clear_cells(j);
                const int best = *std::min_element(scores.begin(), scores.end());
                std::vector<std::size_t> winners;
                for (std::size_t i = 0; i < scores.size(); ++i)
                    if (scores[i] == best) winners.push_back(i);
                const reading& w = j.readings.list[winners.front()];
                const bool unique = winners.size() == 1 && !j.readings.truncated;
                const bool admitted = !w.split || best <= base;
                if (!(unique && admitted)) continue;
                j.done = true;
                progress = true;
                // A row with no value printed needs no alignment: only I-042 says what became of it.
                if (j.has_values) log_decision(j, scores, winners.front(), base, identities_apply);
                commit(j, w, w.unseen, candidate_list(j, identities_apply ? &scores : nullptr));
                check_cells(j);
            }
        }
        for (row_job& j : jobs) {
            if (j.done) continue;
            log_ambiguous(j, identities_apply);
            j.done = true;
        }
    }

    std::vector<std::string> candidate_list(const row_job& j, const std::vector<int>* scores) const {
        // Best readings first (by identity score), at most 24.
        std::vector<std::size_t> order(j.readings.list.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        if (scores)
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return (*scores)[a] < (*scores)[b]; });
        std::vector<std::string> out;
        for (std::size_t i : order) {
            if (out.size() >= 24) break;
            std::string s = describe_reading(j.readings.list[i], j.columns);
            if (scores) s += " (identity score " + std::to_string((*scores)[i]) + ")";
            if (std::find(j.drops.begin(), j.drops.end(), i) != j.drops.end()) s += " [drops a printed value]";
            out.push_back(std::move(s));
        }
        return out;
    }

    void log_decision(const row_job& j, const std::vector<int>& scores, std::size_t chosen, int base,
                      bool identities_apply) {
        const reading& w = j.readings.list[chosen];
        const std::string key = j.row == "*" ? j.section : j.section + "." + j.row;
        std::string msg = "row \"" + j.label + "\" (" + j.readings.how + "; printed: " + j.printed + "): ";
        if (w.split) {
            msg += "the flattened digits split as " + describe_reading(w, j.columns);
            msg += identities_apply ? ", the only split the identities (R1–R3, R5) admit" : ", the only possible split";
            log_entry(log_, codes::I_060, msg, key, j.where, candidate_list(j, identities_apply ? &scores : nullptr));
            return;
        }
        msg += "read as " + describe_reading(w, j.columns);
        if (j.readings.list.size() == 1)
            msg += ", the only alignment that keeps every printed value";
        else
            msg += identities_apply ? ", the only alignment consistent with the identities (R1–R3)"
                                    : ", the only possible alignment";
        if (identities_apply && scores[chosen] > base)
            msg += "; note: the identities still fail around this row (score " + std::to_string(scores[chosen]) + ")";
        log_entry(log_, codes::I_050, msg, key, j.where, candidate_list(j, identities_apply ? &scores : nullptr));
    }

    void log_ambiguous(row_job& j, bool identities_apply) {
        const std::string key = j.row == "*" ? j.section : j.section + "." + j.row;
        bool any_split = false;
        for (const reading& rd : j.readings.list) any_split = any_split || rd.split;
        // The printed run, for cells kept as unreadable text.
        std::string run;
        for (const reading& rd : j.readings.list)
            if (rd.split) {
                for (const cell& c : rd.cells)
                    if (c.raw()) run += *c.raw();
                break;
            }
        if (j.readings.list.empty() || any_split || (is_run(j) && j.readings.truncated)) {
            std::string raw = run.empty() ? j.printed : run;
            std::optional<provenance> where = j.where;
            for (std::size_t i : j.cells) {
                cell c = cell::text(raw);
                c.set_source(where);
                cell_at(r_, i) = c;
            }
            const bool none = j.readings.list.empty();
            std::string msg = "row \"" + j.label + "\" printed as \"" + j.printed + "\" (" + j.readings.how + "): ";
            if (j.readings.truncated && !any_split)
                msg += "the digit run is too long to try every split";
            else
                msg += none ? "no reading fits the columns"
                            : std::to_string(j.readings.list.size()) + (j.readings.truncated ? "+" : "") +
                                  " readings fit and the identities do not single one out";
            msg += "; its cells are kept as unreadable text";
            if (none && !any_split && !is_run(j)) {
                for (std::size_t i : j.cells) {
                    cell c = cell::not_captured();
                    cell_at(r_, i) = c;
                }
                log_entry(log_, codes::I_051,
                          "row \"" + j.label + "\" printed as \"" + j.printed + "\" (" + j.readings.how +
                              "): no alignment keeps every printed value; its cells are not captured",
                          key, j.where);
                return;
            }
            log_entry(log_, none || !any_split ? codes::I_062 : codes::I_061, msg, key, j.where,
                      any_split ? candidate_list(j, nullptr) : std::vector<std::string>{});
            return;
        }
        // Alignment ambiguity: keep what every reading agrees on.
        std::vector<int> scores;
        if (identities_apply) {
            for (const reading& rd : j.readings.list) {
                set_cells(j, rd);
                scores.push_back(ids_.score(r_, j.cells));
            }
            clear_cells(j);
        }
        std::vector<const reading*> best;
        const int min = scores.empty() ? 0 : *std::min_element(scores.begin(), scores.end());
        for (std::size_t i = 0; i < j.readings.list.size(); ++i)
            if (scores.empty() || scores[i] == min) best.push_back(&j.readings.list[i]);
        std::vector<std::string> differing;
        std::vector<bool> unseen(j.cells.size(), false);
        for (std::size_t c = 0; c < j.cells.size(); ++c) {
            bool same = true;
            for (const reading* rd : best) {
                same = same && rd->cells[c] == best.front()->cells[c];
                unseen[c] = unseen[c] || (c < rd->unseen.size() && rd->unseen[c]);
            }
            cell_at(r_, j.cells[c]) = same ? best.front()->cells[c] : cell::not_captured();
            if (!same) differing.push_back(j.columns[c].label);
        }

        std::string msg = "row \"" + j.label + "\" (" + j.readings.how + "; printed: " + j.printed +
                          "): " + std::to_string(best.size()) + (j.readings.truncated ? "+" : "") +
                          " alignments fit equally well; not captured: ";
        for (std::size_t i = 0; i < differing.size(); ++i) msg += (i ? "、" : "") + differing[i];
        log_entry(log_, codes::I_051, msg, key, j.where, candidate_list(j, scores.empty() ? nullptr : &scores));
        // Agreed blanks that some best reading placed where nothing was printed: not captured.
        reading agreed;
        for (std::size_t i : j.cells) agreed.cells.push_back(cell_at(r_, i));
        commit(j, agreed, unseen, candidate_list(j, scores.empty() ? nullptr : &scores));
    }

    static bool is_run(const row_job& j) {
        std::size_t digits = 0;
        for (char c : j.printed) digits += c >= '0' && c <= '9';
        return digits >= 2 && j.printed.find(' ') == std::string::npos;
    }

    void missing_rows(std::string_view section, const std::set<std::string>& found, bool table_found) {
        if (!table_found) {
            log_entry(log_, codes::I_039,
                      "table of section " + std::string(section_heading(section)->label) +
                          " not found; its cells are not captured",
                      std::string(section));
            return;
        }
        for (const row_label& l : labels(format_).rows) {
            if (l.section != section || found.count(std::string(l.id))) continue;
            log_entry(log_, codes::I_038, "row \"" + std::string(l.label) + "\" not found; its cells are not captured",
                      std::string(section) + "." + std::string(l.id));
        }
    }

    row_job make_job(std::string_view section, std::string_view row, const parsed_row& pr) {
        row_job j;
        j.section = std::string(section);
        j.row = std::string(row);
        j.cells = row_cells(section, row);
        j.columns = specs(j.cells);
        j.where = pr.b->where;
        for (const label_part& l : pr.labels)
            if (!l.span_copy) j.label += (j.label.empty() ? "" : " ") + l.text;
        if (j.label.empty()) j.label = row_label_of(section, row);
        j.printed = joined_values(pr);
        j.has_values = pr.has_values();
        if (!pr.dropped_tail.empty())
            log_entry(log_, codes::I_047,
                      "\"" + pr.dropped_tail + "\" after the values of row \"" + j.label +
                          "\" is a page number or prose, not a cell; removed from the row",
                      j.section + "." + j.row, j.where);
        for (const slot& s : pr.values.slots) j.grid_gaps = j.grid_gaps || !s.printed;
        return j;
    }

    /// A row label met again. The occurrence with values wins over one without (a converter's
    /// heading over its row, a label line before its table); two occurrences with values are both
    /// read and compared after settling (`resolve_duplicates`), never resolved silently.
    /// Returns true when the new occurrence is to be skipped; false when it is to be read — then
    /// either it replaced the old job (removed from `jobs`), or `dup_pending_` says it is a second
    /// occurrence with values, to be settled and compared after the others.
    bool duplicate(std::vector<row_job>& jobs, const std::string& key, const std::string& row, const parsed_row& pr,
                   const std::string& printed) {
        const auto old = std::find_if(jobs.begin(), jobs.end(), [&](const row_job& j) { return j.row == row; });
        const bool old_values = old != jobs.end() && old->has_values;
        if (pr.has_values() && old != jobs.end() && !old_values) {
            log_entry(log_, codes::I_046,
                      "row \"" + printed + "\" printed again; the earlier occurrence has no values, this one is read",
                      key, pr.b->where);
            jobs.erase(old);
            return false;
        }
        if (!pr.has_values()) {
            log_entry(log_, old_values ? codes::I_046 : codes::I_037,
                      "row \"" + printed + "\" printed again without values; ignored", key, pr.b->where);
            return true;
        }
        dup_pending_ = true;  // both with values: the caller reads this one into its duplicates
        return false;
    }

    /// Each second occurrence with values, settled on its own and compared with the first: equal
    /// cells keep the first's provenance; cells that differ are not captured (XXGK-I-045).
    void resolve_duplicates(std::vector<row_job>& dups, bool identities_apply) {
        for (row_job& d : dups) {
            std::vector<cell> first;
            for (std::size_t i : d.cells) first.push_back(cell_at(r_, i));
            std::vector<row_job> one;
            one.push_back(std::move(d));
            settle(one, identities_apply);
            row_job& j = one.front();
            std::vector<std::string> differing;
            reading a, b;
            for (std::size_t c = 0; c < j.cells.size(); ++c) {
                cell& now = cell_at(r_, j.cells[c]);
                a.cells.push_back(first[c]);
                b.cells.push_back(now);
                const bool same = now.state() == first[c].state() && now.value() == first[c].value() &&
                                  now.unit() == first[c].unit() && (now.is_number() || now.raw() == first[c].raw());
                if (same) {
                    now = first[c];
                } else {
                    differing.push_back(j.columns[c].label);
                    now = cell::not_captured();
                    now.set_raw(std::string());
                    now.set_source(j.where);
                }
            }
            const std::string key = j.section + "." + j.row;
            if (differing.empty()) {
                log_entry(log_, codes::I_037,
                          "row \"" + j.label + "\" printed again with the same values; the later one ignored", key,
                          j.where);
                continue;
            }
            std::string msg = "row \"" + j.label + "\" printed twice with different values; not captured: ";
            for (std::size_t i = 0; i < differing.size(); ++i) msg += (i ? "、" : "") + differing[i];
            log_entry(log_, codes::I_045, msg, key, j.where,
                      {"first: " + describe_reading(a, j.columns), "again: " + describe_reading(b, j.columns)});
        }
    }

    bool dup_pending_ = false;

    /// Readings of a positional row using a header map (column id → cell index); falls back to
    /// every alignment, with the header's own reading among the candidates when it drops a value.
    void readings_with_header(row_job& j, const parsed_row& pr, const std::map<std::string, std::size_t>& header,
                              const reading_rules& rules) {
        bool fits = !pr.line && !header.empty();
        std::vector<std::size_t> at;
        for (std::size_t i = 0; fits && i < j.cells.size(); ++i) {
            const auto it = header.find(std::string(cell_keys(format_)[j.cells[i]].column));
            if (it == header.end() || it->second < pr.value_from) {
                fits = false;
                break;
            }
            at.push_back(it->second - pr.value_from);
        }
        // A row shorter than its header does not line up, whatever the positions say.
        for (std::size_t i = 0; fits && i < at.size(); ++i)
            if (at[i] >= pr.values.slots.size()) fits = false;
        bool strays = false;
        if (fits) {
            for (std::size_t s = 0; s < pr.values.slots.size(); ++s)
                if (!is_blank(pr.values.slots[s].text) && std::find(at.begin(), at.end(), s) == at.end()) strays = true;
        }
        // The header's positional reading. A position past the row's printed cells is not seen.
        const auto positional = [&] {
            reading rd;
            for (std::size_t i = 0; i < at.size(); ++i) {
                slot s = at[i] < pr.values.slots.size() ? pr.values.slots[at[i]] : slot{};
                if (at[i] >= pr.values.slots.size()) {
                    s.where = pr.values.row_where;
                    s.printed = false;
                }
                cell c = read_cell(s.text, j.columns[i].kind).value;
                c.set_source(s.where);
                rd.cells.push_back(std::move(c));
                rd.unseen.push_back(!s.printed && is_blank(s.text));
            }
            return rd;
        };
        if (fits && !strays) {
            j.readings.list.push_back(positional());
            j.readings.certain = true;
            return;
        }
        j.readings = enumerate_readings(pr.values, j.columns, rules);
        if (j.readings.certain || !fits) return;
        // The header's positional reading, which leaves a printed value out: a candidate the log shows.
        reading rd = positional();
        bool dup = false;
        for (const reading& x : j.readings.list) dup = dup || x.cells == rd.cells;
        if (!dup) {
            j.drops.push_back(j.readings.list.size());
            j.readings.list.push_back(std::move(rd));
        }
    }

    // ---- Rows read by their place (scanned pages only; docs/import.md, "Scanned pages")

    /// A row of a page read by OCR whose label matches no row of the format, printed with values:
    /// it may be read by its place between the rows printed before and after it (`place_rows`).
    struct unplaced_row {
        parsed_row pr;
        std::string printed;  ///< its label as printed
        std::optional<provenance> where;
        std::string before, after;  ///< the rows read just before and just after it; "" when no row
        bool after_seen = false;
        std::size_t job_at = 0;  ///< its place among the section's jobs
        std::string not_a_row;   ///< its XXGK-I-033 message, logged when it is not read by its place
        int item = 0;            ///< section 二: the 第二十条 item it stands under (0: unknown)
    };

    /// The section's printed rows with values, in order, as far as the place rule needs them.
    struct row_sequence {
        std::vector<unplaced_row> unplaced;
        std::string last;  ///< the last row read; "" when the last line with values was no row
        /// A line with values read as row `id` ("": as no row of the format).
        void row(const std::string& id) {
            if (!unplaced.empty() && !unplaced.back().after_seen) {
                unplaced.back().after = id;
                unplaced.back().after_seen = true;
            }
            last = id;
        }
        /// A row with values whose label matches no row: kept for the place rule.
        void add(unplaced_row u) {
            u.before = last;
            row("");
            unplaced.push_back(std::move(u));
        }
    };

    /// True when the block stands on a page read by OCR.
    bool scanned(const block& b) const {
        return b.where.page && std::find(ocr_pages_.begin(), ocr_pages_.end(), *b.where.page) != ocr_pages_.end();
    }

    /// A line with values on a scanned page that is the page's chrome, not a row, for the place
    /// rule: the first or the last line of its page in the section, a label without a Chinese
    /// character, at most one value — the page number "- 3 -" that OCR read as "- LD" with the
    /// value "-" below hongze-2023's third page. Such a line stands between no two rows.
    bool page_chrome(const block& b, const parsed_row& pr, std::string_view label, const block_span& span) const {
        if (!scanned(b)) return false;
        for (char32_t c : to_u32(label))
            if (c >= 0x4E00 && c <= 0x9FFF) return false;
        std::size_t values = 0;
        for (const slot& v : pr.values.slots) values += !is_blank(v.text);
        if (values > 1) return false;
        const auto at = std::find(span.begin(), span.end(), &b);
        if (at == span.end()) return false;
        const bool first = at == span.begin() || (*(at - 1))->where.page != b.where.page;
        const bool last = at + 1 == span.end() || (*(at + 1))->where.page != b.where.page;
        return first || last;
    }

    /// Reads each unplaced row of `section` as official row X when all of these hold: the rows read
    /// just before and just after it are rows A and B of the section with exactly one row between
    /// them in the official order, X; X is read nowhere else in the table (nor by another unplaced
    /// row); its label resembles X's (`resemble_by_place`); a leading ordinal, if it parses
    /// (`read_ocr_ordinal`), is X's; and in section 二 X belongs to the 第二十条 item the row stands
    /// under. The job `make(X's id, row)` makes goes into `jobs` at the row's place, and the
    /// reading is logged (XXGK-I-030); an unplaced row not read logs its XXGK-I-033.
    template <class Make>
    void place_rows(std::string_view section, std::vector<unplaced_row>& rows, std::vector<row_job>& jobs,
                    std::set<std::string>& found, Make make) {
        std::vector<const row_label*> order;
        for (const row_label& l : labels(format_).rows)
            if (l.section == section) order.push_back(&l);
        const auto at = [&](const std::string& id) {
            for (std::size_t i = 0; i < order.size(); ++i)
                if (order[i]->id == id) return i;
            return npos;
        };
        std::vector<const row_label*> chosen(rows.size(), nullptr);
        std::vector<place_resemblance> likeness(rows.size());
        std::map<std::string, std::size_t> claims;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const unplaced_row& u = rows[k];
            const std::size_t a = at(u.before), b = at(u.after);
            if (a == npos || b == npos || b != a + 2) continue;
            const row_label* x = order[a + 1];
            if (found.count(std::string(x->id))) continue;
            const term* t = nullptr;
            for (const term& candidate : v_.terms())
                if (candidate.kind == term_kind::row && candidate.section == section && candidate.id == x->id)
                    t = &candidate;
            if (!t) continue;
            const std::u32string f = fold(u.printed);
            const ocr_ordinal o = read_ocr_ordinal(f);
            if (o.parses && (t->ord.kind == ordinal::none || o.value != t->ord.value)) continue;
            const group_label* g = labels(format_).group(section, x->group);
            if (u.item != 0 && (!g || article_20_item(g->label) != u.item)) continue;
            likeness[k] = resemble_by_place(f, *t);
            if (!likeness[k].resembles) continue;
            chosen[k] = x;
            ++claims[std::string(x->id)];
        }
        for (std::size_t k = 0; k < rows.size(); ++k) {
            unplaced_row& u = rows[k];
            if (chosen[k] && claims[std::string(chosen[k]->id)] != 1) chosen[k] = nullptr;
            if (!chosen[k]) {
                log_entry(log_, codes::I_033, u.not_a_row, {}, u.pr.b->where);
                continue;
            }
            const std::string id(chosen[k]->id);
            log_entry(log_, codes::I_030,
                      "label \"" + u.printed + "\" read as \"" + std::string(chosen[k]->label) +
                          "\" by its place between " + row_label_of(section, u.before) + " and " +
                          row_label_of(section, u.after) + " (" + std::to_string(likeness[k].common) + " of its " +
                          std::to_string(likeness[k].of) + " characters in order)",
                      std::string(section) + "." + id, u.where);
            found.insert(id);
        }
        // Into the jobs at their places, the last first so that the earlier places stay valid.
        for (std::size_t k = rows.size(); k-- > 0;) {
            if (!chosen[k]) continue;
            row_job j = make(std::string(chosen[k]->id), rows[k]);
            jobs.insert(jobs.begin() + static_cast<std::ptrdiff_t>(std::min(rows[k].job_at, jobs.size())),
                        std::move(j));
        }
    }

    // ---- Deduction from printed zeros (issue 15; the only place where a cell is not read)

    /// A group label printed as one row with values, e.g. the 2021 report's "（六）其他处理" with 0
    /// in every column where its three sub-rows are expected.
    struct printed_group {
        row_values values;
        std::string text;
        std::optional<provenance> where;
    };

    /// When the group's sub-rows are all absent and the group row prints an explicit 0 in each of
    /// its columns, each sub-row's cell is 0 too: its column's sum is 0 and counts are never
    /// negative. Each deduced cell is a number without raw text, with the parent's provenance,
    /// and is logged (XXGK-I-073). A non-zero, blank or unreadable parent deduces nothing.
    void deduce_zero_subrows(const std::string& group, const printed_group& parent, std::set<std::string>& found) {
        std::vector<const row_label*> subrows;
        for (const row_label& l : labels(format_).rows)
            if (l.section == "requests" && l.group == group) {
                if (found.count(std::string(l.id))) return;  // a sub-row is printed: nothing to deduce
                subrows.push_back(&l);
            }
        if (subrows.empty()) return;
        const std::vector<std::size_t> first = row_cells("requests", subrows.front()->id);
        const std::vector<slot>& slots = parent.values.slots;
        if (slots.size() != first.size()) return;
        for (std::size_t c = 0; c < first.size(); ++c) {
            const cell v = read_cell(slots[c].text, cell_keys(format_)[first[c]].kind).value;
            if (!v.is_number() || !(v.value() == decimal(0))) return;
        }
        for (const row_label* l : subrows) {
            const std::vector<std::size_t> cells = row_cells("requests", l->id);
            for (std::size_t c = 0; c < cells.size() && c < slots.size(); ++c) {
                cell zero = cell::number(decimal(0));
                zero.set_source(slots[c].where ? slots[c].where : parent.where);
                cell_at(r_, cells[c]) = zero;
            }
            found.insert(std::string(l->id));
            log_entry(log_, codes::I_073,
                      "row \"" + std::string(l->label) + "\" not printed; its group row \"" + parent.text +
                          "\" prints 0 in every column, so its cells are 0 (counts are never negative)",
                      "requests." + std::string(l->id), parent.where);
        }
    }

    report& r_;
    std::vector<import_log_entry>& log_;
    format_version format_;
    const vocabulary& v_;
    const identity_scorer& ids_;
    std::unordered_map<std::string, label_match> found_;  ///< find's answers for grids, by question
    const std::vector<std::uint32_t>& ocr_pages_;         ///< the pages read by OCR
};

// ---------------------------------------------------------------------------------------------
// Section 二

void table_reader::proactive(const block_span* span) {
    std::deque<block> made;  // rows rebuilt from one cell per line
    block_span rebuilt;
    if (span && one_cell_per_line(*span)) {
        rebuilt = rebuild_proactive(*span, made, v_, format_, log_);
        span = &rebuilt;
    }
    std::set<std::string> found;
    bool any = false;
    std::vector<row_job> jobs, dups;
    // The current block: its 第二十条 item and its header, column id → cell index (positional) and
    // in printed order.
    struct block_state {
        int item = 0;
        std::map<std::string, std::size_t> header;
        std::vector<std::string> header_order;
        bool header_ok = false;
        bool header_seen = false;
    } blk;
    std::set<int> lost_logged;
    std::optional<label_part> pending;     // a value-less label line that the next line may complete
    row_sequence sequence;                 // rows with values in print order, for the place rule
    std::vector<block_state> unplaced_in;  // the block each unplaced row stands in
    // The job of row `id` printed as `pr` (label `first`) in block `in`.
    const auto job_for = [&](const std::string& id, const parsed_row& pr, const std::string& first,
                             const block_state& in) {
        const std::string key = "proactive." + id;
        row_job j = make_job("proactive", id, pr);
        // The block's header decides the columns when it names this row's columns.
        bool header_fits = in.header_seen && in.header_ok;
        if (header_fits)
            for (std::size_t c : j.cells)
                if (std::find(in.header_order.begin(), in.header_order.end(),
                              std::string(cell_keys(format_)[c].column)) == in.header_order.end())
                    header_fits = false;
        if (!header_fits && !lost_logged.count(in.item)) {
            lost_logged.insert(in.item);
            log_entry(
                log_, codes::I_036,
                std::string(in.header_seen ? "header of the block not recognised" : "no header line for the block") +
                    " of row \"" + first + "\"; its columns are mapped by position in the block's known shape",
                key, pr.b->where);
        }
        reading_rules rules;
        if (header_fits && !pr.line) {
            readings_with_header(j, pr, in.header, rules);
        } else {
            // Padding cells of a block printed wider than this row (formats.md §5.1) are dropped
            // by the alignment; a header in another order reorders the tokens.
            j.readings = enumerate_readings(pr.values, j.columns, rules);
            if (header_fits && pr.line && in.header_order.size() == j.cells.size()) {
                for (reading& rd : j.readings.list) {
                    std::vector<cell> ordered(j.cells.size());
                    std::vector<bool> unseen(j.cells.size(), false);
                    for (std::size_t i = 0; i < in.header_order.size(); ++i)
                        for (std::size_t c = 0; c < j.cells.size(); ++c)
                            if (cell_keys(format_)[j.cells[c]].column == in.header_order[i]) {
                                ordered[c] = rd.cells[i];
                                unseen[c] = i < rd.unseen.size() && rd.unseen[i];
                            }
                    rd.cells = std::move(ordered);
                    rd.unseen = std::move(unseen);
                }
            }
        }
        return j;
    };
    if (span) {
        for (const block* b : *span) {
            const parsed_row pr = parse_row(*b);
            if (pr.labels.empty() && !pr.has_values()) continue;
            const std::string first = pr.labels.empty() ? std::string() : pr.labels.front().text;
            if (const int item = article_20_item(first)) {
                if (pending)
                    log_entry(log_, codes::I_025, "text in section 二 not recognised: \"" + pending->text + "\"", {},
                              pending->where);
                pending.reset();
                blk.item = item;
                blk.header.clear();
                blk.header_order.clear();
                blk.header_ok = false;
                blk.header_seen = false;
                any = true;
                continue;
            }
            if (starts_with(fold(first), U"信息内容")) {
                blk.header.clear();
                blk.header_order.clear();
                blk.header_seen = true;
                blk.header_ok = true;
                any = true;
                std::vector<std::pair<std::string, std::optional<provenance>>> words;
                if (pr.line) {
                    // Column labels of a text line: split at white space, or read greedily.
                    std::u32string rest = to_u32(first);
                    rest = trim(std::u32string_view(rest).substr(std::min<std::size_t>(rest.size(), 4)));
                    std::u32string cur;
                    for (char32_t ch : rest) {
                        if (is_space(ch)) {
                            if (!cur.empty()) words.push_back({to_u8(cur), b->where});
                            cur.clear();
                        } else {
                            cur += ch;
                        }
                    }
                    if (!cur.empty()) words.push_back({to_u8(cur), b->where});
                } else {
                    for (std::size_t i = 1; i < pr.labels.size(); ++i)
                        if (!pr.labels[i].span_copy) words.push_back({pr.labels[i].text, pr.labels[i].where});
                }
                std::set<std::string> used;
                for (std::size_t w = 0; w < words.size(); ++w) {
                    const label_match m = v_.find(words[w].first, "proactive", {term_kind::column});
                    if (!m || used.count(std::string(m.t->id))) {
                        blk.header_ok = false;
                        continue;
                    }
                    used.insert(std::string(m.t->id));
                    note_match(m, words[w].first, words[w].second, {});
                    blk.header_order.emplace_back(m.t->id);
                    if (!pr.line) blk.header[std::string(m.t->id)] = pr.labels[w + 1].index;
                }
                continue;
            }
            // An item row.
            if (pr.labels.empty()) {
                log_entry(log_, codes::I_025, "values without a row label skipped: \"" + b->text + "\"", {}, b->where);
                sequence.row("");
                continue;
            }
            label_match m = v_.find(first, "proactive", {term_kind::row});
            // A weak match without values is more likely the start of a label broken over lines.
            if (m && pr.values.slots.empty() &&
                (m.quality == match_quality::fuzzy || m.quality == match_quality::contains))
                m = label_match{};
            // A label broken over lines: "其他对外管理服务" / "事项 \t 279 …".
            if (!m && pending) {
                const std::string joined = pending->text + first;
                const label_match jm = v_.find(joined, "proactive", {term_kind::row});
                if (jm && jm.quality != match_quality::fuzzy && jm.quality != match_quality::contains) {
                    log_entry(log_, codes::I_028, "label split over lines joined: \"" + joined + "\"", {},
                              pending->where);
                    m = jm;
                }
            }
            if (!m) {
                if (!pr.has_values()) {
                    if (pending)
                        log_entry(log_, codes::I_025, "text in section 二 not recognised: \"" + pending->text + "\"",
                                  {}, pending->where);
                    pending = label_part{first, b->where, false, 0};
                } else {
                    if (pending)
                        log_entry(log_, codes::I_025, "text in section 二 not recognised: \"" + pending->text + "\"",
                                  {}, pending->where);
                    pending.reset();
                    std::string not_a_row = "row \"" + first + "\" is not a row of the " +
                                            std::string(to_string(format_)) +
                                            " format; kept only here: " + joined_values(pr);
                    if (page_chrome(*b, pr, first, *span)) {
                        log_entry(log_, codes::I_033, not_a_row, {}, b->where);
                    } else if (scanned(*b)) {
                        unplaced_row u;
                        u.pr = pr;
                        u.printed = first;
                        u.where = pr.labels.front().where ? pr.labels.front().where : b->where;
                        u.job_at = jobs.size();
                        u.not_a_row = std::move(not_a_row);
                        u.item = blk.item;
                        sequence.add(std::move(u));
                        unplaced_in.push_back(blk);
                    } else {
                        log_entry(log_, codes::I_033, not_a_row, {}, b->where);
                        sequence.row("");
                    }
                }
                continue;
            }
            pending.reset();
            const std::string id(m.t->id);
            const std::string key = "proactive." + id;
            dup_pending_ = false;
            sequence.row(id);
            if (found.count(id) && duplicate(jobs, key, id, pr, first)) continue;
            found.insert(id);
            any = true;
            note_match(m, first, pr.labels.front().where, key);
            row_job j = job_for(id, pr, first, blk);
            (dup_pending_ ? dups : jobs).push_back(std::move(j));
        }
    }
    if (pending)
        log_entry(log_, codes::I_025, "text in section 二 not recognised: \"" + pending->text + "\"", {},
                  pending->where);
    place_rows("proactive", sequence.unplaced, jobs, found, [&](const std::string& id, const unplaced_row& u) {
        const std::size_t k = static_cast<std::size_t>(&u - sequence.unplaced.data());
        return job_for(id, u.pr, u.printed, unplaced_in[k]);
    });
    settle(jobs, false);
    resolve_duplicates(dups, false);
    missing_rows("proactive", found, any);
}

// ---------------------------------------------------------------------------------------------
// Section 三

void table_reader::requests(const block_span* span) {
    std::set<std::string> found;
    bool any = false;
    std::vector<row_job> jobs, dups;
    std::map<std::string, std::size_t> header;
    bool data_seen = false;
    bool header_seen = false;
    bool repeating_header = false;  // inside a header printed again, logged once
    std::set<std::string> groups_seen;
    std::string last_group_printed;
    std::optional<std::pair<std::string, std::optional<provenance>>> pending;  // a label broken over lines
    std::map<std::string, printed_group> printed_groups;  // group id → a group label printed with values
    const block* pending_row_block = nullptr;  // the job of a value-less line that the next line may complete
    row_sequence sequence;                     // rows with values in print order, for the place rule
    reading_rules rules;
    rules.parts_may_vanish = true;
    rules.total_column = 6;
    // The rows a page break may have split, continued at the top of the next page by a row not
    // joined with them (join_split_rows): their empty boxes may hold the rest of what is printed
    // below, so they are no whole rows.
    std::set<const block*> split_above;
    if (span)
        for (std::size_t k = 1; k < span->size(); ++k)
            if ((*span)[k]->split_continuation) split_above.insert((*span)[k - 1]);
    if (span) {
        for (const block* b : *span) {
            parsed_row pr = parse_row(*b);
            if (pr.labels.empty() && !pr.has_values()) continue;
            // Header cells: the caption, 申请人情况, 法人或其他组织 and the seven columns.
            std::size_t header_hits = 0, other_labels = 0;
            std::map<std::string, std::size_t> columns_here;
            for (const label_part& l : header_parts(pr)) {
                bool exact = false;
                if (is_requests_caption(l.text, &exact)) {
                    ++header_hits;
                    if (!exact && !l.span_copy) {
                        log_entry(log_, codes::I_030,
                                  "caption \"" + l.text + "\" read as \"" + std::string(requests_caption) + "\"", {},
                                  l.where);
                    }
                    continue;
                }
                const label_match m = find(l.text, "requests", {term_kind::column, term_kind::header_word}, b->html);
                // "3.其他" is the 2021 row, not the 其他 column printed with an ordinal.
                const label_match as_row = m && m.quality == match_quality::ordinal
                                               ? find(l.text, "requests", {term_kind::row}, b->html)
                                               : label_match{};
                if (m && !(as_row && as_row.quality == match_quality::exact) &&
                    (m.quality == match_quality::exact || m.quality == match_quality::ordinal ||
                     m.quality == match_quality::note)) {
                    ++header_hits;
                    if (m.t->kind == term_kind::column && !l.span_copy) columns_here[std::string(m.t->id)] = l.index;
                } else {
                    ++other_labels;
                }
            }
            if (header_hits > 0 && other_labels == 0 && !pr.has_values()) {
                if (data_seen && header_seen) {
                    if (!repeating_header)
                        log_entry(log_, codes::I_035,
                                  "table header repeated inside the table (page break): \"" + b->text + "\"", {},
                                  b->where);
                    repeating_header = true;
                } else {
                    header_seen = true;
                    for (const auto& [id, idx] : columns_here) header[id] = idx;
                }
                any = true;
                continue;
            }
            // Row and group labels.
            std::string row_id, group_id;
            label_match row_match;
            std::string row_printed;
            std::optional<provenance> row_where;
            std::vector<std::string> unmatched;
            for (const label_part& l : pr.labels) {
                std::string text = l.text;
                label_match m = find(text, "requests", {term_kind::row, term_kind::group}, b->html);
                if (!m || m.quality == match_quality::fuzzy || m.quality == match_quality::contains) {
                    // A group label and a row label in one cell or line: "（三）不予公开 1.属于国家秘密".
                    const std::u32string f = fold(text);
                    for (const term& t : v_.terms()) {
                        if (t.section != "requests" || t.kind != term_kind::group) continue;
                        if (!starts_with(f, t.full) && !starts_with(f, t.body)) continue;
                        const std::size_t cut = starts_with(f, t.full) ? t.full.size() : t.body.size();
                        // Map the folded cut back to the printed text: skip that many non-space code points.
                        const std::u32string u = to_u32(text);
                        std::size_t seen = 0, k = 0;
                        for (; k < u.size() && seen < cut; ++k) {
                            const std::u32string one = fold(std::u32string_view(&u[k], 1));
                            seen += one.size();
                        }
                        const std::string rest = trim(to_u8(std::u32string_view(u).substr(k)));
                        const label_match rm = v_.find(rest, "requests", {term_kind::row});
                        if (rm) {
                            group_id = std::string(t.id);
                            if (!l.span_copy) last_group_printed = group_id;
                            m = rm;
                            text = rest;
                        }
                        break;
                    }
                }
                if (!m) {
                    if (!l.span_copy) unmatched.push_back(l.text);
                    continue;
                }
                if (m.t->kind == term_kind::group) {
                    const std::string g(m.t->id);
                    if (!l.span_copy) {
                        if (groups_seen.count(g) && last_group_printed != g)
                            log_entry(log_, codes::I_034,
                                      "group label \"" + l.text +
                                          "\" printed again (page break); read as a continuation",
                                      {}, l.where);
                        groups_seen.insert(g);
                        last_group_printed = g;
                        note_match(m, l.text, l.where, {});
                    }
                    group_id = g;
                    continue;
                }
                row_id = std::string(m.t->id);
                row_match = m;
                row_printed = text;
                row_where = l.where;
            }
            // A label broken over lines: join it with what is pending.
            if (row_id.empty() && !unmatched.empty()) {
                std::string joined = (pending ? pending->first : std::string()) + unmatched.front();
                label_match m = v_.find(joined, "requests", {term_kind::row});
                if (!m && pending_row_block) {
                    // The previous value-less line may be the start of this label.
                    const std::string prev = parse_row(*pending_row_block).labels.front().text;
                    joined = prev + unmatched.front();
                    m = v_.find(joined, "requests", {term_kind::row});
                    if (m && !jobs.empty() && jobs.back().row == std::string(m.t->id)) {
                        found.erase(jobs.back().row);
                        jobs.pop_back();
                    } else if (m) {
                        m = label_match{};
                    }
                }
                if (m && (m.quality == match_quality::exact || m.quality == match_quality::ordinal ||
                          m.quality == match_quality::note)) {
                    log_entry(log_, codes::I_028, "label split over lines joined: \"" + joined + "\"", {},
                              pending ? pending->second : b->where);
                    row_id = std::string(m.t->id);
                    row_match = m;
                    row_printed = joined;
                    row_where = pending ? pending->second : b->where;
                    unmatched.clear();
                    pending.reset();
                }
            }
            if (row_id.empty()) {
                // A ruled row on a scanned page is whole: its label does not go on in the next
                // row, and its empty boxes are printed cells, so it may be read by its place —
                // unless a page break split it (either piece).
                const bool whole_row = b->ruled && !b->split_continuation && !split_above.count(b) && scanned(*b);
                if (!unmatched.empty() && !pr.has_values() && !whole_row) {
                    // Perhaps the start of a label that continues on the next line.
                    if (pending)
                        pending->first += unmatched.front();
                    else
                        pending = std::make_pair(unmatched.front(), std::optional<provenance>(b->where));
                    continue;
                }
                if (!unmatched.empty()) {
                    std::string not_a_row = "row \"" + unmatched.front() + "\" is not a row of the " +
                                            std::string(to_string(format_)) +
                                            " format; kept only here: " + joined_values(pr);
                    if (page_chrome(*b, pr, unmatched.front(), *span)) {
                        log_entry(log_, codes::I_033, not_a_row, {}, b->where);
                    } else if (scanned(*b)) {
                        unplaced_row u;
                        u.pr = pr;
                        u.printed = unmatched.front();
                        for (const label_part& l : pr.labels)
                            if (!u.where && !l.span_copy && l.text == u.printed) u.where = l.where;
                        if (!u.where) u.where = b->where;
                        u.job_at = jobs.size();
                        u.not_a_row = std::move(not_a_row);
                        sequence.add(std::move(u));
                    } else {
                        log_entry(log_, codes::I_033, not_a_row, {}, b->where);
                        sequence.row("");
                    }
                } else if (!group_id.empty() && pr.has_values() && !printed_groups.count(group_id)) {
                    // A group printed as one row with values ("（六）其他处理 0 0 …"): its sub-rows may
                    // follow by arithmetic (deduce_zero_subrows).
                    printed_groups.emplace(group_id, printed_group{pr.values, b->text, b->where});
                    sequence.row("");
                } else if (pr.has_values()) {
                    log_entry(log_, codes::I_025, "values without a row label skipped: \"" + b->text + "\"", {},
                              b->where);
                    sequence.row("");
                }
                continue;
            }
            // A value-less row whose label leaves a bracket open, or matches only weakly, is the
            // start of a longer label.
            if (!pr.has_values()) {
                const std::u32string f = fold(row_printed);
                const auto opens = std::count(f.begin(), f.end(), U'(');
                const auto closes = std::count(f.begin(), f.end(), U')');
                const bool weak =
                    row_match.quality == match_quality::fuzzy || row_match.quality == match_quality::contains;
                if (opens > closes || (weak && pr.values.slots.empty())) {
                    pending = std::make_pair(row_printed, row_where);
                    continue;
                }
            }
            pending.reset();
            const std::string key = "requests." + row_id;
            dup_pending_ = false;
            sequence.row(row_id);
            if (found.count(row_id) && duplicate(jobs, key, row_id, pr, row_printed)) continue;
            found.insert(row_id);
            any = true;
            data_seen = true;
            repeating_header = false;
            note_match(row_match, row_printed, row_where, key);
            row_job j = make_job("requests", row_id, pr);
            if (!row_printed.empty()) j.label = row_printed;
            readings_with_header(j, pr, header, rules);
            pending_row_block = pr.line && !pr.has_values() ? b : nullptr;
            (dup_pending_ ? dups : jobs).push_back(std::move(j));
        }
    }
    place_rows("requests", sequence.unplaced, jobs, found, [&](const std::string& id, const unplaced_row& u) {
        row_job j = make_job("requests", id, u.pr);
        j.label = u.printed;
        readings_with_header(j, u.pr, header, rules);
        return j;
    });
    settle(jobs, true);
    resolve_duplicates(dups, true);
    for (const auto& [group, printed] : printed_groups) deduce_zero_subrows(group, printed, found);
    missing_rows("requests", found, any);
}

// ---------------------------------------------------------------------------------------------
// Section 四

void table_reader::review(const block_span* span) {
    std::deque<block> made;  // the row rebuilt from one cell per line
    block_span rebuilt;
    if (span && one_cell_per_line(*span)) {
        rebuilt = rebuild_review(*span, made, log_);
        span = &rebuilt;
    }
    std::set<std::string> found;
    bool any = false;
    std::vector<row_job> jobs, dups;
    row_values flat;
    bool flat_positional = true;
    std::optional<provenance> flat_where;
    std::string flat_printed;
    reading_rules group_rules;
    group_rules.group_size = 5;
    if (span) {
        for (const block* b : *span) {
            const parsed_row pr = parse_row(*b);
            if (pr.labels.empty() && !pr.has_values()) {
                // The national layout's one value row, printed with every box empty (a body with no
                // case): a grid row (HTML, Word, PDF) of exactly 15 cells of its own, all seen empty,
                // after the header. Its cells are blank because the source shows each box empty;
                // a text line with nothing on it shows nothing and stays skipped.
                if (any && flat.slots.empty() && b->type == block::kind::row && pr.values.kind == shape::positional &&
                    pr.values.slots.size() == 15 &&
                    std::all_of(pr.values.slots.begin(), pr.values.slots.end(),
                                [](const slot& sl) { return sl.printed; })) {
                    flat_where = b->where;
                    flat.slots = pr.values.slots;
                    flat_printed = joined_values(pr);
                }
                continue;
            }
            std::string row_id;
            std::size_t header_words = 0, unmatched = 0;
            label_match row_match;
            std::string printed;
            for (const label_part& l : pr.has_values() ? pr.labels : header_parts(pr)) {
                const label_match m =
                    find(l.text, "review_litigation", {term_kind::row, term_kind::group, term_kind::column}, b->html);
                if (!m) {
                    if (!l.span_copy) ++unmatched;
                    continue;
                }
                if (m.t->kind == term_kind::row && pr.has_values()) {
                    row_id = std::string(m.t->id);
                    row_match = m;
                    printed = l.text;
                } else {
                    ++header_words;
                }
            }
            if (!pr.has_values()) {
                any = any || header_words > 0;
                if (unmatched > 0 && header_words == 0)
                    log_entry(log_, codes::I_025, "text in section 四 not recognised: \"" + b->text + "\"", {},
                              b->where);
                continue;
            }
            any = true;
            if (!row_id.empty()) {
                const std::string key = "review_litigation." + row_id;
                dup_pending_ = false;
                if (found.count(row_id) && duplicate(jobs, key, row_id, pr, printed)) continue;
                found.insert(row_id);
                note_match(row_match, printed, b->where, key);
                row_job j = make_job("review_litigation", row_id, pr);
                j.readings = enumerate_readings(pr.values, j.columns, group_rules);
                (dup_pending_ ? dups : jobs).push_back(std::move(j));
                continue;
            }
            if (unmatched > 0)
                log_entry(log_, codes::I_025,
                          "label \"" + pr.labels.front().text +
                              "\" in section 四 not recognised; its values are read as the table's values",
                          {}, b->where);
            // The row of 15 values (possibly printed over several lines).
            if (!pr.dropped_tail.empty())
                log_entry(log_, codes::I_047,
                          "\"" + pr.dropped_tail +
                              "\" after the values of section 四 is a page number or prose, not a cell; "
                              "removed from the row",
                          "review_litigation", b->where);
            if (!flat_where) flat_where = b->where;
            if (pr.values.kind == shape::tokens) flat_positional = false;
            for (const slot& s : pr.values.slots) flat.slots.push_back(s);
            if (!flat_printed.empty()) flat_printed += " | ";
            flat_printed += joined_values(pr);
        }
    }
    if (!flat.slots.empty()) {
        // Trailing empty cells of a tab-separated line are not values.
        if (flat_positional)
            while (flat.slots.size() > 15 && is_blank(flat.slots.back().text)) flat.slots.pop_back();
        flat.kind = flat_positional ? shape::positional : shape::tokens;
        flat.row_where = flat_where;
        row_job j;
        j.section = "review_litigation";
        j.row = "*";
        for (const char* row : {"review", "litigation_direct", "litigation_after_review"})
            if (!found.count(row)) {
                const auto cells = row_cells("review_litigation", row);
                j.cells.insert(j.cells.end(), cells.begin(), cells.end());
            }
        j.columns = specs(j.cells);
        for (std::size_t i = 0; i < j.columns.size(); ++i) {
            const cell_key& k = cell_keys(format_)[j.cells[i]];
            j.columns[i].label = std::string(k.row_info->label) + "›" + j.columns[i].label;
        }
        j.where = flat_where;
        j.label = "行政复议 / 行政诉讼";
        j.printed = flat_printed;
        j.has_values = true;  // only lines with values join the flat row
        for (const slot& sl : flat.slots) j.grid_gaps = j.grid_gaps || !sl.printed;
        for (const char* row : {"review", "litigation_direct", "litigation_after_review"}) found.insert(row);
        j.readings = enumerate_readings(flat, j.columns, group_rules);
        jobs.push_back(std::move(j));
    }
    settle(jobs, true);
    resolve_duplicates(dups, true);
    missing_rows("review_litigation", found, any);
}

}  // namespace

/// Rows of a PDF grid that a page break may have split (block::split_continuation): joined with
/// the row above when the two pieces of the label make a row label of the format (equal once
/// folded, or but for the ordinal's style or a note) and the piece above alone is not another
/// row's label; the joined row keeps the boxes above, the continuation's text added. Otherwise
/// the continuation stays a row of its own whose empty boxes are not taken for cells printed
/// empty (they may be the rest of boxes printed above). Both logged XXGK-I-076.
block_span join_split_rows(const block_span& span, std::deque<block>& made, format_version format,
                           std::string_view section, std::vector<import_log_entry>& log) {
    const vocabulary& v = vocab(format);
    const auto certain = [](const label_match& m) {
        return m && (m.quality == match_quality::exact || m.quality == match_quality::ordinal ||
                     m.quality == match_quality::note);
    };
    block_span out;
    for (const block* b : span) {
        if (!b->split_continuation) {
            out.push_back(b);
            continue;
        }
        std::optional<std::size_t> label;  // the rightmost text of the continuation: the row label's rest
        for (std::size_t c = 0; c < b->cells.size(); ++c)
            if (!b->cells[c].span_copy && !b->cells[c].text.empty()) label = c;
        const block* above = out.empty() ? nullptr : out.back();
        if (label && above && above->type == block::kind::row && above->cells.size() == b->cells.size()) {
            const std::string& piece = above->cells[*label].text;
            const std::string joined = piece + b->cells[*label].text;
            const label_match whole = v.find(joined, section, {term_kind::row});
            const label_match part = v.find(piece, section, {term_kind::row});
            if (certain(whole) && (!certain(part) || part.t == whole.t)) {
                block j = *above;
                for (std::size_t c = 0; c < j.cells.size(); ++c) {
                    const src_cell& more = b->cells[c];
                    if (more.span_copy || more.text.empty()) continue;
                    if (j.cells[c].span_copy)
                        j.cells[c] = more;
                    else
                        j.cells[c].text += more.text;
                }
                j.text = grid_row_text(j.cells);
                log_entry(log, codes::I_076,
                          "row split by a page break joined: \"" + piece + "\" + \"" + b->cells[*label].text +
                              "\" is \"" + std::string(whole.t->official) + "\"",
                          {}, b->where);
                made.push_back(std::move(j));
                out.back() = &made.back();
                continue;
            }
        }
        block rest = *b;
        for (src_cell& c : rest.cells)
            if (!c.span_copy && c.text.empty()) c.unprinted = true;
        log_entry(log, codes::I_076,
                  "row \"" + (label ? b->cells[*label].text : std::string()) +
                      "\" at the top of a page may go on from the row above it; not joined (the joined label is no row "
                      "of the "
                      "format), and its empty boxes are not taken for cells printed empty",
                  {}, b->where);
        made.push_back(std::move(rest));
        out.push_back(&made.back());
    }
    return out;
}

void read_tables(report& r, const block_span* proactive, const block_span* requests, const block_span* review,
                 const std::vector<std::uint32_t>& ocr_pages, std::vector<import_log_entry>& log) {
    std::deque<block> made;
    block_span joined[3];
    const block_span* spans[3] = {proactive, requests, review};
    const char* sections[3] = {"proactive", "requests", "review_litigation"};
    for (int k = 0; k < 3; ++k)
        if (spans[k] &&
            std::any_of(spans[k]->begin(), spans[k]->end(), [](const block* b) { return b->split_continuation; })) {
            joined[k] = join_split_rows(*spans[k], made, r.format(), sections[k], log);
            spans[k] = &joined[k];
        }
    // Section 三 printed one cell per line, its 总计 column apart at the head of section 四.
    block_span requests_rebuilt, review_rest;
    if (spans[1] && spans[2] &&
        std::none_of(spans[1]->begin(), spans[1]->end(), [](const block* b) { return b->type == block::kind::row; })) {
        requests_rebuilt = *spans[1];
        review_rest = *spans[2];
        std::size_t lone = 0;
        for (const block* b : requests_rebuilt) lone += lone_value(*b);
        if (lone >= 2 && rebuild_requests(requests_rebuilt, review_rest, made, vocab(r.format()), log)) {
            spans[1] = &requests_rebuilt;
            spans[2] = &review_rest;
        }
    }
    table_reader t(r, ocr_pages, log);
    t.proactive(spans[0]);
    t.requests(spans[1]);
    t.review(spans[2]);
}

}  // namespace xxgk::import_detail
