// Blocks → report: title and header, section headings (formats.md §2), preamble facts (§3),
// narrative sections with subsections and foreign content (§13.5), signature, report year and
// the format (§8; the signals of the table labels are format_signals.cpp); the tables are read by
// tables.cpp.
#include "assemble.hpp"
#include "../codes.hpp"

#include "fold.hpp"
#include "log.hpp"
#include "vocab.hpp"

#include <xxgk/error.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/text.hpp>

#include <algorithm>
#include <array>

namespace xxgk::import_detail {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool is_terminal(char32_t c) {
    switch (c) {
        case U'。':
        case U'！':
        case U'？':
        case U'!':
        case U'?':
        case U'；':
        case U';':
        case U'：':
        case U':':
        case U'…': return true;
        default: return false;
    }
}

bool is_closer(char32_t c) {
    switch (c) {
        case U'”':
        case U'’':
        case U'」':
        case U'』':
        case U'）':
        case U')':
        case U'】':
        case U'》':
        case U'"': return true;
        default: return false;
    }
}

}  // namespace

bool ends_open(std::string_view text) { return ends_open(text, invalid_utf8_offset(text) == valid_utf8); }

bool ends_open(std::string_view text, bool valid) {
    if (valid) {
        // Valid text: only its last code points are read, backwards.
        std::size_t end = text.size();
        const auto back = [&]() {  // the code point before `end`; `end` moves to its start
            std::size_t k = end - 1;
            while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
            char32_t c = 0;
            utf8_reader{text.substr(0, end), k}.next(c);
            end = k;
            return c;
        };
        char32_t c = 0;
        do {
            if (end == 0) return false;  // blank
            c = back();
        } while (is_space(c) || is_invisible(c));
        if (!is_closer(c)) return !is_terminal(c);
        do {
            if (end == 0) return true;  // closing brackets only
            c = back();
        } while (is_closer(c));
        return !is_terminal(c);  // a full stop inside the brackets closes the sentence (blanks are not full stops)
    }
    const std::u32string u = trim(to_u32(text));
    if (u.empty()) return false;
    std::size_t i = u.size();
    while (i > 0 && is_closer(u[i - 1])) --i;
    if (i < u.size() && i > 0 && is_terminal(u[i - 1])) return false;
    if (i == u.size()) return !is_terminal(u.back());
    return true;  // ends with a closing bracket not preceded by a full stop
}

namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void join_line(std::string& cur, std::string_view next) {
    if (!cur.empty() && !next.empty() && ascii_alnum(cur.back()) && ascii_alnum(next.front())) cur += ' ';
    cur += next;
}

/// At most `n` code points of a text, for messages.
std::string clip(std::string_view s, std::size_t n = 60) {
    const std::u32string u = to_u32(s);
    if (u.size() <= n) return std::string(s);
    return to_u8(std::u32string_view(u).substr(0, n)) + "…";
}

bool has_traditional(std::string_view s) {
    bool converted = false;
    fold(s, &converted);
    return converted;
}

// ---------------------------------------------------------------------------------------------
// Section headings (formats.md §2)

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

struct heading_hit {
    int number = 0;
    int printed_number = 0;  // when the heading is numbered otherwise (a section omitted): its printed ordinal
    bool paren = false;      // （一） form
    bool keyword = false;    // a keyword of that section
    bool wording = false;    // close to the template's or the prose part's wording
    bool exact = false;      // the template's wording
};

