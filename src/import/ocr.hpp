// Importer internals: scanned pages (图片版) read by OCR — Tesseract's C++ API for the words,
// Leptonica for the page image (deskew, binarisation, the table rules) — and the arithmetic as the
// proof-reader of the digits (docs/import.md, "Scanned pages").
//
// An OCR'd page becomes what the PDF text layer gives: words with boxes in points (origin top
// left) and the page's rules, so the same reader rebuilds its tables (pdf_source.cpp,
// read_placed_pages). Every number-like word is read again on its own box with a digits-only
// setting; its readings (with confidences) travel in `document::ocr_values` to `settle_ocr`,
// which runs after the assembler and keeps, settles by the identities, or flags each value.
#ifndef XXGK_IMPORT_OCR_HPP
#define XXGK_IMPORT_OCR_HPP

#include "document.hpp"
#include "pdf_rules.hpp"

#include <xxgk/import.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// A word placed on a page: points, origin at the page's top left, y growing downwards (the
/// coordinates of poppler's text boxes).
struct placed_word {
    std::string text;
    double l = 0, t = 0, r = 0, b = 0;
    bool space_after = false;
};

/// A page whose words and rules were found without a text layer (OCR).
struct placed_page {
    std::uint32_t number = 0;  ///< 1-based
    double height = 0;         ///< points
    std::vector<placed_word> words;
    page_rules rules;
    std::vector<ocr_value> values;  ///< the number-like words, read again digits-only
    std::vector<ocr_ink> ink;       ///< marks of ink the size of a character (rules removed)
    // What reading the image did, for the log (XXGK-I-115).
    int width_px = 0, height_px = 0;
    double dpi = 0;           ///< resolution the page was read at
    double skew_degrees = 0;  ///< rotation corrected
    std::size_t marks = 0;    ///< ink no word covered, read on its own
};

/// A page image: 8-bit grey, one byte per pixel, rows `stride` bytes apart.
struct gray_image {
    const unsigned char* data = nullptr;
    int width = 0, height = 0, stride = 0;
    double dpi = 0;  ///< pixels per inch
};

/// The steps `ocr_page` takes to prepare a page and read its digits, each on by default. Only the
/// hand-run measurement (tests/ocr/ocr_measure.cpp --without STEP) turns one off, to measure what
/// the step is worth (docs/import.md, "Scanned pages": the table of each step's effect).
struct ocr_steps {
    bool deskew = true;        ///< straighten the page by the skew of its text lines (pixFindSkew)
    bool otsu = true;          ///< binarise by Otsu's threshold (off: a fixed threshold at grey 128)
    bool rules = true;         ///< find the table rules by morphology (off: tables from the words alone)
    bool join_rules = true;    ///< join a rule's broken pieces; drop short rules no other rule meets
    bool remove_rules = true;  ///< paint the rules out before recognition (off: Tesseract sees them)
    bool zoom = true;          ///< a second digits-only pass scaled up, for text under 40 pixels
};

/// The steps OCR takes in this process. Set them before importing, never while an import runs
/// (measurement only: an import never changes them).
ocr_steps& ocr_steps_in_use();

/// A word OCR read that may be a printed number: digits (or letters OCR gives for digits: O for
/// 0, l and | for 1 …) and number punctuation only, at least one digit-like character. Such a
/// word is read again digits-only, and its value may be certain.
bool number_like(std::string_view text);

/// A word of digits with marks beside them that no number prints ("]1", "(2", "1丨"): a rule's
/// residue, or a bracket OCR made of a box's edge, joined to the digits. Read again digits-only
/// when it stands alone, its readings only candidates for the identities, never certain.
bool digits_with_stray_marks(std::string_view text);

/// Resolution at which a scanned PDF page is rendered for OCR.
constexpr double ocr_render_dpi = 200;

/// Pages read by OCR rebuilt into a document, tables and all, as a PDF's pages are
/// (pdf_source.cpp). Throws `error` (errc::invalid_value) when no text was recognised at all.
document read_placed_pages(std::vector<placed_page> pages);

/// Reads one page image: deskew, binarisation, table rules (Leptonica), words (Tesseract,
/// chi_sim), every number-like word again digits-only (eng) with its alternatives. Never throws
/// for what the image shows; throws `error` (errc::unsupported_kind) when Tesseract's language
/// data cannot be loaded.
placed_page ocr_page(const gray_image& image, std::uint32_t number);

/// Decodes PNG, JPEG or TIFF bytes (every page of a TIFF) with Leptonica and reads each page as
/// `ocr_page` does. Throws `error` (errc::invalid_value) for bytes that are no readable image.
std::vector<placed_page> ocr_image_file(std::string_view bytes);

/// After the assembler: every number cell read from an OCR value is kept when the reading was
/// certain, settled by the identities when exactly one combination of the uncertain cells'
/// readings satisfies every identity they take part in, and otherwise flagged (unreadable text,
/// candidates in the log). A cell read blank on a scanned page whose box holds ink is not captured.
/// `read`: the document as read (its OCR values, ink and pages; its blocks are not used). Logs per cell (XXGK-I-110 … I-113) and one summary line (XXGK-I-114).
void settle_ocr(import_result& result, const document& read);

}  // namespace xxgk::import_detail

#endif
