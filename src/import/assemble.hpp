// Importer internals: blocks → report. One assembler serves both sources.
#ifndef XXGK_IMPORT_ASSEMBLE_HPP
#define XXGK_IMPORT_ASSEMBLE_HPP

#include "document.hpp"

#include <xxgk/import.hpp>

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
/// A section whose rows are absent (`nullptr` span) is logged as not found.
void read_tables(report& r, const block_span* proactive, const block_span* requests, const block_span* review,
                 std::vector<import_log_entry>& log);

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

/// True when a line ends mid-sentence (a PDF or page line break, not a paragraph end): its last
/// character, past closing brackets and quotes, is not a full stop (。！？；：…).
bool ends_open(std::string_view text);
/// ends_open of a text whose UTF-8 validity is known (`valid`: invalid_utf8_offset found nothing).
bool ends_open(std::string_view text, bool valid);

}  // namespace xxgk::import_detail

#endif
