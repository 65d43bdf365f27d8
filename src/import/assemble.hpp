// Importer internals: blocks → report. One assembler serves both sources.
#ifndef XXGK_IMPORT_ASSEMBLE_HPP
#define XXGK_IMPORT_ASSEMBLE_HPP

#include "document.hpp"

#include <xxgk/import.hpp>

#include <deque>
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
