// Importer internals: UTF-8 helpers and the folding that makes printed labels comparable with the
// official ones (full-/half-width, spaces, quotes, traditional script, ordinal styles).
// Folding is for matching only; the printed text is always what the model keeps.
#ifndef XXGK_IMPORT_FOLD_HPP
#define XXGK_IMPORT_FOLD_HPP

#include "../utf8/utf8.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// The code points of UTF-8 text one at a time (src/utf8/: an ill-formed byte reads as U+FFFD).
using utf8_reader = utf8::reader;

/// Decodes UTF-8 (callers sanitise first; an ill-formed byte would read as U+FFFD).
std::u32string to_u32(std::string_view text);
/// Encodes code points as UTF-8.
std::string to_u8(std::u32string_view text);

/// Replaces every invalid UTF-8 byte by U+FFFD; `bad` receives the byte offsets replaced.
std::string sanitize_utf8(std::string_view text, std::vector<std::size_t>& bad);

/// More than n code points (src/utf8/).
using utf8::longer_than;

/// White space of any width: ASCII, U+00A0, U+3000, U+2000–U+200A, U+202F, U+205F.
bool is_space(char32_t c) noexcept;
/// Invisible format characters (utf8::is_invisible_format). They never separate words or cells;
/// matching and number reading ignore them (the printed text keeps them).
constexpr bool is_invisible(char32_t c) noexcept { return utf8::is_invisible_format(c); }
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

/// Length of the longest common subsequence of `a` and `b` (the characters they share in the same
/// order, not necessarily adjacent), in code points. Quadratic time, linear space.
std::size_t common_subsequence(std::u32string_view a, std::u32string_view b);

/// True when the folded text contains the folded needle.
inline bool contains(std::u32string_view hay, std::u32string_view needle) {
    return hay.find(needle) != std::u32string_view::npos;
}
inline bool starts_with(std::u32string_view hay, std::u32string_view needle) {
    return hay.substr(0, needle.size()) == needle;
}

}  // namespace xxgk::import_detail

#endif
