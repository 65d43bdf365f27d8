// What the readers of structured files (HTML pages, Word documents) share: a paragraph as a
// block, white space collapsed as HTML does, and the guard against markup with too many
// attributes. Built whichever readers a build has (XXGK_WITH_HTML, XXGK_WITH_WORD).
#include "document.hpp"

#include "fold.hpp"

#include <xxgk/error.hpp>

#include <string>

namespace xxgk::import_detail {

std::optional<block> paragraph_block(std::string_view text, std::string_view marked, int heading, bool list_item) {
    std::string t = trim(text);
    if (t.empty()) return std::nullopt;
    block b;
    b.type = block::kind::line;
    b.text = std::move(t);
    b.marked = trim(marked);
    b.heading = heading;
    b.list_item = list_item;
    b.html = true;  // one block is one paragraph (or one line of it): never joined with the next
    return b;
}

void append_collapsed(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        // A run of bytes that are neither white space nor the lead byte of U+00A0: copied at once.
        std::size_t run = i;
        while (run < s.size() && s[run] != ' ' && s[run] != '\t' && s[run] != '\n' && s[run] != '\r' &&
               s[run] != '\f' && s[run] != '\xC2')
            ++run;
        if (run > i) {
            out.append(s.data() + i, run - i);
            i = run - 1;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        // U+00A0 (&nbsp;) counts as white space here: pages indent with it.
        const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (space || nbsp) {
            if (nbsp) ++i;
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += static_cast<char>(c);
    }
}

void refuse_many_attributes(std::string_view markup, const char* what) {
    // One pass over the bytes: start tags are '<' and a letter; attributes are counted up to the
    // tag's '>' with quoted values skipped; comments and the raw text of script and style are
    // skipped as the parsers do. A miscount can only err on the side of counting fewer.
    const std::size_t n = markup.size();
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const auto is_letter = [&](char c) { return (lower(c) >= 'a' && lower(c) <= 'z'); };
    const auto is_space_byte = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    const auto starts_nocase = [&](std::size_t at, std::string_view w) {
        if (at + w.size() > n) return false;
        for (std::size_t k = 0; k < w.size(); ++k)
            if (lower(markup[at + k]) != w[k]) return false;
        return true;
    };
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < n) {
        const char c = markup[i];
        if (c == '\n') ++line;
        if (c != '<') {
            ++i;
            continue;
        }
        if (markup.compare(i, 4, "<!--") == 0 && markup.find("-->", i + 4) != std::string_view::npos) {
            // (An unclosed comment is not skipped: a recovering parser may read what follows.)
            const std::size_t stop = markup.find("-->", i + 4) + 3;
            for (std::size_t k = i; k < stop; ++k) line += markup[k] == '\n';
            i = stop;
            continue;
        }
        if (i + 1 >= n || !is_letter(markup[i + 1])) {
            ++i;
            continue;
        }
        const std::size_t tag_line = line;
        std::size_t k = i + 1;
        const std::size_t name_at = k;
        while (k < n && !is_space_byte(markup[k]) && markup[k] != '>' && markup[k] != '/') ++k;
        const bool raw_text = (k - name_at == 6 && starts_nocase(name_at, "script")) ||
                              (k - name_at == 5 && starts_nocase(name_at, "style"));
        std::size_t count = 0;
        while (k < n && markup[k] != '>') {
            const char d = markup[k];
            if (is_space_byte(d) || d == '/') {
                line += d == '\n';
                ++k;
                continue;
            }
            ++count;
            if (count > max_attributes_per_element)
                throw error(
                    errc::limit_exceeded,
                    std::string(what) + ": an element at line " + std::to_string(tag_line) + " has more than " +
                        std::to_string(max_attributes_per_element) +
                        " attributes (the parser's work grows with their square; a page has a handful per element)");
            // The attribute's name, then an optional = and value.
            while (k < n && !is_space_byte(markup[k]) && markup[k] != '>' && markup[k] != '=' && markup[k] != '/') ++k;
            while (k < n && is_space_byte(markup[k])) line += markup[k++] == '\n';
            if (k < n && markup[k] == '=') {
                ++k;
                while (k < n && is_space_byte(markup[k])) line += markup[k++] == '\n';
                if (k < n && (markup[k] == '"' || markup[k] == '\'')) {
                    const char q = markup[k++];
                    while (k < n && markup[k] != q) line += markup[k++] == '\n';
                    if (k < n) ++k;
                } else {
                    while (k < n && !is_space_byte(markup[k]) && markup[k] != '>') ++k;
                }
            }
        }
        i = k;
        if (raw_text && !(k < n && markup[k - 1] == '/')) {  // <script/> holds no raw text
            // Up to the closing tag: the raw text holds no elements.
            std::size_t j = i;
            const std::string_view end_tag = starts_nocase(name_at, "script") ? "</script" : "</style";
            while (j < n && !(markup[j] == '<' && starts_nocase(j, end_tag))) line += markup[j++] == '\n';
            i = j;
        }
    }
}

}  // namespace xxgk::import_detail
