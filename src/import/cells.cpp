#include "cells.hpp"

#include "fold.hpp"

#include <array>

namespace xxgk::import_detail {
namespace {}  // namespace

std::string value_form(std::string_view raw) {
    // ASCII (most cells): only white space goes; nothing else is changed.
    std::size_t k = 0;
    while (k < raw.size() && static_cast<unsigned char>(raw[k]) < 0x80) ++k;
    if (k == raw.size()) {
        std::string out;
        out.reserve(raw.size());
        for (char c : raw)
            if (!is_space(static_cast<unsigned char>(c))) out += c;
        return out;
    }
    std::u32string out;
    for (char32_t c : to_u32(raw)) {
        if (is_space(c) || is_invisible(c)) continue;
        c = half_width(c);
        if (c == U'\u2212' || c == U'\u2013' || c == U'\u2014' || c == U'\u2015' || c == U'\u2010' || c == U'\u2011')
            c = U'-';
        if (c == U'\u3002') c = U'.';  // a full stop typed for a decimal point
        out += c;
    }
    return to_u8(out);
}

namespace {

struct number_parts {
    decimal value;
    std::string unit;  ///< "万元", "元", "件", … or ""
};

constexpr std::array<std::string_view, 12> units{"万元", "元", "件", "项", "个",   "条",
                                                 "次",   "宗", "家", "份", "人次", "人"};

/// [+-]digits[,ddd…][.digits][unit], exactly.
bool parse_number(std::string_view s, number_parts& out, bool strict_run = false) {
    std::string unit;
    for (std::string_view u : units) {
        if (s.size() > u.size() && s.substr(s.size() - u.size()) == u) {
            unit = std::string(u);
            s.remove_suffix(u.size());
            break;
        }
    }
    std::string digits;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        if (s[i] == '-') digits += '-';
        ++i;
    }
    const std::size_t int_start = i;
    std::size_t group = 0;
    bool grouped = false;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')) {
        if (s[i] == ',') {
            if (strict_run) return false;
            // Thousands separators: groups of exactly three digits.
            if (i == int_start || (grouped && group != 3) || (!grouped && group > 3)) return false;
            grouped = true;
            group = 0;
        } else {
            digits += s[i];
            ++group;
        }
        ++i;
    }
    if (grouped && group != 3) return false;
    if (i == int_start) return false;
    if (strict_run) {
        const std::size_t first = digits[0] == '-' ? 1 : 0;
        if (digits.size() - first > 1 && digits[first] == '0') return false;  // no leading zeros in a run part
    }
    if (i < s.size() && s[i] == '.') {
        digits += '.';
        ++i;
        const std::size_t frac = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') digits += s[i++];
        if (i == frac) return false;
    }
    if (i != s.size()) return false;
    const auto v = decimal::parse(digits);
    if (!v) return false;
    out.value = *v;
    out.unit = std::move(unit);
    return true;
}

/// is_not_applicable_marker of a text already in its value form.
bool is_not_applicable_form(const std::string& s) {
    if (s.empty()) return false;
    if (s[0] >= '0' && s[0] <= '9') return false;  // a number (no marker starts with a digit)
    if (s == "/" || s == "\\" || s == "不适用" || s == "不適用" || s == "无此项" || s == "N/A" || s == "n/a" ||
        s == "NA")
        return true;
    for (char c : s)
        if (c != '-') return false;
    return s.size() <= 3;  // "-", "--", "---" ("—" and "——" fold to dashes)
}

}  // namespace

bool is_not_applicable_marker(std::string_view raw) { return is_not_applicable_form(value_form(raw)); }

bool is_prose(std::string_view text) {
    if (is_value_text(text)) return false;
    // "4 三、本年度办理结果": a value with a label run into it is a cell to align, not prose.
    char32_t first = 0;
    for (utf8_reader r{text}; r.next(first);)
        if (!is_space(first)) break;
    first = half_width(first);
    if ((first >= U'0' && first <= U'9') || first == U'-' || first == U'+') return false;
    std::size_t cjk = 0;
    for (char32_t c : to_u32(text)) cjk += c >= 0x4E00 && c <= 0x9FFF;
    return cjk >= 4;
}

bool is_value_text(std::string_view raw) {
    // A value's form starts with a sign, a digit or the first character of a marker (/, \, 不适用,
    // 无此项, N/A, n/a, NA, dashes): anything else (a label) is told by its first code point.
    char32_t c = 0;
    for (utf8_reader r{raw}; r.next(c);)
        if (!is_space(c) && !is_invisible(c)) break;
    c = half_width(c);
    if (!(c == U'+' || c == U'-' || (c >= U'0' && c <= U'9') || c == U'/' || c == U'\\' || c == U'不' || c == U'无' ||
          c == U'N' || c == U'n' || c == U'\u2212' || c == U'\u2013' || c == U'\u2014' || c == U'\u2015' ||
          c == U'\u2010' || c == U'\u2011'))
        return false;
    const std::string s = value_form(raw);
    if (is_not_applicable_form(s)) return true;
    number_parts p;
    return parse_number(s, p);
}

cell_reading read_cell(std::string_view raw_in, value_kind kind) {
    cell_reading r;
    const std::string raw = trim(raw_in);
    const std::string s = value_form(raw);
    if (s.empty()) {
        r.value = cell::blank();
    } else if (is_not_applicable_form(s)) {
        r.value = cell::not_applicable(raw);
    } else {
        number_parts p;
        if (parse_number(s, p)) {
            money_unit unit = money_unit::none;
            const bool money = kind == value_kind::amount || kind == value_kind::amount_wan_yuan;
            if (p.unit == "万元") unit = money_unit::wan_yuan;
            if (p.unit == "元") unit = money_unit::yuan;
            r.unit = p.unit;
            if (money) {
                r.unit_mismatch = !p.unit.empty() && unit == money_unit::none;
                if (kind == value_kind::amount_wan_yuan && unit == money_unit::yuan) r.unit_mismatch = true;
                r.value = cell::number(p.value, unit);
            } else {
                r.unit_mismatch = unit != money_unit::none;
                r.value = cell::number(p.value);
            }
        } else {
            r.value = cell::text(raw);
            r.unreadable = true;
        }
    }
    r.value.set_raw(raw);
    return r;
}

bool read_run_part(std::string_view part, value_kind kind, cell& out) {
    number_parts p;
    if (!parse_number(part, p, true)) return false;
    const bool money = kind == value_kind::amount || kind == value_kind::amount_wan_yuan;
    if (!p.unit.empty() && !(money && (p.unit == "万元" || p.unit == "元"))) return false;
    if (!money && p.value.scale() > 0) return false;
    if (p.value.is_negative() && kind != value_kind::signed_count) return false;
    money_unit unit = p.unit == "万元" ? money_unit::wan_yuan : p.unit == "元" ? money_unit::yuan : money_unit::none;
    out = cell::number(p.value, unit);
    out.set_raw(std::string(part));
    return true;
}

}  // namespace xxgk::import_detail
