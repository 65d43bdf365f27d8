// Plain text → blocks. Text copied from a page or converted from a PDF: one line per paragraph
// piece, tables as tab-separated lines (or Markdown pipe rows, or whitespace-separated lines,
// which the table reader tokenises), Markdown markup from converters.
#include "document.hpp"
#include "../codes.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/labels.hpp>
#include <xxgk/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace xxgk::import_detail {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/// A Markdown rule or table separator: only - = * _ : | and spaces, with a run of three.
bool is_rule_line(std::string_view line) {
    bool run = false;
    char prev = 0;
    int count = 0;
    bool any = false;
    for (char c : line) {
        if (is_ascii_space(c) || c == '|' || c == ':') {
            prev = 0;
            count = 0;
            continue;
        }
        if (c != '-' && c != '=' && c != '*' && c != '_') return false;
        any = true;
        count = c == prev ? count + 1 : 1;
        prev = c;
        if (count >= 3) run = true;
    }
    return any && run;
}

/// Column (1-based, code points) of byte offset `offset` in `line`.
std::uint32_t column_of(std::string_view line, std::size_t offset) {
    return static_cast<std::uint32_t>(length_u8(line.substr(0, offset)) + 1);
}

/// trim(text) of a piece of the (valid) text: it is valid UTF-8 itself, being cut out next to ASCII
/// bytes (line ends, tabs, pipes, Markdown marks), as every piece here is.
std::string trimmed(std::string_view text) { return std::string(trim_valid(text)); }
/// The same, taking the text over when there is nothing to cut.
std::string trimmed(std::string&& text) {
    const std::string_view t = trim_valid(text);
    return t.size() == text.size() ? std::move(text) : std::string(t);
}

std::string clean_inline(std::string_view s);

