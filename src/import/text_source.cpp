// Plain text → blocks. Text copied from a page or converted from a PDF: one line per paragraph
// piece, tables as tab-separated lines (or Markdown pipe rows, or whitespace-separated lines,
// which the table reader tokenises), Markdown markup from converters.
#include "document.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/text.hpp>

#include <algorithm>
#include <array>

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
    cells.reserve(static_cast<std::size_t>(std::count(line.begin(), line.end(), sep)) + 1);  // a field per separator, and one
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
        const std::string_view field = line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
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
        if (is_rule_line(line)) continue;

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
            for (src_cell& c : b.cells) c.where->column = *c.where->column + static_cast<std::uint32_t>(length_u8(line.substr(0, base)));
            for (const src_cell& c : b.cells) {
                if (!b.text.empty()) b.text += '\t';
                b.text += c.text;
            }
            doc.blocks.push_back(std::move(b));
        } else {
            // Heading marks, list marks, then inline markup.
            std::size_t i = 0;
            while (i < body.size() && body[i] == '#' && i < 6) ++i;
            if (i > 0 && (i == body.size() || body[i] == ' ' || body[i] == '*' || static_cast<unsigned char>(body[i]) >= 0x80)) {
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
            if (b.text.empty()) continue;
            doc.blocks.push_back(std::move(b));
        }
        if (end == text.size()) break;
    }
    return doc;
}

}  // namespace xxgk::import_detail
