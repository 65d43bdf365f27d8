// Importer internals: blocks → report. One assembler serves both sources.
#ifndef XXGK_IMPORT_ASSEMBLE_HPP
#define XXGK_IMPORT_ASSEMBLE_HPP

#include "document.hpp"

#include <xxgk/import.hpp>

#include <array>
#include <deque>
#include <initializer_list>
#include <optional>
#include <utility>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// Turns a read document into a report plus log. Throws `error` when it is not a report at all.
import_result assemble(document doc, const import_options& options);

/// The blocks of one table section, in order.
using block_span = std::vector<const block*>;

/// Reads sections 二, 三 and 四 into `r` (whose cells start as not captured), logging every decision.
/// A section whose rows are absent (`nullptr` span) is logged as not found. On `ocr_pages` (the
/// pages read by OCR) a row whose label matches no row may be read by its place between two rows
/// (docs/import.md, "Scanned pages").
void read_tables(report& r, const block_span* proactive, const block_span* requests, const block_span* review,
                 const std::vector<std::uint32_t>& ocr_pages, std::vector<import_log_entry>& log);

/// Rows of a PDF grid that a page break may have split (`block::split_continuation`), in the span
/// of `section` ("proactive", "requests", "review_litigation") of a report of `format`: joined
/// with the row above when the two label pieces make a row label; otherwise kept, their empty
/// boxes marked unprinted. New blocks go into `made`; both cases logged XXGK-I-076.
block_span join_split_rows(const block_span& span, std::deque<block>& made, format_version format,
                           std::string_view section, std::vector<import_log_entry>& log);

// ---- dates.cpp: dates and years as printed

/// Moves `i` past spaces.
void skip_spaces(std::u32string_view s, std::size_t& i);

/// A date found in a text, with where it begins and ends (code points).
struct found_date {
    calendar_date date;
    std::size_t begin = static_cast<std::size_t>(-1), end = static_cast<std::size_t>(-1);
};
/// The first "YYYY年M月D日" (or …号) at or after `from`.
std::optional<found_date> find_date(std::u32string_view s, std::size_t from = 0);
/// The first report year "YYYY" followed by 年 (digits or 〇-numerals) in `s`, with its position.
std::optional<std::pair<int, std::size_t>> find_year(std::u32string_view s);

// ---- preamble.cpp: facts of the preamble, page metadata, the level a name tells

/// The value after the first of `labels` ("联系电话：…"), up to the end of its clause; nullopt when none.
std::optional<std::string> labelled_value(std::u32string_view text, std::initializer_list<std::u32string_view> labels);
/// The first web address in `text` (http:// or https://, to the first space, quote or non-ASCII); nullopt when none.
std::optional<std::string> find_url(std::u32string_view text);
/// The 《…》 titles of the preamble's first sentence, each with a document number （…号） that follows it.
std::vector<std::string> legal_bases(std::u32string_view text);
/// True for a line of page chrome a crawler kept: two of 发布时间, 来源, 浏览次数, 打印 …, or a 分享到/[打印/[关闭 line.
bool is_page_metadata(const block& b);
/// The administrative level a body's name tells (乡/镇/街道, 县/区, 省); unknown when none.
admin_level level_of(const std::string& body);
/// "township", "county", "provincial" or "unknown".
const char* level_name(admin_level l);

/// The format signals of the table labels in `blocks` (formats.md §8): how many distinct decisive
/// labels of each format were seen, and which.
struct format_signals {
    std::vector<std::string> v2019, v2021;
};
format_signals table_signals(const std::vector<const block*>& blocks);

// ---- headings.cpp: the section headings 一–六 (formats.md §2) and where each section lies

/// A line read as the heading of section `number` (1–6), with how sure the reading is.
struct heading_hit {
    int number = 0;
    int printed_number = 0;  ///< when the heading is numbered otherwise (a section omitted): its printed ordinal
    bool paren = false;      ///< （一） form
    bool keyword = false;    ///< a keyword of that section
    bool wording = false;    ///< close to the template's or the prose part's wording
    bool exact = false;      ///< the template's wording
};
/// The section heading a line is ("一、总体情况", "三、收到和处理政府信息公开申请情况" …); nullopt
/// for a row, a long line, or a line that starts with no ordinal 一–六.
std::optional<heading_hit> read_section_heading(const block& b);

/// Where the six sections lie in a document's blocks.
struct section_map {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::array<std::size_t, 7> head;  ///< block index of section k's heading (k = 1–6), or none
    std::array<bool, 7> implicit{};  ///< section k has no heading: its table starts it (head = the table's first block)
    std::size_t blocks = 0;          ///< the number of blocks

    section_map() { head.fill(none); }
    /// How many sections were found.
    std::size_t found() const;
    /// The block index of the first section's start; `blocks` when no section was found.
    std::size_t first_heading() const;
    /// The highest section found, 0 when none.
    int last_section() const;
    /// Section k's blocks [first, end): after its heading (from the table when implicit) to the next
    /// section's start; {none, none} when section k was not found.
    std::pair<std::size_t, std::size_t> region(int k) const;
};

/// Finds the section headings after the title (blocks from `first_content`), in ascending order; a
/// table may start its section without a heading. Logs I-048 (renumbered heading) and I-022
/// (a heading told by its ordinal only).
section_map find_sections(const std::vector<block>& blocks, std::size_t first_content,
                          std::vector<import_log_entry>& log);

/// Logs, per section, I-020 (not found), I-022 (no heading: its table starts it), I-021 (a heading
/// in other words than the template's) and I-032 (a heading in traditional characters).
void log_sections(const section_map& sections, const std::vector<block>& blocks, std::vector<import_log_entry>& log);

// ---- narrative.cpp: paragraphs, subsections and foreign material of the text sections

/// True for a character that ends a sentence or clause: 。！？；：… and their ASCII forms.
bool is_sentence_end(char32_t c);

/// True when a line ends mid-sentence (a PDF or page line break, not a paragraph end): its last
/// character, past closing brackets and quotes, is not a full stop (。！？；：…).
bool ends_open(std::string_view text);
/// ends_open of a text whose UTF-8 validity is known (`valid`: invalid_utf8_offset found nothing).
bool ends_open(std::string_view text, bool valid);

/// Builds one narrative section from its blocks in order: lines broken mid-sentence are joined into
/// paragraphs, （一）… lines start subsections (when asked), and material that is not part of the
/// report (a heading of its own, a region the xxgk renderer marked) becomes a foreign block (I-023).
/// The section and the log are the caller's; they must outlive the builder.
class narrative_builder {
public:
    /// `subsections`: read （一）… lines as subsections; `valid_text`: every block is valid UTF-8
    /// (`document::valid_utf8`), not checked again.
    narrative_builder(narrative_section& s, std::vector<import_log_entry>& log, bool subsections, bool valid_text)
        : s_(s), log_(log), subsections_(subsections), valid_text_(valid_text) {}

    /// Adds the next block of the section.
    void add(const block& b);
    /// Ends the last paragraph; call once after the last block.
    void finish() { flush(); }

private:
    std::vector<std::string>& target();
    void flush();
    void start_foreign(std::optional<std::string> heading, const block& b);
    bool is_valid(std::string_view text) const;

    narrative_section& s_;
    std::vector<import_log_entry>& log_;
    bool subsections_;
    bool valid_text_;
    std::string current_;
    bool current_valid_ = true;  ///< current_ is valid UTF-8
    bool current_open_ = false;
    foreign_block* foreign_ = nullptr;
    int foreign_group_ = -1;
};

}  // namespace xxgk::import_detail

#endif
