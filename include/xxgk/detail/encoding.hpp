// Private helper (not part of the API): names the encoding of JSON text that is not UTF-8.
//
// RFC 8259 requires UTF-8 and lets a parser ignore a UTF-8 byte order mark. Text in another
// encoding is refused, but saying which one was found (UTF-16 or UTF-32 with or without a byte
// order mark, GB18030/GBK) tells the sender what to convert, where "syntax error at line 1,
// column 1" told nothing. Used by the JSON decoders and the C ABI's UTF-8 check.
#ifndef XXGK_DETAIL_ENCODING_HPP
#define XXGK_DETAIL_ENCODING_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace xxgk::detail {

/// The UTF-8 byte order mark.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// `json` without a leading UTF-8 byte order mark.
inline std::string_view without_utf8_bom(std::string_view json) noexcept {
    return json.substr(0, utf8_bom.size()) == utf8_bom ? json.substr(utf8_bom.size()) : json;
}

/// When `text` is evidently in another encoding than UTF-8, a sentence naming it and saying what
/// to do ("the input is UTF-16LE (it starts with the byte order mark FF FE), not UTF-8 as JSON
/// must be (RFC 8259; convert it, e.g. iconv -f UTF-16 -t UTF-8)"); "" otherwise. Checks,
/// in order: UTF-32 and UTF-16 byte order marks; UTF-32 and UTF-16 without one (the zero bytes
/// of ASCII text, RFC 4627 §3); text that is not valid UTF-8 but valid GB18030 (which includes
/// GBK and GB2312) with at least one multi-byte character — unless it is merely cut inside its
/// last UTF-8 character, or has more well-formed UTF-8 characters than bytes that are not (then
/// it is damaged UTF-8, and the caller's "not valid UTF-8 at byte N" says more). Linear; allocates only for the message
/// and, for invalid UTF-8, iconv's conversion state.
/// True when the first byte that is not UTF-8, at `first_bad`, starts a character the text ends
/// inside of (a file cut short), rather than a byte that is wrong where it is.
bool cut_inside_last_character(std::string_view text, std::size_t first_bad) noexcept;

struct foreign_text {
    std::string message;     ///< "" when `text` is not evidently in another encoding
    std::size_t offset = 0;  ///< where to point: 0 for UTF-16/32, the first byte not UTF-8 for GB18030
};
foreign_text foreign_encoding(std::string_view text);

}  // namespace xxgk::detail

#endif
