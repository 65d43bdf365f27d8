#include "xxgk/text.hpp"

#include "word_bits.hpp"

#include <cstdint>

namespace xxgk {

text_position position_of(std::string_view text, std::size_t offset) noexcept {
    text_position p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

// The well-formed byte sequences of the Unicode Standard (§3.9, table 3-7), with runs of ASCII
// stepped over eight bytes at a time and the three-byte forms of CJK text (lead bytes E1–EC,
// EE, EF: any continuation bytes) taken in one step. tests/unit/fast_paths_test.cpp compares it
// with a code-point-at-a-time decoder.
std::size_t invalid_utf8_offset(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    const auto continuation = [&](std::size_t k) { return (p[k] & 0xC0) == 0x80; };
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            // To the next byte above 0x7F, a word at a time: its position is the lowest high bit.
            std::uint64_t high = 0;
            while (i + 8 <= n && (high = detail::load_word(p + i) & detail::word_highs) == 0) i += 8;
            if (high != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += detail::lowest_set_bit(high) / 8;  // the first byte is the lowest
#else
                while (p[i] < 0x80) ++i;
#endif
            } else {
                while (i < n && p[i] < 0x80) ++i;
            }
            continue;
        }
        if ((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) {
            if (c <= 0xEF) {  // E1–EC, EE, EF: three bytes, and the run of them that CJK text is
                do {
                    if (n - i < 3 || !continuation(i + 1) || !continuation(i + 2)) return i;
                    i += 3;
                } while (i < n && ((p[i] >= 0xE1 && p[i] <= 0xEC) || p[i] == 0xEE || p[i] == 0xEF));
                continue;
            }
            // F0–F4 below; F5–FF never start a sequence
            if (c > 0xF4) return i;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (n - i < 2 || !continuation(i + 1)) return i;
            i += 2;
        } else if (c == 0xE0 || c == 0xED) {
            // E0: A0–BF (no overlong forms); ED: 80–9F (no surrogates)
            if (n - i < 3 || !continuation(i + 2)) return i;
            const unsigned char second = p[i + 1];
            if (c == 0xE0 ? (second < 0xA0 || second > 0xBF) : (second < 0x80 || second > 0x9F)) return i;
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            // F0: 90–BF (no overlong forms); F4: 80–8F (nothing above U+10FFFF)
            if (n - i < 4 || !continuation(i + 2) || !continuation(i + 3)) return i;
            const unsigned char second = p[i + 1];
            const unsigned char low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high) return i;
            i += 4;
        } else {
            return i;  // a continuation byte without a lead, C0, C1
        }
    }
    return valid_utf8;
}

}  // namespace xxgk
