// Tests of the fast paths the profile asked for (docs/performance.md, docs/perf-import.md,
// docs/perf-validate.md): each must give exactly what the plain code it replaced gave. The plain
// versions live here as oracles: the byte-at-a-time JSON string escaper, the code-point-at-a-time
// scan for hidden characters (XXGK-S-001), the importer's text helpers as they were (namespace
// `plain`), the character-at-a-time message filler, the value-domain checks (R7) and the §9.1
// evaluation of an identity, compared on chosen and on pseudo-random inputs, malformed UTF-8
// included.
#include <catch2/catch.hpp>

#include <xxgk/text.hpp>
#include <xxgk/xxgk.hpp>

#include "../../src/csv.hpp"       // detail::csv_field
#include "../../src/findings.hpp"  // detail::holds_plainly, detail::evaluate, detail::fill_message
#include "../../src/import/assemble.hpp"
#include "../../src/import/cells.hpp"
#include "../../src/import/document.hpp"
#include "../../src/import/fold.hpp"
#include "../../src/import/vocab.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using xxgk::format_version;
using xxgk::report;

// ---- oracles: the code before the fast paths

// JSON string body (with quotes) as the writer escaped it, one byte at a time.
std::string escaped(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

bool hidden(std::uint32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD ||
           cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// The "actual" of XXGK-S-001 for `s` ("" when nothing is hidden), decoding every code point.
std::string hidden_in(const std::string& s) {
    std::vector<std::uint32_t> found;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0, n = s.size(); i < n;) {
        std::uint32_t cp = p[i];
        std::size_t len = 1;
        if (cp >= 0xC0 && cp < 0xE0 && i + 1 < n)
            cp = ((cp & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), len = 2;
        else if (cp >= 0xE0 && cp < 0xF0 && i + 2 < n)
            cp = ((cp & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), len = 3;
        else if (cp >= 0xF0 && i + 3 < n)
            cp = ((cp & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu),
            len = 4;
        if (hidden(cp) && std::find(found.begin(), found.end(), cp) == found.end()) found.push_back(cp);
        i += len;
    }
    std::string actual;
    for (std::size_t k = 0; k < found.size() && k < 8; ++k) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "%sU+%04X", k ? " " : "", static_cast<unsigned>(found[k]));
        actual += buf;
    }
    if (found.size() > 8) actual += " …";
    return actual;
}

std::string utf8(std::uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

// A report whose only content besides the required header is `text`, as the header body.
report with_body(const std::string& text) {
    report r = report::make(format_version::v2021);
    r.header.year = 2021;
    r.header.body = text;
    return r;
}

// XXGK-S-001's "actual" for the body, "" when validation reports none.
std::string s001(const std::string& text) {
    for (const xxgk::finding& f : xxgk::validate(with_body(text)))
        if (f.code == "XXGK-S-001") {
            CHECK(f.pointer == "/header/body");
            return f.actual;
        }
    return "";
}

// Strings that put the interesting bytes at every offset of an 8-byte word, in CJK and ASCII text.
std::vector<std::string> placements(const std::string& needle) {
    std::vector<std::string> out;
    for (std::size_t before = 0; before < 17; ++before)
        for (const std::string& filler : {std::string("a"), std::string("政")}) {
            std::string s;
            for (std::size_t i = 0; i < before; ++i) s += filler;
            s += needle;
            for (std::size_t i = 0; i < 9; ++i) s += filler;
            out.push_back(s);
        }
    return out;
}

}  // namespace

TEST_CASE("fast paths: to_json escapes every string as the byte-at-a-time writer did", "[json][fast]") {
    std::vector<std::string> needles = {"\"",   "\\",   "\n", "\r",   "\t", "\b",          "\f", std::string(1, '\0'),
                                        "\x01", "\x1f", " ",  "\x7f", "/",  "\xe2\x80\xae"};
    for (const std::string& needle : needles)
        for (const std::string& s : placements(needle)) {
            const std::string json = xxgk::to_json(with_body(s));
            INFO("body " << escaped(s));
            CHECK(json.find("\"body\":" + escaped(s)) != std::string::npos);
            CHECK(xxgk::load_json(json).header.body == s);  // and it reads back
        }
    // Pseudo-random strings of the bytes that matter, valid JSON text after escaping.
    std::mt19937 gen(20261127);
    const std::vector<std::string> alphabet = {
        "\"", "\\", "\n", "\t", "\x01", "\x1f", " ", "a", "~", "/", std::string(1, '\0'), "政", "府"};
    for (int round = 0; round < 300; ++round) {
        std::string s;
        const int length = std::uniform_int_distribution<int>(0, 40)(gen);
        for (int i = 0; i < length; ++i)
            s += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(gen)];
        const std::string json = xxgk::to_json(with_body(s));
        REQUIRE(json.find("\"body\":" + escaped(s)) != std::string::npos);
        CHECK(boost::json::parse(json).at("header").at("body").as_string() == s);
    }
}

TEST_CASE("fast paths: XXGK-S-001 finds every hidden code point, at every offset", "[validate][fast]") {
    const std::vector<std::uint32_t> hidden_cps = {0x00,   0x01,   0x08,   0x0B,   0x1F,   0x7F,   0x80,   0x9F,
                                                   0xAD,   0x061C, 0x180E, 0x200B, 0x200F, 0x2028, 0x202E, 0x2060,
                                                   0x2064, 0x2066, 0x2069, 0xFEFF, 0xFFF9, 0xFFFB};
    for (std::uint32_t cp : hidden_cps) {
        char name[12];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
        for (const std::string& s : placements(utf8(cp))) {
            INFO(name);
            CHECK(s001(s) == name);
        }
    }
    // Neighbours that are shown: no finding.
    for (std::uint32_t cp :
         {0x09u,   0x0Au,   0x0Du,   0x20u,   0x7Eu,   0xA0u,   0x061Bu, 0x061Du, 0x180Du,  0x200Au, 0x2010u,
          0x2027u, 0x202Fu, 0x205Fu, 0x2065u, 0x206Au, 0xFEFEu, 0xFFF8u, 0xFFFCu, 0x10000u, 0x1F600u})
        for (const std::string& s : placements(utf8(cp))) {
            INFO("U+" << std::hex << cp);
            CHECK(s001(s).empty());
        }
}

TEST_CASE("fast paths: XXGK-S-001 on malformed UTF-8 agrees with the code-point-at-a-time scan", "[validate][fast]") {
    // Only a report built in code can hold malformed UTF-8 (the decoder refuses it), and there the
    // scan steps over sequences exactly as before: same findings, byte for byte.
    std::mt19937 gen(11);
    const std::vector<unsigned char> bytes = {0x00, 0x0B, 0x20, 0x41, 0x7F, 0x80, 0x8B, 0x9C, 0xA0,
                                              0xAE, 0xBB, 0xBF, 0xC0, 0xC1, 0xC2, 0xD8, 0xDF, 0xE0,
                                              0xE1, 0xE2, 0xE4, 0xEF, 0xF0, 0xF4, 0xF8, 0xFF};
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const int length = std::uniform_int_distribution<int>(0, 12)(gen);
        for (int i = 0; i < length; ++i)
            s += static_cast<char>(bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(gen)]);
        INFO("round " << round);
        REQUIRE(s001(s) == hidden_in(s));
    }
}

