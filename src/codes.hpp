// Internal: a named constant for every finding and import-log code, made from the catalogs
// (src/rules.def, src/import/import_codes.def), so that a mistyped code does not compile:
// `codes::T3_004` is "XXGK-T3-004", `codes::I_042` is "XXGK-I-042".
#ifndef XXGK_SRC_CODES_HPP
#define XXGK_SRC_CODES_HPP

#include <cstddef>
#include <string_view>

namespace xxgk::codes {

/// The text of a code made from its identifier at compile time: "XXGK-" + the identifier with
/// '_' read as '-' ("T3_004" → "XXGK-T3-004").
template <std::size_t N>
struct code_text {
    char text[N + 5] = {};
    constexpr explicit code_text(const char (&id)[N]) {
        const char prefix[] = "XXGK-";
        for (std::size_t i = 0; i < 5; ++i) text[i] = prefix[i];
        for (std::size_t i = 0; i + 1 < N; ++i) text[5 + i] = id[i] == '_' ? '-' : id[i];
    }
    constexpr std::string_view view() const { return {text, N + 4}; }
};

#define XXGK_CODE(id)                                                                                                  \
    inline constexpr code_text<sizeof(#id)> id##_text{#id};                                                            \
    inline constexpr std::string_view id = id##_text.view();

#define XXGK_RULE(id, ...) XXGK_CODE(id)
#include "rules.def"
#undef XXGK_RULE

#define XXGK_IMPORT_CODE(id, ...) XXGK_CODE(id)
#include "import/import_codes.def"
#undef XXGK_IMPORT_CODE

#undef XXGK_CODE

static_assert(T3_004 == std::string_view("XXGK-T3-004"), "a code's identifier is its text");

}  // namespace xxgk::codes

#endif
