// Importer internals: what a source (plain text or an HTML page) looks like once read — a flat
// sequence of blocks: lines of text and table rows. Everything after this point is shared by the
// text and the HTML importer.
#ifndef XXGK_IMPORT_DOCUMENT_HPP
#define XXGK_IMPORT_DOCUMENT_HPP

#include "fold.hpp"

#include <xxgk/cell.hpp>
#include <xxgk/import.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xxgk::import_detail {

/// One cell of a table row: a tab-separated field, a Markdown pipe cell, or one position of an
/// HTML table grid.
struct src_cell {
    std::string text;                 ///< printed text, trimmed, markup removed
    std::optional<provenance> where;  ///< line/column, or table/row/cell
    bool span_copy = false;           ///< a grid position covered by another cell's rowspan/colspan
    bool present = true;              ///< false: nothing at this grid position (a short row)
    /// The source itself says no value was captured here (class xxgk-not-captured of xxgk's
    /// renderer): empty, but not a printed empty cell.
    bool unprinted = false;
    /// The source itself says this is a value box (class xxgk-value of xxgk's renderer): its text
    /// is a cell's value even when it is not a number ("若干"), never a label.
    bool value_box = false;
};

/// A line of text or a table row, in document order.
struct block {
    enum class kind { line, row };
    kind type = kind::line;
    /// line: the text without markup. row: the row as printed (origin cells joined by tabs).
    std::string text;
    /// line: the text with "**" around bold spans (they delimit subsection titles).
    std::string marked;
    int heading = 0;         ///< 1–6 when marked as a heading (Markdown #, <h1>–<h6>)
    bool list_item = false;  ///< a Markdown or HTML list item
    bool html = false;       ///< from an HTML page: one block is one paragraph
    /// >= 0: inside the n-th region marked as foreign by the xxgk renderer (aside.xxgk-foreign,
    /// one number per div.xxgk-foreign-block).
    int foreign_group = -1;
    /// A PDF grid row that may be the rest of the row above it, split by a page break (its label
    /// goes on without an ordinal, it prints no value): the table reader joins the two when the
    /// joined label is a row label of the format, and otherwise does not take its empty boxes
    /// for cells printed empty.
    bool split_continuation = false;
    /// A row of a PDF table read from its rules (every box drawn): its label is whole in its box
    /// (never the start of a label that goes on in the next row, but for `split_continuation`),
    /// and its empty boxes are cells seen empty.
    bool ruled = false;
    provenance where;             ///< line and column (text), table and row (HTML rows), line (HTML)
    std::vector<src_cell> cells;  ///< row only
    /// fold(text), made once on first use by `folded_text` (the assembler tests a block many times).
    mutable std::optional<std::u32string> folded;
};

/// A grid row's text as `block::text` holds it: the cells of its own (no span copies, no absent
/// positions) joined by tabs, without leading or trailing empty cells; empty cells between values
/// stay as empty fields. The HTML and Word readers make their row blocks' text with it.
inline std::string grid_row_text(const std::vector<src_cell>& cells) {
    std::string text;
    for (const src_cell& c : cells) {
        if (c.span_copy || !c.present) continue;
        if (!text.empty() || !c.text.empty()) {
            if (!text.empty()) text += '\t';
            text += c.text;
        }
    }
    while (!text.empty() && text.back() == '\t') text.pop_back();
    return text;
}

/// fold(b.text), folded on the first call only.
inline const std::u32string& folded_text(const block& b) {
    if (!b.folded) b.folded = fold(b.text);
    return *b.folded;
}

/// A value read by OCR (ocr_source.cpp): where it stands on its page and its readings.
struct ocr_value {
    std::uint32_t page = 0;
    double l = 0, t = 0, r = 0, b = 0;  ///< points, origin top left
    std::string text;                   ///< what the page's words give the cell (the best reading)
    /// Digits-only readings, best first: text and confidence (0–100).
    std::vector<std::pair<std::string, int>> readings;
    bool certain = false;  ///< one reading, every character recognised with high confidence
};

/// A mark of ink on a scanned page (ocr_source.cpp): a character-sized connected component once
/// the rules are removed. A box the table reader saw empty must hold none.
struct ocr_ink {
    std::uint32_t page = 0;
    double l = 0, t = 0, r = 0, b = 0;  ///< points, origin top left
};

/// A source once read.
struct document {
    std::vector<block> blocks;
    std::optional<std::string> html_title;  ///< <title> of an HTML page
    std::vector<import_log_entry> log;      ///< what reading the source itself decided
    /// Every block's text is valid UTF-8 (read_text's blocks are pieces of valid text).
    bool valid_utf8 = false;
    /// Scanned pages (OCR): the values read, for `settle_ocr`; pages read from a text layer.
    std::vector<ocr_value> ocr_values;
    std::vector<import_detail::ocr_ink> ocr_ink;
    /// The pages read by OCR (1-based numbers, in reading order): the table reader reads a row label
    /// by its place only on them (docs/import.md, "Scanned pages").
    std::vector<std::uint32_t> ocr_pages;
    std::size_t text_layer_pages = 0;
};

/// Reads plain text, which must be valid UTF-8 (it is not checked again; `sanitize_utf8` first): lines, tab-separated and pipe rows, Markdown markup.
document read_text(std::string_view text);
/// Reads an HTML page with libxml2: blocks, data tables as grids, page chrome left out.
document read_html(std::string_view html);
/// Reads a PDF's text layer with poppler (pdf_source.cpp): lines of text, and table rows rebuilt
/// from the words' geometry, cells with page and box. Throws `error` (errc::no_text_layer,
/// errc::encrypted, errc::invalid_value) as `import_pdf` documents.
/// `ocr`: pages with no text layer are rendered and read by OCR (in a build with XXGK_WITH_OCR).
document read_pdf(std::string_view pdf, bool ocr = false);
/// Reads a Word document with libzip and libxml2 (docx_source.cpp): paragraphs as lines, tables as
/// grids (gridSpan, vMerge). At most `max_unpacked_bytes` are unpacked. Throws `error` as
/// `import_docx` documents.
document read_docx(std::string_view docx, std::size_t max_unpacked_bytes);
/// Throws for an OLE2 compound file (docx_source.cpp): errc::encrypted for an encrypted Office
/// package, errc::unsupported_kind (naming the conversion) for a legacy .doc/.wps; returns for
/// anything else.
void refuse_ole2(std::string_view bytes);

/// Most attributes one element may have in an HTML page or a Word part: libxml2 2.9 checks each
/// new attribute against all before it (work quadratic in their number).
constexpr std::size_t max_attributes_per_element = 128;

/// Throws `error` (errc::limit_exceeded, naming `what` and the line) when an element of `markup`
/// (HTML or XML) has more than `max_attributes_per_element` attributes. One linear pass, before
/// the markup reaches libxml2.
void refuse_many_attributes(std::string_view markup, const char* what);

/// Appends HTML text with white space collapsed: each run of white space (U+00A0 included, pages
/// indent with it) becomes one space, none at the start of `out`.
void append_collapsed(std::string& out, std::string_view s);

/// The block of one paragraph of an HTML page or a Word document (`block::html`: never joined
/// with the next), from its text and its text with "**" bold marks, both trimmed; nullopt when the
/// paragraph is blank.
std::optional<block> paragraph_block(std::string_view text, std::string_view marked, int heading, bool list_item);

/// Removes inline Markdown from a line: links and images keep their text, autolinks their URL;
/// `marked` keeps "**" bold markers, `clean` has none.
void markdown_inline(std::string_view line, std::string& clean, std::string& marked);

}  // namespace xxgk::import_detail

#endif
