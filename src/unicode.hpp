// Internal: which code points show nothing. One definition for the importer, which ignores them
// when it matches labels (import/fold.cpp), and for XXGK-S-001, which flags them in a report's
// text (validate/checker.hpp).
#ifndef XXGK_SRC_UNICODE_HPP
#define XXGK_SRC_UNICODE_HPP

namespace xxgk::detail {

/// True for the format characters that display nothing yet change what text is: the soft hyphen
/// U+00AD, the Arabic letter mark U+061C, the Mongolian vowel separator U+180E, the zero-width
/// characters and marks U+200B–U+200F, the bidirectional embeddings and overrides U+202A–U+202E,
/// the word joiner and invisible operators U+2060–U+2064, the bidirectional isolates
/// U+2066–U+2069, the byte order mark U+FEFF, and the interlinear annotation controls
/// U+FFF9–U+FFFB.
constexpr bool is_invisible_format(char32_t c) noexcept {
    return c == 0xAD || c == 0x61C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

}  // namespace xxgk::detail

#endif