/// Splits a row into fields at `sep`; each field trimmed, with the column of its first character.
std::vector<src_cell> split_fields(std::string_view line, std::size_t line_no, char sep, std::size_t base = 0) {
    std::vector<src_cell> cells;
    cells.reserve(static_cast<std::size_t>(std::count(line.begin(), line.end(), sep)) +
                  1);  // a field per separator, and one
    std::size_t start = 0;
    // Columns counted once along the line: code points before byte `counted`.
    std::size_t counted = 0, points = 0;
    const auto column = [&](std::size_t offset) {
        offset = std::min(offset, line.size());
        if (offset < counted) return column_of(line, offset);  // not met: the fields go forwards
        points += length_u8(line.substr(counted, offset - counted));
        counted = offset;
        return static_cast<std::uint32_t>(points + 1);
    };
    while (true) {
        const std::size_t end = line.find(sep, start);
        const std::string_view field =
            line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        std::size_t lead = 0;
        while (lead < field.size() && is_ascii_space(field[lead])) ++lead;
        src_cell c;
        c.text = trimmed(clean_inline(field));
        c.where = at_line(line_no, column(base + start + lead));
        cells.push_back(std::move(c));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return cells;
}

/// xxgk's Markdown prints a row's nested labels as one path, "三、本年度办理结果 › （一）予以公开"
/// (render_markdown.cpp): the row's first cell is cut back into one label cell per level, as the
/// national form prints them. A value never contains "›", so only label cells are touched.
void split_label_path(std::vector<src_cell>& cells) {
    static constexpr std::string_view sep = " \xE2\x80\xBA ";  // " › "
    if (cells.empty() || cells.front().text.find(sep) == std::string::npos) return;
    const src_cell path = cells.front();
    std::vector<src_cell> parts;
    std::size_t start = 0, offset = 0;
    while (true) {
        const std::size_t end = path.text.find(sep, start);
        src_cell c = path;
        c.text = trimmed(
            std::string_view(path.text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (c.where && c.where->column) c.where->column = *c.where->column + static_cast<std::uint32_t>(offset);
        if (!c.text.empty()) parts.push_back(std::move(c));
        if (end == std::string::npos) break;
        offset += length_u8(std::string_view(path.text).substr(start, end + sep.size() - start));
        start = end + sep.size();
    }
    cells.erase(cells.begin());
    cells.insert(cells.begin(), parts.begin(), parts.end());
}

// ---------------------------------------------------------------------------------------------
// The whole page on one line (crawler and CMS exports store it so): cut back into lines

/// The chinese ordinals 一 … 十 as printed before 、.
bool ends_with_ordinal(std::string_view s) {
    static constexpr std::array<std::string_view, 10> numerals{"一", "二", "三", "四", "五",
                                                               "六", "七", "八", "九", "十"};
    if (s.size() < 3 + 3 || s.substr(s.size() - 3) != "、") return false;
    const std::string_view n = s.substr(s.size() - 6, 3);
    return std::find(numerals.begin(), numerals.end(), n) != numerals.end();
}

/// Where a line that holds a whole page is cut into lines: before each section heading (its
/// ordinal, whatever number it prints), after the title's 年度报告, around the signature's date,
/// and — between the heading of 二 (or the first table) and the heading of 五 — before each table
/// marker and each row label of either format (the longest label at a place wins, so
/// "行政规范性文件" is not cut at "规范性文件"). Empty when the line is no such page: a page
/// names at least two section headings; a paragraph does not.
std::vector<std::size_t> page_cuts(std::string_view line) {
    std::vector<std::size_t> cuts;
    if (line.size() < 1000) return cuts;
    // The template titles of the six section headings (formats.md §2), 0-based.
    const auto title = [](std::size_t w) { return section_headings()[w].title; };
    std::vector<std::pair<std::size_t, std::size_t>> headings;  // (cut, heading index)
    for (std::size_t w = 0; w < section_headings().size(); ++w) {
        for (std::size_t p = line.find(title(w)); p != std::string_view::npos; p = line.find(title(w), p + 1)) {
            // A heading has its ordinal: the words alone may be prose ("总体情况良好").
            if (!ends_with_ordinal(line.substr(0, p))) continue;
            const std::size_t at = p - 6;
            headings.emplace_back(at, w);
            break;  // the first occurrence with an ordinal is the heading
        }
    }
    if (headings.size() < 2) return cuts;
    std::sort(headings.begin(), headings.end());
    std::size_t tables_from = std::string_view::npos, tables_to = line.size();
    for (const auto& [at, w] : headings) {
        cuts.push_back(at);
        if (w == 1 || (w == 2 && tables_from == std::string_view::npos)) tables_from = std::min(tables_from, at);
        if (w == 4) tables_to = at;
    }
    // The title: the first 年度报告 near the start.
    const std::size_t report = line.find("年度报告");
    if (report != std::string_view::npos && report < 300) cuts.push_back(report + std::string_view("年度报告").size());
    // The signature: a date at the very end, and the body between the last full stop and it.
    {
        std::string_view tail = line;
        while (!tail.empty() && is_ascii_space(tail.back())) tail.remove_suffix(1);
        if (tail.size() > 3 && tail.substr(tail.size() - 3) == "日") {
            std::size_t p = tail.size() - 3;
            std::size_t digits = 0;
            while (p > 0 &&
                   (std::isdigit(static_cast<unsigned char>(tail[p - 1])) || tail[p - 1] == ' ' ||
                    tail.substr(p >= 3 ? p - 3 : 0, 3) == "年" || tail.substr(p >= 3 ? p - 3 : 0, 3) == "月")) {
                if (std::isdigit(static_cast<unsigned char>(tail[p - 1]))) {
                    --p;
                    ++digits;
                } else if (tail[p - 1] == ' ') {
                    --p;
                } else {
                    p -= 3;
                }
            }
            if (digits >= 6) {
                cuts.push_back(p);
                const std::size_t stop = tail.rfind("。", p);
                if (stop != std::string_view::npos && p - stop < 120) cuts.push_back(stop + 3);
            }
        }
    }
    if (tables_from != std::string_view::npos && tables_from < tables_to) {
        std::vector<std::string_view> markers{"第二十条第", "信息内容", "申请人情况", "（本列数据", "(本列数据"};
        for (format_version f : {format_version::v2019, format_version::v2021}) {
            for (const row_label& r : labels(f).rows) markers.push_back(r.label);
            for (const group_label& g : labels(f).groups)
                if (g.section == "requests") markers.push_back(g.label);  // "三、本年度办理结果", "（三）不予公开"
        }
        // The first heading inside the range is not cut again by the markers it contains.
        std::size_t p = tables_from;
        for (const auto& [at, w] : headings)
            if (at == tables_from) p = at + 6 + title(w).size();
        while (p < tables_to) {
            std::size_t best = 0;
            for (std::string_view m : markers)
                if (m.size() > best && line.compare(p, m.size(), m) == 0) best = m.size();
            if (best > 0) {
                cuts.push_back(p);
                p += best;
                continue;
            }
            // A later section heading inside the range (四) is not cut by its own words.
            bool heading = false;
            for (const auto& [at, w] : headings)
                if (at == p) {
                    p = at + 6 + title(w).size();
                    heading = true;
                }
            if (!heading) ++p;
        }
    }
    // Section 四: its header words, then its fifteen values. Cut after the last header word
    // when only values and separators follow it (up to the heading of 五).
    for (const auto& [at, w] : headings) {
        if (w != 3) continue;
        std::size_t to = line.size();
        for (const auto& [at5, w5] : headings)
            if (at5 > at && at5 < to) to = at5;
        std::size_t last_cjk = std::string_view::npos;
        for (std::size_t p = at; p < to; ++p)
            if (static_cast<unsigned char>(line[p]) >= 0xE4 && static_cast<unsigned char>(line[p]) <= 0xE9)
                last_cjk = p;
        if (last_cjk == std::string_view::npos) break;
        const std::size_t after = last_cjk + 3;  // CJK ideographs are three bytes
        bool values_only = after < to;
        for (std::size_t p = after; p < to && values_only; ++p) {
            const char c = line[p];
            values_only = (c >= '0' && c <= '9') || c == ' ' || c == '|' || c == '\t' || c == '.' || c == '-';
        }
        if (values_only) cuts.push_back(after);
        break;
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
}

}  // namespace

namespace {

/// markdown_inline, with `marked` (when not null) made as well: rows need only `clean`.
void inline_markup(std::string_view s, std::string& clean, std::string* marked) {
    clean.clear();
    clean.reserve(s.size());
    if (marked) {
        marked->clear();
        marked->reserve(s.size() + 4);
    }
    for (std::size_t i = 0; i < s.size();) {
        // A run of bytes that start no markup is copied as it is, at once.
        static constexpr auto markup = [] {
            std::array<bool, 256> t{};
            for (unsigned char c : {'[', '!', '<', '*', '_'}) t[c] = true;
            return t;
        }();
        std::size_t run = i;
        while (run < s.size() && !markup[static_cast<unsigned char>(s[run])]) ++run;
        if (run > i) {
            clean.append(s.data() + i, run - i);
            if (marked) marked->append(s.data() + i, run - i);
            i = run;
            continue;
        }
        const char c = s[i];
        // ![alt](url) and [text](url): keep the text.
        if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
            const std::size_t open = c == '[' ? i : i + 1;
            const std::size_t close = s.find(']', open + 1);
            if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
                const std::size_t paren = s.find(')', close + 2);
                if (paren != std::string_view::npos) {
                    const std::string_view text = s.substr(open + 1, close - open - 1);
                    clean += text;
                    if (marked) *marked += text;
                    i = paren + 1;
                    continue;
                }
            }
        }
        // <http://…>: the URL.
        if (c == '<' && (s.substr(i + 1, 7) == "http://" || s.substr(i + 1, 8) == "https://")) {
            const std::size_t close = s.find('>', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view url = s.substr(i + 1, close - i - 1);
                clean += url;
                if (marked) *marked += url;
                i = close + 1;
                continue;
            }
        }
        // **bold** / __bold__: markers kept only in `marked`.
        if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
            if (marked) *marked += "**";
            i += 2;
            continue;
        }
        clean += c;
        if (marked) *marked += c;
        ++i;
    }
}

/// Inline markup removed from a row or a field (no bold marks kept).
std::string clean_inline(std::string_view s) {
    std::string clean;
    inline_markup(s, clean, nullptr);
    return clean;
}

}  // namespace

