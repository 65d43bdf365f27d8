#include "xxgk/text.hpp"

#include <cstdint>
#include <cstring>

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

std::size_t invalid_utf8_offset(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast paths (the text of the reports): eight ASCII bytes at a time, and three-byte sequences
        // led by E1–EC or EE–EF, which are valid whatever their continuation bytes hold (no overlong
        // form, no surrogate). Everything else is decoded and checked below.
        if (n - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if ((w & 0x8080808080808080u) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
            // A run of them (Chinese text) in a tight loop.
            std::size_t k = i;
            while (n - k >= 3 && p[k] >= 0xE1 && p[k] <= 0xEF && p[k] != 0xED && (p[k + 1] & 0xC0) == 0x80 &&
                   (p[k + 2] & 0xC0) == 0x80)
                k += 3;
            if (k > i) {
                i = k;
                continue;
            }
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
    return valid_utf8;
}

}  // namespace xxgk
