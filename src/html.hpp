// Internal: the HTML pieces every renderer shares (reports: render_html.cpp; portal files:
// portal/render.cpp): escaping, and the head of a standalone page.
#ifndef XXGK_SRC_HTML_HPP
#define XXGK_SRC_HTML_HPP

#include <string>
#include <string_view>

namespace xxgk::detail {

/// Appends `s` escaped for HTML text and attribute values alike (& < > " '). C0 control
/// characters other than tab, line feed and carriage return become U+FFFD.
void escape_html(std::string& out, std::string_view s);

/// Appends the start of a standalone page up to and including <body>: doctype, charset, a
/// Content-Security-Policy that lets nothing load or run, the generator, `title` (escaped) and
/// the stylesheet of docs/render.md.
void html_page_begin(std::string& out, std::string_view title);

}  // namespace xxgk::detail

#endif
