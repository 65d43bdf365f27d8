// xxgk — import published reports (plain text, HTML pages, PDF and Word files) into the typed
// model (docs/import.md).
//
//   xxgk::import_result f = xxgk::import_file("report.pdf");  // any kind, detected from the bytes
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
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
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

/// The kinds of source the importer reads (docs/import.md has a table of what is recognised in each).
enum class source_kind : std::uint8_t {
    text,   ///< plain text: copied from a page, converted from a PDF, Markdown from a converter
    html,   ///< an HTML page
    pdf,    ///< a PDF with a text layer (made with WPS, Word, a browser, …)
    docx,   ///< a Word document (.docx: Office Open XML; WPS writes it too)
    image,  ///< a scanned page or a picture of one (PNG, JPEG, TIFF): read by OCR
};
BOOST_DESCRIBE_ENUM(source_kind, text, html, pdf, docx, image)

/// Options of every import function.
struct import_options {
    /// Force the kind of source instead of detecting it from the bytes (`import_bytes`,
    /// `import_file`; ignored by the functions that name their kind).
    std::optional<source_kind> kind;
    /// Force the format version instead of detecting it (the log says when the tables disagree).
    std::optional<format_version> format;
    /// Force the report year instead of reading it from the title or the statistics period.
    std::optional<int> year;
    /// Largest input accepted, in bytes (16 MiB by default; a published report is well under
    /// 1 MiB even as a full HTML page). A larger input throws errc::limit_exceeded before a byte
    /// is read. The importer's memory is a small multiple of its input (docs/security.md).
    std::size_t max_input_bytes = std::size_t{16} << 20;
    /// The work one import may do, in steps (`import_result::work_steps` says what counts; about
    /// 2–8 million steps a second). A published report needs a few thousand; when the budget is
    /// spent, the rows not yet aligned are `not_captured` (XXGK-I-101), never guessed. Reading the
    /// page itself is linear and bounded by the input limit; the budget bounds the searches.
    std::size_t max_work_steps = std::size_t{10000000};
    /// Log entries kept per code (a report has 200 statistical cells, so no real import reaches
    /// the default); the others are counted in one XXGK-I-100 entry per code at the end of the log.
    std::size_t max_log_entries_per_code = 500;
    /// Read pages without a text layer (scanned PDFs, images) by OCR (Tesseract; docs/import.md,
    /// "Scanned pages"). Off: a scanned PDF is errc::no_text_layer and an image
    /// errc::unsupported_kind; in a build without OCR (`ocr_available`) the same PDF is
    /// errc::no_text_layer and an image errc::unavailable.
    bool ocr = true;
};

