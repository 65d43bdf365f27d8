// xxgk — small facts about UTF-8 text that every face needs (decoder, C ABI, Python, importers).
#ifndef XXGK_TEXT_HPP
#define XXGK_TEXT_HPP

#include <cstddef>
#include <string_view>

namespace xxgk {

/// A place in a text: 1-based line, and 1-based column counted in code points (so that a column
/// means the same to a reader of Chinese text as it does to an editor).
struct text_position {
    std::size_t line = 1;
    std::size_t column = 1;
};

/// The line and column of byte `offset` in UTF-8 `text` (an offset past the end: the end).
text_position position_of(std::string_view text, std::size_t offset) noexcept;

/// Returned by `invalid_utf8_offset` when the text is valid.
inline constexpr std::size_t valid_utf8 = static_cast<std::size_t>(-1);

/// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
/// points above U+10FFFF are invalid), or `valid_utf8`.
std::size_t invalid_utf8_offset(std::string_view text) noexcept;

}  // namespace xxgk

#endif