std::optional<heading_hit> section_heading(const block& b) {
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

// ---------------------------------------------------------------------------------------------
// Narrative sections

struct subsection_hit {
    std::string ordinal;  // as printed
    std::string title;
    std::string rest;  // text after the title, the start of the first paragraph
    int value = 0;
};

/// "（一）标题。正文…" with the title delimited by bold marks, a heading, or the first full stop.
std::optional<subsection_hit> subsection_start(const block& b) {
    if (b.type != block::kind::line) return std::nullopt;
    const std::string& source = b.marked.empty() ? b.text : b.marked;
    {
        // Most lines do not start with "(": told by their first code points, before decoding the rest.
        char32_t c = U' ';
        for (utf8_reader r{source}; r.next(c);)
            if (!is_space(c) && c != U'*') break;
        if (is_space(c) || c == U'*' || half_width(c) != U'(') return std::nullopt;
    }
    const std::u32string m = to_u32(source);
    std::size_t i = 0, lead_stars = 0;
    while (i < m.size() && (is_space(m[i]) || m[i] == U'*')) lead_stars += m[i++] == U'*';
    if (i >= m.size() || (half_width(m[i]) != U'(')) return std::nullopt;
    std::size_t j = i + 1;
    while (j < m.size() && is_space(m[j])) ++j;
    std::u32string numeral;
    while (j < m.size() && (chinese_number(std::u32string(1, m[j])) > 0 || m[j] == U'十')) numeral += m[j++];
    while (j < m.size() && is_space(m[j])) ++j;
    if (numeral.empty() || j >= m.size() || half_width(m[j]) != U')') return std::nullopt;
    subsection_hit h;
    h.value = chinese_number(numeral);
    if (h.value <= 0) return std::nullopt;
    h.ordinal = to_u8(std::u32string_view(m).substr(i, j + 1 - i));
    std::u32string after(m.substr(j + 1));
    const auto strip_stars = [](std::u32string s) {
        s.erase(std::remove(s.begin(), s.end(), U'*'), s.end());
        return trim(s);
    };
    // Bold title: "**（一）title。**rest" or "（一）**title。**rest".
    std::size_t close = npos;
    if (lead_stars >= 2) {
        close = after.find(U"**");
    } else {
        std::size_t k = 0;
        while (k < after.size() && is_space(after[k])) ++k;
        if (after.compare(k, 2, U"**") == 0) {
            after.erase(0, k + 2);
            close = after.find(U"**");
        }
    }
    if (close != npos) {
        h.title = to_u8(strip_stars(after.substr(0, close)));
        h.rest = to_u8(strip_stars(after.substr(close + 2)));
        return h;
    }
    const std::u32string plain = strip_stars(after);
    if (b.heading > 0 || plain.size() <= 40) {
        h.title = to_u8(plain);
        return h;
    }
    const std::size_t stop = plain.find(U'。');
    if (stop != npos && stop < 40 && stop + 1 < plain.size()) {
        h.title = to_u8(plain.substr(0, stop + 1));
        h.rest = to_u8(trim(plain.substr(stop + 1)));
    } else {
        h.rest = to_u8(plain);
    }
    return h;
}

class narrative_builder {
public:
    /// `valid_text`: every block is valid UTF-8 (`document::valid_utf8`), not checked again.
    narrative_builder(narrative_section& s, std::vector<import_log_entry>& log, bool subsections, bool valid_text)
        : s_(s), log_(log), subsections_(subsections), valid_text_(valid_text) {}

    void add(const block& b) {
        // Regions the xxgk renderer marks as foreign: one foreign block per marked block.
        if (b.foreign_group >= 0) {
            if (b.foreign_group != foreign_group_) {
                flush();
                foreign_group_ = b.foreign_group;
                start_foreign(b.heading > 0 ? std::optional<std::string>(b.text) : std::nullopt, b);
                if (b.heading > 0) return;
            }
            foreign_->paragraphs.push_back(b.text);
            return;
        }
        foreign_group_ = -1;
        if (subsections_ && b.type == block::kind::line) {
            const auto hit = subsection_start(b);
            const int expected = static_cast<int>(s_.subsections.size()) + 1;
            const bool marked = b.heading > 0 || b.marked.find("**") != std::string::npos;
            if (hit && (hit->value == expected || (hit->value > expected && !foreign_ && marked))) {
                flush();
                if (hit->value != expected)
                    log_entry(log_, codes::I_024,
                              "subsection " + hit->ordinal + " follows subsection " + std::to_string(expected - 1) +
                                  ": numbering skips a number",
                              {}, b.where);
                subsection sub;
                sub.ordinal = hit->ordinal;
                sub.title = hit->title;
                s_.subsections.push_back(std::move(sub));
                foreign_ = nullptr;
                if (!hit->rest.empty()) {
                    current_ = hit->rest;
                    current_valid_ = is_valid(current_);
                    current_open_ = ends_open(current_, current_valid_) && !b.html;
                }
                return;
            }
        }
        if (b.type == block::kind::line && b.heading > 0) {
            flush();
            start_foreign(b.text, b);
            return;
        }
        if (foreign_) {
            foreign_->paragraphs.push_back(b.text);
            return;
        }
        if (b.type == block::kind::row || b.html || b.list_item) {
            flush();
            target().push_back(b.text);
            return;
        }
        // The paragraph's validity follows its lines (ends_open checked the whole paragraph again
        // for every line joined): valid + valid is valid; after an invalid part, checked anew.
        if (!current_.empty() && current_open_) {
            join_line(current_, b.text);
            current_valid_ = current_valid_ ? is_valid(b.text) : is_valid(current_);
        } else {
            flush();
            current_ = b.text;
            current_valid_ = is_valid(current_);
        }
        current_open_ = ends_open(current_, current_valid_);
    }

    void finish() { flush(); }

private:
    std::vector<std::string>& target() {
        return s_.subsections.empty() ? s_.paragraphs : s_.subsections.back().paragraphs;
    }
    void flush() {
        if (!current_.empty()) target().push_back(std::move(current_));
        current_.clear();
        current_open_ = false;
    }
    void start_foreign(std::optional<std::string> heading, const block& b) {
        foreign_block f;
        f.after_subsection = static_cast<std::uint32_t>(s_.subsections.size());
        f.heading = std::move(heading);
        s_.foreign_blocks.push_back(std::move(f));
        foreign_ = &s_.foreign_blocks.back();
        log_entry(log_, codes::I_023,
                  "material that is not part of the report kept as a foreign block after subsection " +
                      std::to_string(foreign_->after_subsection) +
                      (foreign_->heading ? ": \"" + *foreign_->heading + "\"" : std::string()),
                  {}, b.where);
    }

    narrative_section& s_;
    std::vector<import_log_entry>& log_;
    bool subsections_;
    bool valid_text_;
    bool is_valid(std::string_view text) const { return valid_text_ || invalid_utf8_offset(text) == valid_utf8; }

    std::string current_;
    bool current_valid_ = true;  ///< current_ is valid UTF-8
    bool current_open_ = false;
    foreign_block* foreign_ = nullptr;
    int foreign_group_ = -1;
};

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string s;
    for (const std::string& x : v) {
        if (!s.empty()) s += sep;
        s += x;
    }
    return s;
}

}  // namespace

