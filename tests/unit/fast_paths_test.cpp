// Tests of the fast paths the profile asked for (docs/performance.md): each must give exactly what
// the plain code it replaced gave. The plain versions live here as oracles: the byte-at-a-time
// JSON string escaper and the code-point-at-a-time scan for hidden characters (XXGK-S-001),
// compared on chosen and on pseudo-random inputs, malformed UTF-8 included.
#include <catch2/catch.hpp>

#include <xxgk/xxgk.hpp>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
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
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
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
        if (cp >= 0xC0 && cp < 0xE0 && i + 1 < n) cp = ((cp & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), len = 2;
        else if (cp >= 0xE0 && cp < 0xF0 && i + 2 < n)
            cp = ((cp & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), len = 3;
        else if (cp >= 0xF0 && i + 3 < n)
            cp = ((cp & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu), len = 4;
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

// The first invalid UTF-8 sequence, decoded a code point at a time (xxgk::invalid_utf8_offset
// before it stepped over ASCII words and CJK sequences).
std::size_t first_invalid_utf8(const std::string& s) {
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
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1Fu, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0Fu, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07u, min = 0x10000;
        } else {
            return i;
        }
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
    std::vector<std::string> needles = {"\"", "\\", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'), "\x01",
                                        "\x1f", " ", "\x7f", "/", "\xe2\x80\xae"};
    for (const std::string& needle : needles)
        for (const std::string& s : placements(needle)) {
            const std::string json = xxgk::to_json(with_body(s));
            INFO("body " << escaped(s));
            CHECK(json.find("\"body\":" + escaped(s)) != std::string::npos);
            CHECK(xxgk::load_json(json).header.body == s);  // and it reads back
        }
    // Pseudo-random strings of the bytes that matter, valid JSON text after escaping.
    std::mt19937 gen(20261127);
    const std::vector<std::string> alphabet = {"\"", "\\", "\n", "\t", "\x01", "\x1f", " ", "a", "~", "/",
                                               std::string(1, '\0'), "政", "府"};
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
    const std::vector<std::uint32_t> hidden_cps = {0x00, 0x01, 0x08, 0x0B, 0x1F, 0x7F, 0x80, 0x9F, 0x061C, 0x180E,
                                                   0x200B, 0x200F, 0x2028, 0x202E, 0x2060, 0x2064, 0x2066, 0x2069,
                                                   0xFEFF, 0xFFF9, 0xFFFB};
    for (std::uint32_t cp : hidden_cps) {
        char name[12];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
        for (const std::string& s : placements(utf8(cp))) {
            INFO(name);
            CHECK(s001(s) == name);
        }
    }
    // Neighbours that are shown: no finding.
    for (std::uint32_t cp : {0x09u, 0x0Au, 0x0Du, 0x20u, 0x7Eu, 0xA0u, 0x061Bu, 0x061Du, 0x180Du, 0x200Au, 0x2010u,
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
    const std::vector<unsigned char> bytes = {0x00, 0x0B, 0x20, 0x41, 0x7F, 0x80, 0x8B, 0x9C, 0xA0, 0xAE, 0xBB, 0xBF,
                                              0xC0, 0xC1, 0xC2, 0xD8, 0xDF, 0xE0, 0xE1, 0xE2, 0xE4, 0xEF, 0xF0, 0xF4,
                                              0xF8, 0xFF};
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const int length = std::uniform_int_distribution<int>(0, 12)(gen);
        for (int i = 0; i < length; ++i)
            s += static_cast<char>(bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(gen)]);
        INFO("round " << round);
        REQUIRE(s001(s) == hidden_in(s));
    }
}

TEST_CASE("fast paths: invalid_utf8_offset finds the first invalid sequence as the code-point decoder did", "[text][fast]") {
    // Every boundary of every sequence length, at every offset of an 8-byte word.
    for (const std::uint32_t cp : {0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFu, 0x1000u, 0x4E2Du, 0xD7FFu, 0xE000u, 0xFFFDu,
                                   0xFFFFu, 0x10000u, 0x3FFFFu, 0x40000u, 0x10FFFFu})
        for (const std::string& s : placements(utf8(cp))) {
            REQUIRE(xxgk::invalid_utf8_offset(s) == xxgk::valid_utf8);
            REQUIRE(first_invalid_utf8(s) == xxgk::valid_utf8);
        }
    for (const std::string& bad : {std::string("\xC0\x80"), std::string("\xC1\xBF"), std::string("\xE0\x9F\xBF"),
                                   std::string("\xED\xA0\x80"), std::string("\xED\xBF\xBF"), std::string("\xF0\x8F\xBF\xBF"),
                                   std::string("\xF4\x90\x80\x80"), std::string("\xF5\x80\x80\x80"), std::string("\xE4\xB8"),
                                   std::string("\x80"), std::string("\xFF")})
        for (const std::string& s : placements(bad)) {
            INFO(s);
            REQUIRE(xxgk::invalid_utf8_offset(s) == first_invalid_utf8(s));
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
        REQUIRE(xxgk::invalid_utf8_offset(s) == first_invalid_utf8(s));
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
            REQUIRE(xxgk::invalid_utf8_offset(broken) == first_invalid_utf8(broken));
        }
    }
}
