// Blocks → report, step by step (assembler::run): the title, the sections (headings.cpp), the
// preamble and its facts (preamble.cpp), the report year (dates.cpp), the format (§8; the signals
// of the table labels are format_signals.cpp), the header, the signature, the text sections
// (narrative.cpp), scope, the fee statement, and the tables (tables.cpp).
#include "assemble.hpp"
#include "../codes.hpp"

#include "fold.hpp"
#include "log.hpp"

#include <xxgk/error.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/text.hpp>

#include <algorithm>
#include <array>

namespace xxgk::import_detail {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// At most `n` code points of a text, for messages.
std::string clip(std::string_view s, std::size_t n = 60) {
    const std::u32string u = to_u32(s);
    if (u.size() <= n) return std::string(s);
    return to_u8(std::u32string_view(u).substr(0, n)) + "…";
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string s;
    for (const std::string& x : v) {
        if (!s.empty()) s += sep;
        s += x;
    }
    return s;
}

/// One document being assembled. Each step reads what the steps before it found.
class assembler {
public:
    assembler(document& doc, const import_options& options, std::vector<import_log_entry>& log)
        : doc_(doc), options_(options), log_(log), blocks_(doc.blocks), n_(doc.blocks.size()) {}

    report run() {
        find_title();
        sections_ = find_sections(blocks_, first_content_, log_);
        read_signals();
        check_is_report();
        read_preamble();
        read_year();
        const format_version format = decide_format();
        const std::string format_doubt = ocr_format_doubt(format);
        report r = report::make(format);
        for (std::size_t i = 0; i < cell_keys(format).size(); ++i) cell_at(r, i) = cell::not_captured();
        fill_header(r.header);
        const std::size_t last_end = read_signature(r.header);
        name_body(r.header);
        log_sections(sections_, blocks_, log_);
        r.overview = narrative(1, last_end);
        r.problems = narrative(5, last_end);
        r.other_matters = narrative(6, last_end);
        infer_scope(r);
        read_processing_fees(r);
        read_table_sections(r);
        if (!format_doubt.empty()) keep_cells_labelled_alike(r, format_doubt);
        return r;
    }

private:
    void note_publication(const block& b);
    void find_title();
    void read_signals();
    void check_is_report() const;
    void read_preamble();
    void read_year();
    format_version decide_format() const;
    std::string ocr_format_doubt(format_version format) const;
    void keep_cells_labelled_alike(report& r, const std::string& doubt);
    void fill_header(report_header& h) const;
    std::size_t read_signature(report_header& h);
    void name_body(report_header& h);
    std::optional<narrative_section> narrative(int k, std::size_t last_end);
    void infer_scope(report& r);
    void read_processing_fees(report& r);
    void read_table_sections(report& r);

    document& doc_;
    const import_options& options_;
    std::vector<import_log_entry>& log_;
    const std::vector<block>& blocks_;
    const std::size_t n_;