void markdown_inline(std::string_view s, std::string& clean, std::string& marked) { inline_markup(s, clean, &marked); }

namespace {
void read_one_line(document& doc, std::string_view line, std::size_t line_no);
}  // namespace

document read_text(std::string_view text) {
    document doc;
    doc.valid_utf8 = true;  // pieces of valid text, cut next to ASCII bytes
    // `text` is valid UTF-8 (import_text sanitises first): not checked again.
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
        if (is_blank(line)) {
            if (end == text.size()) break;
            continue;
        }
        const std::vector<std::size_t> cuts = page_cuts(line);
        if (!cuts.empty()) {
            // The whole page on one line: each piece read as a line of its own, at its column.
            std::size_t from = 0;
            for (std::size_t k = 0; k <= cuts.size(); ++k) {
                const std::size_t to = k < cuts.size() ? cuts[k] : line.size();
                if (to <= from) continue;
                std::string piece(line.substr(from, to - from));
                // Cells separated by " | " (the page's table cells): a row, as TAB fields.
                // The separators at the piece's ends are blanked, not removed: columns stay.
                std::string row = piece;
                {
                    std::size_t a = 0, z = row.size();
                    while (a < z && (is_ascii_space(row[a]) || row[a] == '|')) row[a++] = ' ';
                    while (z > a && (is_ascii_space(row[z - 1]) || row[z - 1] == '|')) row[--z] = ' ';
                    if (a == z) {
                        from = to;
                        continue;
                    }
                }
                if (row.find(" | ") != std::string::npos) {
                    std::string tabbed;
                    for (std::size_t i = 0; i < row.size();) {
                        if (row.compare(i, 3, " | ") == 0) {
                            tabbed += " \t ";  // as long as " | ": the cells keep their columns
                            i += 3;
                        } else {
                            tabbed += row[i++];
                        }
                    }
                    row = std::move(tabbed);
                }
                const std::size_t before = doc.blocks.size();
                read_one_line(doc, row, line_no);
                const std::uint32_t shift = column_of(line, from) - 1;
                for (std::size_t b = before; b < doc.blocks.size(); ++b) {
                    if (doc.blocks[b].where.column) *doc.blocks[b].where.column += shift;
                    for (src_cell& c : doc.blocks[b].cells)
                        if (c.where && c.where->column) *c.where->column += shift;
                }
                from = to;
            }
            {
                log_entry(doc.log, codes::I_049,
                          "line " + std::to_string(line_no) + " holds the whole page (" +
                              std::to_string(length_u8(line)) + " characters); cut into " +
                              std::to_string(cuts.size() + 1) +
                              " lines at its section headings, table labels, title and signature",
                          {}, at_line(line_no, 1));
            }
            if (end == text.size()) break;
            continue;
        }
        read_one_line(doc, line, line_no);
        if (end == text.size()) break;
    }
    return doc;
}

