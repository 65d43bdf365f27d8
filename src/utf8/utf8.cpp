// UTF-8, in one place (utf8.hpp): the scans over whole texts.
#include "utf8.hpp"

#include "../word_bits.hpp"

namespace xxgk::utf8 {

namespace {

// The bytes of `w` that are not continuation bytes (10xxxxxx): one bit per byte at the bottom
// of each (bit 7 clear, or bit 6 set), summed into the top byte by a multiply (at most 8, no
// carry). __builtin_popcountll would be a library call without -mpopcnt.
std::size_t lead_bytes(std::uint64_t w) noexcept {
    using xxgk::detail::word_ones;
    return static_cast<std::size_t>(((((~w >> 7) | (w >> 6)) & word_ones) * word_ones) >> 56);
}

}  // namespace

decoded decode(const unsigned char* p, std::size_t n) noexcept {
    const unsigned char b = p[0];
    constexpr decoded bad{replacement, 1, false};
    if (b < 0x80) return {b, 1, true};
    if (b < 0xC2) return bad;
    if (b < 0xE0) {
        if (n < 2 || !is_continuation(p[1])) return bad;
        return {static_cast<char32_t>((b & 0x1Fu) << 6 | (p[1] & 0x3Fu)), 2, true};
    }
    if (b < 0xF0) {
        // The second byte's range: A0–BF after E0 (no overlong forms), 80–9F after ED (no surrogates).
        const unsigned char low = b == 0xE0 ? 0xA0 : 0x80, high = b == 0xED ? 0x9F : 0xBF;
        if (n < 3 || p[1] < low || p[1] > high || !is_continuation(p[2])) return bad;
        return {detail::three_byte_value(p), 3, true};
    }
    if (b < 0xF5) {
        // 90–BF after F0 (no overlong forms), 80–8F after F4 (nothing above U+10FFFF).
        const unsigned char low = b == 0xF0 ? 0x90 : 0x80, high = b == 0xF4 ? 0x8F : 0xBF;
        if (n < 4 || p[1] < low || p[1] > high || !is_continuation(p[2]) || !is_continuation(p[3])) return bad;
        return {static_cast<char32_t>((b & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu)),
                4, true};
    }
    return bad;
}

std::size_t first_invalid(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            // To the next byte above 0x7F, a word at a time: its position is the lowest high bit
            // on a little-endian machine.
            std::uint64_t high = 0;
            while (n - i >= 8 && (high = xxgk::detail::load_word(p + i) & xxgk::detail::word_highs) == 0) i += 8;
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            if (high != 0) {
                i += xxgk::detail::lowest_set_bit(high) / 8;
                continue;
            }
#endif
            while (i < n && p[i] < 0x80) ++i;
            continue;
        }
        if (detail::plain_three_byte_lead(c)) {
            // E1–EC, EE, EF: three bytes with any continuation bytes, and the run of them that
            // CJK text is.
            do {
                if (n - i < 3 || !is_continuation(p[i + 1]) || !is_continuation(p[i + 2])) return i;
                i += 3;
            } while (i < n &&
                     ((p[i] >= 0xE1 && p[i] <= 0xEC) || p[i] == 0xEE || p[i] == 0xEF));  // as above, two ranges
            continue;
        }
        const decoded d = decode(p + i, n - i);
        if (!d.valid) return i;
        i += d.length;
    }
    return npos;
}

namespace {

// The bytes of `text` that are not continuation bytes, eight at a time, counted until more
// than `limit` are seen (then some number above `limit`).
std::size_t lead_bytes_up_to(std::string_view text, std::size_t limit) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t counted = 0, i = 0;
    for (; size - i >= 8 && counted <= limit; i += 8) counted += lead_bytes(xxgk::detail::load_word(p + i));
    for (; i < size && counted <= limit; ++i) counted += !is_continuation(p[i]);
    return counted;
}

}  // namespace

std::size_t count(std::string_view text) noexcept { return lead_bytes_up_to(text, npos); }

bool longer_than(std::string_view text, std::size_t n) noexcept {
    // A code point takes at least one byte: a text of n bytes or fewer is not counted.
    return text.size() > n && lead_bytes_up_to(text, n) > n;
}

std::size_t count_printed(std::string_view text) noexcept {
    const auto printed = [](unsigned char c) {
        return !is_continuation(c) && c != ' ' && c != '\n' && c != '\t' && c != '\r';
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t n = 0, i = 0;
    for (; size - i >= 8; i += 8) {
        const std::uint64_t w = xxgk::detail::load_word(p + i);
        // No byte below 0x21: no white space among the eight, only the continuation bytes to leave out.
        if (!xxgk::detail::has_byte_below(w, 0x21)) {
            n += lead_bytes(w);
            continue;
        }
        for (std::size_t k = i; k < i + 8; ++k) n += printed(p[k]);
    }
    for (; i < size; ++i) n += printed(p[i]);
    return n;
}

char* encode(char* o, char32_t c) noexcept {
    if (c < 0x80) {
        *o++ = static_cast<char>(c);
    } else if (c < 0x800) {
        *o++ = static_cast<char>(0xC0 | (c >> 6));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = static_cast<char>(0xE0 | (c >> 12));
        *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
        *o++ = static_cast<char>(0xF0 | (c >> 18));
        *o++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
    }
    return o;
}

void append(std::string& out, char32_t c) {
    char buf[4];
    out.append(buf, static_cast<std::size_t>(encode(buf, c) - buf));
}

}  // namespace xxgk::utf8