    std::optional<calendar_date> published_;  ///< 发布时间 / 发布日期 of the page metadata
    std::string title_text_;
    std::size_t first_content_ = 0;  ///< the first block after the title
    section_map sections_;
    format_signals signals_;
    std::string preamble_;
    std::u32string pre_;  ///< preamble_ as code points
    std::optional<found_date> period_start_, period_end_;
    std::optional<int> year_title_, year_period_;
    std::size_t year_pos_in_title_ = npos;
    int year_ = 0;
    std::string year_source_;
};

/// The portal's 发布时间 / 发布日期 in the page metadata is the publication date.
void assembler::note_publication(const block& b) {
    if (published_ || b.type != block::kind::line) return;
    const std::u32string t = to_u32(b.text);
    std::size_t p = t.find(U"发布时间");
    if (p == npos) p = t.find(U"发布日期");
    if (p == npos) return;
    std::size_t i = p + 4;
    while (i < t.size() && (is_space(t[i]) || t[i] == U'：' || t[i] == U':')) ++i;
    if (const auto d = find_date(t, i); d && d->begin == i) {
        published_ = d->date;
    } else if (i + 10 <= t.size()) {
        // 2021-01-29
        const auto iso = calendar_date::parse(to_u8(t.substr(i, 10)));
        if (iso) published_ = *iso;
    }
    if (published_)
        log_entry(log_, codes::I_027,
                  "publication date " + published_->to_string() + " read from the page: \"" + clip(b.text) + "\"", {},
                  b.where);
}

/// The title: the first line naming a 年度报告 (page chrome before it is skipped), else the HTML <title>.
void assembler::find_title() {
    std::size_t title = npos;
    for (std::size_t i = 0; i < n_ && i < 400; ++i) {
        const block& b = blocks_[i];
        if (b.type != block::kind::line || longer_than(b.text, 80)) continue;
        const std::u32string& f = folded_text(b);
        if (read_section_heading(b)) break;
        if (contains(f, U">") || contains(f, U"当前位置") || contains(f, U"您的位置")) continue;  // breadcrumbs
        if (contains(f, U"年度报告") || (contains(f, U"信息公开") && contains(f, U"报告"))) {
            title = i;
            break;
        }
    }
    if (title != npos) {
        title_text_ = blocks_[title].text;
        first_content_ = title + 1;
        // A title broken in two: "苍南县人民政府" / "2020年政府信息公开工作年度报告".
        const auto title_year = find_year(to_u32(title_text_));
        if (title > 0 && blocks_[title - 1].type == block::kind::line && title_year && title_year->second == 0 &&
            !longer_than(blocks_[title - 1].text, 30) && !is_page_metadata(blocks_[title - 1]) &&
            !is_sentence_end(to_u32(blocks_[title - 1].text).back()) && !read_section_heading(blocks_[title - 1])) {
            title_text_ = blocks_[title - 1].text + title_text_;
            --title;
        }
        for (std::size_t i = 0; i < title; ++i) note_publication(blocks_[i]);
        if (title > 0)
            log_entry(log_, codes::I_016,
                      std::to_string(title) + " line(s) before the title skipped, from \"" + clip(blocks_[0].text) +
                          "\"",
                      {}, blocks_[0].where);
    } else if (doc_.html_title && (contains(fold(*doc_.html_title), U"报告"))) {
        title_text_ = *doc_.html_title;
        for (std::string_view sep : {" - ", "_", " | ", "－", "—"}) {
            const std::size_t p = title_text_.find(sep);
            if (p != std::string::npos && p > 0) title_text_ = title_text_.substr(0, p);
        }
        title_text_ = trim(title_text_);
        log_entry(log_, codes::I_013, "no title line in the page; the <title> element \"" + title_text_ + "\" is used");
    } else {
        log_entry(log_, codes::I_013, "title not found");
    }
}

/// The format signals, from the table sections (or from every row when they are missing).
void assembler::read_signals() {
    std::vector<const block*> table_blocks;
    for (int k = 2; k <= 4; ++k) {
        const auto [a, z] = sections_.region(k);
        if (a == section_map::none) continue;
        for (std::size_t i = a; i < z; ++i) table_blocks.push_back(&blocks_[i]);
    }
    if (table_blocks.empty())
        for (const block& b : blocks_)
            if (b.type == block::kind::row) table_blocks.push_back(&b);
    signals_ = table_signals(table_blocks);
}

/// Not a report at all: fewer than two pieces of evidence among a title naming a report, the
/// section headings, and the table labels (worth two) — a news item about a report has a title
/// and nothing else. Throws `error` (invalid_value).
void assembler::check_is_report() const {
    const bool has_title = !title_text_.empty();
    const std::size_t clues =
        (has_title ? 1 : 0) + sections_.found() + (signals_.v2019.empty() && signals_.v2021.empty() ? 0 : 2);
    if (clues < 2)
        throw error(errc::invalid_value,
                    "not a 政府信息公开工作年度报告: " +
                        std::string(has_title ? "a title, but no section heading and no table label of either format"
                                              : "no title, no section heading and no table label of either format") +
                        " found");
}

/// The preamble: the paragraphs between the title and the first section (page metadata skipped).
void assembler::read_preamble() {
    narrative_section preamble_section;
    narrative_builder pb(preamble_section, log_, false, doc_.valid_utf8);
    const std::size_t end = std::min(sections_.first_heading(), n_);
    for (std::size_t i = first_content_; i < end; ++i) {
        if (blocks_[i].type == block::kind::line && is_page_metadata(blocks_[i])) {
            note_publication(blocks_[i]);
            log_entry(log_, codes::I_016, "page metadata skipped: \"" + blocks_[i].text + "\"", {}, blocks_[i].where);
            continue;
        }
        pb.add(blocks_[i]);
    }
    pb.finish();
    preamble_ = join(preamble_section.paragraphs, "\n");
    pre_ = to_u32(preamble_);
}

/// The report year: given by the caller, else the title, the statistics period, the preamble's "YYYY年度".
void assembler::read_year() {
    {
        std::size_t p = pre_.find(U"统计期");
        if (p == npos) p = pre_.find(U"统计时间");
        if (p == npos) p = pre_.find(U"统计时限");
        if (p == npos) p = pre_.find(U"统计范围");
        if (p != npos) {
            period_start_ = find_date(pre_, p);
            if (period_start_ && period_start_->begin - p < 40) period_end_ = find_date(pre_, period_start_->end);
            if (period_end_ && period_end_->begin - period_start_->end > 12) period_end_.reset();
            if (!period_end_) period_start_.reset();
        }
    }
    std::optional<int> year_text;
    if (!title_text_.empty())
        if (const auto y = find_year(to_u32(title_text_))) {
            year_title_ = y->first;
            year_pos_in_title_ = y->second;
        }
    if (period_start_) year_period_ = period_start_->date.year;
    if (const auto y = find_year(pre_)) year_text = y->first;
    if (options_.year) {
        year_ = *options_.year;
        year_source_ = "given by the caller";
    } else if (year_title_) {
        year_ = *year_title_;
        year_source_ = "read from the title";
    } else if (year_period_) {
        year_ = *year_period_;
        year_source_ = "read from the statistics period";
    } else if (year_text) {
        year_ = *year_text;
        year_source_ = "read from the preamble";
    }
    if (year_ != 0) {
        log_entry(log_, codes::I_007, "report year " + std::to_string(year_) + " " + year_source_);
        std::string conflict;
        if (year_title_ && *year_title_ != year_) conflict += " title " + std::to_string(*year_title_);
        if (year_period_ && *year_period_ != year_) conflict += " statistics period " + std::to_string(*year_period_);
        if (!conflict.empty())
            log_entry(log_, codes::I_008,
                      "report year " + std::to_string(year_) + " (" + year_source_ + "), but" + conflict);
    } else {
        log_entry(log_, codes::I_009, "no report year in the title, the statistics period or the preamble");
    }
    if (year_ != 0 && year_ < 2019)
        log_entry(log_, codes::I_010,
                  "report year " + std::to_string(year_) +
                      " predates the 2019 条例 formats; its tables are mapped as if they followed one of them");
}

/// The format (formats.md §8): forced by the caller, else the table labels, else the report year;
/// every decision and disagreement logged.
format_version assembler::decide_format() const {
    std::optional<format_version> from_tables;
    const std::size_t s19 = signals_.v2019.size(), s21 = signals_.v2021.size();
    std::string evidence = "2019 labels: " + (s19 ? join(signals_.v2019, "、") : std::string("none")) +
                           "; 2021 labels: " + (s21 ? join(signals_.v2021, "、") : std::string("none"));
    const std::optional<format_version> from_year = year_ >= 2019 ? format_for_year(year_) : std::nullopt;
    if (s19 > 0 && s21 == 0) from_tables = format_version::v2019;
    if (s21 > 0 && s19 == 0) from_tables = format_version::v2021;
    if (s19 > 0 && s21 > 0) {
        from_tables = s19 > s21 ? format_version::v2019 : s21 > s19 ? format_version::v2021 : from_year;
        if (!from_tables) from_tables = format_version::v2021;
        log_entry(log_, codes::I_003,
                  "the tables carry labels of both formats (" + evidence + "); read as the " +
                      std::string(to_string(*from_tables)) + " format" +
                      (s19 == s21 ? " (tie broken by the report year)" : " (majority of labels)"));
    }
    format_version format;
    if (options_.format) {
        format = *options_.format;
        log_entry(log_, codes::I_005, "format " + std::string(to_string(format)) + " forced by the caller");
        if (from_tables && *from_tables != format)
            log_entry(log_, codes::I_006,
                      "the tables look like the " + std::string(to_string(*from_tables)) + " format (" + evidence +
                          ") but the " + std::string(to_string(format)) + " format was forced");
    } else if (from_tables) {
        format = *from_tables;
        if (s19 == 0 || s21 == 0)
            log_entry(log_, codes::I_001,
                      "format " + std::string(to_string(format)) + " from the table labels (" + evidence + ")" +
                          (from_year && *from_year == format ? "; the report year " + std::to_string(year_) + " agrees"
                                                             : std::string()));
        if (from_year && *from_year != format)
            log_entry(log_, codes::I_002,
                      "report year " + std::to_string(year_) + " calls for the " + std::string(to_string(*from_year)) +
                          " format, but the tables are in the " + std::string(to_string(format)) +
                          " format; the tables decide");
    } else {
        format = from_year ? *from_year : format_version::v2021;
        log_entry(log_, codes::I_004,
                  from_year
                      ? "no table label decides the format; the " + std::string(to_string(format)) +
                            " format follows from the report year " + std::to_string(year_)
                      : std::string("no table label and no report year decide the format; the 2021 format is assumed"));
    }
    return format;
}

/// Why the format of a scanned report (OCR) is uncertain, or "" when it is certain. Table labels
/// that lost or gained a character may be labels of the other format, and a misread year digit
/// names the other format too: the format is certain only when the tables show labels of one
/// format alone and the report year agrees, or (no year read) show at least two of them. A
/// format given by the caller is certain.
std::string assembler::ocr_format_doubt(format_version format) const {
    if (doc_.ocr_pages.empty() || options_.format) return {};
    const std::size_t s19 = signals_.v2019.size(), s21 = signals_.v2021.size();
    const std::size_t own = format == format_version::v2019 ? s19 : s21;
    const std::size_t other = format == format_version::v2019 ? s21 : s19;
    const std::optional<format_version> from_year = year_ >= 2019 ? format_for_year(year_) : std::nullopt;
    std::string why;
    if (own == 0)
        why = "no table label read by OCR tells the formats apart";
    else if (other > 0)
        why = "the table labels read by OCR name both formats";
    else if (from_year && *from_year != format)
        why = "the table labels read by OCR and the report year name different formats";
    else if (!from_year && own < 2)
        why = "one table label read by OCR, and no report year, name the format";
    if (why.empty()) return why;
    return why + " (2019 labels: " + (s19 ? join(signals_.v2019, "、") : std::string("none")) +
           "; 2021 labels: " + (s21 ? join(signals_.v2021, "、") : std::string("none")) + "; report year " +
           (year_ ? std::to_string(year_) : std::string("not read")) + ")";
}

/// A scanned report whose format is uncertain (XXGK-I-116): the cells both formats have under the
/// same labels (most of 三 and 四) read the same in either and are kept; the others (二, the rows
/// of （六） in 三) are not captured — a cell placed by the wrong format's rows is a wrong value.
void assembler::keep_cells_labelled_alike(report& r, const std::string& doubt) {
    const format_version format = r.format();
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
    log_entry(log_, codes::I_116,
              "the format is uncertain: " + doubt + "; the report is marked " + std::string(to_string(format)) +
                  " only to hold the cells both formats label alike (" + std::to_string(kept) + " read), and the " +
                  std::to_string(dropped) +
                  " cell(s) whose rows or labels differ between the formats are not captured. Import again with the "
                  "format given (import_options::format, xxgk import --format 2019|2021)");
}

/// The header: year, publication date, title, the body named in the title, the preamble and its facts.
void assembler::fill_header(report_header& h) const {
    h.year = year_;
    h.publication_date = published_;
    if (!title_text_.empty()) h.title = title_text_;
    {
        std::string body;
        if (!title_text_.empty()) {
            const std::u32string t = to_u32(title_text_);
            std::u32string b;
            if (year_pos_in_title_ != npos && year_pos_in_title_ > 0) {
                b = t.substr(0, year_pos_in_title_);
            } else {
                std::size_t from = 0;
                if (year_pos_in_title_ == 0) {
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
    if (!preamble_.empty()) h.preamble = preamble_;
    if (period_start_ && period_end_)
        h.statistics_period = date_period{period_start_->date, period_end_->date};
    else if (!preamble_.empty())
        log_entry(log_, codes::I_018, "statistics period (统计期限) not found in the preamble");
    if (const auto url = find_url(pre_)) h.portal_url = *url;
    {
        contact_block c;
        c.address = labelled_value(pre_, {U"通讯地址", U"联系地址", U"办公地址", U"地址"});
        c.postcode = labelled_value(pre_, {U"邮政编码", U"邮编"});
        c.phone = labelled_value(pre_, {U"联系电话", U"咨询电话", U"电话"});
        c.fax = labelled_value(pre_, {U"传真"});
        c.email = labelled_value(
            pre_, {U"电子邮箱", U"电子信箱", U"电子邮件", U"邮箱", U"E-mail", U"e-mail", U"Email", U"email"});
        if (c.address || c.postcode || c.phone || c.fax || c.email)
            h.contact = c;
        else if (!preamble_.empty())
            log_entry(log_, codes::I_018, "contact block (地址/邮编/电话/传真/电子邮箱) not found in the preamble");
    }
    h.legal_bases = legal_bases(pre_);
}

/// The signature: a date line near the end, with the body on the line before it. Returns the block
/// where it starts (the end of the last section), or the number of blocks when there is none.
std::size_t assembler::read_signature(report_header& h) {
    const int last_section = sections_.last_section();
    const std::size_t floor =
        last_section > 0 ? sections_.head[static_cast<std::size_t>(last_section)] + 1 : first_content_;
    std::size_t date_at = npos;
    std::optional<found_date> date;
    for (std::size_t i = n_; i > floor && n_ - i < 12;) {
        --i;
        const block& b = blocks_[i];
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
    if (date_at == npos) {
        log_entry(log_, codes::I_019, "no signature (issuing body and date) at the end of the report");
        return n_;
    }
    signature_block sig;
    sig.date = date->date;
    const std::u32string t = to_u32(blocks_[date_at].text);
    const std::u32string before = trim(t.substr(0, date->begin));
    std::size_t sig_start = date_at;
    if (!before.empty()) {
        sig.body = to_u8(before);
    } else if (date_at > floor && blocks_[date_at - 1].type == block::kind::line) {
        const std::string& prev = blocks_[date_at - 1].text;
        const std::u32string pu = to_u32(prev);
        if (!longer_than(prev, 40) && !pu.empty() && !is_sentence_end(pu.back()) &&
            !read_section_heading(blocks_[date_at - 1]) && blocks_[date_at - 1].heading == 0) {
            sig.body = prev;
            sig_start = date_at - 1;
        }
    }
    h.signature = sig;
    if (date_at + 1 < n_) {
        log_entry(log_, codes::I_017,
                  std::to_string(n_ - date_at - 1) + " line(s) after the signature skipped, from \"" +
                      clip(blocks_[date_at + 1].text) + "\"",
                  {}, blocks_[date_at + 1].where);
    }
    return sig_start;
}

/// The issuing body when the title does not name it (from the signature), and the level its name tells.
void assembler::name_body(report_header& h) {
    if (h.body.empty() && h.signature && h.signature->body) {
        h.body = *h.signature->body;
        log_entry(log_, codes::I_014, "issuing body not found in the title; taken from the signature: " + h.body);
    } else if (h.body.empty()) {
        log_entry(log_, codes::I_014, "issuing body not found in the title or the signature");
    }
    if (!h.body.empty()) {
        const admin_level level = level_of(h.body);
        if (level != admin_level::unknown) {
            h.level = level;
            log_entry(log_, codes::I_015,
                      std::string("administrative level '") + level_name(level) + "' inferred from the body's name \"" +
                          h.body + "\"");
        }
    }
}

/// Text section k (1, 5 or 6), cut at the signature; nullopt when the section was not found.
std::optional<narrative_section> assembler::narrative(int k, std::size_t last_end) {
    auto [a, z] = sections_.region(k);
    if (a == section_map::none) return std::nullopt;
    if (z > last_end) z = std::max(a, last_end);
    narrative_section s;
    s.heading = blocks_[sections_.head[static_cast<std::size_t>(k)]].text;
    narrative_builder nb(s, log_, true, doc_.valid_utf8);
    for (std::size_t i = a; i < z; ++i) nb.add(blocks_[i]);
    nb.finish();
    return s;
}

/// Scope (formats.md §3.1): a compiled report splits its figures into 本级 and 下属单位 (or says it
/// was 汇总); a department's report is its own. Anything else stays unknown.
void assembler::infer_scope(report& r) {
    std::u32string text;
    for (const auto* s : {&r.overview, &r.problems}) {
        if (!*s) continue;
        for (const std::string& p : (*s)->paragraphs) text += fold(p);
        for (const subsection& sub : (*s)->subsections)
            for (const std::string& p : sub.paragraphs) text += fold(p);
    }
    text += fold(preamble_);
    const std::u32string body = to_u32(r.header.body);
    const bool government = contains(body, U"人民政府") && !contains(body, U"办公室") && !contains(body, U"办公厅");
    if (government && ((contains(text, U"本级") &&
                        (contains(text, U"下属单位") || contains(text, U"各部门") || contains(text, U"各乡镇"))) ||
                       contains(text, U"汇总编制") || contains(text, U"汇总而成") || contains(text, U"逐级汇总"))) {
        r.header.scope = report_scope::compiled;
        log_entry(log_, codes::I_029,
                  "scope 本级政府汇总 (compiled) inferred: the text splits its figures into 本级 and the units below, "
                  "or says it was compiled");
    } else if (!body.empty() && !contains(body, U"人民政府")) {
        for (std::u32string_view suffix : {U"局", U"委员会", U"办公室", U"办公厅", U"中心", U"厅", U"委", U"办"})
            if (body.size() > suffix.size() && body.substr(body.size() - suffix.size()) == suffix) {
                r.header.scope = report_scope::own;
                log_entry(log_, codes::I_029, "scope 本机关 (own) inferred: \"" + r.header.body + "\" is one agency");
                break;
            }
    }
}

/// The 信息处理费 statement (2021): the paragraph of section 六 that speaks of it.
void assembler::read_processing_fees(report& r) {
    if (r.format() == format_version::v2021 && r.other_matters) {
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
            log_entry(log_, codes::I_026, "information processing fee statement \"" + clip(p, 120) + "\": " + how);
            break;
        }
    }
}

/// The printed headings of sections 二–四, and their tables (tables.cpp).
void assembler::read_table_sections(report& r) {
    table_section_headings th;
    bool any_heading = false;
    const auto table_heading = [&](int k) -> std::optional<std::string> {
        const std::size_t hi = sections_.head[static_cast<std::size_t>(k)];
        if (hi == section_map::none || sections_.implicit[static_cast<std::size_t>(k)]) return std::nullopt;
        any_heading = true;
        return blocks_[hi].text;
    };
    th.proactive = table_heading(2);
    th.requests = table_heading(3);
    th.review_litigation = table_heading(4);
    if (any_heading) r.table_headings = th;

    std::array<block_span, 5> spans;
    std::array<bool, 5> present{};
    for (int k = 2; k <= 4; ++k) {
        const auto [a, z] = sections_.region(k);
        if (a == section_map::none) continue;
        present[static_cast<std::size_t>(k)] = true;
        for (std::size_t i = a; i < z; ++i) spans[static_cast<std::size_t>(k)].push_back(&blocks_[i]);
    }
    read_tables(r, present[2] ? &spans[2] : nullptr, present[3] ? &spans[3] : nullptr, present[4] ? &spans[4] : nullptr,
                doc_.ocr_pages, log_);
}

}  // namespace

import_result assemble(document doc, const import_options& options) {
    import_result result;
    result.log = std::move(doc.log);
    result.value = assembler(doc, options, result.log).run();
    return result;
}

}  // namespace xxgk::import_detail
