// Names the encoding of JSON text that is not UTF-8 (include/xxgk/detail/encoding.hpp).
#include "xxgk/detail/encoding.hpp"

#include "xxgk/text.hpp"

#include <iconv.h>

#include <cerrno>
#include <memory>

namespace xxgk::detail {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// True when every byte of `text` converts from GB18030 (glibc's iconv), and some character took
// more than one byte. GB18030 contains GBK and GB2312.
bool valid_gb18030(std::string_view text) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
    char* in = const_cast<char*>(text.data());  // iconv's signature; the input is not written
    std::size_t in_left = text.size();
    char buffer[4096];
    while (in_left > 0) {
        char* to = buffer;
        std::size_t to_left = sizeof buffer;
        if (iconv(cd, &in, &in_left, &to, &to_left) == static_cast<std::size_t>(-1) && errno != E2BIG) return false;
    }
    for (unsigned char c : text)
        if (c >= 0x80) return true;
    return false;
}

// The length of the UTF-8 sequence a lead byte starts (0: not a lead byte).
int utf8_length(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

}  // namespace

bool cut_inside_last_character(std::string_view text, std::size_t first_bad) noexcept {
    if (first_bad >= text.size()) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const int need = utf8_length(p[first_bad]);
    bool cut = need > 1 && first_bad + static_cast<std::size_t>(need) > text.size();
    for (std::size_t i = first_bad + 1; cut && i < text.size(); ++i) cut = (p[i] & 0xC0) == 0x80;
    return cut;
}

namespace {

// Whether invalid UTF-8 looks like another encoding rather than damaged UTF-8: not merely cut
// inside its last character (a truncated file), and more places that are not UTF-8 than
// well-formed multi-byte characters (a UTF-8 report with one bad byte still has hundreds of
// Chinese characters; a GBK one has few or none that happen to read as UTF-8).
bool mostly_not_utf8(std::string_view text, std::size_t first_bad) {
    if (cut_inside_last_character(text, first_bad)) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t good = 0, bad = 0;
    for (std::size_t i = 0; i < n;) {
        const int len = utf8_length(p[i]);
        bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
        for (int k = 1; ok && k < len; ++k) ok = (p[i + static_cast<std::size_t>(k)] & 0xC0) == 0x80;
        if (!ok) {
            ++bad;
            ++i;
        } else {
            if (len > 1) ++good;
            i += static_cast<std::size_t>(len);
        }
    }
    return bad > good;
}

const char* const convert_advice = ", not UTF-8 as JSON must be (RFC 8259; convert it, e.g. iconv -f ";

}  // namespace

foreign_text foreign_encoding(std::string_view text) {
    struct mark {
        std::string_view bytes;
        const char* name;
        const char* shown;
        const char* iconv_name;
    };
    static const mark marks[] = {
        {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE", "FF FE 00 00", "UTF-32"},
        {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE", "00 00 FE FF", "UTF-32"},
        {"\xFF\xFE", "UTF-16LE", "FF FE", "UTF-16"},
        {"\xFE\xFF", "UTF-16BE", "FE FF", "UTF-16"},
    };
    for (const mark& m : marks)
        if (starts_with(text, m.bytes))
            return {std::string("the input is ") + m.name + " (it starts with the byte order mark " + m.shown + ")" +
                        convert_advice + m.iconv_name + " -t UTF-8)",
                    0};
    // Without a byte order mark: JSON text starts with two ASCII characters, whose zero bytes
    // give the encoding away.
    if (text.size() >= 4) {
        const bool z0 = text[0] == '\0', z1 = text[1] == '\0', z2 = text[2] == '\0', z3 = text[3] == '\0';
        const char* name = nullptr;
        if (z0 && z1 && z2 && !z3)
            name = "UTF-32BE";
        else if (!z0 && z1 && z2 && z3)
            name = "UTF-32LE";
        else if (z0 && !z1 && z2 && !z3)
            name = "UTF-16BE";
        else if (!z0 && z1 && !z2 && z3)
            name = "UTF-16LE";
        if (name)
            return {std::string("the input is ") + name +
                        " without a byte order mark (its ASCII characters have "
                        "zero bytes)" +
                        convert_advice + name + " -t UTF-8)",
                    0};
    }
    const std::size_t bad = invalid_utf8_offset(text);
    if (bad != valid_utf8 && mostly_not_utf8(text, bad) && valid_gb18030(text))
        return {std::string("the input reads as GB18030 (GBK), the encoding of many Chinese government systems") +
                    convert_advice + "GB18030 -t UTF-8)",
                bad};
    return {};
}

}  // namespace xxgk::detail
