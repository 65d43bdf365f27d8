// xxgk — a report for people: HTML in the national template's layout, Markdown, CSV (docs/render.md).
//
//   std::string page = xxgk::render_html(r);                  // standalone page with CSS
//   xxgk::render_options o; o.standalone = false;            // a fragment for a CMS page
//   auto findings = xxgk::validate(r); o.findings = &findings; // highlight cells with findings
//   std::string md = xxgk::render_markdown(r);
//   for (const xxgk::csv_table& t : xxgk::render_csv_tables(r)) save(t.name + ".csv", t.csv);
//
// The tables of sections 二, 三 and 四 are laid out from the label tables (labels.hpp) and the
// cell keys (keys.hpp): the same header texts, merged cells and row order as the template of the
// report's format. Nothing of the report is ever emitted unescaped.
#ifndef XXGK_RENDER_HPP
#define XXGK_RENDER_HPP

#include <xxgk/report.hpp>
#include <xxgk/validate.hpp>

#include <string>
#include <vector>

namespace xxgk {

/// How `render_html` writes a report.
struct render_options {
    /// true: a whole page (doctype, <head> with charset, title, a restrictive Content-Security-Policy
    /// and the stylesheet). false: one <article class="xxgk-report"> element to embed in a page
    /// whose stylesheet styles the documented classes.
    bool standalone = true;
    /// Findings to highlight, usually `validate(r)`; not owned, may be null. A value cell named by
    /// a finding's `key` gets the class `xxgk-finding` and `xxgk-severity-<severity>` (the highest),
    /// `data-findings` with the codes, and a `title` with the messages; each table is followed by a
    /// visible list of the findings about its cells (`<aside class="xxgk-findings">`).
    const std::vector<finding>* findings = nullptr;
    /// "zh" or "en": the language of highlighted findings' messages and of the notes the renderer
    /// adds. Labels and report text are Chinese whatever the language.
    std::string lang = "zh";
};

/// The report as HTML5 (UTF-8). Value cells carry the class `xxgk-value`, a state class
/// (`xxgk-number`, `xxgk-blank`, `xxgk-not-applicable`, `xxgk-text`, `xxgk-not-captured`) and
/// `data-key="<canonical key>"`; a blank cell is empty (never 0); not-applicable and text cells
/// show their printed text. All report text is escaped and no URL becomes a link.
/// Material kept as `foreign_blocks` is rendered in a marked `<aside class="xxgk-foreign">`.
/// Throws `error` (errc::invalid_value) for a language other than "zh" or "en".
/// Complexity: linear in the size of the report.
std::string render_html(const report& r, const render_options& options = {});

/// The stylesheet of the standalone page: what makes a fragment (`standalone = false`, the CLI's
/// `--to html-fragment`) look like the national form — ruled grid, merged header cells, highlighted
/// findings and the list of findings after each table. Every class is documented in docs/render.md;
/// serve it once (`xxgk render --css`) beside embedded fragments. Static storage; never throws.
std::string_view render_css();

/// The report as Markdown (CommonMark + GFM pipe tables): headings, paragraphs, one pipe table per
/// CSV table (see `render_csv_tables`). Report text is escaped so that it renders as the text it
/// is: no raw HTML, no emphasis, no links other than what a GFM renderer autolinks.
std::string render_markdown(const report& r);

/// One official table as CSV.
struct csv_table {
    std::string name;  ///< "proactive.article_20_1" … (one per block of 二), "requests", "review_litigation"
    std::string csv;   ///< RFC 4180, UTF-8, "\n" line ends; first line: the official labels
};

/// The official grid as CSV, one table per block of section 二 (第二十条第（一）项 …), one for 三 and
/// one for 四, in table order. Header cells are the official labels, group levels joined by " › ";
/// value cells hold what the HTML shows. The long format (one line per cell) is `to_cells_csv`.
std::vector<csv_table> render_csv_tables(const report& r);

}  // namespace xxgk

#endif