// ---- the importer's fast paths (docs/perf-import.md)

namespace {
namespace imp = xxgk::import_detail;

// Oracles: the importer's text helpers as they were before the fast paths, code point at a time.
namespace plain {

std::u32string to_u32(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        char32_t c;
        std::size_t n;
        if (b < 0x80) {
            c = b;
            n = 1;
        } else if ((b >> 5) == 0x6) {
            c = b & 0x1F;
            n = 2;
        } else if ((b >> 4) == 0xE) {
            c = b & 0x0F;
            n = 3;
        } else if ((b >> 3) == 0x1E) {
            c = b & 0x07;
            n = 4;
        } else {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        if (i + n > text.size()) {
            out += U'\uFFFD';
            break;
        }
        for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out += c;
        i += n;
    }
    return out;
}

std::string to_u8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) out += utf8(c);  // the encoder above, the same expressions as the importer's
    return out;
}

bool blank(char32_t c) { return imp::is_space(c) || imp::is_invisible(c); }

std::string trim(std::string_view text) {
    const std::u32string u = to_u32(text);
    std::size_t a = 0, b = u.size();
    while (a < b && blank(u[a])) ++a;
    while (b > a && blank(u[b - 1])) --b;
    return to_u8(std::u32string_view(u).substr(a, b - a));
}

char32_t simplified(char32_t c) {
    static const std::vector<std::pair<char32_t, char32_t>> pairs = [] {
        std::vector<std::pair<char32_t, char32_t>> p;
        const std::u32string_view t = imp::traditional_simplified_pairs();
        for (std::size_t i = 0; i + 1 < t.size(); i += 2) p.emplace_back(t[i], t[i + 1]);
        std::sort(p.begin(), p.end());
        return p;
    }();
    if (c < 0x4E00) return c;
    const auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(c, char32_t{0}));
    return it != pairs.end() && it->first == c ? it->second : c;
}

bool is_quote(char32_t c) {
    switch (c) {
        case U'"':
        case U'\'':
        case U'`':
        case U'\u201C':
        case U'\u201D':
        case U'\u2018':
        case U'\u2019':
        case U'\u300C':
        case U'\u300D':
        case U'\u300E':
        case U'\u300F':
        case U'\u301D':
        case U'\u301E':
        case U'\uFF02':
        case U'\uFF07': return true;
        default: return false;
    }
}

std::u32string fold(std::u32string_view text, bool* converted) {
    static const std::array<std::pair<std::u32string_view, std::u32string_view>, 2> phrases{
        {{U"檔案", U"文件"}, {U"資訊", U"信息"}}};
    std::u32string in(text);
    for (const auto& [from, to] : phrases) {
        for (std::size_t p = in.find(from); p != std::u32string::npos; p = in.find(from, p + to.size())) {
            in.replace(p, from.size(), to);
            if (converted) *converted = true;
        }
    }
    std::u32string out;
    for (char32_t c : in) {
        if (imp::is_space(c) || imp::is_invisible(c) || is_quote(c)) continue;
        c = imp::half_width(c);
        switch (c) {
            case U'*':
            case U'#':
            case U'_': continue;
            case U'\u2014':
            case U'\u2013':
            case U'\u2212':
            case U'\u2015':
            case U'\u2010':
            case U'\u2011': c = U'-'; break;
            case U'\u3014':
            case U'\u3010':
            case U'\u3016': c = U'['; break;
            case U'\u3015':
            case U'\u3011':
            case U'\u3017': c = U']'; break;
            default: break;
        }
        if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        const char32_t s = simplified(c);
        if (s != c && converted) *converted = true;
        out += s;
    }
    return out;
}

std::size_t invalid_utf8_offset(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t cp, min;
        if ((c & 0xE0) == 0xC0)
            len = 2, cp = c & 0x1Fu, min = 0x80;
        else if ((c & 0xF0) == 0xE0)
            len = 3, cp = c & 0x0Fu, min = 0x800;
        else if ((c & 0xF8) == 0xF0)
            len = 4, cp = c & 0x07u, min = 0x10000;
        else
            return i;
        if (n - i < len) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return xxgk::valid_utf8;
}

std::string value_form(std::string_view raw) {
    std::u32string out;
    for (char32_t c : to_u32(raw)) {
        if (imp::is_space(c) || imp::is_invisible(c)) continue;
        c = imp::half_width(c);
        if (c == U'\u2212' || c == U'\u2013' || c == U'\u2014' || c == U'\u2015' || c == U'\u2010' || c == U'\u2011')
            c = U'-';
        if (c == U'\u3002') c = U'.';
        out += c;
    }
    return to_u8(out);
}

// is_value_text: a not-applicable marker, or a number read_cell accepts.
bool is_value_text(std::string_view raw) {
    if (imp::is_not_applicable_marker(raw)) return true;
    return !value_form(raw).empty() && !imp::read_cell(raw, xxgk::value_kind::signed_count).unreadable;
}