namespace {

/// One line of text (or one piece of a page on one line) → a block.
void read_one_line(document& doc, std::string_view line, std::size_t line_no) {
    {
        if (is_rule_line(line)) return;

        block b;
        std::size_t lead = 0;
        while (lead < line.size() && is_ascii_space(line[lead])) ++lead;
        b.where = at_line(line_no, column_of(line, lead));

        std::string_view body = line.substr(lead);
        if (line.find('\t') != std::string_view::npos) {
            b.type = block::kind::row;
            b.cells = split_fields(line, line_no, '\t');
            const std::string clean = clean_inline(line);
            // The row as printed, without the white space at its ends (inner tabs kept).
            std::size_t a = 0, z = clean.size();
            while (a < z && is_ascii_space(clean[a])) ++a;
            while (z > a && is_ascii_space(clean[z - 1])) --z;
            b.text = clean.substr(a, z - a);
            doc.blocks.push_back(std::move(b));
        } else if (body.size() > 1 && body.front() == '|' && body.find('|', 1) != std::string_view::npos) {
            // Markdown pipe row: | a | b |
            std::string_view inner = body.substr(1);
            std::size_t base = lead + 1;
            std::string_view inner_end = inner;
            while (!inner_end.empty() && is_ascii_space(inner_end.back())) inner_end.remove_suffix(1);
            if (!inner_end.empty() && inner_end.back() == '|') inner_end.remove_suffix(1);
            b.type = block::kind::row;
            b.cells = split_fields(line.substr(0, base + inner_end.size()).substr(base), line_no, '|', 0);
            for (src_cell& c : b.cells)
                c.where->column = *c.where->column + static_cast<std::uint32_t>(length_u8(line.substr(0, base)));
            split_label_path(b.cells);
            for (const src_cell& c : b.cells) {
                if (!b.text.empty()) b.text += '\t';
                b.text += c.text;
            }
            doc.blocks.push_back(std::move(b));
        } else {
            // Heading marks, list marks, then inline markup.
            std::size_t i = 0;
            while (i < body.size() && body[i] == '#' && i < 6) ++i;
            if (i > 0 &&
                (i == body.size() || body[i] == ' ' || body[i] == '*' || static_cast<unsigned char>(body[i]) >= 0x80)) {
                b.heading = static_cast<int>(i);
                body.remove_prefix(i);
                while (!body.empty() && body.back() == '#') body.remove_suffix(1);
            }
            while (!body.empty() && is_ascii_space(body.front())) body.remove_prefix(1);
            if (body.size() > 2 && (body[0] == '-' || body[0] == '*' || body[0] == '+') && body[1] == ' ') {
                b.list_item = true;
                body.remove_prefix(2);
            } else if (body.substr(0, 3) == "\xE2\x80\xA2" || body.substr(0, 2) == "\xC2\xB7") {  // • ·
                b.list_item = true;
                body.remove_prefix(body[0] == '\xE2' ? 3 : 2);
            }
            std::string clean, marked;
            markdown_inline(body, clean, marked);
            b.text = trimmed(clean);
            b.marked = marked == clean ? b.text : trimmed(marked);  // no bold: the same text
            if (b.text.empty()) return;
            doc.blocks.push_back(std::move(b));
        }
    }
}

}  // namespace

}  // namespace xxgk::import_detail
