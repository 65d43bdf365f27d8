// The section headings 一–六 (formats.md §2): which line heads which section, where each section
// lies, and a table that starts its section without a heading.
#include "assemble.hpp"
#include "../codes.hpp"

#include "fold.hpp"
#include "log.hpp"
#include "vocab.hpp"

#include <xxgk/labels.hpp>

#include <algorithm>
#include <array>

namespace xxgk::import_detail {
namespace {

// The importer's words for the six sections, by number (1–6): keywords that mark a heading in
// other words, and the wording of the prose part of the format documents. The template wording
// itself is section_heading(n)->title (labels.hpp).
struct section_words {
    std::array<std::u32string_view, 4> keywords;
    std::u32string_view prose;
};

const std::array<section_words, 7> section_vocabulary{{
    {{}, {}},
    {{U"总体", U"概述", U"基本情况", U"概况"}, {}},
    {{U"主动公开", {}, {}, {}}, U"行政机关主动公开政府信息情况"},
    {{U"申请", {}, {}, {}}, U"行政机关收到和处理政府信息公开申请情况"},
    {{U"复议", U"诉讼", {}, {}}, U"因政府信息公开工作被申请行政复议、提起行政诉讼情况"},
    {{U"问题", U"改进", U"不足", {}}, U"政府信息公开工作存在的主要问题及改进情况"},
    {{U"其他", U"需要报告", {}, {}}, {}},
}};

/// The template title of section `number` (1–6), folded: "总体情况".
const std::u32string& template_title(int number) {
    static const std::array<std::u32string, 7> titles = [] {
        std::array<std::u32string, 7> t;
        for (const heading_label& h : section_headings()) t[static_cast<std::size_t>(h.number)] = fold(h.title);
        return t;
    }();
    return titles[static_cast<std::size_t>(number)];
}

}  // namespace

std::optional<heading_hit> read_section_heading(const block& b) {
    if (b.type != block::kind::line) return std::nullopt;
    if (longer_than(b.text, 60)) return std::nullopt;
    const std::u32string& f = folded_text(b);
    const ordinal o = leading_ordinal(f);
    if (o.kind != ordinal::dun_chinese && o.kind != ordinal::paren_chinese) return std::nullopt;
    if (o.value < 1 || o.value > 6) return std::nullopt;
    heading_hit h;
    h.number = o.value;
    h.paren = o.kind == ordinal::paren_chinese;
    std::u32string body = f.substr(o.length);
    while (!body.empty() && (body.back() == U'。' || body.back() == U':' || body.back() == U'.')) body.pop_back();
    for (std::u32string_view k : section_vocabulary[static_cast<std::size_t>(o.value)].keywords)
        if (!k.empty() && contains(body, k)) h.keyword = true;
    const std::u32string bare = strip_notes(body);
    h.exact = bare == template_title(o.value);
    const auto wording_of = [&](int section) {
        const std::array<std::u32string_view, 2> wordings{template_title(section),
                                                          section_vocabulary[static_cast<std::size_t>(section)].prose};
        for (std::u32string_view w : wordings) {
            if (w.empty()) continue;
            const std::size_t allowed = std::max<std::size_t>(2, w.size() / 5);
            const std::size_t gap = bare.size() > w.size() ? bare.size() - w.size() : w.size() - bare.size();
            if (contains(bare, w) || (gap <= allowed && edit_distance(bare, w) <= allowed)) return true;
        }
        return false;
    };
    h.wording = wording_of(o.value);
    if (!h.keyword && !h.wording && !h.paren) {
        // Non-template numbering: a report that omits a section numbers the later ones lower
        // ("三、政府信息公开行政复议、行政诉讼情况"). Only a heading in a section's own wording is
        // renumbered (a keyword alone is not enough: the table row "一、本年新收…申请数量" has 申请),
        // and only upwards, as omitting sections only lowers the numbers.
        for (int s = o.value + 1; s <= 6; ++s)
            if (wording_of(s)) {
                h.printed_number = h.number;
                h.number = s;
                h.keyword = h.wording = true;
                break;
            }
    }
    return h;
}

namespace {

/// True when the text is a row label of a table of either format ("四、结转下年度继续办理"): a
/// converter's heading over a table row is no section heading, even when its ordinal fits.
bool is_table_row_label(std::string_view text) {
    for (format_version f : {format_version::v2019, format_version::v2021}) {
        const label_match m = vocab(f).find(text, "requests", {term_kind::row});
        if (m && (m.quality == match_quality::exact || m.quality == match_quality::ordinal)) return true;
    }
    return false;
}

/// A table that starts without its heading: 2 = 第二十条 blocks, 3 = the 申请 matrix, 4 = 复议/诉讼.
int table_start(const block& b) {
    // A line is tested by its text, a row by its first cell; folded once for every test below.
    std::u32string first_cell;
    if (b.type == block::kind::row) {
        for (const src_cell& c : b.cells)
            if (c.present && !c.span_copy && !c.text.empty()) {
                first_cell = fold(c.text);
                break;
            }
    }
    const std::u32string& f = b.type == block::kind::row ? first_cell : folded_text(b);
    if (article_20_item_folded(f) > 0) return 2;
    if (starts_with(f, U"信息内容")) return 2;
    if (is_requests_caption_folded(f) || starts_with(f, U"申请人情况")) return 3;
    if (b.type == block::kind::row && starts_with(f, U"行政复议") && contains(folded_text(b), U"行政诉讼")) return 4;
    return 0;
}

bool has_traditional(std::string_view s) {
    bool converted = false;
    fold(s, &converted);
    return converted;
}

std::string section_name(int k) { return std::string(xxgk::section_heading(k)->label); }

}  // namespace

std::size_t section_map::found() const {
    std::size_t n = 0;
    for (int k = 1; k <= 6; ++k) n += head[static_cast<std::size_t>(k)] != none;
    return n;
}

std::size_t section_map::first_heading() const {
    for (int k = 1; k <= 6; ++k)
        if (head[static_cast<std::size_t>(k)] != none) return head[static_cast<std::size_t>(k)];
    return blocks;
}

int section_map::last_section() const {
    for (int k = 6; k >= 1; --k)
        if (head[static_cast<std::size_t>(k)] != none) return k;
    return 0;
}

std::pair<std::size_t, std::size_t> section_map::region(int k) const {
    const std::size_t h = head[static_cast<std::size_t>(k)];
    if (h == none) return {none, none};
    std::size_t end = blocks;
    for (int j = k + 1; j <= 6; ++j)
        if (head[static_cast<std::size_t>(j)] != none) {
            end = head[static_cast<std::size_t>(j)];
            break;
        }
    return {implicit[static_cast<std::size_t>(k)] ? h : h + 1, end};
}

section_map find_sections(const std::vector<block>& blocks, std::size_t first_content,
                          std::vector<import_log_entry>& log) {
    section_map m;
    m.blocks = blocks.size();
    // "一、" headings with keywords in sections 一/二 mean the （一） form is not a heading form here.
    bool form_a = false;
    for (std::size_t i = first_content; i < blocks.size(); ++i) {
        const auto h = read_section_heading(blocks[i]);
        if (h && !h->paren && h->keyword && h->number <= 2) form_a = true;
    }
    int current = 0;
    for (std::size_t i = first_content; i < blocks.size(); ++i) {
        const block& b = blocks[i];
        if (b.foreign_group >= 0) continue;
        const auto h = read_section_heading(b);
        bool accept = false;
        // The （一） form collides with the subsections of section 一: only the formats' own wordings.
        if (h && h->number > current && !(h->paren && (form_a || !h->wording))) {
            if (h->keyword) {
                accept = true;
                if (h->printed_number)
                    log_entry(log, codes::I_048,
                              "\"" + b.text + "\" read as section heading " + std::to_string(h->number) +
                                  " by its wording; it is numbered " + std::to_string(h->printed_number) +
                                  " (a section before it is omitted)",
                              {}, b.where);
            } else if (h->number == current + 1 && !h->paren &&
                       (b.heading > 0 || b.marked.find("**") != std::string::npos) && b.type == block::kind::line &&
                       !is_table_row_label(b.text)) {
                accept = true;
                log_entry(log, codes::I_022,
                          "\"" + b.text + "\" taken as section heading " + std::to_string(h->number) +
                              " by its ordinal only (no keyword of the section)",
                          {}, b.where);
            }
        }
        if (accept) {
            m.head[static_cast<std::size_t>(h->number)] = i;
            current = h->number;
            continue;
        }
        const int t = table_start(b);
        if (t > current) {
            m.head[static_cast<std::size_t>(t)] = i;
            m.implicit[static_cast<std::size_t>(t)] = true;
            current = t;
        }
    }
    return m;
}

void log_sections(const section_map& sections, const std::vector<block>& blocks, std::vector<import_log_entry>& log) {
    for (int k = 1; k <= 6; ++k) {
        const std::size_t hi = sections.head[static_cast<std::size_t>(k)];
        if (hi == section_map::none) {
            log_entry(log, codes::I_020, "section heading " + section_name(k) + " not found");
            continue;
        }
        if (sections.implicit[static_cast<std::size_t>(k)]) {
            log_entry(log, codes::I_022,
                      "section " + section_name(k) + " has no heading; recognised by the table that starts it", {},
                      blocks[hi].where);
            continue;
        }
        const auto hit = read_section_heading(blocks[hi]);
        if (hit && !hit->exact)
            log_entry(log, codes::I_021, "heading \"" + blocks[hi].text + "\" read as " + section_name(k), {},
                      blocks[hi].where);
        if (has_traditional(blocks[hi].text))
            log_entry(log, codes::I_032,
                      "heading \"" + blocks[hi].text + "\" matched after traditional → simplified conversion", {},
                      blocks[hi].where);
    }
}

}  // namespace xxgk::import_detail
