#include "csv.hpp"

#include "word_bits.hpp"

#include <cstdint>

namespace xxgk::detail {

namespace {
// "-3", "+2.5", "-0.75": an optional sign, digits, an optional fraction.
bool is_plain_number(std::string_view s) noexcept {
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (digits == 0) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t fraction = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++fraction;
        if (fraction == 0) return false;
    }
    return i == s.size();
}
}  // namespace

bool is_formula_like(std::string_view s) noexcept {
    if (s.size() < 2) return false;
    switch (s[0]) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r': return !is_plain_number(s);
        default: return false;
    }
}

namespace {
// True when one of the 8 bytes of `w` is a comma, a quote or a line break.
bool word_needs_quotes(std::uint64_t w) noexcept {
    return has_byte(w, ',') || has_byte(w, '"') || has_byte(w, '\n') || has_byte(w, '\r');
}

// True when `s` holds a comma, a quote or a line break: eight bytes at a time (labels and text
// are long; string_view::find_first_of called memchr over the four characters for every byte).
bool needs_quotes(std::string_view s) noexcept {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8)
        if (word_needs_quotes(load_word(s.data() + i))) return true;
    for (; i < s.size(); ++i)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r') return true;
    return false;
}
}  // namespace

void csv_field(std::string& out, std::string_view s) {
    const bool neutralise = is_formula_like(s);
    const bool quote = needs_quotes(s);
    if (!neutralise && !quote) {
        out += s;
        return;
    }
    if (quote) out += '"';
    if (neutralise) out += '\'';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

void csv_line(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        csv_field(out, fields[i]);
    }
    out += '\n';
}

}  // namespace xxgk::detail
