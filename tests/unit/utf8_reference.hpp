// A UTF-8 reference for the tests: decoding written the naive way (the lead byte's bit pattern
// gives the length, the bits are gathered, then the value is checked against the shortest form,
// the surrogates and U+10FFFF), byte by byte, with nothing fast about it. src/utf8/ is checked
// against it (utf8_test.cpp), and so are the importer's and the validator's fast paths
// (fast_paths_test.cpp).
#ifndef XXGK_TESTS_UNIT_UTF8_REFERENCE_HPP
#define XXGK_TESTS_UNIT_UTF8_REFERENCE_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace utf8_reference {

struct code_point {
    char32_t cp;         // U+FFFD when not well-formed
    std::size_t length;  // 1 when not well-formed: the next sequence starts at the next byte
    bool valid;
};

// The code point at byte `i` of `s`.
inline code_point decode(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    const unsigned char c = p[i];
    if (c < 0x80) return {c, 1, true};
    std::size_t len;
    std::uint32_t cp, min;
    if ((c & 0xE0) == 0xC0)
        len = 2, cp = c & 0x1Fu, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        len = 3, cp = c & 0x0Fu, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        len = 4, cp = c & 0x07u, min = 0x10000;
    else
        return {0xFFFD, 1, false};
    if (n - i < len) return {0xFFFD, 1, false};
    for (std::size_t k = 1; k < len; ++k) {
        if ((p[i + k] & 0xC0) != 0x80) return {0xFFFD, 1, false};
        cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
    return {cp, len, true};
}

// Every code point of `s`, U+FFFD for each byte that begins no well-formed sequence.
inline std::u32string decode_all(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const code_point c = decode(s, i);
        out += c.cp;
        i += c.length;
    }
    return out;
}

// The offset of the first byte that begins no well-formed sequence, or npos.
inline std::size_t first_invalid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const code_point c = decode(s, i);
        if (!c.valid) return i;
        i += c.length;
    }
    return std::string::npos;
}

// The bytes of `s` that are not continuation bytes.
inline std::size_t lead_bytes(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The UTF-8 form of `cp` (any value below 2^21, by the bit pattern).
inline std::string encode(std::uint32_t cp) {
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

// What XXGK-S-001 flags, listed as docs/rules.md lists it.
inline bool hidden(std::uint32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD ||
           cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// The hidden code points of `s`, in order, decoding every code point (ill-formed bytes are none).
inline std::u32string hidden_in(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const code_point c = decode(s, i);
        if (c.valid && hidden(c.cp)) out += c.cp;
        i += c.length;
    }
    return out;
}

// The bytes of `s`, outside printable ASCII as \xNN, for failure messages.
inline std::string shown(std::string_view s) {
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F) {
            out += ch;
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace utf8_reference

#endif
