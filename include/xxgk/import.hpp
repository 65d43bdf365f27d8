// xxgk — import published reports (plain text, HTML pages) into the typed model (docs/import.md).
//
//   xxgk::import_result r = xxgk::import_text(text);   // text copied from a page or a PDF
//   xxgk::import_result h = xxgk::import_html(page);   // an HTML page, tables with rowspan/colspan
//   for (const xxgk::import_log_entry& e : r.log) ...  // every decision that was not certain
//   auto findings = xxgk::validate(r.value);           // then check the arithmetic as usual
//
// The importer detects the format version from the table labels (and the report year), matches
// headings and labels tolerantly, keeps blanks as blanks, records the raw text and the position of
// every imported cell, and never guesses silently: a value that cannot be read with certainty is
// reported in the log (with the candidate readings when there are several), not invented.
#ifndef XXGK_IMPORT_HPP
#define XXGK_IMPORT_HPP

#include <xxgk/cell.hpp>
#include <xxgk/format.hpp>
#include <xxgk/report.hpp>
#include <xxgk/validate.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

/// One entry of the import log: a decision the importer took, or something it skipped or could
/// not read. Codes are stable ("XXGK-I-050") and never reused; docs/import.md lists every one.
struct import_log_entry {
    xxgk::severity level = xxgk::severity::info;  ///< info: how it decided; warning: uncertain or skipped; error: lost
    std::string code;                             ///< stable code, e.g. "XXGK-I-050"
    std::string message;                          ///< what happened and why (English, with the printed Chinese text)
    std::string key;                              ///< the cell key, or "section.row" for a whole row; "" otherwise
    std::optional<provenance> where;              ///< line/column (text) or table/row/cell (HTML) of what it is about
    std::vector<std::string> candidates;          ///< the readings considered, when there were several
};
BOOST_DESCRIBE_STRUCT(import_log_entry, (), (level, code, message, key, where, candidates))

/// Options of `import_text` and `import_html`.
struct import_options {
    /// Force the format version instead of detecting it (the log says when the tables disagree).
    std::optional<format_version> format;
    /// Force the report year instead of reading it from the title or the statistics period.
    std::optional<int> year;
    /// Largest input accepted, in bytes (16 MiB by default; a published report is well under
    /// 1 MiB even as a full HTML page). A larger input throws errc::limit_exceeded before a byte
    /// is read. The importer's memory is a small multiple of its input (docs/security.md).
    std::size_t max_input_bytes = std::size_t{16} << 20;
};

/// What an import returns: the report and the log of every decision that was not certain.
struct import_result {
    report value;
    std::vector<import_log_entry> log;
};

/// Imports a report from plain text: text copied from a web page or converted from a PDF, with
/// tables as tab-separated lines, Markdown pipe tables, whitespace-separated lines or flattened
/// digit runs. Markdown markup (headings, bold, links, lists) is understood and removed.
///
/// Bad input never throws: whatever cannot be read is reported in the log, and cells that cannot
/// be located are `not_captured`. Invalid UTF-8 is replaced by U+FFFD (logged).
/// Throws `xxgk::error` (errc::invalid_value) only when the text is not a report at all: no title,
/// no section heading and no recognisable table; errc::limit_exceeded when the input is larger than
/// `options.max_input_bytes`. Throws std::bad_alloc.
/// Complexity: linear in the input, plus a bounded search for flattened digit runs.
import_result import_text(std::string_view text, const import_options& options = {});

/// Imports a report from an HTML page, parsed with libxml2's HTML parser (recovering from broken
/// markup, never touching the network). Tables are read as grids with `rowspan`/`colspan`
/// honoured; page chrome (script, style, nav, header and footer bars, share buttons, forms,
/// elements whose class or id names navigation, breadcrumbs, sharing, footers) is ignored.
/// Provenance of cells: table, row and cell index (0-based, document order; `table` counts every
/// <table> element of the document).
///
/// Same error behaviour as `import_text`.
import_result import_html(std::string_view html, const import_options& options = {});

/// The log as a JSON array (members as in `import_log_entry`), deterministic.
std::string import_log_to_json(const std::vector<import_log_entry>& log);

/// One entry of the import log catalog.
struct import_code_info {
    std::string_view code;      ///< "XXGK-I-050"
    xxgk::severity level;       ///< the severity the importer gives it
    std::string_view title;     ///< what it means (English)
};

/// Every code the importer can log, in code order. Lives for the whole program.
const std::vector<import_code_info>& import_code_catalog() noexcept;

}  // namespace xxgk

#endif