bool is_terminal(char32_t c) {
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

bool ends_open(std::string_view text) {
    std::u32string u = to_u32(text);
    std::size_t a = 0, b = u.size();
    while (a < b && blank(u[a])) ++a;
    while (b > a && blank(u[b - 1])) --b;
    u = u.substr(a, b - a);
    if (u.empty()) return false;
    std::size_t i = u.size();
    while (i > 0 && is_closer(u[i - 1])) --i;
    if (i < u.size() && i > 0 && is_terminal(u[i - 1])) return false;
    if (i == u.size()) return !is_terminal(u.back());
    return true;
}

void markdown_inline(std::string_view s, std::string& clean, std::string& marked) {
    clean.clear();
    marked.clear();
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
            const std::size_t open = c == '[' ? i : i + 1;
            const std::size_t close = s.find(']', open + 1);
            if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
                const std::size_t paren = s.find(')', close + 2);
                if (paren != std::string_view::npos) {
                    const std::string_view text = s.substr(open + 1, close - open - 1);
                    clean += text;
                    marked += text;
                    i = paren + 1;
                    continue;
                }
            }
        }
        if (c == '<' && (s.substr(i + 1, 7) == "http://" || s.substr(i + 1, 8) == "https://")) {
            const std::size_t close = s.find('>', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view url = s.substr(i + 1, close - i - 1);
                clean += url;
                marked += url;
                i = close + 1;
                continue;
            }
        }
        if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
            marked += "**";
            i += 2;
            continue;
        }
        clean += c;
        marked += c;
        ++i;
    }
}

void append_collapsed(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (space || nbsp) {
            if (nbsp) ++i;
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += static_cast<char>(c);
    }
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// 勾稽, or 第一项加第二项 and 第三项, searched for one after the other.
bool is_requests_caption_folded(std::u32string_view f) {
    const auto has = [&](std::u32string_view w) { return f.find(w) != std::u32string_view::npos; };
    return has(U"勾稽") || (has(U"第一项加第二项") && has(U"第三项"));
}

}  // namespace plain

// Pieces of report text, markup and malformed UTF-8 that the fast paths treat specially.
const std::vector<std::string>& pieces() {
    static const std::vector<std::string> p = {"a",
                                               "Z",
                                               "0",
                                               "7",
                                               " ",
                                               "\t",
                                               "\n",
                                               "\r",
                                               "*",
                                               "**",
                                               "#",
                                               "_",
                                               "__",
                                               "\"",
                                               "'",
                                               "`",
                                               "[",
                                               "]",
                                               "(",
                                               ")",
                                               "!",
                                               "<",
                                               ">",
                                               "<http://x.cn>",
                                               "[链接](http://a)",
                                               "![图](b.png)",
                                               "+",
                                               "-",
                                               ".",
                                               ",",
                                               "/",
                                               "\\",
                                               "N/A",
                                               "NA",
                                               "n/a",
                                               "万元",
                                               "元",
                                               "件",
                                               "不适用",
                                               "无此项",
                                               "政",
                                               "府",
                                               "信息",
                                               "公开",
                                               "勾稽",
                                               "第二十条",
                                               "（",
                                               "）",
                                               "(一)",
                                               "一、",
                                               "。",
                                               "！",
                                               "？",
                                               "：",
                                               "…",
                                               "”",
                                               "’",
                                               "」",
                                               "》",
                                               "】",
                                               "〔",
                                               "〕",
                                               "【",
                                               "〖",
                                               "〗",
                                               "—",
                                               "–",
                                               "−",
                                               "―",
                                               "‐",
                                               "‑",
                                               "－",
                                               "＊",
                                               "＃",
                                               "＿",
                                               "Ａ",
                                               "ｚ",
                                               "０",
                                               "９",
                                               "＋",
                                               "／",
                                               "＼",
                                               "Ｎ",
                                               "ｎ",
                                               "\xE3\x80\x80" /* U+3000 */,
                                               "\xC2\xA0" /* U+00A0 */,
                                               "\xC2\xAD" /* soft hyphen */,
                                               "\xE2\x80\x8B" /* U+200B */,
                                               "\xEF\xBB\xBF" /* U+FEFF */,
                                               "\xE2\x80\xAE" /* U+202E */,
                                               "\xE2\x80\x83" /* U+2003 */,
                                               "“",
                                               "「",
                                               "『",
                                               "〝",
                                               "＂",
                                               "檔",
                                               "案",
                                               "檔案",
                                               "資",
                                               "訊",
                                               "資訊",
                                               "規範性",
                                               "報告",
                                               "項",
                                               "\xF0\x9F\x98\x80" /* U+1F600 */,
                                               "\xED\x9F\xBF" /* U+D7FF */,
                                               "\xEE\x80\x80" /* U+E000 */,
                                               "\xEF\xBF\xBD",
                                               "\x80",
                                               "\xBF",
                                               "\xC0\x80",
                                               "\xC1\xBF",
                                               "\xE0\x80\x80",
                                               "\xE0\xA0\x80",
                                               "\xED\xA0\x80",
                                               "\xF4\x90\x80\x80",
                                               "\xF5",
                                               "\xFF",
                                               "\xE4\xB8",
                                               "\xE4",
                                               "\xF0\x9F",
                                               "\xC2",
                                               "\xE4\x41\x42",
                                               "\xF8\x88\x80\x80\x80"};
    return p;
}

std::string random_text(std::mt19937& gen, int max_pieces) {
    const auto& p = pieces();
    std::string s;
    const int n = std::uniform_int_distribution<int>(0, max_pieces)(gen);
    for (int i = 0; i < n; ++i) s += p[std::uniform_int_distribution<std::size_t>(0, p.size() - 1)(gen)];
    return s;
}