import_result assemble(document doc, const import_options& options) {
    import_result result;
    std::vector<import_log_entry>& log = result.log;
    log = std::move(doc.log);
    const std::vector<block>& blocks = doc.blocks;
    const std::size_t n = blocks.size();

    // The portal's 发布时间 / 发布日期 in the page metadata is the publication date.
    std::optional<calendar_date> published;
    const auto note_publication = [&](const block& b) {
        if (published || b.type != block::kind::line) return;
        const std::u32string t = to_u32(b.text);
        std::size_t p = t.find(U"发布时间");
        if (p == npos) p = t.find(U"发布日期");
        if (p == npos) return;
        std::size_t i = p + 4;
        while (i < t.size() && (is_space(t[i]) || t[i] == U'：' || t[i] == U':')) ++i;
        if (const auto d = find_date(t, i); d && d->begin == i) {
            published = d->date;
        } else if (i + 10 <= t.size()) {
            // 2021-01-29
            const auto iso = calendar_date::parse(to_u8(t.substr(i, 10)));
            if (iso) published = *iso;
        }
        if (published)
            log_entry(log, codes::I_027,
                      "publication date " + published->to_string() + " read from the page: \"" + clip(b.text) + "\"",
                      {}, b.where);
    };

    // ---- title: the first line naming a 年度报告 (page chrome before it is skipped)
    std::size_t title = npos;
    for (std::size_t i = 0; i < n && i < 400; ++i) {
        const block& b = blocks[i];
        if (b.type != block::kind::line || longer_than(b.text, 80)) continue;
        const std::u32string& f = folded_text(b);
        if (section_heading(b)) break;
        if (contains(f, U">") || contains(f, U"当前位置") || contains(f, U"您的位置")) continue;  // breadcrumbs
        if (contains(f, U"年度报告") || (contains(f, U"信息公开") && contains(f, U"报告"))) {
            title = i;
            break;
        }
    }
    std::string title_text;
    std::size_t first_content = 0;
    if (title != npos) {
        title_text = blocks[title].text;
        first_content = title + 1;
        // A title broken in two: "苍南县人民政府" / "2020年政府信息公开工作年度报告".
        const auto title_year = find_year(to_u32(title_text));
        if (title > 0 && blocks[title - 1].type == block::kind::line && title_year && title_year->second == 0 &&
            !longer_than(blocks[title - 1].text, 30) && !is_page_metadata(blocks[title - 1]) &&
            !is_terminal(to_u32(blocks[title - 1].text).back()) && !section_heading(blocks[title - 1])) {
            title_text = blocks[title - 1].text + title_text;
            --title;
        }
        for (std::size_t i = 0; i < title; ++i) note_publication(blocks[i]);
        if (title > 0)
            log_entry(log, codes::I_016,
                      std::to_string(title) + " line(s) before the title skipped, from \"" + clip(blocks[0].text) +
                          "\"",
                      {}, blocks[0].where);
    } else if (doc.html_title && (contains(fold(*doc.html_title), U"报告"))) {
        title_text = *doc.html_title;
        for (std::string_view sep : {" - ", "_", " | ", "－", "—"}) {
            const std::size_t p = title_text.find(sep);
            if (p != std::string::npos && p > 0) title_text = title_text.substr(0, p);
        }
        title_text = trim(title_text);
        log_entry(log, codes::I_013, "no title line in the page; the <title> element \"" + title_text + "\" is used");
    } else {
        log_entry(log, codes::I_013, "title not found");
    }

    // ---- section headings, in ascending order; a table may start its section without a heading
    std::array<std::size_t, 7> head{};
    head.fill(npos);
    std::array<bool, 7> implicit{};
    bool form_a = false;
    for (std::size_t i = first_content; i < n; ++i) {
        const auto h = section_heading(blocks[i]);
        if (h && !h->paren && h->keyword && h->number <= 2) form_a = true;
    }
    int current = 0;
    for (std::size_t i = first_content; i < n; ++i) {
        const block& b = blocks[i];
        if (b.foreign_group >= 0) continue;
        const auto h = section_heading(b);
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
            head[static_cast<std::size_t>(h->number)] = i;
            current = h->number;
            continue;
        }
        const int t = table_start(b);
        if (t > current) {
            head[static_cast<std::size_t>(t)] = i;
            implicit[static_cast<std::size_t>(t)] = true;
            current = t;
        }
    }
    std::size_t sections_found = 0;
    for (int k = 1; k <= 6; ++k) sections_found += head[static_cast<std::size_t>(k)] != npos;

    // Region of section k: from its heading (exclusive, or inclusive when the table starts it) to the next heading.
    const auto region = [&](int k) -> std::pair<std::size_t, std::size_t> {
        const std::size_t h = head[static_cast<std::size_t>(k)];
        if (h == npos) return {npos, npos};
        std::size_t end = n;
        for (int j = k + 1; j <= 6; ++j)
            if (head[static_cast<std::size_t>(j)] != npos) {
                end = head[static_cast<std::size_t>(j)];
                break;
            }
        return {implicit[static_cast<std::size_t>(k)] ? h : h + 1, end};
    };
    std::size_t first_heading = n;
    for (int k = 1; k <= 6; ++k)
        if (head[static_cast<std::size_t>(k)] != npos) {
            first_heading = head[static_cast<std::size_t>(k)];
            break;
        }

    // ---- format signals (from the table sections, or from every row when they are missing)
    std::vector<const block*> table_blocks;
    for (int k = 2; k <= 4; ++k) {
        const auto [a, z] = region(k);
        if (a == npos) continue;
        for (std::size_t i = a; i < z; ++i) table_blocks.push_back(&blocks[i]);
    }
    if (table_blocks.empty())
        for (const block& b : blocks)
            if (b.type == block::kind::row) table_blocks.push_back(&b);
    const format_signals signals = table_signals(table_blocks);

    // Not a report at all: fewer than two pieces of evidence among a title naming a report, the
    // section headings, and the table labels (worth two) — a news item about a report has a title
    // and nothing else.
    const bool has_title = !title_text.empty();
    const std::size_t clues =
        (has_title ? 1 : 0) + sections_found + (signals.v2019.empty() && signals.v2021.empty() ? 0 : 2);
    if (clues < 2)
        throw error(errc::invalid_value,
                    "not a 政府信息公开工作年度报告: " +
                        std::string(has_title ? "a title, but no section heading and no table label of either format"
                                              : "no title, no section heading and no table label of either format") +
                        " found");

    // ---- preamble
    narrative_section preamble_section;
    {
        narrative_builder pb(preamble_section, log, false, doc.valid_utf8);
        const std::size_t end = std::min(first_heading, n);
        for (std::size_t i = first_content; i < end; ++i) {
            if (blocks[i].type == block::kind::line && is_page_metadata(blocks[i])) {
                note_publication(blocks[i]);
                log_entry(log, codes::I_016, "page metadata skipped: \"" + blocks[i].text + "\"", {}, blocks[i].where);
                continue;
            }
            pb.add(blocks[i]);
        }
        pb.finish();
    }
    std::vector<std::string> preamble_paragraphs = preamble_section.paragraphs;
    const std::string preamble = join(preamble_paragraphs, "\n");
    const std::u32string pre = to_u32(preamble);

    // ---- report year: title, then statistics period, then the preamble's "YYYY年度"
    std::optional<found_date> period_start, period_end;
    {
        std::size_t p = pre.find(U"统计期");
        if (p == npos) p = pre.find(U"统计时间");
        if (p == npos) p = pre.find(U"统计时限");
        if (p == npos) p = pre.find(U"统计范围");
        if (p != npos) {
            period_start = find_date(pre, p);
            if (period_start && period_start->begin - p < 40) period_end = find_date(pre, period_start->end);
            if (period_end && period_end->begin - period_start->end > 12) period_end.reset();
            if (!period_end) period_start.reset();
        }
    }
    std::optional<int> year_title, year_period, year_text;
    std::size_t year_pos_in_title = npos;
    if (!title_text.empty())
        if (const auto y = find_year(to_u32(title_text))) {
            year_title = y->first;
            year_pos_in_title = y->second;
        }
    if (period_start) year_period = period_start->date.year;
    if (const auto y = find_year(pre)) year_text = y->first;
    int year = 0;
    std::string year_source;
    if (options.year) {
        year = *options.year;
        year_source = "given by the caller";
    } else if (year_title) {
        year = *year_title;
        year_source = "read from the title";
    } else if (year_period) {
        year = *year_period;
        year_source = "read from the statistics period";
    } else if (year_text) {
        year = *year_text;
        year_source = "read from the preamble";
    }
    if (year != 0) {
        log_entry(log, codes::I_007, "report year " + std::to_string(year) + " " + year_source);
        std::string conflict;
        if (year_title && *year_title != year) conflict += " title " + std::to_string(*year_title);
        if (year_period && *year_period != year) conflict += " statistics period " + std::to_string(*year_period);
        if (!conflict.empty())
            log_entry(log, codes::I_008,
                      "report year " + std::to_string(year) + " (" + year_source + "), but" + conflict);
    } else {
        log_entry(log, codes::I_009, "no report year in the title, the statistics period or the preamble");
    }
    if (year != 0 && year < 2019)
        log_entry(log, codes::I_010,
                  "report year " + std::to_string(year) +
                      " predates the 2019 条例 formats; its tables are mapped as if they followed one of them");

    // ---- format (formats.md §8)
    std::optional<format_version> from_tables;
    const std::size_t s19 = signals.v2019.size(), s21 = signals.v2021.size();
    std::string evidence = "2019 labels: " + (s19 ? join(signals.v2019, "、") : std::string("none")) +
                           "; 2021 labels: " + (s21 ? join(signals.v2021, "、") : std::string("none"));
    const std::optional<format_version> from_year = year >= 2019 ? format_for_year(year) : std::nullopt;
    if (s19 > 0 && s21 == 0) from_tables = format_version::v2019;
    if (s21 > 0 && s19 == 0) from_tables = format_version::v2021;
    if (s19 > 0 && s21 > 0) {
        from_tables = s19 > s21 ? format_version::v2019 : s21 > s19 ? format_version::v2021 : from_year;
        if (!from_tables) from_tables = format_version::v2021;
        log_entry(log, codes::I_003,
                  "the tables carry labels of both formats (" + evidence + "); read as the " +
                      std::string(to_string(*from_tables)) + " format" +
                      (s19 == s21 ? " (tie broken by the report year)" : " (majority of labels)"));
    }
    format_version format;
    if (options.format) {
        format = *options.format;
        log_entry(log, codes::I_005, "format " + std::string(to_string(format)) + " forced by the caller");
        if (from_tables && *from_tables != format)
            log_entry(log, codes::I_006,
                      "the tables look like the " + std::string(to_string(*from_tables)) + " format (" + evidence +
                          ") but the " + std::string(to_string(format)) + " format was forced");
    } else if (from_tables) {
        format = *from_tables;
        if (s19 == 0 || s21 == 0)
            log_entry(log, codes::I_001,
                      "format " + std::string(to_string(format)) + " from the table labels (" + evidence + ")" +
                          (from_year && *from_year == format ? "; the report year " + std::to_string(year) + " agrees"
                                                             : std::string()));
        if (from_year && *from_year != format)
            log_entry(log, codes::I_002,
                      "report year " + std::to_string(year) + " calls for the " + std::string(to_string(*from_year)) +
                          " format, but the tables are in the " + std::string(to_string(format)) +
                          " format; the tables decide");
    } else {
        format = from_year ? *from_year : format_version::v2021;
        log_entry(log, codes::I_004,
                  from_year
                      ? "no table label decides the format; the " + std::string(to_string(format)) +
                            " format follows from the report year " + std::to_string(year)
                      : std::string("no table label and no report year decide the format; the 2021 format is assumed"));
    }

    // A scanned report (OCR): table labels that lost or gained a character may be labels of the
    // other format, and a misread year digit names the other format too. The format is certain
    // only when the tables show labels of one format alone and the report year agrees, or (no
    // year read) show at least two of them; otherwise the cells are not read at all (XXGK-I-116):
    // a cell placed by the wrong format's rows is a wrong value.
    std::string ocr_format_doubt;
    if (doc.ocr_pages > 0 && !options.format) {
        const std::size_t own = format == format_version::v2019 ? s19 : s21;
        const std::size_t other = format == format_version::v2019 ? s21 : s19;
        if (own == 0)
            ocr_format_doubt = "no table label read by OCR tells the formats apart";
        else if (other > 0)
            ocr_format_doubt = "the table labels read by OCR name both formats";
        else if (from_year && *from_year != format)
            ocr_format_doubt = "the table labels read by OCR and the report year name different formats";
        else if (!from_year && own < 2)
            ocr_format_doubt = "one table label read by OCR, and no report year, name the format";
    }

    report r = report::make(format);
    for (std::size_t i = 0; i < cell_keys(format).size(); ++i) cell_at(r, i) = cell::not_captured();

    // ---- header
    report_header& h = r.header;
    h.year = year;
    h.publication_date = published;
    if (!title_text.empty()) h.title = title_text;
    {
        std::string body;
        if (!title_text.empty()) {
            const std::u32string t = to_u32(title_text);
            std::u32string b;
            if (year_pos_in_title != npos && year_pos_in_title > 0) {
                b = t.substr(0, year_pos_in_title);
            } else {
                std::size_t from = 0;
                if (year_pos_in_title == 0) {
                    from = t.find(U'年');
                    from = from == npos ? 0 : from + 1;
                    if (from < t.size() && t[from] == U'度') ++from;
                }
                std::size_t to = t.find(U"政府信息公开", from);
                if (to == npos) to = t.find(U"年度报告", from);
                if (to != npos && to > from) b = t.substr(from, to - from);
            }
            b = trim(b);
            for (std::u32string_view suffix : {U"关于", U"的"})
                if (b.size() > suffix.size() && b.substr(b.size() - suffix.size()) == suffix)
                    b = trim(b.substr(0, b.size() - suffix.size()));
            body = to_u8(b);
        }
        h.body = body;
    }
    if (!preamble.empty()) h.preamble = preamble;
    if (period_start && period_end)
        h.statistics_period = date_period{period_start->date, period_end->date};
    else if (!preamble.empty())
        log_entry(log, codes::I_018, "statistics period (统计期限) not found in the preamble");
    if (const auto url = find_url(pre)) h.portal_url = *url;
    {
        contact_block c;
        c.address = labelled_value(pre, {U"通讯地址", U"联系地址", U"办公地址", U"地址"});
        c.postcode = labelled_value(pre, {U"邮政编码", U"邮编"});
        c.phone = labelled_value(pre, {U"联系电话", U"咨询电话", U"电话"});
        c.fax = labelled_value(pre, {U"传真"});
        c.email = labelled_value(
            pre, {U"电子邮箱", U"电子信箱", U"电子邮件", U"邮箱", U"E-mail", U"e-mail", U"Email", U"email"});
        if (c.address || c.postcode || c.phone || c.fax || c.email)
            h.contact = c;
        else if (!preamble.empty())
            log_entry(log, codes::I_018, "contact block (地址/邮编/电话/传真/电子邮箱) not found in the preamble");
    }
    h.legal_bases = legal_bases(pre);

    // ---- narrative sections; the signature ends the last section
    std::size_t last_end = n;
    {
        // Signature: a date line near the end, with the body on the line before it.
        int last_section = 0;
        for (int k = 6; k >= 1; --k)
            if (head[static_cast<std::size_t>(k)] != npos) {
                last_section = k;
                break;
            }
        const std::size_t floor = last_section > 0 ? head[static_cast<std::size_t>(last_section)] + 1 : first_content;
        std::size_t date_at = npos;
        std::optional<found_date> date;
        for (std::size_t i = n; i > floor && n - i < 12;) {
            --i;
            const block& b = blocks[i];
            if (b.type != block::kind::line || longer_than(b.text, 40)) continue;
            const std::u32string t = to_u32(b.text);
            const auto d = find_date(t);
            if (!d) continue;
            // Only the date (and perhaps the body) on the line.
            if (trim(t.substr(d->end)).size() > 0) continue;
            date = d;
            date_at = i;
            break;
        }
        if (date_at != npos) {
            signature_block sig;
            sig.date = date->date;
            const std::u32string t = to_u32(blocks[date_at].text);
            const std::u32string before = trim(t.substr(0, date->begin));
            std::size_t sig_start = date_at;
            if (!before.empty()) {
                sig.body = to_u8(before);
            } else if (date_at > floor && blocks[date_at - 1].type == block::kind::line) {
                const std::string& prev = blocks[date_at - 1].text;
                const std::u32string pu = to_u32(prev);
                if (!longer_than(prev, 40) && !pu.empty() && !is_terminal(pu.back()) &&
                    !section_heading(blocks[date_at - 1]) && blocks[date_at - 1].heading == 0) {
                    sig.body = prev;
                    sig_start = date_at - 1;
                }
            }
            h.signature = sig;
            if (date_at + 1 < n) {
                log_entry(log, codes::I_017,
                          std::to_string(n - date_at - 1) + " line(s) after the signature skipped, from \"" +
                              clip(blocks[date_at + 1].text) + "\"",
                          {}, blocks[date_at + 1].where);
            }
            last_end = sig_start;
        } else {
            log_entry(log, codes::I_019, "no signature (issuing body and date) at the end of the report");
        }
    }
    if (h.body.empty() && h.signature && h.signature->body) {
        h.body = *h.signature->body;
        log_entry(log, codes::I_014, "issuing body not found in the title; taken from the signature: " + h.body);
    } else if (h.body.empty()) {
        log_entry(log, codes::I_014, "issuing body not found in the title or the signature");
    }
    if (!h.body.empty()) {
        const admin_level level = level_of(h.body);
        if (level != admin_level::unknown) {
            h.level = level;
            log_entry(log, codes::I_015,
                      std::string("administrative level '") + level_name(level) + "' inferred from the body's name \"" +
                          h.body + "\"");
        }
    }

    const auto section_names = [](int k) { return std::string(xxgk::section_heading(k)->label); };
    for (int k = 1; k <= 6; ++k) {
        const std::size_t hi = head[static_cast<std::size_t>(k)];
        if (hi == npos) {
            log_entry(log, codes::I_020, std::string("section heading ") + section_names(k) + " not found");
            continue;
        }
        if (implicit[static_cast<std::size_t>(k)]) {
            log_entry(log, codes::I_022,
                      std::string("section ") + section_names(k) +
                          " has no heading; recognised by the table that starts it",
                      {}, blocks[hi].where);
            continue;
        }
        const auto hit = section_heading(blocks[hi]);
        if (hit && !hit->exact)
            log_entry(log, codes::I_021, "heading \"" + blocks[hi].text + "\" read as " + section_names(k), {},
                      blocks[hi].where);
        if (has_traditional(blocks[hi].text))
            log_entry(log, codes::I_032,
                      "heading \"" + blocks[hi].text + "\" matched after traditional → simplified conversion", {},
                      blocks[hi].where);
    }

    const auto narrative = [&](int k) -> std::optional<narrative_section> {
        auto [a, z] = region(k);
        if (a == npos) return std::nullopt;
        if (z > last_end) z = std::max(a, last_end);
        narrative_section s;
        s.heading = blocks[head[static_cast<std::size_t>(k)]].text;
        narrative_builder nb(s, log, true, doc.valid_utf8);
        for (std::size_t i = a; i < z; ++i) nb.add(blocks[i]);
        nb.finish();
        return s;
    };
    r.overview = narrative(1);
    r.problems = narrative(5);
    r.other_matters = narrative(6);

    // Scope (formats.md §3.1): a compiled report splits its figures into 本级 and 下属单位 (or says it
    // was 汇总); a department's report is its own. Anything else stays unknown.
    {
        std::u32string text;
        for (const auto* s : {&r.overview, &r.problems}) {
            if (!*s) continue;
            for (const std::string& p : (*s)->paragraphs) text += fold(p);
            for (const subsection& sub : (*s)->subsections)
                for (const std::string& p : sub.paragraphs) text += fold(p);
        }
        text += fold(preamble);
        const std::u32string body = to_u32(h.body);
        const bool government = contains(body, U"人民政府") && !contains(body, U"办公室") && !contains(body, U"办公厅");
        if (government && ((contains(text, U"本级") &&
                            (contains(text, U"下属单位") || contains(text, U"各部门") || contains(text, U"各乡镇"))) ||
                           contains(text, U"汇总编制") || contains(text, U"汇总而成") || contains(text, U"逐级汇总"))) {
            h.scope = report_scope::compiled;
            log_entry(
                log, codes::I_029,
                "scope 本级政府汇总 (compiled) inferred: the text splits its figures into 本级 and the units below, "
                "or says it was compiled");
        } else if (!body.empty() && !contains(body, U"人民政府")) {
            for (std::u32string_view suffix : {U"局", U"委员会", U"办公室", U"办公厅", U"中心", U"厅", U"委", U"办"})
                if (body.size() > suffix.size() && body.substr(body.size() - suffix.size()) == suffix) {
                    h.scope = report_scope::own;
                    log_entry(log, codes::I_029, "scope 本机关 (own) inferred: \"" + h.body + "\" is one agency");
                    break;
                }
        }
    }

    // 信息处理费 statement (2021): the paragraph of section 六 that speaks of it.
    if (format == format_version::v2021 && r.other_matters) {
        const auto all = [&] {
            std::vector<std::string> ps = r.other_matters->paragraphs;
            for (const subsection& s : r.other_matters->subsections)
                ps.insert(ps.end(), s.paragraphs.begin(), s.paragraphs.end());
            return ps;
        }();
        for (const std::string& p : all) {
            const std::u32string f = fold(p);
            if (!contains(f, U"信息处理费") && !contains(f, U"处理费")) continue;
            processing_fee_statement fees;
            fees.raw = p;
            std::string how = "raw text kept";
            if (contains(f, U"未收取") || contains(f, U"没有收取") || contains(f, U"不收取") ||
                contains(f, U"未产生") || contains(f, U"未发生")) {
                fees.charged = false;
                how = "read as: no fee charged";
            }
            r.processing_fees = fees;
            log_entry(log, codes::I_026, "information processing fee statement \"" + clip(p, 120) + "\": " + how);
            break;
        }
    }

    // ---- table headings and tables
    table_section_headings th;
    bool any_heading = false;
    const auto table_heading = [&](int k) -> std::optional<std::string> {
        const std::size_t hi = head[static_cast<std::size_t>(k)];
        if (hi == npos || implicit[static_cast<std::size_t>(k)]) return std::nullopt;
        any_heading = true;
        return blocks[hi].text;
    };
    th.proactive = table_heading(2);
    th.requests = table_heading(3);
    th.review_litigation = table_heading(4);
    if (any_heading) r.table_headings = th;

    std::array<block_span, 5> spans;
    std::array<bool, 5> present{};
    for (int k = 2; k <= 4; ++k) {
        const auto [a, z] = region(k);
        if (a == npos) continue;
        present[static_cast<std::size_t>(k)] = true;
        for (std::size_t i = a; i < z; ++i) spans[static_cast<std::size_t>(k)].push_back(&blocks[i]);
    }
    read_tables(r, present[2] ? &spans[2] : nullptr, present[3] ? &spans[3] : nullptr, present[4] ? &spans[4] : nullptr,
                log);
    if (!ocr_format_doubt.empty()) {
        // The cells both formats have under the same labels (most of 三 and 四) read the same in
        // either; the others (二, the rows of （六） in 三) are not captured.
        const format_version other = format == format_version::v2019 ? format_version::v2021 : format_version::v2019;
        std::size_t dropped = 0, kept = 0;
        for (const cell_key& k : cell_keys(format)) {
            cell& c = cell_at(r, k.index);
            if (c.state() == cell_state::not_captured) continue;
            const cell_key* same = find_cell_key(other, k.key);
            if (same && same->label_path(other) == k.label_path(format)) {
                ++kept;
                continue;
            }
            const std::optional<provenance> where = c.source();
            c = cell::not_captured();
            c.set_source(where);
            ++dropped;
        }
        log_entry(log, codes::I_116,
                  "the format is uncertain: " + ocr_format_doubt + " (" + evidence + "; report year " +
                      (year ? std::to_string(year) : std::string("not read")) + "); the report is marked " +
                      std::string(to_string(format)) + " only to hold the cells both formats label alike (" +
                      std::to_string(kept) + " read), and the " + std::to_string(dropped) +
                      " cell(s) whose rows or labels differ between the formats are not captured. Import again "
                      "with the format given (import_options::format, xxgk import --format 2019|2021)");
    }
    result.value = std::move(r);
    return result;
}

}  // namespace xxgk::import_detail
