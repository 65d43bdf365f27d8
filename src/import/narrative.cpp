// The text sections: lines joined into paragraphs where a line break fell mid-sentence,
// （一）… subsections, and material that is not part of the report kept as foreign blocks
// (formats.md §13.5).
#include "assemble.hpp"
#include "../codes.hpp"

#include "fold.hpp"
#include "log.hpp"

#include <xxgk/text.hpp>

#include <algorithm>

namespace xxgk::import_detail {

bool is_sentence_end(char32_t c) {
    switch (c) {
        case U'。':
        case U'！':
        case U'？':
        case U'!':
        case U'?':
        case U'；':
        case U';':
        case U'：':
        case U':':
        case U'…': return true;
        default: return false;
    }
}

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool is_closer(char32_t c) {
    switch (c) {
        case U'”':
        case U'’':
        case U'」':
        case U'』':
        case U'）':
        case U')':
        case U'】':
        case U'》':
        case U'"': return true;
        default: return false;
    }
}

}  // namespace

bool ends_open(std::string_view text) { return ends_open(text, invalid_utf8_offset(text) == valid_utf8); }

bool ends_open(std::string_view text, bool valid) {
    if (valid) {
        // Valid text: only its last code points are read, backwards.
        std::size_t end = text.size();
        const auto back = [&]() {  // the code point before `end`; `end` moves to its start
            std::size_t k = end - 1;
            while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
            char32_t c = 0;
            utf8_reader{text.substr(0, end), k}.next(c);
            end = k;
            return c;
        };
        char32_t c = 0;
        do {
            if (end == 0) return false;  // blank
            c = back();
        } while (is_space(c) || is_invisible(c));
        if (!is_closer(c)) return !is_sentence_end(c);
        do {
            if (end == 0) return true;  // closing brackets only
            c = back();
        } while (is_closer(c));
        return !is_sentence_end(c);  // a full stop inside the brackets closes the sentence (blanks are not full stops)
    }
    const std::u32string u = trim(to_u32(text));
    if (u.empty()) return false;
    std::size_t i = u.size();
    while (i > 0 && is_closer(u[i - 1])) --i;
    if (i < u.size() && i > 0 && is_sentence_end(u[i - 1])) return false;
    if (i == u.size()) return !is_sentence_end(u.back());
    return true;  // ends with a closing bracket not preceded by a full stop
}

namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void join_line(std::string& cur, std::string_view next) {
    if (!cur.empty() && !next.empty() && ascii_alnum(cur.back()) && ascii_alnum(next.front())) cur += ' ';
    cur += next;
}

struct subsection_hit {
    std::string ordinal;  // as printed
    std::string title;
    std::string rest;  // text after the title, the start of the first paragraph
    int value = 0;
};

/// "（一）标题。正文…" with the title delimited by bold marks, a heading, or the first full stop.
std::optional<subsection_hit> subsection_start(const block& b) {
    if (b.type != block::kind::line) return std::nullopt;
    const std::string& source = b.marked.empty() ? b.text : b.marked;
    {
        // Most lines do not start with "(": told by their first code points, before decoding the rest.
        char32_t c = U' ';
        for (utf8_reader r{source}; r.next(c);)
            if (!is_space(c) && c != U'*') break;
        if (is_space(c) || c == U'*' || half_width(c) != U'(') return std::nullopt;
    }
    const std::u32string m = to_u32(source);
    std::size_t i = 0, lead_stars = 0;
    while (i < m.size() && (is_space(m[i]) || m[i] == U'*')) lead_stars += m[i++] == U'*';
    if (i >= m.size() || (half_width(m[i]) != U'(')) return std::nullopt;
    std::size_t j = i + 1;
    while (j < m.size() && is_space(m[j])) ++j;
    std::u32string numeral;
    while (j < m.size() && (chinese_number(std::u32string(1, m[j])) > 0 || m[j] == U'十')) numeral += m[j++];
    while (j < m.size() && is_space(m[j])) ++j;
    if (numeral.empty() || j >= m.size() || half_width(m[j]) != U')') return std::nullopt;
    subsection_hit h;
    h.value = chinese_number(numeral);
    if (h.value <= 0) return std::nullopt;
    h.ordinal = to_u8(std::u32string_view(m).substr(i, j + 1 - i));
    std::u32string after(m.substr(j + 1));
    const auto strip_stars = [](std::u32string s) {
        s.erase(std::remove(s.begin(), s.end(), U'*'), s.end());
        return trim(s);
    };
    // Bold title: "**（一）title。**rest" or "（一）**title。**rest".
    std::size_t close = npos;
    if (lead_stars >= 2) {
        close = after.find(U"**");
    } else {
        std::size_t k = 0;
        while (k < after.size() && is_space(after[k])) ++k;
        if (after.compare(k, 2, U"**") == 0) {
            after.erase(0, k + 2);
            close = after.find(U"**");
        }
    }
    if (close != npos) {
        h.title = to_u8(strip_stars(after.substr(0, close)));
        h.rest = to_u8(strip_stars(after.substr(close + 2)));
        return h;
    }
    const std::u32string plain = strip_stars(after);
    if (b.heading > 0 || plain.size() <= 40) {
        h.title = to_u8(plain);
        return h;
    }
    const std::size_t stop = plain.find(U'。');
    if (stop != npos && stop < 40 && stop + 1 < plain.size()) {
        h.title = to_u8(plain.substr(0, stop + 1));
        h.rest = to_u8(trim(plain.substr(stop + 1)));
    } else {
        h.rest = to_u8(plain);
    }
    return h;
}

}  // namespace