// The text with its bytes outside printable ASCII as \xNN, for failure messages.
std::string shown(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("fast paths: the importer's UTF-8 helpers agree with the code-point-at-a-time ones", "[import][fast]") {
    std::mt19937 gen(20261128);
    for (int round = 0; round < 6000; ++round) {
        const std::string s = random_text(gen, round < 3000 ? 8 : 40);
        INFO("text " << shown(s));
        const std::u32string u = plain::to_u32(s);
        REQUIRE(imp::to_u32(s) == u);
        REQUIRE(imp::to_u8(u) == plain::to_u8(u));
        REQUIRE(xxgk::invalid_utf8_offset(s) == plain::invalid_utf8_offset(s));
        const std::string trimmed = plain::trim(s);
        REQUIRE(imp::trim(s) == trimmed);
        REQUIRE(imp::is_blank(s) == trimmed.empty());
        if (plain::invalid_utf8_offset(s) == xxgk::valid_utf8) REQUIRE(imp::trim_valid(s) == trimmed);
        for (std::size_t n : {0u, 1u, 2u, 5u, 9u, 30u}) REQUIRE(imp::longer_than(s, n) == (imp::length_u8(s) > n));
        std::string c1, m1, c2, m2;
        imp::markdown_inline(s, c1, m1);
        plain::markdown_inline(s, c2, m2);
        REQUIRE(c1 == c2);
        REQUIRE(m1 == m2);
        std::string a1 = round % 2 ? "x" : "", a2 = a1;
        imp::append_collapsed(a1, s);
        plain::append_collapsed(a2, s);
        REQUIRE(a1 == a2);
    }
    // Code points above U+10FFFF (a decoder of malformed text can make them) encode as before.
    for (char32_t c : {char32_t{0x110000}, char32_t{0x1FFFFF}, char32_t{0xD800}, char32_t{0x7FF}, char32_t{0x800}}) {
        const std::u32string u(1, c);
        CHECK(imp::to_u8(u) == plain::to_u8(u));
    }
    // Long runs: the eight-byte and three-byte steps of the validity check, with a bad byte at every offset.
    for (std::size_t at = 0; at < 40; ++at)
        for (const std::string& filler : {std::string("ab"), std::string("政"), std::string("a政")}) {
            std::string s;
            while (s.size() < 60) s += filler;
            for (const std::string bad : {"\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\xE4\xB8"}) {
                std::string t = s;
                t.insert(std::min(at, t.size()), bad);
                CHECK(xxgk::invalid_utf8_offset(t) == plain::invalid_utf8_offset(t));
                t = s.substr(0, at) + bad;
                CHECK(xxgk::invalid_utf8_offset(t) == plain::invalid_utf8_offset(t));
            }
        }
}

TEST_CASE("fast paths: fold gives the matching key the code-point-at-a-time fold gave", "[import][fast]") {
    // Every code point's traditional → simplified mapping, with the bit table in front of the search.
    for (char32_t c = 0; c < 0x30000; ++c) REQUIRE(imp::simplified(c) == plain::simplified(c));
    // Every code point folded alone (the ASCII, ideograph and punctuation tables in front of the
    // code-point-at-a-time fold), the traditional flag included.
    for (char32_t c = 0; c < 0x30000; ++c) {
        bool converted = false, plain_converted = false;
        const std::u32string_view one(&c, 1);
        REQUIRE(imp::fold(one, &converted) == plain::fold(one, &plain_converted));
        REQUIRE(converted == plain_converted);
    }
    std::mt19937 gen(11282026);
    for (int round = 0; round < 6000; ++round) {
        const std::string s = random_text(gen, round < 3000 ? 8 : 40);
        INFO("text " << shown(s));
        bool converted = false, plain_converted = false;
        const std::u32string expected = plain::fold(plain::to_u32(s), &plain_converted);
        REQUIRE(imp::fold(s, &converted) == expected);
        REQUIRE(converted == plain_converted);
        converted = false;
        REQUIRE(imp::fold(plain::to_u32(s), &converted) == expected);
        REQUIRE(converted == plain_converted);
        REQUIRE(imp::fold(s) == expected);
    }
    // Texts longer than the scratch buffer kept on the stack.
    std::string long_text;
    for (int i = 0; i < 200; ++i) long_text += "規範性檔案 Ａ*政";
    bool converted = false, plain_converted = false;
    CHECK(imp::fold(long_text, &converted) == plain::fold(plain::to_u32(long_text), &plain_converted));
    CHECK(converted == plain_converted);
    CHECK(converted);
    CHECK(imp::to_u32(long_text) == plain::to_u32(long_text));
}

TEST_CASE("fast paths: edit distance with its rows on the stack", "[import][fast]") {
    std::mt19937 gen(3);
    const std::u32string alphabet = U"政府信息公开申请ab";
    for (int round = 0; round < 3000; ++round) {
        std::u32string a, b;
        const auto length = [&] {
            return std::uniform_int_distribution<std::size_t>(0, round % 10 == 0 ? 90 : 12)(gen);
        };
        for (std::size_t i = length(); i > 0; --i)
            a += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(gen)];
        for (std::size_t i = length(); i > 0; --i)
            b += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(gen)];
        INFO("lengths " << a.size() << ", " << b.size());
        REQUIRE(imp::edit_distance(a, b) == plain::edit_distance(a, b));
    }
    CHECK(imp::edit_distance(U"规范性文件", U"行政规范性文件") == 2);
}

TEST_CASE("fast paths: cell values, sentence ends", "[import][fast]") {
    std::mt19937 gen(7);
    for (int round = 0; round < 6000; ++round) {
        const std::string s = random_text(gen, round < 3000 ? 4 : 12);
        INFO("text " << shown(s));
        REQUIRE(imp::value_form(s) == plain::value_form(s));
        REQUIRE(imp::is_value_text(s) == plain::is_value_text(s));
        REQUIRE(imp::ends_open(s) == plain::ends_open(s));
    }
    for (const std::string s :
         {"12",    " 1,234 ",      "－3", "—", "——",    "/",       "不适用",  "N/A",   "３万元", "1.5", "1。5",
          "第1项", "一、总体情况", "",    " ", "abc。", "abc。）", "（abc）", "abc）", "）",     "”。", " 。”"}) {
        INFO("text " << shown(s));
        CHECK(imp::value_form(s) == plain::value_form(s));
        CHECK(imp::is_value_text(s) == plain::is_value_text(s));
        CHECK(imp::ends_open(s) == plain::ends_open(s));
    }
    CHECK(imp::is_value_text("1,234"));
    CHECK(imp::is_value_text("不适用"));
    CHECK_FALSE(imp::is_value_text("申请人情况"));
    CHECK(imp::ends_open("本年度共收到申请"));
    CHECK_FALSE(imp::ends_open("本年度共收到申请。"));
    CHECK_FALSE(imp::ends_open("（见附表。）"));
}

