#include "log.hpp"

#include "../json_writer.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <cassert>

namespace xxgk {
namespace {

using S = severity;

// Every code the importer can log. Stable: never renumbered, never reused (docs/import.md).
const std::vector<import_code_info> catalog{
    // The document and its format
    {"XXGK-I-001", S::info, "format version detected from the table labels"},
    {"XXGK-I-002", S::warning, "the table labels and the report year name different formats; the tables decide"},
    {"XXGK-I-003", S::warning, "the table labels contradict each other (mixed format)"},
    {"XXGK-I-004", S::warning, "no table label decides the format; taken from the report year"},
    {"XXGK-I-005", S::info, "format version forced by the caller"},
    {"XXGK-I-006", S::warning, "the forced format version contradicts the table labels"},
    {"XXGK-I-007", S::info, "report year determined"},
    {"XXGK-I-008", S::warning, "the title, the statistics period or the caller name different report years"},
    {"XXGK-I-009", S::error, "no report year found"},
    {"XXGK-I-010", S::error, "report year before 2019: the statistics of the old 条例 are out of scope"},
    {"XXGK-I-011", S::warning, "invalid UTF-8 replaced by U+FFFD"},
    {"XXGK-I-012", S::info, "HTML page chrome ignored"},
    // Header, preamble, signature
    {"XXGK-I-013", S::warning, "title not found"},
    {"XXGK-I-014", S::warning, "issuing body not found in the title"},
    {"XXGK-I-015", S::info, "administrative level inferred from the body's name"},
    {"XXGK-I-016", S::warning, "page text outside the report skipped (before the title, page metadata)"},
    {"XXGK-I-017", S::warning, "text after the signature skipped"},
    {"XXGK-I-018", S::info, "preamble item not found"},
    {"XXGK-I-019", S::warning, "signature not found"},
    // Sections and narrative
    {"XXGK-I-020", S::warning, "section heading not found"},
    {"XXGK-I-021", S::info, "section heading recognised with wording other than the template's"},
    {"XXGK-I-022", S::warning, "section recognised by its ordinal or its table only"},
    {"XXGK-I-023", S::info, "foreign content kept as a foreign block"},
    {"XXGK-I-024", S::warning, "subsection numbering skips a number"},
    {"XXGK-I-025", S::warning, "text inside a table section not recognised; skipped"},
    {"XXGK-I-026", S::info, "information processing fee statement read"},
    // Table labels and layout
    {"XXGK-I-027", S::info, "publication date read from the page's metadata"},
    {"XXGK-I-028", S::info, "table label split over lines joined"},
    {"XXGK-I-029", S::info, "report scope inferred (本级政府汇总 or 本机关)"},
    {"XXGK-I-030", S::warning, "label matched tolerantly (typo or variant of the official label)"},
    {"XXGK-I-031", S::info, "bracketed note in a label ignored for matching"},
    {"XXGK-I-032", S::info, "traditional script converted for matching"},
    {"XXGK-I-033", S::warning,
     "row not in the format (a provincial extra, or a row of the other format); kept only in this log"},
    {"XXGK-I-034", S::info, "group label repeated (page break); read as a continuation"},
    {"XXGK-I-035", S::info, "table header repeated (page break)"},
    {"XXGK-I-036", S::warning, "table header lost or not recognised; columns mapped by position"},
    {"XXGK-I-037", S::warning, "row printed twice; the later one ignored"},
    {"XXGK-I-038", S::warning, "row not found; its cells are not captured"},
    {"XXGK-I-039", S::error, "table not found; its cells are not captured"},
    // Cells
    {"XXGK-I-040", S::warning, "cell text is not a number; kept as unreadable text"},
    {"XXGK-I-041", S::warning, "unit written in a cell does not fit the column"},
    // The trust rule: blank only for an empty cell the source shows (docs/import.md)
    {"XXGK-I-042", S::warning,
     "row found with no value and no empty cell printed; its cells are not captured, not blank"},
    {"XXGK-I-043", S::warning,
     "alignment placed empty cells where the source prints none; those cells are not captured, not blank"},
    {"XXGK-I-044", S::warning,
     "grid position without a cell of its own (spanned by a value, or a short row); not captured, not blank"},
    {"XXGK-I-045", S::warning, "row printed twice with different values; the cells that differ are not captured"},
    {"XXGK-I-046", S::info, "row label printed twice; the occurrence with values is read"},
    {"XXGK-I-047", S::info, "page number or prose after a table row's values removed from the row"},
    {"XXGK-I-048", S::warning,
     "section heading numbered otherwise than the template (a section omitted); read by its wording"},
    {"XXGK-I-049", S::warning,
     "the whole page on one line; cut into lines at its section headings, table labels, title and signature"},
    // Alignment and flattened digit runs
    {"XXGK-I-050", S::warning, "row cells do not line up with the header; alignment chosen by the identities"},
    {"XXGK-I-051", S::warning, "row alignment ambiguous; the cells that differ between readings are not captured"},
    {"XXGK-I-060", S::warning, "flattened digit run split: the identities admit exactly one reading"},
    {"XXGK-I-061", S::warning, "flattened digit run ambiguous; cells kept as unreadable text"},
    {"XXGK-I-062", S::warning, "flattened digit run has no reading; cells kept as unreadable text"},
    {"XXGK-I-063", S::warning,
     "one cell per line (pdftotext without -layout): values not placed with certainty; the cells are not captured"},
    {"XXGK-I-064", S::info,
     "one cell per line (pdftotext without -layout): a row rebuilt from values placed with certainty"},
    // PDF (pdf_source.cpp) and deductions from printed zeros (tables.cpp)
    {"XXGK-I-070", S::info, "PDF page headers and footers (page numbers) dropped"},
    {"XXGK-I-071", S::info, "PDF table rebuilt from the text geometry (rows, columns, header)"},
    {"XXGK-I-072", S::warning,
     "PDF value stands between two columns, or two values in one column; the cells are not captured"},
    {"XXGK-I-073", S::warning,
     "sub-row not printed, its parent row printed 0 in every column: its cells are 0 by arithmetic"},
    {"XXGK-I-074", S::warning,
     "PDF table rules could not be read (damaged content, rotated page, over the limits); those pages' tables are "
     "rebuilt from the text alone"},
    {"XXGK-I-075", S::info,
     "PDF table read from its rules, box by box (a number wrapped over lines in one box is joined)"},
    {"XXGK-I-076", S::warning,
     "PDF row split by a page break: joined where the joined label is a row label, else its empty boxes are not blank"},
    // Word documents (docx_source.cpp)
    {"XXGK-I-080", S::info, "Word document read (paragraphs, tables, the parts read and not read)"},
    {"XXGK-I-081", S::info, "tracked changes: deleted text (w:del, w:moveFrom) skipped, inserted text read"},
    {"XXGK-I-082", S::info, "hidden text (w:vanish) skipped"},
    {"XXGK-I-083", S::info, "text boxes and alternate content read once (one branch of mc:AlternateContent)"},
    {"XXGK-I-084", S::info, "layout table (a table holding tables) read as text, not as a grid"},
    {"XXGK-I-085", S::warning,
     "table structure repaired: a merge continuation with no cell to continue, a span beyond the grid"},
    {"XXGK-I-086", S::warning, "text in a merged continuation cell not read (Word does not show it)"},
    {"XXGK-I-087", S::warning,
     "word/styles.xml missing or unreadable: headings known from style ids and outline levels only"},
    {"XXGK-I-088", S::info, "automatic numbering of paragraphs written from word/numbering.xml"},
    {"XXGK-I-089", S::warning, "word/numbering.xml unreadable: automatic numbers of paragraphs not written"},
    // The source's kind and encoding (import_bytes, import_file)
    {"XXGK-I-090", S::info, "kind of source detected from the bytes, or forced by the caller"},
    {"XXGK-I-091", S::info,
     "text encoding decided (UTF-8, UTF-16 with a byte order mark, GB18030/GBK, the page's declaration)"},
    // Bounded work and memory (docs/security.md)
    {"XXGK-I-100", S::warning,
     "more log entries of one code than import_options::max_log_entries_per_code; the rest counted, not listed"},
    {"XXGK-I-101", S::warning,
     "the import's work budget (import_options::max_work_steps) is spent; rows not yet aligned are not captured"},
    {"XXGK-I-102", S::warning,
     "HTML tables beyond the grid limit (positions per input byte) not read; their cells are not captured"},
    {"XXGK-I-103", S::warning,
     "HTML table row wider than the grid limit (256 columns) not read; its cells are not captured"},
    // Scanned pages: OCR (ocr_source.cpp, ocr_settle.cpp)
    {"XXGK-I-110", S::info,
     "cell read by OCR (confidence, readings) or from the text layer of a PDF whose other pages were read by OCR"},
    {"XXGK-I-111", S::warning,
     "OCR value settled by the identities: exactly one combination of the uncertain cells' readings satisfies every "
     "identity they take part in"},
    {"XXGK-I-112", S::warning,
     "OCR value not certain and not settled by the identities; kept as unreadable text, its readings listed"},
    {"XXGK-I-113", S::warning,
     "OCR value read with certainty in an identity that fails with every reading (a defect of the report, or a "
     "misread); kept as unreadable text"},
    {"XXGK-I-114", S::info,
     "OCR summary: cells from the text layer, OCR certain, OCR settled by the identities, flagged"},
    {"XXGK-I-115", S::info, "page read by OCR (no text layer): its size, skew corrected, rules and words found"},
    {"XXGK-I-116", S::warning,
     "OCR: the table labels read by OCR name another format than the report year; read in the year's format"},
};

}  // namespace

const std::vector<import_code_info>& import_code_catalog() noexcept { return catalog; }

std::string import_log_to_json(const std::vector<import_log_entry>& log) {
    std::string out;
    detail::json_writer w(out);
    w.begin_array();
    for (const import_log_entry& e : log) {
        w.begin_object();
        w.key("level");
        w.string(boost::describe::enum_to_string(e.level, "info"));
        w.key("code");
        w.string(e.code);
        w.key("message");
        w.string(e.message);
        w.key("key");
        w.string(e.key);
        if (e.where) {
            w.key("where");
            w.begin_object();
            const provenance& p = *e.where;
            const auto member = [&](const char* name, const std::optional<std::uint32_t>& v) {
                if (!v) return;
                w.key(name);
                w.integer(*v);
            };
            member("line", p.line);
            member("column", p.column);
            member("table", p.table);
            member("row", p.row);
            member("cell", p.cell);
            w.end_object();
        }
        w.key("candidates");
        w.begin_array();
        for (const std::string& c : e.candidates) w.string(c);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    return out;
}

namespace import_detail {

namespace {
thread_local import_session* current_session = nullptr;
}  // namespace

import_session::import_session(const import_options& options) : outer_(current_session) {
    budget_.limit = options.max_work_steps;
    max_per_code_ = options.max_log_entries_per_code;
    current_session = this;
}

import_session::~import_session() { current_session = outer_; }

import_session* import_session::current() noexcept { return current_session; }

work_budget& import_session::budget() noexcept { return outer_ ? outer_->budget() : budget_; }

bool import_session::admit(std::string_view code) {
    if (outer_) return outer_->admit(code);
    for (auto& [c, n] : kept_)
        if (c == code) {
            if (n < max_per_code_) {
                ++n;
                return true;
            }
            for (auto& [s, m] : suppressed_)
                if (s == code) {
                    ++m;
                    return false;
                }
            suppressed_.emplace_back(std::string(code), 1);
            return false;
        }
    if (max_per_code_ == 0) {
        kept_.emplace_back(std::string(code), 0);
        suppressed_.emplace_back(std::string(code), 1);
        return false;
    }
    kept_.emplace_back(std::string(code), 1);
    return true;
}

std::size_t import_session::finish(std::vector<import_log_entry>& log) {
    if (outer_) return 0;
    import_session* self = current_session;
    current_session = nullptr;  // the summaries themselves are never suppressed
    for (const auto& [code, n] : suppressed_)
        log_entry(log, "XXGK-I-100",
                  std::to_string(n) + " more entries of " + code + " not listed (the first " +
                      std::to_string(max_per_code_) + " are; import_options::max_log_entries_per_code)",
                  code);
    current_session = self;
    return budget_.used;
}

work_budget& current_budget() noexcept {
    if (current_session) return current_session->budget();
    thread_local work_budget unlimited;
    unlimited.limit = static_cast<std::size_t>(-1);
    unlimited.used = 0;
    return unlimited;
}

void log_entry(std::vector<import_log_entry>& log, std::string_view code, std::string message, std::string key,
               std::optional<provenance> where, std::vector<std::string> candidates) {
    if (current_session && !current_session->admit(code)) return;
    const auto it =
        std::find_if(catalog.begin(), catalog.end(), [&](const import_code_info& i) { return i.code == code; });
    assert(it != catalog.end());
    import_log_entry e;
    e.level = it != catalog.end() ? it->level : severity::warning;
    e.code = std::string(code);
    e.message = std::move(message);
    e.key = std::move(key);
    e.where = std::move(where);
    e.candidates = std::move(candidates);
    log.push_back(std::move(e));
}

std::string describe(const provenance& p) {
    std::string s;
    const auto part = [&](const char* name, const std::optional<std::uint32_t>& v) {
        if (!v) return;
        if (!s.empty()) s += ", ";
        s += name;
        s += ' ';
        s += std::to_string(*v);
    };
    part("line", p.line);
    part("column", p.column);
    part("table", p.table);
    part("row", p.row);
    part("cell", p.cell);
    return s;
}

}  // namespace import_detail
}  // namespace xxgk
