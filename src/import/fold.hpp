// Importer internals: UTF-8 helpers and the folding that makes printed labels comparable with the
// official ones (full-/half-width, spaces, quotes, traditional script, ordinal styles).
// Folding is for matching only; the printed text is always what the model keeps.
#ifndef XXGK_IMPORT_FOLD_HPP
#define XXGK_IMPORT_FOLD_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// The code points of UTF-8 text one at a time, decoded as `to_u32` decodes them (without
/// building the whole string): a byte that starts no sequence is U+FFFD; a sequence cut off by the
/// end is one U+FFFD and the end. `i` is the byte offset of the next code point.
struct utf8_reader {
    std::string_view text;
    std::size_t i = 0;
    bool next(char32_t& c) noexcept {
        if (i >= text.size()) return false;
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t n;
        if (b < 0x80) {
            c = b;
            ++i;
            return true;
        }
        if ((b >> 4) == 0xE) {  // three bytes (CJK text): unrolled, as the loop below reads them
            if (i + 3 > text.size()) {
                c = U'\uFFFD';
                i = text.size();
                return true;
            }
            c = (static_cast<char32_t>(b & 0x0F) << 12) |
                (static_cast<char32_t>(static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                (static_cast<unsigned char>(text[i + 2]) & 0x3F);
            i += 3;
            return true;
        }
        if ((b >> 5) == 0x6) {
            c = b & 0x1F;
            n = 2;
        } else if ((b >> 3) == 0x1E) {
            c = b & 0x07;
            n = 4;
        } else {
            c = U'\uFFFD';
            ++i;
            return true;
        }
        if (i + n > text.size()) {
            c = U'\uFFFD';
            i = text.size();
            return true;
        }
        for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += n;
        return true;
    }
};

/// Decodes UTF-8 that is known to be valid (callers sanitise first).
std::u32string to_u32(std::string_view text);
/// Encodes code points as UTF-8.
std::string to_u8(std::u32string_view text);
void append_u8(std::string& out, char32_t c);

/// Replaces every invalid UTF-8 byte by U+FFFD; `bad` receives the byte offsets replaced.
std::string sanitize_utf8(std::string_view text, std::vector<std::size_t>& bad);

/// Number of code points of valid UTF-8.
std::size_t length_u8(std::string_view text) noexcept;
/// length_u8(text) > n, counting no further than needed.
bool longer_than(std::string_view text, std::size_t n) noexcept;

/// White space of any width: ASCII, U+00A0, U+3000, U+2000–U+200A, U+202F, U+205F.
bool is_space(char32_t c) noexcept;
/// Invisible format characters: zero-width (U+200B–U+200D, U+2060, U+FEFF), soft hyphen, and the
/// bidirectional controls (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069). They never separate
/// words or cells; matching and number reading ignore them (the printed text keeps them).
bool is_invisible(char32_t c) noexcept;
/// Trims white space of any width and invisible format characters at both ends.
std::string trim(std::string_view text);
/// trim of text known to be valid UTF-8 (it then only cuts the ends): a view into `text`.
std::string_view trim_valid(std::string_view text) noexcept;
/// True when `trim(text)` is empty, without building it.
bool is_blank(std::string_view text) noexcept;
std::u32string trim(std::u32string_view text);

/// Full-width ASCII (U+FF01–U+FF5E) and U+3000 to their ASCII forms; digits, letters, signs.
char32_t half_width(char32_t c) noexcept;
/// Traditional to simplified for the vocabulary of the reports (labels, headings, units).
char32_t simplified(char32_t c) noexcept;
/// The table `simplified` reads: pairs of code points, traditional then simplified.
std::u32string_view traditional_simplified_pairs() noexcept;

/// The matching key of a printed text: half-width, traditional → simplified (with the few
/// vocabulary changes such as 檔案 → 文件), no white space, no invisible characters, no quotes, no Markdown emphasis,
/// dashes unified, brackets 〔〕【】 as [], ASCII letters lowered.
/// `converted` is set when the text contained traditional script.
std::u32string fold(std::string_view text, bool* converted = nullptr);
std::u32string fold(std::u32string_view text, bool* converted = nullptr);

/// Chinese numerals 一 … 九十九 (also 〇/零 in years is handled elsewhere); 0 if not a numeral.
int chinese_number(std::u32string_view text) noexcept;

/// A leading ordinal of a folded text.
struct ordinal {
    enum kind_t { none, paren_chinese, dun_chinese, digit } kind = none;  ///< (一) / 一、 / 1.
    int value = 0;
    std::size_t length = 0;  ///< code points of the ordinal in the folded text
};
/// Recognises "(一)", "一、", "一.", "1.", "1、", "(1)", "1)" at the start of a folded text.
ordinal leading_ordinal(std::u32string_view folded) noexcept;

/// The folded text with bracketed notes "(…)" and "[…]" removed (a leading ordinal is kept).
std::u32string strip_notes(std::u32string_view folded);

/// Levenshtein distance in code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

/// True when the folded text contains the folded needle.
inline bool contains(std::u32string_view hay, std::u32string_view needle) {
    return hay.find(needle) != std::u32string_view::npos;
}
inline bool starts_with(std::u32string_view hay, std::u32string_view needle) {
    return hay.substr(0, needle.size()) == needle;
}

}  // namespace xxgk::import_detail

#endif