TEST_CASE("fast paths: invalid_utf8_offset finds the first invalid sequence as the code-point decoder did",
          "[text][fast]") {
    // Every boundary of every sequence length, at every offset of an 8-byte word.
    for (const std::uint32_t cp : {0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFu, 0x1000u, 0x4E2Du, 0xD7FFu, 0xE000u, 0xFFFDu,
                                   0xFFFFu, 0x10000u, 0x3FFFFu, 0x40000u, 0x10FFFFu})
        for (const std::string& s : placements(utf8(cp))) {
            REQUIRE(xxgk::invalid_utf8_offset(s) == xxgk::valid_utf8);
            REQUIRE(plain::invalid_utf8_offset(s) == xxgk::valid_utf8);
        }
    for (const std::string& bad :
         {std::string("\xC0\x80"), std::string("\xC1\xBF"), std::string("\xE0\x9F\xBF"), std::string("\xED\xA0\x80"),
          std::string("\xED\xBF\xBF"), std::string("\xF0\x8F\xBF\xBF"), std::string("\xF4\x90\x80\x80"),
          std::string("\xF5\x80\x80\x80"), std::string("\xE4\xB8"), std::string("\x80"), std::string("\xFF")})
        for (const std::string& s : placements(bad)) {
            INFO(s);
            REQUIRE(xxgk::invalid_utf8_offset(s) == plain::invalid_utf8_offset(s));
            REQUIRE(xxgk::invalid_utf8_offset(s) != xxgk::valid_utf8);
        }
    // Pseudo-random byte strings over the bytes that matter, long enough to cross words.
    std::mt19937 gen(12);
    const std::vector<unsigned char> bytes = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                              0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int length = std::uniform_int_distribution<int>(0, 24)(gen);
        for (int i = 0; i < length; ++i)
            s += static_cast<char>(bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(gen)]);
        INFO("round " << round);
        REQUIRE(xxgk::invalid_utf8_offset(s) == plain::invalid_utf8_offset(s));
    }
    // Valid text made of random code points: the fast path's runs.
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const int length = std::uniform_int_distribution<int>(0, 30)(gen);
        for (int i = 0; i < length; ++i) {
            std::uint32_t cp = std::uniform_int_distribution<std::uint32_t>(0, 0x10FFFF)(gen);
            if (round % 2) cp = std::uniform_int_distribution<std::uint32_t>(0x4E00, 0x9FFF)(gen);  // CJK
            if (i % 3 == 0) cp &= 0x7F;
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0x41;
            s += utf8(cp);
        }
        REQUIRE(xxgk::invalid_utf8_offset(s) == xxgk::valid_utf8);
        if (!s.empty()) {
            std::string broken = s;
            broken[broken.size() / 2] = static_cast<char>(0xFF);
            REQUIRE(xxgk::invalid_utf8_offset(broken) == plain::invalid_utf8_offset(broken));
        }
    }
}

TEST_CASE("fast paths: XXGK-S-001 on long mixed text (runs of CJK, E2 and EF sequences) agrees with the scan",
          "[validate][fast]") {
    // Every second byte after E2 and EF, so that each side of the fast test's bounds is met, among
    // runs of CJK long enough for the four-at-a-time step, ASCII and the hidden characters.
    std::vector<std::string> pieces = {"政",
                                       "府",
                                       "信息公开",
                                       "a",
                                       "1",
                                       " ",
                                       "\t",
                                       "。",
                                       "，",
                                       "“",
                                       "”",
                                       "…",
                                       "①",
                                       "\xe2\x80\xae",
                                       "\xe2\x80\x8b",
                                       "\xef\xbb\xbf",
                                       "\xef\xbf\xb9",
                                       "\xef\xbf\xbb"};
    for (unsigned b1 = 0x80; b1 <= 0xBF; ++b1)
        for (unsigned lead : {0xE2u, 0xEFu}) {
            std::string seq;
            seq += static_cast<char>(lead);
            seq += static_cast<char>(b1);
            seq += static_cast<char>(0x80 + (b1 * 7) % 64);
            pieces.push_back(seq);
            for (unsigned b2 : {0xB9u, 0xBAu, 0xBBu, 0xBFu}) {
                seq.back() = static_cast<char>(b2);
                pieces.push_back(seq);
            }
        }
    std::mt19937 gen(20261128);
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const int length = std::uniform_int_distribution<int>(0, 30)(gen);
        for (int i = 0; i < length; ++i) {
            // Mostly CJK runs, as in real text.
            const bool cjk = std::uniform_int_distribution<int>(0, 2)(gen) != 0;
            s += cjk ? pieces[std::uniform_int_distribution<std::size_t>(0, 3)(gen)]
                     : pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(gen)];
        }
        INFO("round " << round << " body " << escaped(s));
        REQUIRE(s001(s) == hidden_in(s));
    }
    // Malformed: truncated and stray sequences at the end of CJK runs (only reports built in code).
    const std::vector<unsigned char> bytes = {0x00, 0x20, 0x7F, 0x80, 0x81, 0x9F, 0xA0, 0xB9, 0xBA, 0xBB,
                                              0xBC, 0xBF, 0xC2, 0xE2, 0xE3, 0xE4, 0xEE, 0xEF, 0xF0};
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const int runs = std::uniform_int_distribution<int>(0, 3)(gen);
        for (int r = 0; r < runs; ++r) {
            const int cjk = std::uniform_int_distribution<int>(0, 6)(gen);
            for (int i = 0; i < cjk; ++i) s += "政";
            const int tail = std::uniform_int_distribution<int>(0, 4)(gen);
            for (int i = 0; i < tail; ++i)
                s += static_cast<char>(bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(gen)]);
        }
        INFO("round " << round);
        REQUIRE(s001(s) == hidden_in(s));
    }
}