/// What an import returns: the report and the log of every decision that was not certain.
struct import_result {
    report value;
    std::vector<import_log_entry> log;
    /// The work the import did, in deterministic steps: one per 16 bytes of an HTML page parsed,
    /// HTML elements and text nodes visited,
    /// table grid positions filled, alignment and digit-run search steps, cells of the readings
    /// kept. Grows linearly with the input (docs/security.md, "Bounded work"); at most
    /// `import_options::max_work_steps` plus the last step's cost.
    std::size_t work_steps = 0;
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
/// Same error behaviour as `import_text`; errc::unavailable in a build without the HTML reader
/// (CMake option XXGK_WITH_HTML=OFF, as the WebAssembly build).
import_result import_html(std::string_view html, const import_options& options = {});

/// Imports a report from a PDF file's bytes, read with poppler: the text layer's words with their
/// boxes; tables rebuilt from geometry (columns from the header cells, rows from the lines, labels
/// broken over lines joined, vertical group labels, tables split across pages joined, page
/// headers, footers and numbers dropped). A cell is `blank` only when its box in the table is
/// seen empty. Provenance of cells: page and box, and the rebuilt table's table/row/cell.
///
/// Pages without a text layer (scans) are read by OCR as `import_image` reads an image, unless
/// `options.ocr` is off or the library was built without OCR.
///
/// Throws `xxgk::error`: errc::no_text_layer for a PDF with no text (a scan) when OCR is off,
/// errc::encrypted
/// for a password-protected one, errc::invalid_value for bytes that are not a readable PDF or a
/// PDF that is not a report, errc::limit_exceeded as `import_text`. Never crashes on damaged input.
/// errc::unavailable in a build without the PDF reader (XXGK_WITH_PDF=OFF).
import_result import_pdf(std::string_view pdf, const import_options& options = {});

/// Imports a report from a Word document's bytes (.docx, a zip of XML read with libzip and
/// libxml2): paragraphs give the narrative; tables are explicit (`w:tbl`, `w:gridSpan`,
/// `w:vMerge`), so cells land exactly, merged cells included. Provenance of cells: table, row and
/// cell (0-based, document order).
///
/// Throws `xxgk::error`: errc::unsupported_kind for a legacy .doc/.wps (the message names the
/// conversion `soffice --headless --convert-to docx`) or a zip that is not a Word document,
/// errc::encrypted for a password-protected file, errc::invalid_value for a damaged file or a
/// document that is not a report, errc::limit_exceeded as `import_text` (the limit applies to
/// the file and to what it unpacks to); errc::unavailable in a build without the Word reader
/// (XXGK_WITH_WORD=OFF).
import_result import_docx(std::string_view docx, const import_options& options = {});

/// One cell as printed (typed into a form, or copied from a table), read as the importer reads a
/// printed cell of kind `kind` (formats.md §10): empty or white space → blank; "-", "—", "/",
/// "不适用" → not applicable; a number with sign, thousands separators, decimals and a unit
/// ("1,234", "17424.88 万元", "-3") → a number, with 元/万元 as its unit for money kinds; anything
/// else → text (unreadable; validation reports it, XXGK-V-007). Full-width forms are read as ASCII.
/// The printed text is kept as the cell's raw text unless the cell is blank or the text is exactly
/// the value as the library prints it ("12"), so that typing a plain number gives a plain number.
/// Never throws for any text (std::bad_alloc aside).
cell read_printed_cell(std::string_view printed, value_kind kind);

/// Imports a report from a scanned page or pictures of the pages: PNG, JPEG or TIFF bytes (every
/// page of a multi-page TIFF), read by OCR (Tesseract, chi_sim) — the words and the table rules
/// rebuilt into tables as a PDF's text layer is. Every number is read again digits-only; a value
/// that is not certain is settled by the identities only when exactly one combination of the
/// uncertain readings satisfies them all, and is otherwise kept as unreadable text with its
/// readings in the log (XXGK-I-110 … I-115). Provenance of cells: page and box (points, at the
/// image's resolution; 1/8.27 of the width per inch when the file declares none).
///
/// Throws `xxgk::error`: errc::unavailable in a build without OCR (XXGK_WITH_OCR=OFF,
/// `ocr_available`); errc::unsupported_kind when OCR is off (`options.ocr`) or Tesseract's language
/// data is missing; errc::invalid_value for bytes that are no readable image or an image that is not
/// a report; errc::limit_exceeded for an input over `options.max_input_bytes` or a page over 64
/// million pixels.
import_result import_image(std::string_view image, const import_options& options = {});

/// True when the library was built with OCR (CMake option XXGK_WITH_OCR): scanned PDFs and images
/// can be imported.
bool ocr_available() noexcept;

/// The kind of source `bytes` hold, decided from the bytes alone: `%PDF-` → pdf, a zip holding
/// `word/document.xml` → docx, markup of an HTML page → html, anything else → text.
/// Throws `xxgk::error` for kinds that are recognised but not read: errc::unsupported_kind for
/// legacy Word/WPS (OLE2 compound files), Excel workbooks, other zip files, images and RTF (the
/// message names what to do), errc::encrypted for a password-protected Office file.
source_kind detect_source_kind(std::string_view bytes);

/// The kind a file's name says: .txt .text .md .markdown → text; .html .htm .xhtml .shtml .jsp
/// .asp .aspx .php → html; .pdf → pdf; .docx → docx; .png .jpg .jpeg .tif .tiff → image (case-insensitive); nothing
/// for other names.
/// `xxgk import`, `xxgk corpus` and Python's `import_file` take a text or HTML extension as the
/// kind (a page saved as .html is HTML whatever its first bytes) and detect the others from the bytes.
std::optional<source_kind> source_kind_by_extension(std::string_view path) noexcept;

/// Imports a report from the bytes of a file of any kind the importer reads: the kind is
/// `options.kind` or detected (`detect_source_kind`); text and HTML are decoded from UTF-8,
/// UTF-16 with a byte order mark, or GBK/GB18030 (an HTML page's `<meta charset>` is honoured;
/// in plain text GB18030 is recognised when the bytes are not UTF-8). The log says which kind and
/// encoding were taken (XXGK-I-090, XXGK-I-091). Throws what the function of that kind throws.
import_result import_bytes(std::string_view bytes, const import_options& options = {});

/// Reads the file at `path` (at most `options.max_input_bytes`; devices and FIFOs are refused)
/// and imports it with `import_bytes`. Throws `xxgk::error` (errc::io_error) when the file
/// cannot be read, and what `import_bytes` throws.
import_result import_file(const std::string& path, const import_options& options = {});

/// How many of a report's cells an import read, saw blank or could not capture.
struct import_counts {
    std::size_t read = 0;          ///< numbers, not-applicable marks and unreadable text taken from the source
    std::size_t blank = 0;         ///< blank: an empty cell seen in the source
    std::size_t not_captured = 0;  ///< not located, or not read with certainty
};
BOOST_DESCRIBE_STRUCT(import_counts, (), (read, blank, not_captured))

/// Counts the states of the statistical cells of `r` (the `xxgk import` summary line).
import_counts count_import(const report& r);

/// The log as a JSON array (members as in `import_log_entry`), deterministic.
std::string import_log_to_json(const std::vector<import_log_entry>& log);

/// One entry of the import log catalog.
struct import_code_info {
    std::string_view code;   ///< "XXGK-I-050"
    xxgk::severity level;    ///< the severity the importer gives it
    std::string_view title;  ///< what it means (English)
};
BOOST_DESCRIBE_STRUCT(import_code_info, (), (code, level, title))

/// Every code the importer can log, in code order. Lives for the whole program.
const std::vector<import_code_info>& import_code_catalog() noexcept;

}  // namespace xxgk

#endif
