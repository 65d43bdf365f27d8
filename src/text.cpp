#include "xxgk/text.hpp"

#include "utf8/utf8.hpp"

namespace xxgk {

text_position position_of(std::string_view text, std::size_t offset) noexcept {
    text_position p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!utf8::is_continuation(c)) {
            ++p.column;
        }
    }
    return p;
}

// The well-formed byte sequences of the Unicode Standard (§3.9, table 3-7), src/utf8/.
static_assert(utf8::npos == valid_utf8);
std::size_t invalid_utf8_offset(std::string_view s) noexcept { return utf8::first_invalid(s); }

}  // namespace xxgk
