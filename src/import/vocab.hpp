// Importer internals: the labels an importer meets in the tables of one format — the official row,
// column and group labels of labels.hpp plus the header words of the templates — and the one
// tolerant matcher every table reader uses (text and HTML alike).
#ifndef XXGK_IMPORT_VOCAB_HPP
#define XXGK_IMPORT_VOCAB_HPP

#include "fold.hpp"

#include <xxgk/format.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

enum class term_kind {
    row,  ///< a row label with cells (labels.hpp rows)
    group,  ///< a spanning row label without cells (三、本年度办理结果, （三）不予公开, 行政诉讼, …)
    column,       ///< a column label with cells
    header_word,  ///< a header cell that is not a column: 申请人情况, 法人或其他组织, 信息内容, 行政诉讼
};

/// One label of one format's tables.
struct term {
    std::string_view section;  ///< "proactive", "requests", "review_litigation"
    term_kind kind;
    std::string_view id;        ///< row / column / group id ("" for header words)
    std::string_view official;  ///< the official label
    std::u32string full;        ///< folded, ordinal in canonical form
    std::u32string body;        ///< without the ordinal
    std::u32string bare;        ///< without the ordinal and bracketed notes
    ordinal ord;
};

/// How a printed label matched.
enum class match_quality {
    none,
    exact,     ///< equal after folding (width, spaces, quotes)
    ordinal,   ///< equal but for the ordinal's style or absence
    note,      ///< equal once bracketed notes are ignored
    fuzzy,     ///< within a small edit distance (typos)
    contains,  ///< one contains the other (abbreviations, additions such as 行政规范性文件)
};

struct label_match {
    const term* t = nullptr;
    match_quality quality = match_quality::none;
    bool converted = false;         ///< traditional script was converted
    bool had_note = false;          ///< the printed label carried a bracketed note
    std::vector<const term*> ties;  ///< other terms that matched as well (ambiguous when non-empty)
    explicit operator bool() const noexcept { return t != nullptr && ties.empty(); }
};

/// The vocabulary of one format.
class vocabulary {
public:
    explicit vocabulary(format_version format);
    format_version format() const noexcept { return format_; }
    const std::vector<term>& terms() const noexcept { return terms_; }

    /// Matches a printed label against the terms of `section` whose kind is in `kinds`
    /// (an empty section means every section).
    label_match find(std::string_view printed, std::string_view section, std::initializer_list<term_kind> kinds) const;

private:
    format_version format_;
    std::vector<term> terms_;
};

const vocabulary& vocab(format_version format);

/// The leading ordinal of a label read by OCR, which garbles the ordinal's punctuation ("5." read as
/// "5-", "2." as "2.2") more often than its digit. It parses when the folded label begins with an
/// ordinal `leading_ordinal` recognises ("(一)", "一、", "1.", "(1)") — its value — or else with
/// ASCII digits: the value of that run of digits whatever follows it ("5-…" and "5属于…" give 5,
/// "2.2没有…" gives 2, "22没有…" gives 22, which no row has). Text without a leading digit or
/// ordinal does not parse (an ordinal OCR lost tells nothing).
struct ocr_ordinal {
    bool parses = false;
    int value = 0;           ///< when it parses; -1 for a run of more than two digits
    std::size_t length = 0;  ///< code points of the ordinal and the digits and punctuation around it
};
ocr_ordinal read_ocr_ordinal(std::u32string_view folded) noexcept;

/// How a label read by OCR resembles the official label of term `t`, for the reading by place
/// (tables.cpp): the longest common subsequence of the printed body (after `read_ocr_ordinal`'s
/// prefix) and the term's body, or, when that falls short, of both bodies without bracketed notes.
struct place_resemblance {
    bool resembles = false;  ///< `common` is at least half of each: of the term's and of the printed characters
    std::size_t common = 0;  ///< characters shared in order
    std::size_t of = 0;      ///< characters of the term's body compared
};
place_resemblance resemble_by_place(std::u32string_view folded, const term& t);

/// The folded form with its ordinal in canonical form: "(一)", "一、", "1.".
std::u32string canonical(std::u32string_view folded, ordinal* o = nullptr);

/// "第二十条第（一）项" → 1, …; 0 when the text is not a 第二十条 block caption.
int article_20_item(std::string_view printed);
/// The same of a text already folded (`fold`).
int article_20_item_folded(std::u32string_view folded);

/// True for the caption of section 三's table (本列数据的勾稽关系为…); `exact` tells whether it is
/// the template's wording.
bool is_requests_caption(std::string_view printed, bool* exact = nullptr);
/// The same of a text already folded (`fold`).
bool is_requests_caption_folded(std::u32string_view folded, bool* exact = nullptr);

/// The official caption of section 三's table.
inline constexpr std::string_view requests_caption =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

}  // namespace xxgk::import_detail

#endif
