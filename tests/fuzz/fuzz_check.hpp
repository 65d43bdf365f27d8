// Shared by the fuzz targets: invariants that must hold for every input. A violated invariant
// aborts, so that libFuzzer (and the replay driver) reports it like a crash, with the input.
#ifndef XXGK_FUZZ_CHECK_HPP
#define XXGK_FUZZ_CHECK_HPP

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace xxgk_fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "xxgk fuzz invariant violated: %s\n", what);
    if (!detail.empty())
        std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size() > 2000 ? 2000 : detail.size()), detail.data());
    std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
    if (!ok) fail(what, detail);
}

/// True when `s` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF). Written here rather than taken from the library, so that the check does not share
/// the library's bugs (and so that the C ABI target needs nothing but xxgk.h).
inline bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0, n = s.size(); i < n;) {
        const unsigned c = p[i];
        std::size_t len;
        unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else
            return false;
        if (n - i < len) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned b = p[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return false;
        }
        i += len;
    }
    return true;
}

/// Everything the library hands out is valid UTF-8.
inline void check_utf8(std::string_view s, const char* what) { check(valid_utf8(s), what, s); }

/// "" or "/token/token…" with only ~0 and ~1 escapes (RFC 6901).
inline void check_pointer(std::string_view p, const char* what) {
    check(p.empty() || p[0] == '/', what, p);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] == '~') check(i + 1 < p.size() && (p[i + 1] == '0' || p[i + 1] == '1'), what, p);
    check_utf8(p, what);
}

/// Rendered HTML never lets report text become markup: every tag in the output is one of the
/// elements the renderer builds itself (report text is escaped, so a "<" from the input shows
/// as "&lt;"), and nothing that runs or loads anything appears. When the renderer starts to
/// build a new element, add it here.
inline void check_inert_html(std::string_view html) {
    static constexpr std::string_view allowed[] = {
        "html",    "head",  "meta",  "title", "style", "body",  "article", "header",   "footer",
        "section", "aside", "h1",    "h2",    "h3",    "h4",    "p",       "br",       "div",
        "span",    "dl",    "dt",    "dd",    "time",  "table", "caption", "colgroup", "col",
        "thead",   "tbody", "tfoot", "tr",    "th",    "td",    "ol",      "li",       "code"};
    check_utf8(html, "rendered HTML is not valid UTF-8");
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
        std::size_t j = i + 1;
        if (j < html.size() && (html[j] == '/' || html[j] == '!')) ++j;  // end tag, doctype
        if (j < html.size() && html[j - 1] == '!') continue;
        std::size_t k = j;
        while (k < html.size() && std::isalnum(static_cast<unsigned char>(html[k]))) ++k;
        std::string name(html.substr(j, k - j));
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool known = false;
        for (std::string_view a : allowed) known = known || a == name;
        check(known, "rendered HTML contains an element the renderer does not build", html.substr(i, 80));
    }
    std::string lower(html);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    check(lower.find("javascript:") == std::string::npos || lower.find("<a ") == std::string::npos,
          "rendered HTML links to javascript:");
    check(lower.find("http-equiv=\"refresh") == std::string::npos, "rendered HTML redirects");
}

}  // namespace xxgk_fuzz

#endif