void narrative_builder::add(const block& b) {
    // Regions the xxgk renderer marks as foreign: one foreign block per marked block.
    if (b.foreign_group >= 0) {
        if (b.foreign_group != foreign_group_) {
            flush();
            foreign_group_ = b.foreign_group;
            start_foreign(b.heading > 0 ? std::optional<std::string>(b.text) : std::nullopt, b);
            if (b.heading > 0) return;
        }
        foreign_->paragraphs.push_back(b.text);
        return;
    }
    foreign_group_ = -1;
    if (subsections_ && b.type == block::kind::line) {
        const auto hit = subsection_start(b);
        const int expected = static_cast<int>(s_.subsections.size()) + 1;
        const bool marked = b.heading > 0 || b.marked.find("**") != std::string::npos;
        if (hit && (hit->value == expected || (hit->value > expected && !foreign_ && marked))) {
            flush();
            if (hit->value != expected)
                log_entry(log_, codes::I_024,
                          "subsection " + hit->ordinal + " follows subsection " + std::to_string(expected - 1) +
                              ": numbering skips a number",
                          {}, b.where);
            subsection sub;
            sub.ordinal = hit->ordinal;
            sub.title = hit->title;
            s_.subsections.push_back(std::move(sub));
            foreign_ = nullptr;
            if (!hit->rest.empty()) {
                current_ = hit->rest;
                current_valid_ = is_valid(current_);
                current_open_ = ends_open(current_, current_valid_) && !b.html;
            }
            return;
        }
    }
    if (b.type == block::kind::line && b.heading > 0) {
        flush();
        start_foreign(b.text, b);
        return;
    }
    if (foreign_) {
        foreign_->paragraphs.push_back(b.text);
        return;
    }
    if (b.type == block::kind::row || b.html || b.list_item) {
        flush();
        target().push_back(b.text);
        return;
    }
    // The paragraph's validity follows its lines (ends_open checked the whole paragraph again
    // for every line joined): valid + valid is valid; after an invalid part, checked anew.
    if (!current_.empty() && current_open_) {
        join_line(current_, b.text);
        current_valid_ = current_valid_ ? is_valid(b.text) : is_valid(current_);
    } else {
        flush();
        current_ = b.text;
        current_valid_ = is_valid(current_);
    }
    current_open_ = ends_open(current_, current_valid_);
}

std::vector<std::string>& narrative_builder::target() {
    return s_.subsections.empty() ? s_.paragraphs : s_.subsections.back().paragraphs;
}

void narrative_builder::flush() {
    if (!current_.empty()) target().push_back(std::move(current_));
    current_.clear();
    current_open_ = false;
}

void narrative_builder::start_foreign(std::optional<std::string> heading, const block& b) {
    foreign_block f;
    f.after_subsection = static_cast<std::uint32_t>(s_.subsections.size());
    f.heading = std::move(heading);
    s_.foreign_blocks.push_back(std::move(f));
    foreign_ = &s_.foreign_blocks.back();
    log_entry(log_, codes::I_023,
              "material that is not part of the report kept as a foreign block after subsection " +
                  std::to_string(foreign_->after_subsection) +
                  (foreign_->heading ? ": \"" + *foreign_->heading + "\"" : std::string()),
              {}, b.where);
}

bool narrative_builder::is_valid(std::string_view text) const {
    return valid_text_ || invalid_utf8_offset(text) == valid_utf8;
}

}  // namespace xxgk::import_detail
