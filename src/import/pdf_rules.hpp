// Importer internals: the ruling lines of a PDF's pages (table borders), read from the content
// streams with qpdf (pdf_rules.cpp). poppler's C++ API gives the text layer only; the borders
// tell the PDF reader where a box was printed empty (docs/import.md, "PDF").
#ifndef XXGK_IMPORT_PDF_RULES_HPP
#define XXGK_IMPORT_PDF_RULES_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// A horizontal or vertical rule, in the coordinates of poppler's text boxes: points, origin at
/// the top left of the page's crop box, y growing downwards.
struct ruling {
    double from = 0, to = 0;  ///< extent along the rule (x for horizontal, y for vertical), from < to
    double at = 0;            ///< position across it (y for horizontal, x for vertical)
};

/// The rules of one page. Only thin painted shapes count: stroked straight segments, and filled
/// rectangles at most 2.5 pt thick (browsers draw borders so); curves, large fills (cell
/// backgrounds) and white paint are not rules.
struct page_rules {
    std::vector<ruling> horizontal;
    std::vector<ruling> vertical;
};

/// What reading the rules found: one entry per page (pages not read, e.g. rotated ones, empty)
/// and, when the content could not be read (or the work budget ran out), why — the reader then
/// keeps to the text alone for those pages.
struct pdf_rules {
    std::vector<page_rules> pages;
    std::vector<std::string> problems;
};

/// Reads the rules of every page of `pdf` (`page_count` pages, as poppler counted them). Never
/// throws: a damaged or hostile content stream ends that page's rules and is named in `problems`.
/// Bounded: at most 1 million content-stream objects over the whole file, a page's (or a Form's)
/// content at most 32 MiB decoded (measured before it is parsed), Form XObjects nested at most 8
/// deep, at most 20,000 rules per page.
pdf_rules read_pdf_rules(std::string_view pdf, std::size_t page_count);

}  // namespace xxgk::import_detail

#endif
