// The public entry points of the importer (include/xxgk/import.hpp).
#include "assemble.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/import.hpp>
#include <xxgk/text.hpp>

namespace xxgk {
namespace {

/// Invalid UTF-8 is replaced (and logged) so that everything after reads valid text.
std::string valid_text(std::string_view input, std::vector<import_log_entry>& log) {
    std::vector<std::size_t> bad;
    std::string text = import_detail::sanitize_utf8(input, bad);
    if (!bad.empty()) {
        const text_position p = position_of(text, bad.front());
        import_detail::log_entry(log, "XXGK-I-011",
                                 std::to_string(bad.size()) + " invalid UTF-8 byte(s) replaced by U+FFFD, the first at byte " +
                                     std::to_string(bad.front()),
                                 {}, import_detail::at_line(p.line, p.column));
    }
    return text;
}

}  // namespace

import_result import_text(std::string_view text, const import_options& options) {
    std::vector<import_log_entry> log;
    const std::string valid = valid_text(text, log);
    import_detail::document doc = import_detail::read_text(valid);
    doc.log.insert(doc.log.begin(), log.begin(), log.end());
    return import_detail::assemble(std::move(doc), options);
}

import_result import_html(std::string_view html, const import_options& options) {
    import_detail::document doc = import_detail::read_html(html);
    return import_detail::assemble(std::move(doc), options);
}

}  // namespace xxgk
