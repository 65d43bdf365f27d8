// Dates and years as reports print them: "2021年1月29日", "二〇二〇年", full-width digits (assemble.hpp).
#include "assemble.hpp"

#include "fold.hpp"

namespace xxgk::import_detail {
namespace {

char32_t digit_of(char32_t c) {
    c = half_width(c);
    if (c >= U'0' && c <= U'9') return c;
    switch (c) {
        case U'〇':
        case U'○':
        case U'零':
        case U'Ｏ': return U'0';
        case U'一': return U'1';
        case U'二': return U'2';
        case U'三': return U'3';
        case U'四': return U'4';
        case U'五': return U'5';
        case U'六': return U'6';
        case U'七': return U'7';
        case U'八': return U'8';
        case U'九': return U'9';
        default: return 0;
    }
}

bool ascii_digit(char32_t c) {
    c = half_width(c);
    return c >= U'0' && c <= U'9';
}

/// A number 1–31 written in digits or Chinese numerals at `i`.
int small_number(std::u32string_view s, std::size_t& i) {
    std::size_t j = i;
    int v = 0;
    while (j < s.size() && ascii_digit(s[j]) && j - i < 2) v = v * 10 + static_cast<int>(half_width(s[j++]) - U'0');
    if (j > i) {
        i = j;
        return v;
    }
    std::u32string numeral;
    while (j < s.size() && numeral.size() < 3 && (chinese_number(std::u32string(1, s[j])) > 0 || s[j] == U'十'))
        numeral += s[j++];
    // Longest numeral prefix that parses.
    while (!numeral.empty() && chinese_number(numeral) == 0) numeral.pop_back();
    if (numeral.empty()) return 0;
    i += numeral.size();
    return chinese_number(numeral);
}

/// A year of four digits (or 〇-style numerals) at `i`.
int year_at(std::u32string_view s, std::size_t i, std::size_t& end) {
    if (i + 4 > s.size()) return 0;
    int y = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const char32_t d = digit_of(s[i + k]);
        if (!d) return 0;
        // Chinese-numeral years only as a whole: no mix of 二 and 0.
        y = y * 10 + static_cast<int>(d - U'0');
    }
    if (i > 0 && digit_of(s[i - 1]) && ascii_digit(s[i - 1]) == ascii_digit(s[i])) return 0;  // part of a longer number
    end = i + 4;
    return y;
}

}  // namespace

void skip_spaces(std::u32string_view s, std::size_t& i) {
    while (i < s.size() && is_space(s[i])) ++i;
}

/// The first "YYYY年M月D日" at or after `from`.
std::optional<found_date> find_date(std::u32string_view s, std::size_t from) {
    for (std::size_t i = from; i < s.size(); ++i) {
        std::size_t j = 0;
        const int y = year_at(s, i, j);
        if (y < 1900) continue;
        skip_spaces(s, j);
        if (j >= s.size() || s[j] != U'年') continue;
        ++j;
        skip_spaces(s, j);
        const int m = small_number(s, j);
        skip_spaces(s, j);
        if (m < 1 || m > 12 || j >= s.size() || s[j] != U'月') continue;
        ++j;
        skip_spaces(s, j);
        const int d = small_number(s, j);
        skip_spaces(s, j);
        if (d < 1 || d > 31 || j >= s.size() || (s[j] != U'日' && s[j] != U'号')) continue;
        ++j;
        found_date f{{y, m, d}, i, j};
        if (!f.date.is_valid()) continue;
        return f;
    }
    return std::nullopt;
}

/// The first report year "YYYY" followed by 年 (digits or 〇-numerals) in `s`.
std::optional<std::pair<int, std::size_t>> find_year(std::u32string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::size_t j = 0;
        const int y = year_at(s, i, j);
        if (y < 1990 || y > 2100) continue;
        skip_spaces(s, j);
        if (j < s.size() && s[j] == U'年') return std::make_pair(y, i);
    }
    return std::nullopt;
}

}  // namespace xxgk::import_detail