namespace {

// The JSON Pointer and XXGK-S-001 "actual" of every string of `v` that holds a hidden code
// point, in document order (the order of the model's members, which to_json keeps).
void hidden_strings(const boost::json::value& v, const std::string& pointer,
                    std::vector<std::pair<std::string, std::string>>& out) {
    if (v.is_string()) {
        const std::string s(v.as_string());
        if (const std::string actual = hidden_in(s); !actual.empty()) out.emplace_back(pointer, actual);
    } else if (v.is_object()) {
        for (const auto& m : v.as_object()) hidden_strings(m.value(), pointer + "/" + std::string(m.key()), out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.as_array().size(); ++i)
            hidden_strings(v.as_array()[i], pointer + "/" + std::to_string(i), out);
    }
}

}  // namespace

namespace {

// A generated 2021 report without faults (no findings), to change one thing in.
report clean_2021(std::uint64_t seed) {
    xxgk::generate_options o;
    o.format = format_version::v2021;
    o.seed = seed;
    report r = xxgk::generate_report(o, 0).value;
    REQUIRE(xxgk::validate(r).empty());
    return r;
}

}  // namespace

TEST_CASE("fast paths: XXGK-S-001 after the bare pre-scan names every string, in order", "[validate][fast]") {
    // The pre-scan only says whether the walk that makes findings runs: with hidden characters
    // in a cell's raw text, deep in a section, in an array and in the header, every one is found
    // at its pointer, in document order — as the JSON of the same report says.
    report r = clean_2021(5);
    xxgk::cell text = xxgk::cell::text("见\xe2\x80\xae说明");
    xxgk::set_cell(r, "requests.granted.natural_person", text);
    r.header.body += "\xe2\x80\x8b";
    REQUIRE(r.overview);
    r.overview->paragraphs.push_back("第二段\xef\xbb\xbf");
    xxgk::subsection sub;
    sub.title = "标题\x01";
    sub.paragraphs = {"甲", "乙\xc2\x85"};
    r.overview->subsections.push_back(sub);
    std::vector<std::pair<std::string, std::string>> expected;
    hidden_strings(boost::json::parse(xxgk::to_json(r)), "", expected);
    REQUIRE(expected.size() == 5);
    std::vector<std::pair<std::string, std::string>> found;
    for (const xxgk::finding& f : xxgk::validate(r))
        if (f.code == "XXGK-S-001") found.emplace_back(f.pointer, f.actual);
    CHECK(found == expected);
}

