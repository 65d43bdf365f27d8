// Internal: UTF-8, in one place. Decoding one code point (the well-formed sequences of the
// Unicode Standard §3.9, table 3-7), the first invalid byte, counting code points and printed
// characters, encoding, and which code points show nothing (XXGK-S-001 and the importer's label
// matching). Every reader of UTF-8 bytes in src/ goes through it; the word-at-a-time and
// run-at-a-time steps here are checked against a byte-at-a-time reference decoder in
// tests/unit/utf8_test.cpp.
//
// One rule for text that is not well-formed, everywhere: each byte that does not begin a
// well-formed sequence is one error of length 1 (read as U+FFFD by `reader`, skipped by the
// scans, replaced by the importer's sanitize_utf8), and the bytes after it are read afresh.
#ifndef XXGK_SRC_UTF8_UTF8_HPP
#define XXGK_SRC_UTF8_UTF8_HPP

#include "../word_bits.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace xxgk::utf8 {

/// U+FFFD REPLACEMENT CHARACTER: what `reader` gives for a byte that begins no well-formed sequence.
inline constexpr char32_t replacement = 0xFFFD;

/// Returned by `first_invalid` for well-formed text (equal to xxgk::valid_utf8).
inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// True for the continuation bytes 10xxxxxx (80–BF).
constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0) == 0x80; }

/// The length of the sequence lead byte `b` begins when well-formed: 1 (00–7F), 2 (C2–DF), 3
/// (E0–EF), 4 (F0–F4); 0 for a byte that begins none (80–C1, F5–FF).
constexpr std::size_t sequence_length(unsigned char b) noexcept {
    return b < 0x80 ? 1 : b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
}

/// One decoded code point: its value and its length in bytes; `valid` false for an ill-formed
/// byte (then `cp` is U+FFFD and `length` 1).
struct decoded {
    char32_t cp;
    std::size_t length;
    bool valid;
};

/// Decodes the code point at `p` (n ≥ 1 bytes readable). Ill-formed: a lead byte that begins no
/// sequence, a missing or wrong continuation byte, a sequence cut off by the end, an overlong
/// form (E0 80–9F, F0 80–8F; C0 and C1), a surrogate (ED A0–BF), above U+10FFFF (F4 90–BF, F5–FF).
decoded decode(const unsigned char* p, std::size_t n) noexcept;

namespace detail {

// The bytes p[1] and p[2] are both continuation bytes.
inline bool two_continuations(const unsigned char* p) noexcept {
    return ((p[1] & 0xC0u) | ((p[2] & 0xC0u) >> 2)) == 0xA0u;
}

// A lead byte E1–EC, EE or EF: three bytes with any two continuation bytes are well-formed
// (U+1000–U+CFFF, U+E000–U+FFFF), the form of nearly all Chinese text.
constexpr bool plain_three_byte_lead(unsigned b) noexcept { return b - 0xE1u <= 0xEFu - 0xE1u && b != 0xEDu; }

// The code point of the three-byte sequence at p (well-formed).
inline char32_t three_byte_value(const unsigned char* p) noexcept {
    return static_cast<char32_t>((p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu));
}

}  // namespace detail

/// `decode` of the code point at byte `i` of `text` (i < text.size()).
inline decoded decode(std::string_view text, std::size_t i) noexcept {
    return decode(reinterpret_cast<const unsigned char*>(text.data()) + i, text.size() - i);
}

/// The code points of `text` one at a time, without building a string; an ill-formed byte reads
/// as U+FFFD. `i` is the byte offset of the next code point (a reader can start anywhere).
struct reader {
    std::string_view text;
    std::size_t i = 0;
    /// The next code point in `c`; false at the end.
    bool next(char32_t& c) noexcept {
        if (i >= text.size()) return false;
        const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
        if (p[0] < 0x80) {  // ASCII and CJK, inline: most of what the importer reads
            c = p[0];
            ++i;
            return true;
        }
        if (detail::plain_three_byte_lead(p[0]) && text.size() - i >= 3 && detail::two_continuations(p)) {
            c = detail::three_byte_value(p);
            i += 3;
            return true;
        }
        const decoded d = decode(p, text.size() - i);
        c = d.cp;
        i += d.length;
        return true;
    }
};

/// The byte offset of the first byte that begins no well-formed sequence, or `npos`. Runs of
/// ASCII are stepped over eight bytes at a time and runs of three-byte sequences (CJK) in one
/// loop.
std::size_t first_invalid(std::string_view text) noexcept;

/// The number of code points of well-formed `text`: the bytes that are not continuation bytes
/// (in text that is not well-formed, the same count of bytes), eight bytes at a time.
std::size_t count(std::string_view text) noexcept;

/// count(text) > n, counting no further than needed.
bool longer_than(std::string_view text, std::size_t n) noexcept;

/// The characters of `text` that print: count(text) less the ASCII white space (space, tab,
/// line feed, carriage return). XXGK-N-001 counts the overview with it.
std::size_t count_printed(std::string_view text) noexcept;

