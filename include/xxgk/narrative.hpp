// xxgk — figures stated in the prose of sections 一 and 五, compared with the tables
// (docs/formats.md §9.2, docs/multi.md, codes XXGK-N-006 … in docs/rules.md).
#ifndef XXGK_NARRATIVE_HPP
#define XXGK_NARRATIVE_HPP

#include <xxgk/report.hpp>
#include <xxgk/validate.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace xxgk {

/// What a stated figure counts.
enum class narrative_measure : std::uint8_t {
    requests_received,         ///< 收到/受理/新收…申请 N件
    requests_handled,          ///< 依申请公开办理 N件: loose wording, received or concluded
    requests_concluded,        ///< 办结 N件
    requests_carried_over,     ///< 上年结转 N件
    requests_carried_forward,  ///< 结转下年度 N件
    reviews,                   ///< 行政复议 N件
    reviews_corrected,         ///< 行政复议 … 纠错/纠正 N件
    lawsuits,                  ///< 行政诉讼 / 涉及诉讼 N件
    lawsuits_corrected,        ///< 诉讼 … 纠错/纠正 N件
    normative_documents,       ///< 公开/制发…规范性文件 N个/件
};
BOOST_DESCRIBE_ENUM(narrative_measure, requests_received, requests_handled, requests_concluded, requests_carried_over,
                    requests_carried_forward, reviews, reviews_corrected, lawsuits, lawsuits_corrected,
                    normative_documents)

/// One figure the prose states: a number, or the sum of the parts one sentence gives
/// ("县本级…涉及诉讼2件…；下属单位…涉及诉讼36件" → 38).
struct stated_figure {
    narrative_measure measure;
    decimal value;                   ///< the figure, or the sum of the parts
    std::vector<std::string> parts;  ///< the phrases it was read from, as printed ("涉及诉讼2件")
    bool complete = true;            ///< false when some parts of a split sentence do not state it (a lower bound)
    std::string sentence;            ///< the whole sentence, as printed
    std::string pointer;             ///< JSON Pointer of the paragraph ("/overview/subsections/2/paragraphs/0")
};

/// The figures stated in sections 一 (overview, not its foreign blocks) and 五 (problems), for
/// the common phrasings above. Conservative: a clause that names two measures, or a sentence that
/// states one measure twice without a split into parts (本级 / 下属单位 …), yields nothing.
std::vector<stated_figure> extract_figures(const report& r);

/// Compares the extracted figures with the table cells: XXGK-N-006 (warning) for each figure that
/// matches none of the cell sums its wording can mean. Quotes the sentence, names the cells.
/// Figures whose cells are not all numbers are not compared. Never throws except std::bad_alloc.
/// Also run by `validate` when `validate_options::narrative_figures` is set.
std::vector<finding> check_narrative_figures(const report& r);

}  // namespace xxgk

#endif