namespace {

// ---- oracle: fill_message as it was, one character at a time
std::string fill_plain(std::string_view tmpl, const xxgk::detail::message_values& v, bool zh) {
    std::string out;
    for (std::size_t i = 0; i < tmpl.size();) {
        if (tmpl[i] == '{') {
            const std::size_t close = tmpl.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = tmpl.substr(i + 1, close - i - 1);
                const std::string* value = nullptr;
                if (name == "cell")
                    value = zh ? &v.cell_zh : &v.cell_en;
                else if (name == "expected")
                    value = &v.expected;
                else if (name == "actual")
                    value = &v.actual;
                else if (name == "difference")
                    value = &v.difference;
                else if (name == "unknown")
                    value = zh ? &v.unknown_zh : &v.unknown_en;
                else if (name == "detail")
                    value = zh ? &v.detail_zh : &v.detail_en;
                if (value) {
                    out += *value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += tmpl[i++];
    }
    return out;
}

}  // namespace

TEST_CASE("fast paths: messages are filled as one character at a time did", "[validate][fast]") {
    xxgk::detail::message_values v;
    v.cell_zh = "“（七）总计”行“总计”列";
    v.cell_en = "requests.total.total";
    v.expected = "≥ 12";
    v.actual = "{cell}";  // a value that looks like a placeholder is copied, not filled
    v.difference = "-3";
    v.unknown_zh = "“1.本机关”行“总计”列";
    v.unknown_en = "requests.a.total";
    v.detail_zh = "；该单元格应为 3";
    v.detail_en = "; that cell must be 3";
    for (const xxgk::rule_info& r : xxgk::rule_catalog()) {
        INFO(r.code);
        CHECK(xxgk::detail::fill_message(r.template_zh, v, true) == fill_plain(r.template_zh, v, true));
        CHECK(xxgk::detail::fill_message(r.template_en, v, false) == fill_plain(r.template_en, v, false));
    }
    // Stray and unknown braces, empty values, placeholders at both ends.
    std::mt19937 gen(7);
    const std::vector<std::string> alphabet = {
        "{",      "}",  "{cell}", "{expected}", "{actual}", "{difference}", "{unknown}", "{detail}",
        "{nope}", "{}", "文",     "a",          " "};
    xxgk::detail::message_values empty;
    for (int round = 0; round < 2000; ++round) {
        std::string t;
        const int length = std::uniform_int_distribution<int>(0, 12)(gen);
        for (int i = 0; i < length; ++i)
            t += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(gen)];
        INFO("template " << t);
        for (bool zh : {true, false}) {
            REQUIRE(xxgk::detail::fill_message(t, v, zh) == fill_plain(t, v, zh));
            REQUIRE(xxgk::detail::fill_message(t, empty, zh) == fill_plain(t, empty, zh));
        }
    }
}

namespace {

// A cell drawn from the values that matter to R7 and to the sums: blanks, not applicable, text,
// not captured, plain integers (negative too, and near the 64-bit bounds), integers written
// with a scale ("5.0"), fractions, and amounts with units.
xxgk::cell random_cell(std::mt19937& gen) {
    using xxgk::cell;
    using xxgk::decimal;
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    switch (std::uniform_int_distribution<int>(0, 11)(gen)) {
        case 0: return cell::blank();
        case 1: return cell::not_applicable("-");
        case 2: return cell::text("若干");
        case 3: return cell::not_captured();
        case 4: return cell::number(-std::uniform_int_distribution<std::int64_t>(1, 5)(gen));
        case 5: return cell::number(big - std::uniform_int_distribution<std::int64_t>(0, 3)(gen));
        case 6: return cell::number(decimal(std::uniform_int_distribution<std::int64_t>(0, 3)(gen) * 10, 1));  // "2.0"
        case 7: return cell::number(decimal(std::uniform_int_distribution<std::int64_t>(1, 39)(gen), 1));      // "1.5"
        case 8: return cell::number(std::uniform_int_distribution<std::int64_t>(0, 3)(gen), xxgk::money_unit::yuan);
        case 9: return cell::number(std::uniform_int_distribution<std::int64_t>(0, 3)(gen), xxgk::money_unit::wan_yuan);
        default: return cell::number(std::uniform_int_distribution<std::int64_t>(0, 3)(gen));
    }
}

// ---- oracle: the codes R7 reports for one cell, in order, as check_domain decides them
std::vector<std::string> domain_codes(const xxgk::cell& c, xxgk::value_kind kind) {
    using xxgk::cell_state;
    using xxgk::money_unit;
    using xxgk::value_kind;
    switch (c.state()) {
        case cell_state::text: return {"XXGK-V-007"};
        case cell_state::not_captured: return {"XXGK-V-008"};
        case cell_state::number: break;
        default: return {};
    }
    const xxgk::decimal v = c.value();
    std::vector<std::string> codes;
    switch (kind) {
        case value_kind::count:
        case value_kind::signed_count:
            if (c.unit() != money_unit::none) codes.push_back("XXGK-V-006");
            if (!v.is_integer()) codes.push_back("XXGK-V-002");
            if (kind == value_kind::count && v.is_negative()) codes.push_back("XXGK-V-001");
            break;
        case value_kind::amount:
            if (v.is_negative()) codes.push_back("XXGK-V-003");
            if (c.unit() == money_unit::none) codes.push_back("XXGK-V-004");
            break;
        case value_kind::amount_wan_yuan:
            if (v.is_negative()) codes.push_back("XXGK-V-003");
            if (c.unit() == money_unit::yuan) codes.push_back("XXGK-V-005");
            break;
    }
    return codes;
}

}  // namespace

TEST_CASE("fast paths: value domains (R7) report what the full check reports, cell by cell", "[validate][fast]") {
    std::mt19937 gen(2026);
    for (format_version format : {format_version::v2019, format_version::v2021}) {
        for (int round = 0; round < 20; ++round) {
            report r = report::make(format);
            r.header.year = format == format_version::v2019 ? 2020 : 2021;
            std::map<std::string, std::vector<std::string>> expected;
            for (const xxgk::cell_key& k : xxgk::cell_keys(format)) {
                const xxgk::cell c = random_cell(gen);
                xxgk::set_cell(r, k.key, c);
                if (auto codes = domain_codes(c, k.kind); !codes.empty()) expected[k.key] = codes;
            }
            std::map<std::string, std::vector<std::string>> found;
            for (const xxgk::finding& f : xxgk::validate(r))
                if (f.code.rfind("XXGK-V-", 0) == 0) found[f.key].push_back(f.code);
            INFO(xxgk::to_string(format) << " round " << round);
            REQUIRE(found == expected);
        }
    }
}

TEST_CASE("fast paths: an identity holds plainly only when the §9.1 evaluation says it holds", "[validate][fast]") {
    // holds_plainly is a filter in front of evaluate: true must mean evaluate's "holds"; and it
    // must be true exactly in the cases it claims (numbers plain integers, no partial sum beyond
    // 64 bits, the known sums equal, no unknown on the left facing a positive right side), else
    // the fast path would never be taken.
    using xxgk::detail::term;
    std::mt19937 gen(99);
    for (format_version format : {format_version::v2019, format_version::v2021}) {
        const auto& keys = xxgk::cell_keys(format);
        report r = report::make(format);
        std::vector<const xxgk::cell*> cells;
        for (const xxgk::cell_key& k : keys) cells.push_back(&xxgk::cell_at(r, k.index));
        std::size_t plain = 0, checked = 0;
        for (int round = 0; round < 20000; ++round) {
            // Small identities over a few cells, mostly plain integers, so that both answers occur.
            std::vector<std::size_t> lhs, rhs;
            const int nl = std::uniform_int_distribution<int>(1, 3)(gen),
                      nr = std::uniform_int_distribution<int>(0, 5)(gen);
            for (int i = 0; i < nl + nr; ++i) {
                const std::size_t k = std::uniform_int_distribution<std::size_t>(0, keys.size() - 1)(gen);
                (i < nl ? lhs : rhs).push_back(k);
                xxgk::cell c = std::uniform_int_distribution<int>(0, 3)(gen) == 0
                                   ? random_cell(gen)
                                   : xxgk::cell::number(std::uniform_int_distribution<std::int64_t>(0, 2)(gen));
                xxgk::cell_at(r, k) = c;
            }
            std::vector<term> lt, rt;
            for (std::size_t k : lhs) lt.push_back({cells[k], keys[k].key});
            for (std::size_t k : rhs) rt.push_back({cells[k], keys[k].key});
            const bool total_rule = lhs.size() == 1;
            const bool fast = xxgk::detail::holds_plainly(lhs, rhs, cells.data());
            const auto e = xxgk::detail::evaluate(lt, rt, total_rule);
            // The plain case, worked out here with 128-bit sums.
            bool all_plain = true, fits = true, lhs_unknown = false;
            __int128 sums[2] = {0, 0};
            for (int side = 0; side < 2; ++side)
                for (std::size_t k : side == 0 ? lhs : rhs) {
                    const xxgk::cell& c = *cells[k];
                    if (!c.is_number()) {
                        lhs_unknown = lhs_unknown || side == 0;
                        continue;
                    }
                    if (c.value().scale() != 0) {
                        all_plain = false;
                        continue;
                    }
                    sums[side] += c.value().coefficient();
                    if (sums[side] > std::numeric_limits<std::int64_t>::max() ||
                        sums[side] < std::numeric_limits<std::int64_t>::min())
                        fits = false;
                }
            INFO("round " << round);
            if (fast) REQUIRE(e.result == xxgk::detail::outcome::holds);
            REQUIRE(fast == (all_plain && fits && sums[0] == sums[1] && !(lhs_unknown && sums[1] > 0)));
            plain += fast;
            ++checked;
        }
        CHECK(plain > checked / 20);  // the fast path is taken often enough to be tested
        CHECK(plain < checked);
    }
}

TEST_CASE("fast paths: the 2021 narrative checks read the sections' pieces as one text", "[validate][fast]") {
    report r = clean_2021(3);
    r.processing_fees.reset();
    auto codes = [](const report& x) {
        std::vector<std::string> c;
        for (const xxgk::finding& f : xxgk::validate(x)) c.push_back(f.code);
        return c;
    };
    // A fee mention split across two paragraphs is still a mention: no XXGK-N-002.
    r.other_matters = xxgk::narrative_section{};
    r.other_matters->paragraphs = {"本机关未收取信息处", "理费。"};
    CHECK(codes(r).empty());
    // Split across a subsection title and its paragraph: also one.
    r.other_matters->paragraphs = {"无。"};
    xxgk::subsection sub;
    sub.title = "关于收";
    sub.paragraphs = {"费"};
    r.other_matters->subsections = {sub};
    CHECK(codes(r).empty());
    // The heading is not part of the text read (as before): XXGK-N-002.
    r.other_matters->subsections.clear();
    r.other_matters->heading = "六、其他需要报告的事项（收费）";
    CHECK(codes(r) == std::vector<std::string>{"XXGK-N-002"});
    // The overview's characters are counted over all of its pieces: 1,001 spread over three.
    r.other_matters->paragraphs = {"不收取处理费。"};
    r.overview = xxgk::narrative_section{};
    std::string a, b, c;
    for (int i = 0; i < 400; ++i) a += "政";
    for (int i = 0; i < 400; ++i) b += "府 ";
    for (int i = 0; i < 201; ++i) c += "x";
    r.overview->paragraphs = {a, b};
    xxgk::subsection t;
    t.title = c;
    r.overview->subsections = {t};
    std::vector<xxgk::finding> found = xxgk::validate(r);
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "XXGK-N-001");
    CHECK(found[0].actual == "1001");
    r.overview->subsections[0].title.pop_back();
    CHECK(codes(r).empty());
}