/// Writes the UTF-8 form of `c` at `out` (1–4 bytes, room for 4); returns the end. A value above
/// U+10FFFF or a surrogate is written by the same bit pattern (the importer's to_u8 keeps what a
/// caller gives it); none of this module's decoding produces one.
char* encode(char* out, char32_t c) noexcept;

/// Appends the UTF-8 form of `c` (see `encode`) to `out`.
void append(std::string& out, char32_t c);

// ---- what shows nothing

/// True for the format characters that display nothing yet change what text is: the soft hyphen
/// U+00AD, the Arabic letter mark U+061C, the Mongolian vowel separator U+180E, the zero-width
/// characters and marks U+200B–U+200F, the bidirectional embeddings and overrides U+202A–U+202E,
/// the word joiner and invisible operators U+2060–U+2064, the bidirectional isolates
/// U+2066–U+2069, the byte order mark U+FEFF, and the interlinear annotation controls
/// U+FFF9–U+FFFB. The importer ignores them when it matches labels (import/fold.cpp).
constexpr bool is_invisible_format(char32_t c) noexcept {
    return c == 0xAD || c == 0x61C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

/// What XXGK-S-001 flags in a report's text: the controls (C0 but tab, line feed and carriage
/// return; DEL; C1), the line and paragraph separators U+2028/U+2029, and `is_invisible_format`.
constexpr bool is_hidden(char32_t c) noexcept {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0x2028 ||
           c == 0x2029 || is_invisible_format(c);
}

namespace detail {

// A lead byte E3–EC or EE: code points U+3000–U+CFFF and U+E000–U+EFFF, none of them hidden,
// with any continuation bytes (CJK text, the bulk of a report).
constexpr bool cjk_lead(unsigned b) noexcept { return b - 0xE3u <= 0xECu - 0xE3u || b == 0xEEu; }

// A lead byte E3–EC: the CJK blocks proper (U+3000–U+CFFF), nearly every character of a report.
constexpr bool cjk_common_lead(unsigned b) noexcept { return b - 0xE3u <= 0xECu - 0xE3u; }

// Four well-formed three-byte sequences at p (12 bytes readable) led by E3–EC: the
// leads tested one by one, the eight continuation bytes by two word tests where the byte order
// allows (bytes 1, 2, 4, 5, 7 of the word at p; 8, 10, 11, bytes 4, 6, 7 of the word at p + 4).
inline bool four_cjk(const unsigned char* p) noexcept {
    if (!(cjk_common_lead(p[0]) && cjk_common_lead(p[3]) && cjk_common_lead(p[6]) && cjk_common_lead(p[9])))
        return false;
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    constexpr std::uint64_t first = 0xC000C0C000C0C000u, second = 0xC0C000C000000000u;
    return (xxgk::detail::load_word(p) & first) == (first & xxgk::detail::word_highs) &&
           (xxgk::detail::load_word(p + 4) & second) == (second & xxgk::detail::word_highs);
#else
    return two_continuations(p) && two_continuations(p + 3) && two_continuations(p + 6) && two_continuations(p + 9);
#endif
}

}  // namespace detail

/// Calls `found(cp)` for each code point of `text` that `is_hidden`, in order, while it returns
/// true; true when there was one. Ill-formed bytes are skipped one at a time (they are no code
/// point). Steps over what is never hidden without decoding it: printable ASCII, runs of CJK
/// (four sequences at a time), and the three-byte sequences led by E2 or EF outside
/// U+2000–U+207F, U+FEC0–U+FEFF and U+FFC0–U+FFFF (the second byte's low six bits are then not
/// 0 or 1, and not 3B or 3F): arrows, ①, full-width punctuation and forms (EF BC–BE).
template <class F>
bool scan_hidden(std::string_view text, F&& found) {
    bool any = false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0, n = text.size(); i < n;) {
        if (n - i >= 12 && detail::four_cjk(p + i)) {
            i += 12;
            continue;
        }
        const unsigned b = p[i];
        if (detail::cjk_common_lead(b) && n - i >= 3 && detail::two_continuations(p + i)) {
            i += 3;
            continue;
        }
        if (b - 0x20u < 0x7Fu - 0x20u) {  // printable ASCII
            ++i;
            continue;
        }
        char32_t cp;
        std::size_t length;
        if (b < 0x80) {
            cp = b;
            length = 1;
        } else if (n - i >= 3 && detail::plain_three_byte_lead(b) && detail::two_continuations(p + i)) {
            if (detail::cjk_lead(b) || (b == 0xE2 && (p[i + 1] & 0x3Eu) != 0) ||
                (b == 0xEF && ((p[i + 1] & 0x3Fu) | 0x04u) != 0x3F)) {
                i += 3;
                continue;
            }
            cp = detail::three_byte_value(p + i);
            length = 3;
        } else {
            const decoded d = decode(p + i, n - i);
            if (!d.valid) {  // no code point: stepped over alone
                ++i;
                continue;
            }
            cp = d.cp;
            length = d.length;
        }
        if (is_hidden(cp)) {
            any = true;
            if (!found(cp)) break;
        }
        i += length;
    }
    return any;
}

}  // namespace xxgk::utf8

#endif