TEST_CASE("fast paths: the overview's characters (XXGK-N-001) are counted as one byte at a time did",
          "[validate][fast]") {
    // Oracle: the plain count, one byte at a time.
    auto plain = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r') ++n;
        return n;
    };
    report r = clean_2021(8);
    const std::vector<std::string> alphabet = {
        "政",   "府",   "a",    "1",   " ", "\n", "\t", "\r", "\x01", "!", "\x7f", "é", "\xf0\x9f\x98\x80",
        "\xbf", "\x80", "\xc3", "\xff"};
    std::mt19937 gen(1001);
    for (int round = 0; round < 200; ++round) {
        r.overview = xxgk::narrative_section{};
        std::size_t expected = 0;
        const int pieces = std::uniform_int_distribution<int>(1, 4)(gen);
        for (int k = 0; k < pieces; ++k) {
            std::string piece;
            // Long runs of one kind (so that whole words of eight bytes occur), and mixtures.
            const int runs = std::uniform_int_distribution<int>(1, 30)(gen);
            for (int run = 0; run < runs; ++run) {
                const std::string& unit =
                    alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(gen)];
                const int times = std::uniform_int_distribution<int>(1, 90)(gen);
                for (int t = 0; t < times; ++t) piece += unit;
            }
            expected += plain(piece);
            r.overview->paragraphs.push_back(piece);
        }
        std::string actual;
        for (const xxgk::finding& f : xxgk::validate(r))
            if (f.code == "XXGK-N-001") actual = f.actual;
        INFO("round " << round);
        REQUIRE(actual == (expected > 1000 ? std::to_string(expected) : std::string()));
    }
}

TEST_CASE("fast paths: CSV fields are quoted as the find_first_of test did", "[csv][fast]") {
    // The plain field writer: RFC 4180 quoting decided by std::string_view::find_first_of.
    const auto plain_field = [](std::string_view f) {
        std::string out;
        const bool neutralise = xxgk::detail::is_formula_like(f);
        const bool quote = f.find_first_of(",\"\n\r") != std::string_view::npos;
        if (quote) out += '"';
        if (neutralise) out += '\'';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        if (quote) out += '"';
        return out;
    };
    std::mt19937 gen(13);
    const std::vector<std::string> pieces = {",", "\"", "\n", "\r", "a",    "政",   "-",
                                             "=", "1",  " ",  "\t", "\x2b", "\x0c", "\xac"};
    for (int round = 0; round < 20000; ++round) {
        std::string f;
        const int length = std::uniform_int_distribution<int>(0, 30)(gen);
        for (int i = 0; i < length; ++i) {
            // Mostly plain text, so that the one special byte falls at every offset of a word.
            const std::size_t k = std::uniform_int_distribution<std::size_t>(0, pieces.size() * 4)(gen);
            f += k < pieces.size() ? pieces[k] : (k % 2 ? "b" : "府");
        }
        std::string fast;
        xxgk::detail::csv_field(fast, f);
        INFO("round " << round);
        REQUIRE(fast == plain_field(f));
    }
}

TEST_CASE("fast paths: the requests caption told in one pass", "[import][fast]") {
    std::vector<std::u32string> words = {U"勾",           U"稽",     U"勾稽", U"第",   U"第一项加第二项",
                                         U"第一项加第二", U"第三项", U"第三", U"项",   U"加",
                                         U"本列数据",     U"(",      U")",    U"政府", U"第第三项"};
    std::mt19937 gen(3032026);
    for (int round = 0; round < 20000; ++round) {
        std::u32string f;
        const int n = std::uniform_int_distribution<int>(0, 8)(gen);
        for (int i = 0; i < n; ++i) f += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(gen)];
        bool exact = true;
        REQUIRE(imp::is_requests_caption_folded(f, &exact) == plain::is_requests_caption_folded(f));
        REQUIRE(imp::is_requests_caption_folded(f) == plain::is_requests_caption_folded(f));
    }
    bool exact = false;
    CHECK(imp::is_requests_caption(imp::requests_caption, &exact));
    CHECK(exact);
    CHECK(imp::is_requests_caption_folded(U"第三项等于第一项加第二项", &exact));
    CHECK_FALSE(exact);
    CHECK_FALSE(imp::is_requests_caption_folded(U"第一项加第二项"));
    CHECK_FALSE(imp::is_requests_caption_folded(U"勾"));
}
