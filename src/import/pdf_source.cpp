// PDF → blocks: the text layer read with poppler's C++ API (docs/import.md, "PDF"). Tables drawn
// with rules (read with qpdf, pdf_rules.cpp) are read box by box, as an HTML table is
// (find_lattices). Tables without rules are rebuilt from the geometry of the text boxes: rows
// come from y (a row is a line that prints values), columns from the leaf header cells' x ranges
// (or, without a header, from where the values stand), and labels from the text left of the
// values, joined per x column over the lines nearest to the row.
//
// Every threshold is a fraction of the text height (the box height), never absolute points: the
// same rules then hold for 9 pt table text and 16 pt body text, on A4 and on A5.
#include "../codes.hpp"
#include "document.hpp"
#include "cells.hpp"
#include "log.hpp"
#include "pdf_rules.hpp"
#include "ocr.hpp"

#include <xxgk/error.hpp>
#include <xxgk/text.hpp>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#if XXGK_WITH_OCR
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#endif

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace xxgk::import_detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Geometry

/// A run of text on one line of a page (one or more poppler words), or a vertical run.
struct frag {
    std::string text;
    double l = 0, t = 0, r = 0, b = 0;
    std::uint32_t page = 0;  ///< 1-based
    bool vertical = false;   ///< printed top to bottom (rotated glyphs), e.g. 三、本年度办理结果
    bool space_after = false;
    /// The poppler words the run was merged from (empty: one word), so that a run merged across
    /// a narrow gap between two table cells can be cut again where a cell begins.
    struct word {
        std::size_t at;  ///< byte offset of the word in `text`
        double l, r;
    };
    std::vector<word> words;
    double h() const { return b - t; }
    double w() const { return r - l; }
    double cx() const { return (l + r) / 2; }
    double cy() const { return (t + b) / 2; }
};

/// The words of one line of a page, merged into fragments (runs without a column gap).
struct pline {
    std::vector<frag> frags;
    std::uint32_t page = 0;
    double t = 0, b = 0;  ///< band of the line's first word (the line's seed)
    double cy() const { return (t + b) / 2; }
    double h() const { return b - t; }
    double l() const { return frags.empty() ? 0 : frags.front().l; }
    double r() const { return frags.empty() ? 0 : frags.back().r; }
    std::string text() const {
        std::string s;
        for (std::size_t i = 0; i < frags.size(); ++i) {
            if (i) s += ' ';
            s += frags[i].text;
        }
        return s;
    }
    // Roles, decided by find_tables.
    bool value = false;  ///< prints values: an anchor of a table row
    int table = -1;      ///< the rebuilt table this line belongs to (header, row or label line)
};

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

decimal points(double v) { return decimal(static_cast<std::int64_t>(std::llround(v * 100)), 2); }

page_box box_of(double l, double t, double r, double b) { return {points(l), points(t), points(r), points(b)}; }

provenance where_of(const frag& f) {
    provenance p;
    p.page = f.page;
    p.box = box_of(f.l, f.t, f.r, f.b);
    return p;
}

/// Appends `b` to `a` (same line): a space where the PDF has one or the gap is wider than a
/// quarter of the text height (fold() drops spaces inside labels anyway).
void append_frag(frag& a, const frag& b) {
    const double gap = b.l - a.r;
    if (a.words.empty()) a.words.push_back({0, a.l, a.r});
    if (a.space_after || gap > 0.25 * std::min(a.h(), b.h())) a.text += ' ';
    const std::size_t at = a.text.size();
    if (b.words.empty())
        a.words.push_back({at, b.l, b.r});
    else
        for (frag::word w : b.words) a.words.push_back({at + w.at, w.l, w.r});
    a.text += b.text;
    a.l = std::min(a.l, b.l);
    a.t = std::min(a.t, b.t);
    a.r = std::max(a.r, b.r);
    a.b = std::max(a.b, b.b);
    a.space_after = b.space_after;
}

/// `f` cut between two of its words where `cut_between(right edge of the word before, left edge
/// of the word)` says a cell ends and another begins.
template <class Pred>
std::vector<frag> cut_frag_between(const frag& f, Pred cut_between) {
    std::vector<frag> out;
    std::size_t from = 0;
    const auto piece = [&](std::size_t a, std::size_t b) {
        frag p = f;
        p.words.clear();
        const std::size_t end = b < f.words.size() ? f.words[b].at : f.text.size();
        p.text = trim(f.text.substr(f.words[a].at, end - f.words[a].at));
        p.l = f.words[a].l;
        p.r = f.words[b - 1].r;
        for (std::size_t k = a; k < b; ++k)
            p.words.push_back({f.words[k].at - f.words[a].at, f.words[k].l, f.words[k].r});
        if (!p.text.empty()) out.push_back(std::move(p));
    };
    for (std::size_t k = 1; k < f.words.size(); ++k)
        if (cut_between(f.words[k - 1].r, f.words[k].l)) {
            piece(from, k);
            from = k;
        }
    if (from == 0) return {f};
    piece(from, f.words.size());
    return out;
}

/// `f` cut before each of its words that stands apart from the word before it (a gap of more
/// than 0.2 of the text height: glyphs of one cell run on without one) and for which `cut_here`
/// says a cell begins there.
template <class Pred>
std::vector<frag> cut_frag(const frag& f, Pred cut_here) {
    return cut_frag_between(f, [&](double before, double x) { return x - before > 0.2 * f.h() && cut_here(x); });
}

/// Page chrome: a page number as printed in headers and footers ("-3-", "— 6 —", "第 3 页",
/// "第3页 共5页", "3/5", "3").
bool is_page_number(std::string_view text) {
    std::u32string s;
    for (char32_t c : to_u32(text))
        if (!is_space(c)) s += c;
    bool digit = false;
    for (char32_t c : s) {
        if (c >= U'0' && c <= U'9') {
            digit = true;
            continue;
        }
        if (c == U'-' || c == U'—' || c == U'–' || c == U'－' || c == U'~' || c == U'·' || c == U'第' || c == U'页' ||
            c == U'共' || c == U'/' || c == U'(' || c == U')' || c == U'（' || c == U'）')
            continue;
        return false;
    }
    return digit && s.size() <= 16;
}

// ---------------------------------------------------------------------------------------------
// Reading the pages

/// poppler's global state (its parameters and font caches) is shared by every document; one
/// import at a time keeps `import_pdf` safe to call from several threads.
std::mutex& poppler_mutex() {
    static std::mutex m;
    return m;
}

struct page_text {
    std::vector<pline> lines;
    std::vector<frag> vertical;  ///< vertical runs, one per column of rotated glyphs
    double height = 0;
};

std::string utf8_of(const poppler::ustring& u) {
    const poppler::byte_array a = u.to_utf8();
    std::vector<std::size_t> bad;  // poppler's UTF-8 is valid; a broken font map is replaced, not trusted
    return sanitize_utf8(std::string_view(a.data(), a.size()), bad);
}

/// The advance width of the box's first CJK ideograph, which is one em in every CJK font; 0 when
/// the box has none (digits, Latin text).
double ideograph_em(const poppler::text_box& tb) {
    const poppler::ustring u = tb.text();
    for (std::size_t i = 0; i < u.size(); ++i)
        if (u[i] >= 0x4E00 && u[i] <= 0x9FFF) return tb.char_bbox(i).width();
    return 0;
}

/// Lines and runs from a page's words (its text layer, or OCR): words grouped into lines by
/// their vertical bands, runs by the gaps between them; rotated words into vertical runs.
page_text layout_page(std::vector<frag> words, std::vector<frag> rotated, std::uint32_t number, double height) {
    page_text out;
    out.height = height;
    // Lines: words whose vertical bands overlap by 70% of the smaller height. Sorting by the
    // centre keeps the candidate lines among the last few.
    std::stable_sort(words.begin(), words.end(), [](const frag& a, const frag& b) { return a.cy() < b.cy(); });
    for (frag& w : words) {
        pline* best = nullptr;
        double best_ov = 0;
        const std::size_t n = out.lines.size();
        for (std::size_t i = n > 8 ? n - 8 : 0; i < n; ++i) {
            pline& ln = out.lines[i];
            const double ov = overlap(ln.t, ln.b, w.t, w.b) / std::min(ln.h(), w.h());
            if (ov >= 0.7 && ov > best_ov) {
                best = &ln;
                best_ov = ov;
            }
        }
        if (!best) {
            out.lines.emplace_back();
            best = &out.lines.back();
            best->page = number;
            best->t = w.t;
            best->b = w.b;
        }
        best->frags.push_back(std::move(w));
    }
    // Fragments: words closer than 0.45 of the text height are one run ("1." "属于国家秘密");
    // neighbouring table cells stand further apart (narrow header cells "结果" "其他" only about
    // half a text height). Letter-spaced words ("总 计") are joined as header cells below.
    for (pline& ln : out.lines) {
        std::stable_sort(ln.frags.begin(), ln.frags.end(), [](const frag& a, const frag& b) { return a.l < b.l; });
        std::vector<frag> merged;
        for (frag& f : ln.frags) {
            if (!merged.empty() && f.l - merged.back().r < 0.45 * std::min(f.h(), merged.back().h()))
                append_frag(merged.back(), f);
            else
                merged.push_back(std::move(f));
        }
        ln.frags = std::move(merged);
    }
    std::stable_sort(out.lines.begin(), out.lines.end(), [](const pline& a, const pline& b) { return a.t < b.t; });
    // Vertical runs: rotated words in one x column, each following the last within a text width.
    std::stable_sort(rotated.begin(), rotated.end(),
                     [](const frag& a, const frag& b) { return a.l != b.l ? a.l < b.l : a.t < b.t; });
    std::stable_sort(rotated.begin(), rotated.end(), [](const frag& a, const frag& b) { return a.t < b.t; });
    for (frag& f : rotated) {
        frag* run = nullptr;
        for (frag& v : out.vertical)
            if (overlap(v.l, v.r, f.l, f.r) > 0.5 * std::min(v.w(), f.w()) && f.t - v.b < 1.5 * f.w()) run = &v;
        if (run) {
            run->text += f.text;
            run->t = std::min(run->t, f.t);
            run->b = std::max(run->b, f.b);
            run->l = std::min(run->l, f.l);
            run->r = std::max(run->r, f.r);
        } else {
            out.vertical.push_back(std::move(f));
        }
    }
    return out;
}

page_text read_page(const poppler::page& p, std::uint32_t number) {
    const poppler::rectf rect = p.page_rect();
    std::vector<frag> words;
    std::vector<frag> rotated;
    const std::vector<poppler::text_box> boxes = p.text_list(poppler::page::text_list_include_font);
    // The text height is the unit of every threshold, but poppler's box height comes from the
    // font's declared bounding box: for the Type 3 fonts Chromium writes (Noto CJK) it is 2.6 em,
    // taller than the line pitch, so the lines of a wrapped label would overlap. The em is known
    // from the advance of an ideograph (1 em in every CJK font): per font size, the smallest ratio
    // of box height to em, and boxes taller than 1.2 em are shrunk to 1.2 em about their centre
    // (WPS, Word and WenQuanYi boxes are 1.0–1.2 em and stay as they are).
    std::map<long, double> ratio;  // font size (1/100 pt) → box height / em
    for (const poppler::text_box& tb : boxes) {
        if (tb.rotation() != 0) continue;
        const double em = ideograph_em(tb);
        if (!(em > 0)) continue;
        const long key = std::lround(tb.get_font_size() * 100);
        const double r = tb.bbox().height() / em;
        auto it = ratio.find(key);
        if (it == ratio.end() || r < it->second) ratio[key] = r;
    }
    for (const poppler::text_box& tb : boxes) {
        frag f;
        f.text = trim(utf8_of(tb.text()));
        if (f.text.empty()) continue;
        const poppler::rectf bb = tb.bbox();
        f.l = bb.left();
        f.t = bb.top();
        f.r = bb.right();
        f.b = bb.bottom();
        if (!(f.r > f.l) || !(f.b > f.t) || !std::isfinite(f.l + f.t + f.r + f.b)) continue;
        if (tb.rotation() == 0) {
            const auto it = ratio.find(std::lround(tb.get_font_size() * 100));
            if (it != ratio.end() && it->second > 1.2) {
                const double h = (f.b - f.t) / it->second * 1.2, cy = (f.t + f.b) / 2;
                f.t = cy - h / 2;
                f.b = cy + h / 2;
            }
        }
        f.page = number;
        f.space_after = tb.has_space_after();
        // Rotation 1 and 3: glyphs run down the page (a group label printed one character per
        // line in a narrow cell is laid out so by WPS).
        if (tb.rotation() == 1 || tb.rotation() == 3) {
            f.vertical = true;
            rotated.push_back(std::move(f));
        } else {
            words.push_back(std::move(f));
        }
    }
    return layout_page(std::move(words), std::move(rotated), number, rect.height());
}

// ---------------------------------------------------------------------------------------------
// Tables

bool is_value_frag(const frag& f) { return !f.vertical && is_value_text(f.text); }

/// A heading that starts a new part of the report, never a header cell: "三、收到…", "第二十条第（一）项".
bool is_heading_text(std::string_view text) {
    const std::u32string s = to_u32(text);
    if (s.rfind(U"第二十条", 0) == 0) return true;
    std::size_t i = 0;
    while (i < s.size() && std::u32string_view(U"一二三四五六七八九十").find(s[i]) != std::u32string_view::npos) ++i;
    return i > 0 && i < s.size() && (s[i] == U'、' || s[i] == U'.' || s[i] == U'．');
}

/// A label that begins a row of the template: "一、", "（三）", "(3)", "1.", "2、" at its start.
bool starts_with_ordinal(std::string_view text) {
    const std::u32string s = to_u32(text);
    const std::u32string_view han = U"一二三四五六七八九十";
    std::size_t i = 0;
    if (i < s.size() && (s[i] == U'（' || s[i] == U'(')) {
        ++i;
        const std::size_t from = i;
        while (i < s.size() && (han.find(s[i]) != std::u32string_view::npos || (s[i] >= U'0' && s[i] <= U'9'))) ++i;
        return i > from && i < s.size() && (s[i] == U'）' || s[i] == U')');
    }
    const std::size_t from = i;
    while (i < s.size() && (han.find(s[i]) != std::u32string_view::npos || (s[i] >= U'0' && s[i] <= U'9'))) ++i;
    return i > from && i < s.size() && (s[i] == U'、' || s[i] == U'.' || s[i] == U'．');
}

/// A column of a rebuilt table.
struct column {
    double l = 0, r = 0;  ///< x range of the header cell's text, or of the values seen
    std::string header;   ///< the header cell's text, lines joined
    std::optional<provenance> header_where;
    /// Where the table's values stand in this column, on the edge or centre the table aligns
    /// its values by (`value_alignment`); NaN when the values do not establish it.
    double anchor = std::nan("");
    double cx() const { return (l + r) / 2; }
};

/// How a table aligns its values in their boxes, found from the values themselves.
enum class alignment { unknown, left, centre, right };

double anchor_of(const frag& f, alignment a) {
    return a == alignment::left ? f.l : a == alignment::right ? f.r : f.cx();
}

/// How far a value stands from a column: centred, left- or right-aligned text all count.
double distance(const frag& f, const column& c) {
    return std::min({std::abs(f.cx() - c.cx()), std::abs(f.l - c.l), std::abs(f.r - c.r)});
}

/// The rules of one page merged into lines: pieces along one line (within 1 pt across) that touch
/// or overlap (within 1.5 pt) are one rule, so a border drawn cell by cell reads as one line.
struct page_lines {
    std::vector<ruling> horizontal, vertical;

    static std::vector<ruling> merged(std::vector<ruling> v) {
        std::sort(v.begin(), v.end(),
                  [](const ruling& a, const ruling& b) { return a.at != b.at ? a.at < b.at : a.from < b.from; });
        // Cluster by position across, then join along.
        std::vector<ruling> out;
        std::size_t i = 0;
        while (i < v.size()) {
            std::size_t j = i;
            while (j + 1 < v.size() && v[j + 1].at - v[i].at <= 1.0) ++j;
            std::vector<ruling> line(v.begin() + static_cast<std::ptrdiff_t>(i),
                                     v.begin() + static_cast<std::ptrdiff_t>(j + 1));
            std::sort(line.begin(), line.end(), [](const ruling& a, const ruling& b) { return a.from < b.from; });
            double at = 0;
            for (const ruling& r : line) at += r.at;
            at /= static_cast<double>(line.size());
            for (const ruling& r : line) {
                if (!out.empty() && std::abs(out.back().at - at) < 1e-9 && r.from <= out.back().to + 1.5) {
                    out.back().to = std::max(out.back().to, r.to);
                    continue;
                }
                out.push_back({r.from, r.to, at});
            }
            i = j + 1;
        }
        return out;
    }

    explicit page_lines(const page_rules& r) : horizontal(merged(r.horizontal)), vertical(merged(r.vertical)) {}
    page_lines() = default;
};

/// A table drawn with rules on one page (a lattice): the rule positions, and the boxes they
/// enclose — a box spans the grid cells between which no rule is drawn (a rowspan or colspan).
struct grid {
    std::uint32_t page = 0;
    std::vector<double> xs, ys;  ///< rule positions, left to right and top to bottom
    struct box {
        std::size_t r0 = 0, c0 = 0, r1 = 0, c1 = 0;  ///< first and last grid row and column
        std::vector<frag> text;                      ///< the runs printed inside, top to bottom
    };
    std::vector<box> boxes;
    std::vector<std::size_t> at;  ///< box index of each grid cell, row-major
    /// The first (last) column closed by the horizontal rules' common end, no rule drawn there:
    /// the table may be cut at that side, so no text may reach the edge (fill_grid).
    bool open_left = false, open_right = false;
    std::size_t columns() const { return xs.size() - 1; }
    std::size_t rows() const { return ys.size() - 1; }
};

struct table {
    std::vector<std::size_t> rows;     ///< indexes of the value lines (anchors)
    std::vector<std::size_t> headers;  ///< header lines, top to bottom
    std::vector<std::size_t> labels;   ///< label lines (no values) attached to rows
    double value_left = 1e300, value_right = -1e300;
    alignment align = alignment::unknown;  ///< set with the columns' anchors (columns_of)
    /// A table read from its rules alone (find_lattices): one grid per page it covers.
    std::vector<grid> grids;
};

/// Values aligned on one edge of their boxes stand within this of each other (Chromium, Word and
/// WPS place them to a fraction of a point; digits of one font differ by less).
double align_tolerance(const frag& f) { return 0.3 * f.h(); }

class pdf_reader {
public:
    pdf_reader(document& doc, std::vector<pline> lines, std::vector<frag> vertical, double text_width,
               std::vector<page_lines> rules)
        : doc_(doc), lines_(std::move(lines)), vertical_(std::move(vertical)), text_width_(text_width),
          rules_(std::move(rules)) {}

    void run() {
        find_lattices();
        find_tables();
        emit();
    }

private:
    bool narrative(const pline& ln) const {
        if (ln.frags.size() != 1) return false;
        const std::string& t = ln.frags.front().text;
        return t.find("。") != std::string::npos || ln.frags.front().w() > 0.6 * text_width_;
    }

    void find_tables() {
        // Value lines: a value beside other text, or a line of several values. Lines of a
        // table read from its rules (find_lattices) are taken already.
        for (pline& ln : lines_) {
            if (ln.table >= 0) continue;
            std::size_t values = 0;
            for (const frag& f : ln.frags) values += is_value_frag(f);
            ln.value = values > 0 && ln.frags.size() >= 2;
        }
        // Tables: runs of value lines, broken by narrative or by text over the values' x range
        // (a header, a title row, a heading).
        int current = -1;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            pline& ln = lines_[i];
            if (ln.table >= 0 && !tables_[static_cast<std::size_t>(ln.table)].grids.empty()) {
                current = -1;
                continue;
            }
            if (ln.value) {
                double vl = 1e300, vr = -1e300;
                for (const frag& f : ln.frags)
                    if (is_value_frag(f)) {
                        vl = std::min(vl, f.l);
                        vr = std::max(vr, f.r);
                    }
                if (current < 0) {
                    current = static_cast<int>(tables_.size());
                    tables_.emplace_back();
                }
                table& t = tables_[static_cast<std::size_t>(current)];
                t.rows.push_back(i);
                t.value_left = std::min(t.value_left, vl);
                t.value_right = std::max(t.value_right, vr);
                ln.table = current;
                continue;
            }
            if (current < 0) continue;
            const table& t = tables_[static_cast<std::size_t>(current)];
            bool over_values = false;
            for (const frag& f : ln.frags) over_values = over_values || f.r > t.value_left - 0.5 * f.h();
            if (narrative(ln) || over_values) current = -1;
        }
        for (std::size_t n = 0; n < tables_.size(); ++n) {
            if (!tables_[n].grids.empty()) continue;
            attach_labels(n);
            find_header(n);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Tables read from their rules (lattices)

    /// Tables drawn with rules: on each page, the rules that touch each other form a grid; a
    /// grid of at least two rows and two columns whose boxes are rectangles, and whose text
    /// stands inside its boxes, is read box by box — each box one cell, its lines joined, a box
    /// with nothing inside a cell seen empty. Everything else (no rules, a grid that does not
    /// hold together) is left to the reading from the text geometry (find_tables). A grid that
    /// continues the previous page's grid (the same columns, nothing between them but page
    /// chrome) is the same table.
    void find_lattices() {
        for (std::uint32_t page = 1; page <= rules_.size(); ++page) {
            const page_lines* pl = rules_of(page);
            if (!pl) continue;
            for (grid& g : grids_on(*pl, page)) {
                std::vector<std::size_t> taken;
                if (!fill_grid(g, taken)) continue;
                // The same table as the last one, continued from the previous page?
                table* into = nullptr;
                if (!tables_.empty() && !tables_.back().grids.empty()) {
                    table& prev = tables_.back();
                    const grid& last = prev.grids.back();
                    if (last.page + 1 == page && nothing_between(last, g) && onto_columns(g, last.xs)) into = &prev;
                }
                if (!into) {
                    tables_.emplace_back();
                    into = &tables_.back();
                }
                const int n = static_cast<int>(into - tables_.data());
                for (std::size_t i : taken) lines_[i].table = n;
                into->grids.push_back(std::move(g));
            }
        }
    }

    /// Puts grid `g` onto the columns `xs` of the grid it continues, when its own rule
    /// positions are among them, first and last included (a page that prints only some rows
    /// lacks the rules of the columns only other rows divide): a box over a missing rule spans
    /// the columns on both sides. False, `g` unchanged, when the columns are not the same.
    static bool onto_columns(grid& g, const std::vector<double>& xs) {
        const auto near = [](double a, double b) { return std::abs(a - b) <= 1.5; };
        if (g.xs.size() > xs.size() || !near(g.xs.front(), xs.front()) || !near(g.xs.back(), xs.back())) return false;
        std::vector<std::size_t> index;  // g.xs[k] is xs[index[k]]
        for (double x : g.xs) {
            const auto it = std::find_if(xs.begin(), xs.end(), [&](double y) { return near(x, y); });
            if (it == xs.end()) return false;
            index.push_back(static_cast<std::size_t>(it - xs.begin()));
        }
        const std::size_t old_columns = g.columns(), columns = xs.size() - 1;
        std::vector<std::size_t> at(g.rows() * columns);
        for (std::size_t r = 0; r < g.rows(); ++r)
            for (std::size_t c = 0; c < old_columns; ++c)
                for (std::size_t n = index[c]; n < index[c + 1]; ++n) at[r * columns + n] = g.at[r * old_columns + c];
        for (grid::box& b : g.boxes) {
            b.c0 = index[b.c0];
            b.c1 = index[b.c1 + 1] - 1;
        }
        g.at = std::move(at);
        g.xs = xs;
        return true;
    }

    /// No text between the end of grid `a` and the start of grid `b` on the next page, other
    /// than what was dropped as page chrome.
    bool nothing_between(const grid& a, const grid& b) const {
        for (const pline& ln : lines_) {
            if (ln.table >= 0) continue;
            if ((ln.page == a.page && ln.cy() > a.ys.back()) || (ln.page == b.page && ln.cy() < b.ys.front()))
                return false;
        }
        return true;
    }

    /// The grids of a page: rules grouped by touching (a vertical and a horizontal rule touch
    /// when each reaches the other within 1.5 pt), rule positions within 1.5 pt merged, and the
    /// grid cells joined into boxes across the edges where no rule is drawn.
    static std::vector<grid> grids_on(const page_lines& pl, std::uint32_t page) {
        constexpr double tol = 1.5;
        const std::size_t nh = pl.horizontal.size(), nv = pl.vertical.size();
        std::vector<std::size_t> parent(nh + nv);
        for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = k;
        const std::function<std::size_t(std::size_t)> root = [&](std::size_t k) {
            while (parent[k] != k) k = parent[k] = parent[parent[k]];
            return k;
        };
        for (std::size_t h = 0; h < nh; ++h)
            for (std::size_t v = 0; v < nv; ++v) {
                const ruling& a = pl.horizontal[h];
                const ruling& b = pl.vertical[v];
                if (b.at >= a.from - tol && b.at <= a.to + tol && a.at >= b.from - tol && a.at <= b.to + tol)
                    parent[root(h)] = root(nh + v);
            }
        std::map<std::size_t, std::pair<std::vector<const ruling*>, std::vector<const ruling*>>> groups;
        for (std::size_t h = 0; h < nh; ++h) groups[root(h)].first.push_back(&pl.horizontal[h]);
        for (std::size_t v = 0; v < nv; ++v) groups[root(nh + v)].second.push_back(&pl.vertical[v]);
        std::vector<grid> out;
        const auto positions = [&](const std::vector<const ruling*>& rs) {
            std::vector<double> at;
            for (const ruling* r : rs) at.push_back(r->at);
            std::sort(at.begin(), at.end());
            std::vector<double> merged;
            for (double x : at)
                if (merged.empty() || x - merged.back() > tol) merged.push_back(x);
            return merged;
        };
        for (const auto& group : groups) {
            // (Named references: lambdas below capture them, which C++17 forbids for structured bindings.)
            const std::vector<const ruling*>& hs = group.second.first;
            const std::vector<const ruling*>& vs = group.second.second;
            if (hs.size() < 3 || vs.size() < 3) continue;  // at least two rows and two columns
            grid g;
            g.page = page;
            g.xs = positions(vs);
            g.ys = positions(hs);
            // A table cut by a page break may have no rule under its last row (or over its
            // first): the vertical rules' ends close the grid there.
            for (const ruling* v : vs) {
                if (v->to > g.ys.back() + tol) g.ys.push_back(v->to);
                if (v->from < g.ys.front() - tol) g.ys.insert(g.ys.begin(), v->from);
            }
            // Likewise a table cut at the side (wider than the page, or a scan that cropped it)
            // may have no rule at its right or left edge: where at least two horizontal rules
            // go on past the last vertical one by a column's width (6 pt or more) and all such
            // rules end together, their ends close the grid. (Ends a little past the corner are
            // the overhang of a thick or skewed rule: no column.)
            const auto closing_edge = [&](bool right) -> std::optional<double> {
                std::vector<double> ends;
                for (const ruling* h : hs)
                    if (right ? h->to > g.xs.back() + 4 * tol : h->from < g.xs.front() - 4 * tol)
                        ends.push_back(right ? h->to : h->from);
                if (ends.size() < 2) return std::nullopt;
                const auto [lo, hi] = std::minmax_element(ends.begin(), ends.end());
                if (*hi - *lo > 2 * tol) return std::nullopt;
                return right ? *hi : *lo;
            };
            if (const auto x = closing_edge(true)) {
                g.xs.push_back(*x);
                g.open_right = true;
            }
            if (const auto x = closing_edge(false)) {
                g.xs.insert(g.xs.begin(), *x);
                g.open_left = true;
            }
            if (g.xs.size() < 3 || g.ys.size() < 3 || g.xs.size() > 200 || g.ys.size() > 400) continue;
            const std::size_t R = g.rows(), C = g.columns();
            // An edge is drawn when one rule covers it (to within the tolerance at both ends).
            const auto v_edge = [&](std::size_t c, std::size_t r) {  // left edge of cell (r, c)
                return std::any_of(vs.begin(), vs.end(), [&](const ruling* v) {
                    return std::abs(v->at - g.xs[c]) <= tol && v->from <= g.ys[r] + tol && v->to >= g.ys[r + 1] - tol;
                });
            };
            const auto h_edge = [&](std::size_t r, std::size_t c) {  // top edge of cell (r, c)
                return std::any_of(hs.begin(), hs.end(), [&](const ruling* h) {
                    return std::abs(h->at - g.ys[r]) <= tol && h->from <= g.xs[c] + tol && h->to >= g.xs[c + 1] - tol;
                });
            };
            std::vector<std::size_t> cell(R * C);
            for (std::size_t k = 0; k < cell.size(); ++k) cell[k] = k;
            const std::function<std::size_t(std::size_t)> top = [&](std::size_t k) {
                while (cell[k] != k) k = cell[k] = cell[cell[k]];
                return k;
            };
            for (std::size_t r = 0; r < R; ++r)
                for (std::size_t c = 0; c < C; ++c) {
                    if (c + 1 < C && !v_edge(c + 1, r)) cell[top(r * C + c)] = top(r * C + c + 1);
                    if (r + 1 < R && !h_edge(r + 1, c)) cell[top(r * C + c)] = top((r + 1) * C + c);
                }
            // Every box a rectangle, or the grid does not hold together.
            std::map<std::size_t, std::size_t> index;
            g.at.assign(R * C, 0);
            bool rectangles = true;
            for (std::size_t r = 0; r < R; ++r)
                for (std::size_t c = 0; c < C; ++c) {
                    const std::size_t k = top(r * C + c);
                    auto [it, fresh] = index.emplace(k, g.boxes.size());
                    if (fresh) g.boxes.push_back({r, c, r, c, {}});
                    grid::box& b = g.boxes[it->second];
                    b.r1 = std::max(b.r1, r);
                    b.c1 = std::max(b.c1, c);
                    b.c0 = std::min(b.c0, c);
                    g.at[r * C + c] = it->second;
                }
            std::vector<std::size_t> count(g.boxes.size(), 0);
            for (std::size_t k : g.at) ++count[k];
            for (std::size_t k = 0; k < g.boxes.size(); ++k) {
                const grid::box& b = g.boxes[k];
                rectangles = rectangles && count[k] == (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
            }
            // A grid of one box (a frame around text) is no table.
            if (!rectangles || g.boxes.size() < 4) continue;
            out.push_back(std::move(g));
        }
        std::sort(out.begin(), out.end(), [](const grid& a, const grid& b) { return a.ys.front() < b.ys.front(); });
        return out;
    }

    /// Puts the page's text into the grid's boxes: each run by its centre, a run that crosses a
    /// drawn edge cut at its words first. False (the grid is left to find_tables) when a line
    /// stands partly outside the grid, a run still crosses an edge, or nothing is inside.
    bool fill_grid(grid& g, std::vector<std::size_t>& taken) {
        const double x0 = g.xs.front(), x1 = g.xs.back(), y0 = g.ys.front(), y1 = g.ys.back();
        const auto column_of = [&](double x) -> std::optional<std::size_t> {
            for (std::size_t c = 0; c + 1 < g.xs.size(); ++c)
                if (x >= g.xs[c] && x < g.xs[c + 1]) return c;
            return std::nullopt;
        };
        const auto row_of = [&](double y) -> std::optional<std::size_t> {
            for (std::size_t r = 0; r + 1 < g.ys.size(); ++r)
                if (y >= g.ys[r] && y < g.ys[r + 1]) return r;
            return std::nullopt;
        };
        std::vector<std::pair<std::size_t, frag>> placed;
        const auto place = [&](const frag& f) {
            const auto r = row_of(f.cy());
            const auto c = column_of(f.cx());
            if (!r || !c) return false;
            const grid::box& b = g.boxes[g.at[*r * g.columns() + *c]];
            // The run must lie within its box (a fraction of a text height of slack).
            const double slack = 0.3 * f.h();
            if (f.l < g.xs[b.c0] - slack || f.r > g.xs[b.c1 + 1] + slack) return false;
            // At a side no rule closes, the table may be cut through a box: text reaching the
            // edge may have lost what stood beyond it ("12" cut to "1"), so the grid is not read.
            const double clear = 0.25 * f.h();
            if ((g.open_right && b.c1 + 2 == g.xs.size() && f.r > g.xs.back() - clear) ||
                (g.open_left && b.c0 == 0 && f.l < g.xs.front() + clear))
                return false;
            placed.push_back({g.at[*r * g.columns() + *c], f});
            return true;
        };
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const pline& ln = lines_[i];
            if (ln.page != g.page || ln.cy() < y0 || ln.cy() > y1) continue;
            // Text taken by another grid inside this one (grids drawn one in another): this grid
            // cannot say what its boxes hold, so it is left to the reading from the geometry.
            if (ln.table >= 0) {
                if (std::any_of(ln.frags.begin(), ln.frags.end(),
                                [&](const frag& f) { return f.cx() > x0 && f.cx() < x1; }))
                    return false;
                continue;
            }
            for (const frag& f : ln.frags) {
                if (f.r < x0 - 0.3 * f.h() || f.l > x1 + 0.3 * f.h()) return false;  // text beside the grid
                // A run merged across a narrow gap between two boxes: cut where a rule stands
                // between two of its words.
                const auto rule_between = [&](double before, double x) {
                    return std::any_of(g.xs.begin(), g.xs.end(),
                                       [&](double e) { return e >= before - 0.1 * f.h() && e <= x + 0.1 * f.h(); });
                };
                for (const frag& p : cut_frag_between(f, rule_between))
                    if (!place(p)) return false;
            }
            taken.push_back(i);
        }
        for (const frag& v : vertical_) {
            if (v.page != g.page || v.cy() < y0 || v.cy() > y1 || v.cx() < x0 || v.cx() > x1) continue;
            if (lattice_vertical_.count(&v) || !place(v)) return false;
            lattice_vertical_.insert(&v);
        }
        if (placed.empty()) return false;
        for (auto& [k, f] : placed) g.boxes[k].text.push_back(std::move(f));
        for (grid::box& b : g.boxes)
            std::stable_sort(b.text.begin(), b.text.end(), [](const frag& a, const frag& c) {
                return overlap(a.t, a.b, c.t, c.b) > 0.5 * std::min(a.h(), c.h()) ? a.l < c.l : a.t < c.t;
            });
        return true;
    }

    /// Marks the value boxes of a grid read from its rules. A column of values is one where some
    /// row holds a value in a box of that column alone, and no row holding values holds a label
    /// there. In the rows holding values, its one-column boxes are value boxes whatever they hold:
    /// a digit misread by OCR as a glyph ("工" for 1) is a cell the reader cannot read, never a
    /// part of the row's label (which would shift every value after it by one column).
    static void mark_value_boxes(const grid& g, std::vector<src_cell>& made) {
        const std::size_t columns = g.columns();
        // The box that starts at (r, c) and covers that column alone, if any.
        const auto own_box = [&](std::size_t r, std::size_t c) -> std::optional<std::size_t> {
            const std::size_t k = g.at[r * columns + c];
            const grid::box& b = g.boxes[k];
            if (b.r0 != r || b.c0 != c || b.c1 != c) return std::nullopt;
            return k;
        };
        std::vector<bool> row_has_value(g.rows(), false), column_has_value(columns, false);
        for (std::size_t r = 0; r < g.rows(); ++r)
            for (std::size_t c = 0; c < columns; ++c)
                if (const auto k = own_box(r, c); k && is_value_text(made[*k].text))
                    row_has_value[r] = column_has_value[c] = true;
        std::vector<bool> value_column = column_has_value;
        for (std::size_t r = 0; r < g.rows(); ++r)
            for (std::size_t c = 0; c < columns && row_has_value[r]; ++c) {
                const src_cell& here = made[g.at[r * columns + c]];
                if (is_prose(here.text)) value_column[c] = false;
            }
        for (std::size_t r = 0; r < g.rows(); ++r)
            for (std::size_t c = 0; c < columns && row_has_value[r]; ++c)
                if (const auto k = own_box(r, c); k && value_column[c]) made[*k].value_box = true;
    }

    /// A table read from its rules: one block per grid row; a box's text in its first row and
    /// column, copies where it spans (as an HTML table's rowspan/colspan), each cell with its
    /// page and box. A box with nothing inside is a cell seen empty.
    void emit_lattice(std::size_t n, std::uint32_t table_no) {
        const table& t = tables_[n];
        std::uint32_t row_no = 0;
        std::size_t rows = 0, joined_numbers = 0, split_rows = 0;
        std::vector<block> built;
        for (const grid& g : t.grids) {
            std::vector<src_cell> made(g.boxes.size());
            for (std::size_t k = 0; k < g.boxes.size(); ++k) {
                const grid::box& b = g.boxes[k];
                src_cell& c = made[k];
                std::size_t value_lines = 0;
                for (std::size_t i = 0; i < b.text.size(); ++i) {
                    const frag& f = b.text[i];
                    const bool same_line = i > 0 && overlap(b.text[i - 1].t, b.text[i - 1].b, f.t, f.b) > 0.5 * f.h();
                    if (i > 0 && same_line) c.text += ' ';
                    c.text += f.text;
                    value_lines += is_value_text(f.text) && !same_line;
                }
                if (value_lines > 1 && is_value_text(c.text)) ++joined_numbers;
                provenance p;
                p.page = g.page;
                p.box = box_of(g.xs[b.c0], g.ys[b.r0], g.xs[b.c1 + 1], g.ys[b.r1 + 1]);
                c.where = p;
            }
            mark_value_boxes(g, made);
            for (std::size_t r = 0; r < g.rows(); ++r) {
                block row;
                row.type = block::kind::row;
                row.where.page = g.page;
                row.where.box = box_of(g.xs.front(), g.ys[r], g.xs.back(), g.ys[r + 1]);
                row.ruled = true;
                for (std::size_t c = 0; c < g.columns(); ++c) {
                    const std::size_t k = g.at[r * g.columns() + c];
                    src_cell cell = made[k];
                    cell.span_copy = g.boxes[k].r0 != r || g.boxes[k].c0 != c;
                    row.cells.push_back(std::move(cell));
                }
                if (r == 0 && &g != &t.grids.front() && !built.empty() && continues(built.back(), row)) {
                    row.split_continuation = true;
                    ++split_rows;
                }
                built.push_back(std::move(row));
            }
        }
        for (block& row : built) {
            row.text = grid_row_text(row.cells);
            finish_row(row, table_no, row_no++, false);
            ++rows;
        }
        provenance p;
        p.table = table_no;
        p.page = t.grids.front().page;
        const std::uint32_t last_page = t.grids.back().page;
        log_entry(doc_.log, codes::I_075,
                  "table " + std::to_string(table_no) + " read from its rules on page " + std::to_string(*p.page) +
                      (last_page != *p.page ? "–" + std::to_string(last_page) : std::string()) + ": " +
                      std::to_string(rows) + " rows, " + std::to_string(t.grids.front().columns()) + " columns" +
                      (joined_numbers
                           ? ", " + std::to_string(joined_numbers) + " number(s) wrapped over lines in one box joined"
                           : std::string()) +
                      (split_rows ? ", " + std::to_string(split_rows) + " row(s) that may go on from the page before"
                                  : std::string()),
                  {}, p);
    }

    /// Whether `next`, the first row of a grid on the next page, is the rest of `last`, a row
    /// that the page break split (Word, WPS and LibreOffice let a row break across pages): its
    /// label goes on without an ordinal of its own, its boxes stand side by side as the row's
    /// above, and it prints no value. Its empty boxes may then be the rest of boxes printed
    /// above, not cells printed empty; the table reader decides by the label (join_split_rows).
    static bool continues(const block& last, const block& next) {
        if (last.cells.size() != next.cells.size()) return false;
        // The same boxes side by side (a header repeated on the new page divides it otherwise).
        for (std::size_t c = 0; c < last.cells.size(); ++c) {
            const auto& a = last.cells[c].where;
            const auto& b = next.cells[c].where;
            if (!a || !b || !a->box || !b->box || a->box->left != b->box->left || a->box->right != b->box->right)
                return false;
        }
        const src_cell* label = nullptr;
        for (const src_cell& c : next.cells)
            if (!c.span_copy && !c.text.empty()) {
                label = &c;
                break;
            }
        if (!label || is_value_text(label->text) || starts_with_ordinal(label->text)) return false;
        return std::none_of(next.cells.begin(), next.cells.end(),
                            [](const src_cell& c) { return !c.span_copy && is_value_text(c.text); });
    }

    const page_lines* rules_of(std::uint32_t page) const {
        return page >= 1 && page <= rules_.size() && !rules_[page - 1].horizontal.empty() ? &rules_[page - 1] : nullptr;
    }

    /// Label lines: lines between a table's rows, and lines just above its first row or below its
    /// last one, that print only left of the values.
    void attach_labels(std::size_t n) {
        table& t = tables_[n];
        const std::size_t first = t.rows.front(), last = t.rows.back();
        const auto left_only = [&](const pline& ln) {
            for (const frag& f : ln.frags)
                if (f.r > t.value_left - 0.5 * f.h()) return false;
            return !ln.frags.empty();
        };
        for (std::size_t i = first + 1; i < last; ++i)
            if (lines_[i].table < 0 && left_only(lines_[i])) {
                lines_[i].table = static_cast<int>(n);
                t.labels.push_back(i);
            }
        // A wrapped label's first or last line, when it touches the row (less than 0.6 of a line apart).
        if (first > 0) {
            const pline& a = lines_[first - 1];
            const pline& row = lines_[first];
            if (a.table < 0 && a.page == row.page && left_only(a) && !is_heading_text(a.text()) &&
                row.t - a.b < 0.6 * a.h()) {
                lines_[first - 1].table = static_cast<int>(n);
                t.labels.push_back(first - 1);
            }
        }
        if (last + 1 < lines_.size()) {
            const pline& a = lines_[last + 1];
            const pline& row = lines_[last];
            if (a.table < 0 && a.page == row.page && left_only(a) && a.t - row.b < 0.6 * a.h()) {
                lines_[last + 1].table = static_cast<int>(n);
                t.labels.push_back(last + 1);
            }
        }
    }

    /// Header lines: the lines right above the first row, up to a heading, narrative, or a gap of
    /// more than 2.5 text heights.
    void find_header(std::size_t n) {
        table& t = tables_[n];
        std::size_t i = *std::min_element(t.rows.begin(), t.rows.end());
        for (std::size_t l : t.labels) i = std::min(i, l);
        double below = lines_[i].t, below_h = lines_[i].h();
        std::uint32_t page = lines_[i].page;
        while (i > 0) {
            const pline& ln = lines_[i - 1];
            if (ln.table >= 0 || ln.page != page || narrative(ln) || is_heading_text(ln.text())) break;
            // Header cells are often taller than their text (centred in a tall cell): measure the
            // gap in the taller line's heights.
            if (below - ln.b > 2.5 * std::max(ln.h(), below_h)) break;
            t.headers.insert(t.headers.begin(), i - 1);
            lines_[i - 1].table = static_cast<int>(n);
            below = ln.t;
            below_h = ln.h();
            --i;
        }
    }

    /// The columns of a table: the leaf header cells over the values (a header fragment with no
    /// other header fragment below it), each with the fragments above it that lie within its
    /// column joined ("结果" + "维持"); without a header, the values' own x positions.
    /// The columns' anchors from the values (docs/import.md, "PDF"): the value boxes of every row
    /// of the table are clustered by their left edges, their right edges and their centres; the
    /// alignment the table uses is the one that gives the fewest clusters (values of different
    /// widths aligned on one edge agree on that edge only). The clusters are matched to the
    /// header's columns in order when there are as many as columns and each stands between the
    /// neighbouring headers' text; otherwise the table keeps placing values by the header alone.
    void find_anchors(table& t, std::vector<column>& cols) {
        std::vector<const frag*> values;
        for (std::size_t i : t.rows)
            for (const frag& f : lines_[i].frags)
                if (is_value_frag(f) && f.cx() >= t.value_left - 0.5 * f.h()) values.push_back(&f);
        if (values.empty() || cols.empty()) return;
        struct cluster {
            double lo, hi, sum = 0, l = 1e300, r = -1e300;
            std::size_t n = 0;
        };
        const auto clusters_of = [&](alignment a) {
            std::vector<const frag*> v = values;
            std::sort(v.begin(), v.end(),
                      [&](const frag* x, const frag* y) { return anchor_of(*x, a) < anchor_of(*y, a); });
            std::vector<cluster> out;
            for (const frag* f : v) {
                const double x = anchor_of(*f, a);
                if (out.empty() || x - out.back().lo > align_tolerance(*f)) out.push_back({x, x});
                cluster& c = out.back();
                c.hi = x;
                c.sum += x;
                c.l = std::min(c.l, f->l);
                c.r = std::max(c.r, f->r);
                ++c.n;
            }
            return out;
        };
        alignment best = alignment::unknown;
        std::vector<cluster> found;
        for (alignment a : {alignment::centre, alignment::right, alignment::left}) {
            std::vector<cluster> c = clusters_of(a);
            if (best == alignment::unknown || c.size() < found.size()) {
                best = a;
                found = std::move(c);
            }
        }
        if (found.size() != cols.size()) return;
        const bool headed = cols.front().header_where.has_value();
        for (std::size_t k = 0; headed && k < cols.size(); ++k) {
            // Each cluster's values stand clear of the neighbouring columns' header text.
            const double h = 0.5 * align_tolerance(*values.front());
            if ((k > 0 && found[k].l < cols[k - 1].r - h) || (k + 1 < cols.size() && found[k].r > cols[k + 1].l + h))
                return;
        }
        for (std::size_t k = 0; k < cols.size(); ++k) cols[k].anchor = found[k].sum / static_cast<double>(found[k].n);
        t.align = best;
    }

    std::vector<column> columns_of(const table& t, std::string& label_header, std::optional<provenance>& label_where) {
        // A header cell stands over the values when its centre does, or when it begins right of
        // every row label and a box centred on it that begins where the row labels begin would
        // reach into the values: the header of the first column of values right-aligned in a
        // wide box is centred left of the widest value's left edge, while the header of the
        // label column (信息内容), centred in the label column, is not.
        double labels_left = 1e300, labels_right = -1e300;
        for (const auto* set : {&t.rows, &t.labels})
            for (std::size_t i : *set)
                for (const frag& f : lines_[i].frags)
                    if (!is_value_frag(f) && f.cx() < t.value_left - 0.5 * f.h()) {
                        labels_left = std::min(labels_left, f.l);
                        labels_right = std::max(labels_right, f.r);
                    }
        std::vector<frag> over, left;
        for (std::size_t i : t.headers)
            for (const frag& f : lines_[i].frags) {
                const bool centred_over = f.cx() >= t.value_left - 0.5 * f.h();
                const bool box_over =
                    f.l > labels_right && labels_left < f.l && 2 * f.cx() - labels_left > t.value_left + 0.5 * f.h();
                (centred_over || box_over ? over : left).push_back(f);
            }
        for (const frag& f : left) {
            if (!label_header.empty()) label_header += ' ';
            label_header += f.text;
            if (!label_where) label_where = where_of(f);
        }
        std::vector<column> cols;
        for (const frag& f : over) {
            bool leaf = true;
            for (const frag& g : over)
                if (&g != &f && g.t >= f.b - 0.3 * f.h() && overlap(f.l, f.r, g.l, g.r) > 0.3 * std::min(f.w(), g.w()))
                    leaf = false;
            if (leaf) cols.push_back({f.l, f.r, {}, where_of(f)});
        }
        std::sort(cols.begin(), cols.end(), [](const column& a, const column& b) { return a.l < b.l; });
        // A letter-spaced header ("总 计"): single characters on one line less than a text
        // height apart. Not the last characters of two headers printed one character per line
        // in narrow columns ("其" over "他", "总" over "计"): a character with another stacked
        // right above it ends a vertical header.
        std::vector<column> joined;
        for (column& c : cols) {
            const auto single = [&](const column& x) -> const frag* {
                for (const frag& f : over) {
                    if (f.l != x.l || f.r != x.r || to_u32(f.text).size() != 1) continue;
                    const bool stacked = std::any_of(over.begin(), over.end(), [&](const frag& g) {
                        const double gap = f.t - g.b;
                        return &g != &f && overlap(f.l, f.r, g.l, g.r) > 0.5 * f.w() && gap > -0.5 * f.h() &&
                               gap < 0.6 * f.h();
                    });
                    return stacked ? nullptr : &f;
                }
                return nullptr;
            };
            const frag* a = joined.empty() ? nullptr : single(joined.back());
            const frag* b = a ? single(c) : nullptr;
            if (a && b && overlap(a->t, a->b, b->t, b->b) > 0.5 * std::min(a->h(), b->h()) &&
                c.l - joined.back().r < c.r - c.l) {
                joined.back().r = c.r;
                continue;
            }
            joined.push_back(c);
        }
        cols = std::move(joined);
        // Each column's reach: to the midpoints between neighbouring leaves.
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const double lo = c ? (cols[c - 1].r + cols[c].l) / 2 : -1e300;
            const double hi = c + 1 < cols.size() ? (cols[c].r + cols[c + 1].l) / 2 : 1e300;
            std::vector<const frag*> mine;
            for (const frag& f : over)
                // By the centre: the first line of a wrapped header ("法律服务机" over "构") is wider
                // than the leaf, and may reach past the midpoint to the next leaf.
                if (f.cx() >= lo && f.cx() <= hi && overlap(f.l, f.r, cols[c].l, cols[c].r) > 0) mine.push_back(&f);
            // The header cell is the leaf and the lines stacked right above it (a wrapped header,
            // "商业企" over "业"); a spanned header higher up (申请人情况, centred over seven
            // columns, may stand over just one) is separated from it by the cell's padding.
            std::stable_sort(mine.begin(), mine.end(), [](const frag* a, const frag* b) { return a->t > b->t; });
            std::vector<const frag*> chain;
            for (const frag* f : mine) {
                if (chain.empty()) {
                    if (f->l == cols[c].l && f->r == cols[c].r) chain.push_back(f);
                    continue;
                }
                const frag* top = chain.back();
                const double gap = top->t - f->b;
                if (gap > -0.5 * f->h() && gap < 0.6 * f->h()) chain.push_back(f);
            }
            if (chain.empty())
                for (const frag* f : mine) chain.push_back(f);
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) cols[c].header += (*it)->text;
        }
        if (!cols.empty()) return cols;
        // No header: one column per x position where values stand (centres within a text height).
        std::vector<frag> values;
        for (std::size_t i : t.rows)
            for (const frag& f : lines_[i].frags)
                if (is_value_frag(f) && f.cx() >= t.value_left) values.push_back(f);
        std::sort(values.begin(), values.end(), [](const frag& a, const frag& b) { return a.cx() < b.cx(); });
        for (const frag& f : values) {
            if (!cols.empty() && f.cx() - cols.back().cx() < f.h()) {
                cols.back().l = std::min(cols.back().l, f.l);
                cols.back().r = std::max(cols.back().r, f.r);
            } else {
                cols.push_back({f.l, f.r, {}, {}});
            }
        }
        return cols;
    }

    void emit() {
        std::vector<bool> done(tables_.size(), false);
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const pline& ln = lines_[i];
            if (ln.table >= 0) {
                const auto n = static_cast<std::size_t>(ln.table);
                if (!done[n]) {
                    // Tables are numbered in the order they are printed.
                    current_table_no_ = next_table_no_++;
                    emit_table(n);
                }
                done[n] = true;
                continue;
            }
            emit_line(ln);
        }
        for (const frag& v : vertical_)
            if (!used_vertical_.count(&v) && !lattice_vertical_.count(&v)) {
                pline ln;
                ln.page = v.page;
                ln.frags.push_back(v);
                emit_line(ln);
            }
    }

    void emit_line(const pline& ln) {
        block b;
        b.type = block::kind::line;
        frag all = ln.frags.front();
        for (std::size_t k = 1; k < ln.frags.size(); ++k) append_frag(all, ln.frags[k]);
        b.text = all.text;
        b.marked = b.text;
        b.where = where_of(all);
        doc_.blocks.push_back(std::move(b));
    }

    void emit_table(std::size_t n) {
        if (!tables_[n].grids.empty()) {
            emit_lattice(n, current_table_no_);
            return;
        }
        const table& t = tables_[n];
        std::string label_header;
        std::optional<provenance> label_header_where;
        std::vector<column> cols = columns_of(t, label_header, label_header_where);
        find_anchors(tables_[n], cols);
        const auto table_no = current_table_no_;
        // Rows: the value lines, and (below) the labels of rows printed without any value.
        std::vector<pline> rows;
        for (std::size_t i : t.rows) rows.push_back(lines_[i]);
        // Label cells are built before they are given a row, so that a label wrapped over lines,
        // or a group label printed once in the middle of its rows (Chromium and Word centre
        // rowspan text vertically), stays one cell: a line joins the cell right above it (x
        // ranges overlap, less than 0.6 of a text height apart) unless it begins with an ordinal
        // (一、 （一） 1.), which begins a label of its own; two lines that each print values are
        // two rows and never join.
        struct lcell {
            frag f;
            double line_h = 0;  ///< height of one line of the cell
            std::optional<std::size_t> row;
        };
        std::vector<lcell> cells;
        struct start {
            std::uint32_t page;
            double l, cy, h;
        };
        std::vector<start> label_starts;
        const auto begins_cell = [&](const frag& f) {
            if (starts_with_ordinal(f.text)) return true;
            return std::any_of(label_starts.begin(), label_starts.end(), [&](const start& o) {
                return o.page == f.page && std::abs(o.cy - f.cy()) > 0.5 * o.h && std::abs(o.l - f.l) < 0.15 * o.h;
            });
        };
        {
            std::vector<lcell> whole;
            for (std::size_t r = 0; r < rows.size(); ++r)
                for (const frag& f : rows[r].frags)
                    if (f.cx() < t.value_left - 0.5 * f.h() && !is_value_frag(f)) whole.push_back({f, f.h(), r});
            for (std::size_t i : t.labels)
                for (const frag& f : lines_[i].frags) whole.push_back({f, f.h(), std::nullopt});
            // Two label cells of a narrow table can stand closer than the gap that separates
            // runs ("（三）不予公开" "合法权益"): a run is cut where, on other lines, label
            // cells begin.
            std::vector<lcell> parts;
            for (const lcell& w : whole) {
                const auto starts_here = [&](double x) {
                    return std::any_of(whole.begin(), whole.end(), [&](const lcell& o) {
                        return o.f.page == w.f.page && std::abs(o.f.cy() - w.f.cy()) > 0.5 * o.line_h &&
                               std::abs(o.f.l - x) < 0.15 * o.line_h;
                    });
                };
                for (frag& f : cut_frag(w.f, starts_here)) parts.push_back({std::move(f), w.line_h, w.row});
            }
            std::stable_sort(parts.begin(), parts.end(), [](const lcell& x, const lcell& y) {
                return x.f.page != y.f.page ? x.f.page < y.f.page : x.f.t < y.f.t;
            });
            // Where label cells begin: left edges shared by label runs on other lines. A run
            // that begins there is the next label cell, however close it stands to the cell on
            // its left (narrow columns leave less than a text height between cells), never the
            // continuation of that cell's text.
            for (const lcell& q : parts) label_starts.push_back({q.f.page, q.f.l, q.f.cy(), q.line_h});
            for (lcell& p : parts) {
                lcell* above = nullptr;
                double best = 1e300;
                if (!starts_with_ordinal(p.f.text))
                    for (lcell& c : cells) {
                        if (c.f.page != p.f.page || overlap(c.f.l, c.f.r, p.f.l, p.f.r) <= 0 || (c.row && p.row))
                            continue;
                        const double gap = p.f.t - c.f.b;
                        if (gap < -0.5 * p.line_h || gap > 0.6 * p.line_h || gap >= best) continue;
                        best = gap;
                        above = &c;
                    }
                // Else a run on the same line less than 0.8 of a text height to the right of a
                // cell's text continues it ("5.要求行政机关确认或重" "新出具"); the next cell stands
                // further off.
                for (lcell& c : cells)
                    if (!above && !p.row && !c.f.vertical && !p.f.vertical && c.f.page == p.f.page &&
                        !begins_cell(p.f) && overlap(c.f.t, c.f.b, p.f.t, p.f.b) > 0.5 * p.line_h &&
                        p.f.l > c.f.r - 0.1 * p.line_h && p.f.l - c.f.r < 0.8 * p.line_h)
                        above = &c;
                if (!above) {
                    cells.push_back(std::move(p));
                    continue;
                }
                above->f.text += p.f.text;
                above->f.l = std::min(above->f.l, p.f.l);
                above->f.r = std::max(above->f.r, p.f.r);
                above->f.b = std::max(above->f.b, p.f.b);
                if (!above->row) above->row = p.row;
            }
        }
        // A label cell that begins with an ordinal, is on no value line, and has no label text
        // to its right within a line above or below (so it is not a group label) is the label of
        // a row whose boxes are all printed empty: it is a row of its own, its cells blank, and
        // is not glued to a neighbour's label.
        // A label wrapped over lines with its values printed between them (text centred in its
        // box) is on no value line but spans one: it belongs to the value line whose centre lies
        // within it and that has no label of its own in these x.
        for (lcell& c : cells) {
            if (c.row) continue;
            double best = 1e300;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const pline& row = rows[r];
                if (row.page != c.f.page || row.cy() < c.f.t || row.cy() > c.f.b) continue;
                const bool labelled = std::any_of(cells.begin(), cells.end(), [&](const lcell& o) {
                    return o.row == r && overlap(o.f.l, o.f.r, c.f.l, c.f.r) > 0;
                });
                if (!labelled && std::abs(row.cy() - c.f.cy()) < best) {
                    best = std::abs(row.cy() - c.f.cy());
                    c.row = r;
                }
            }
        }
        // Or the values are printed just below or above the label (WPS puts a wrapped label at
        // the top of its box): a value line with no label at all, less than a line away. Only
        // after every label that spans its value line has taken it: else the label of a row
        // printed empty takes the values of the wrapped label below it.
        for (lcell& c : cells) {
            if (c.row) continue;
            double best = 1e300;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const pline& row = rows[r];
                if (row.page != c.f.page) continue;
                const double gap = std::max(row.t - c.f.b, c.f.t - row.b);
                const bool labelled =
                    std::any_of(cells.begin(), cells.end(), [&](const lcell& o) { return o.row == r; });
                if (!labelled && gap < c.line_h && gap < best) {
                    best = gap;
                    c.row = r;
                }
            }
        }
        for (lcell& c : cells) {
            if (c.row || !starts_with_ordinal(c.f.text)) continue;
            const bool group = std::any_of(cells.begin(), cells.end(), [&](const lcell& o) {
                return &o != &c && o.f.page == c.f.page && o.f.l > c.f.r - 0.1 * c.line_h &&
                       overlap(o.f.t, o.f.b, c.f.t - c.line_h, c.f.b + c.line_h) > 0;
            });
            if (group) continue;
            pline ln;
            ln.page = c.f.page;
            ln.t = c.f.t;
            ln.b = c.f.t + c.line_h;
            c.row = rows.size();
            rows.push_back(std::move(ln));
        }
        {
            std::vector<std::size_t> order(rows.size());
            for (std::size_t r = 0; r < order.size(); ++r) order[r] = r;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
                return rows[x].page != rows[y].page ? rows[x].page < rows[y].page : rows[x].t < rows[y].t;
            });
            std::vector<std::size_t> to(rows.size());
            std::vector<pline> sorted;
            for (std::size_t k = 0; k < order.size(); ++k) {
                to[order[k]] = k;
                sorted.push_back(std::move(rows[order[k]]));
            }
            rows = std::move(sorted);
            for (lcell& c : cells)
                if (c.row) c.row = to[*c.row];
        }
        const auto nearest_row = [&](const frag& f) -> std::optional<std::size_t> {
            std::optional<std::size_t> best;
            double d = 1e300;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const pline& row = rows[r];
                if (row.page != f.page) continue;
                const double dr = std::abs(row.cy() - f.cy());
                if (dr < d) {
                    d = dr;
                    best = r;
                }
            }
            return best;
        };
        // Every other label cell (a group label, a wrapped line) goes to the nearest row on its page.
        std::vector<std::vector<frag>> row_labels(rows.size());
        for (lcell& c : cells)
            if (auto r = c.row ? c.row : nearest_row(c.f)) row_labels[*r].push_back(c.f);
        for (const frag& v : vertical_) {
            if (lattice_vertical_.count(&v)) continue;
            const pline& top = rows.front();
            const pline& bottom = rows.back();
            if (v.page < top.page || v.page > bottom.page || v.r > t.value_left) continue;
            if ((v.page == top.page && v.b < top.t) || (v.page == bottom.page && v.t > bottom.b)) continue;
            if (auto r = nearest_row(v)) {
                row_labels[*r].push_back(v);
                used_vertical_.insert(&v);
            }
        }
        // Label cells of a row: fragments that share an x range are one cell, lines joined.
        std::vector<std::vector<frag>> label_cells(rows.size());
        std::size_t width = 0;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::vector<frag>& fs = row_labels[r];
            std::stable_sort(fs.begin(), fs.end(), [](const frag& a, const frag& b) { return a.t < b.t; });
            std::vector<frag>& row_cells = label_cells[r];
            for (const frag& f : fs) {
                // A label run on the same line, less than 0.8 of a text height away, is the same
                // cell ("（二）部分公开（…只计这一情" "形，不"); the next cell stands further off.
                if (!row_cells.empty() && !f.vertical && !row_cells.back().vertical && !begins_cell(f) &&
                    overlap(row_cells.back().t, row_cells.back().b, f.t, f.b) > 0.5 * f.h() &&
                    f.l > row_cells.back().r && f.l - row_cells.back().r < 0.8 * f.h()) {
                    append_frag(row_cells.back(), f);
                    continue;
                }
                frag* same = nullptr;
                for (frag& c : row_cells)
                    if (!c.vertical && !f.vertical && overlap(c.l, c.r, f.l, f.r) > 0) same = &c;
                if (same) {
                    same->text += f.text;
                    same->l = std::min(same->l, f.l);
                    same->r = std::max(same->r, f.r);
                    same->b = std::max(same->b, f.b);
                    same->t = std::min(same->t, f.t);
                } else {
                    row_cells.push_back(f);
                }
            }
            std::stable_sort(row_cells.begin(), row_cells.end(),
                             [](const frag& a, const frag& b) { return a.l < b.l; });
            width = std::max(width, row_cells.size());
        }
        {
            const std::uint32_t p0 = rows.front().page, p1 = rows.back().page;
            std::string msg = "table " + std::to_string(table_no) + " rebuilt on page " + std::to_string(p0) +
                              (p1 != p0 ? "–" + std::to_string(p1) : std::string()) + ": " +
                              std::to_string(rows.size()) + " rows, " + std::to_string(cols.size()) + " columns " +
                              (t.headers.empty() ? std::string("placed by the values (no header over them)")
                                                 : std::string("from the header cells"));
            provenance p;
            p.table = table_no;
            p.page = p0;
            log_entry(doc_.log, codes::I_071, msg, {}, p);
        }
        // The header row: the header text left of the values, then one cell per column.
        std::uint32_t row_no = 0;
        if (!t.headers.empty()) {
            block h;
            h.type = block::kind::row;
            h.where.table = table_no;
            h.where.row = row_no;
            h.where.page = lines_[t.headers.front()].page;
            for (std::size_t k = 0; k < std::max<std::size_t>(width, 1); ++k) {
                src_cell c;
                c.text = k == 0 ? label_header : std::string();
                c.where = label_header_where;
                c.span_copy = k > 0 && !label_header.empty();
                h.cells.push_back(std::move(c));
            }
            for (const column& col : cols) {
                src_cell c;
                c.text = col.header;
                c.where = col.header_where;
                h.cells.push_back(std::move(c));
            }
            finish_row(h, table_no, row_no++);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const pline& ln = rows[r];
            block b;
            b.type = block::kind::row;
            b.where.page = ln.page;
            b.where.box = box_of(ln.l(), ln.t, ln.r(), ln.b);
            const std::vector<frag>& labels = label_cells[r];
            // A row with fewer label cells than the widest row spans them, as a colspan does.
            for (std::size_t k = 0; labels.size() < width && k < width - labels.size(); ++k) {
                src_cell c;
                c.text = labels.empty() ? std::string() : labels.front().text;
                c.where = labels.empty() ? std::optional<provenance>() : where_of(labels.front());
                c.span_copy = !labels.empty();
                b.cells.push_back(std::move(c));
            }
            for (const frag& f : labels) b.cells.push_back({f.text, where_of(f), false, true});
            place_values(b, ln, cols, t);
            finish_row(b, table_no, row_no++);
        }
    }

    /// One cell per column: the value printed in it; empty (blank) when nothing is printed in
    /// the column's x range on this row; absent (`present = false`, not captured downstream)
    /// when a value stands between two columns or two values claim one column.
    void place_values(block& b, const pline& ln, const std::vector<column>& cols, const table& t) {
        const std::size_t first = b.cells.size();
        std::vector<std::vector<const frag*>> in(cols.size());
        std::vector<bool> unsure(cols.size(), false);
        for (const frag& f : ln.frags) {
            if (f.cx() < t.value_left - 0.5 * f.h() && !is_value_frag(f)) continue;
            // The columns found from the values: a value belongs to the one column whose values
            // stand at its edge (or centre) within an alignment tolerance; a value that matches
            // none is not placed by distance but logged as between columns below.
            if (t.align != alignment::unknown) {
                std::optional<std::size_t> hit;
                bool several = false;
                for (std::size_t c = 0; c < cols.size(); ++c)
                    if (std::abs(anchor_of(f, t.align) - cols[c].anchor) < align_tolerance(f)) {
                        several = several || hit.has_value();
                        hit = c;
                    }
                if (hit && !several) {
                    in[*hit].push_back(&f);
                    continue;
                }
            }
            // The nearest column, accepted when clearly nearer than the next one.
            std::vector<std::pair<double, std::size_t>> d;
            for (std::size_t c = 0; c < cols.size(); ++c)
                d.push_back({t.align != alignment::unknown ? std::abs(anchor_of(f, t.align) - cols[c].anchor)
                                                           : distance(f, cols[c]),
                             c});
            std::sort(d.begin(), d.end());
            if (d.empty()) continue;
            // With columns found from the values, a value that matched none above is not clear.
            const bool clear = t.align == alignment::unknown && (d.size() == 1 || d[0].first < 0.5 * d[1].first);
            const bool near = d[0].first < 2 * f.h() + 0.5 * cols[d[0].second].r - 0.5 * cols[d[0].second].l;
            if (clear && near) {
                in[d[0].second].push_back(&f);
                continue;
            }
            std::vector<std::string> candidates;
            for (std::size_t k = 0; k < d.size() && k < 2; ++k) {
                unsure[d[k].second] = true;
                const column& c = cols[d[k].second];
                candidates.push_back("column " + std::to_string(d[k].second + 1) +
                                     (c.header.empty() ? "" : " \"" + c.header + "\""));
            }
            log_entry(doc_.log, codes::I_072,
                      "value \"" + f.text + "\" on page " + std::to_string(f.page) +
                          " stands between two columns; those cells of the row are not captured",
                      {}, where_of(f), candidates);
        }
        for (std::size_t c = 0; c < cols.size(); ++c) {
            src_cell cell;
            if (in[c].size() > 1 && !unsure[c]) {
                unsure[c] = true;
                std::vector<std::string> candidates;
                for (const frag* f : in[c]) candidates.push_back(f->text);
                log_entry(doc_.log, codes::I_072,
                          "several values printed in one column on page " + std::to_string(ln.page) +
                              "; the cell is not captured",
                          {}, where_of(*in[c].front()), candidates);
            }
            if (unsure[c]) {
                cell.present = false;
                provenance p;
                p.page = ln.page;
                p.box = box_of(cols[c].l, ln.t, cols[c].r, ln.b);
                cell.where = p;
            } else if (in[c].size() == 1) {
                cell.text = in[c].front()->text;
                cell.where = where_of(*in[c].front());
            } else {
                // Seen empty: the row prints values, the column is established, and nothing
                // stands in its x range on this row. The provenance is the empty grid box.
                provenance p;
                p.page = ln.page;
                p.box = box_of(cols[c].l, ln.t, cols[c].r, ln.b);
                cell.where = p;
            }
            b.cells.push_back(std::move(cell));
        }
        (void)first;
    }

    /// Numbers the row and its cells; `join_text`: the row's text from its cells' (else the
    /// caller set it, as grid_row_text does for a grid).
    void finish_row(block& b, std::uint32_t table_no, std::uint32_t row_no, bool join_text = true) {
        b.where.table = table_no;
        b.where.row = row_no;
        for (std::size_t k = 0; k < b.cells.size(); ++k) {
            src_cell& c = b.cells[k];
            if (!c.where) c.where = provenance{};
            c.where->table = table_no;
            c.where->row = row_no;
            c.where->cell = static_cast<std::uint32_t>(k);
            if (!c.where->page) c.where->page = b.where.page;
        }
        for (const src_cell& c : b.cells) {
            if (!join_text || c.span_copy || !c.present || c.text.empty()) continue;
            if (!b.text.empty()) b.text += '\t';
            b.text += c.text;
        }
        doc_.blocks.push_back(std::move(b));
    }

    document& doc_;
    std::vector<pline> lines_;
    std::vector<frag> vertical_;
    double text_width_;
    std::vector<page_lines> rules_;  ///< per page (index page - 1); empty where none were read
    std::vector<table> tables_;
    std::set<const frag*> used_vertical_;
    std::set<const frag*> lattice_vertical_;  ///< vertical runs inside a table read from its rules
    std::uint32_t next_table_no_ = 0, current_table_no_ = 0;
};

}  // namespace

namespace {

/// The pages read so far (text layer or OCR), before the tables are rebuilt.
struct pages_read {
    std::vector<pline> lines;
    std::vector<frag> vertical;
    std::vector<pline> chrome;  ///< page-number-like lines in the margins
    double text_width = 0;

    /// Page headers and footers: a page number alone on a line in the top or bottom eighth
    /// (dropped in `rebuild`, unless it stands inside a ruled table: a number wrapped over lines
    /// in its box can begin or end a page).
    static bool is_chrome(const pline& ln, double height) {
        const bool margin = ln.cy() < height / 8 || ln.cy() > height * 7 / 8;
        return margin && ln.frags.size() == 1 && is_page_number(ln.frags.front().text);
    }
    /// Only page chrome on the page (or nothing): no text layer to read.
    static bool blank(const page_text& pt) {
        return pt.vertical.empty() &&
               std::all_of(pt.lines.begin(), pt.lines.end(), [&](const pline& ln) { return is_chrome(ln, pt.height); });
    }
    void add(page_text pt) {
        for (pline& ln : pt.lines) {
            if (is_chrome(ln, pt.height)) {
                chrome.push_back(std::move(ln));
                continue;
            }
            text_width = std::max(text_width, ln.r() - ln.l());
            lines.push_back(std::move(ln));
        }
        for (frag& v : pt.vertical) vertical.push_back(std::move(v));
    }
    /// A page read by OCR: its words laid out as a text layer's are.
    void add(const placed_page& pp) {
        std::vector<frag> words;
        for (const placed_word& w : pp.words) {
            frag f;
            f.text = w.text;
            f.l = w.l;
            f.t = w.t;
            f.r = w.r;
            f.b = w.b;
            f.page = pp.number;
            f.space_after = w.space_after;
            if (!f.text.empty() && f.r > f.l && f.b > f.t) words.push_back(std::move(f));
        }
        add(layout_page(std::move(words), {}, pp.number, pp.height));
    }
};

const char* const no_text_message =
    "the PDF has no text layer (a scan or images only); it needs OCR before it can be imported";

/// The tables rebuilt from the pages read, with the rules of each page (index page - 1).
document rebuild(document doc, pages_read pages, std::vector<page_lines> rules) {
    std::vector<pline>& lines = pages.lines;
    std::size_t dropped = 0;
    for (pline& ln : pages.chrome) {
        // Inside a drawn box: rules above and below it, or on its left and right (a table cut by
        // the page's edge has no rule over its first row). Dropped there, the box would read empty.
        const frag& f = ln.frags.front();
        bool above = false, below = false, left = false, right = false;
        if (ln.page >= 1 && ln.page <= rules.size()) {
            for (const ruling& r : rules[ln.page - 1].horizontal) {
                const bool covers = r.from <= f.cx() && r.to >= f.cx();
                above = above || (covers && r.at <= f.t);
                below = below || (covers && r.at >= f.b);
            }
            for (const ruling& r : rules[ln.page - 1].vertical) {
                const bool covers = r.from <= f.cy() && r.to >= f.cy();
                left = left || (covers && r.at <= f.l);
                right = right || (covers && r.at >= f.r);
            }
        }
        if ((above && below) || (left && right)) {
            lines.push_back(std::move(ln));
            continue;
        }
        ++dropped;
    }
    // Back in reading order (pages, then top to bottom), as read_page made them.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const pline& a, const pline& b) { return a.page != b.page ? a.page < b.page : a.t < b.t; });
    if (lines.empty() && pages.vertical.empty()) throw error(errc::no_text_layer, no_text_message);
    if (dropped > 0)
        log_entry(doc.log, codes::I_070,
                  std::to_string(dropped) + " page number line(s) of page headers and footers dropped");
    pdf_reader reader(doc, std::move(lines), std::move(pages.vertical), pages.text_width, std::move(rules));
    reader.run();
    return doc;
}

/// A page read by OCR: its words into `pages`, its rules (seen in the image) into `rules`, its
/// values into the document for settle_ocr; logged (XXGK-I-115).
void take_scanned(document& doc, pages_read& pages, std::vector<page_lines>& rules, placed_page& sp) {
    if (rules.size() < sp.number) rules.resize(sp.number);
    rules[sp.number - 1] = page_lines(sp.rules);
    pages.add(sp);
    char skew[32];
    std::snprintf(skew, sizeof skew, "%.2f", sp.skew_degrees);
    provenance p;
    p.page = sp.number;
    log_entry(doc.log, codes::I_115,
              "page " + std::to_string(sp.number) + " read by OCR: " + std::to_string(sp.width_px) + " × " +
                  std::to_string(sp.height_px) + " pixels at " + std::to_string(std::lround(sp.dpi)) + " dpi, skew " +
                  skew + "° corrected, " + std::to_string(sp.rules.horizontal.size()) + " horizontal and " +
                  std::to_string(sp.rules.vertical.size()) + " vertical rules, " + std::to_string(sp.words.size()) +
                  " words (" + std::to_string(sp.values.size()) + " number-like, read again digits-only; " +
                  std::to_string(sp.marks) + " marks no word covered)",
              {}, p);
    for (ocr_value& v : sp.values) doc.ocr_values.push_back(std::move(v));
    doc.ocr_ink.insert(doc.ocr_ink.end(), sp.ink.begin(), sp.ink.end());
    doc.ocr_pages.push_back(sp.number);
}

}  // namespace

document read_pdf(std::string_view pdf, bool ocr) {
    if (pdf.size() > static_cast<std::size_t>(INT_MAX))
        throw error(errc::limit_exceeded, "PDF input larger than 2 GiB");
    document doc;
    doc.valid_utf8 = true;
    pages_read pages;
    std::size_t page_count = 0;
    std::vector<placed_page> scanned;  // pages without a text layer, read by OCR
    {
        std::unique_lock<std::mutex> lock(poppler_mutex());
        // poppler prints its complaints about damaged files on stderr; the caller gets an error instead.
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        std::unique_ptr<poppler::document> d(
            poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
        if (!d) {
            // poppler refuses an encrypted file without its password before anything else.
            if (pdf.find("/Encrypt") != std::string_view::npos)
                throw error(errc::encrypted, "the PDF is encrypted (password protected); decrypt it first");
            throw error(errc::invalid_value,
                        "not a readable PDF: poppler could not load the file (damaged or not a PDF)");
        }
        if (d->is_locked()) throw error(errc::encrypted, "the PDF is encrypted (password protected); decrypt it first");
        const int count = d->pages();
        if (count <= 0) throw error(errc::invalid_value, "not a readable PDF: no pages");
        page_count = static_cast<std::size_t>(count);
        for (int i = 0; i < count; ++i) {
            std::unique_ptr<poppler::page> p(d->create_page(i));
            if (!p) continue;
            page_text pt = read_page(*p, static_cast<std::uint32_t>(i + 1));
#if XXGK_WITH_OCR
            if (ocr && pages_read::blank(pt)) {
                // A scanned page: rendered in grey, read by OCR with the lock released (poppler's
                // state is not touched meanwhile).
                poppler::page_renderer renderer;
                renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
                renderer.set_image_format(poppler::image::format_gray8);
                const poppler::image img = renderer.render_page(p.get(), ocr_render_dpi, ocr_render_dpi);
                if (img.is_valid()) {
                    const gray_image g{reinterpret_cast<const unsigned char*>(img.const_data()), img.width(),
                                       img.height(), img.bytes_per_row(), ocr_render_dpi};
                    lock.unlock();
                    scanned.push_back(ocr_page(g, static_cast<std::uint32_t>(i + 1)));
                    lock.lock();
                    continue;
                }
            }
#else
            (void)ocr;
#endif
            if (!pages_read::blank(pt)) ++doc.text_layer_pages;
            pages.add(std::move(pt));
        }
    }
    if (pages.lines.empty() && pages.vertical.empty() && pages.chrome.empty() && scanned.empty())
        throw error(errc::no_text_layer, no_text_message);
    // The table rules (qpdf): tables are read box by box where they are drawn. Without them (a
    // damaged content stream, a rotated page) the text alone is read.
    std::vector<page_lines> rules;
    {
        pdf_rules found = read_pdf_rules(pdf, page_count);
        for (const page_rules& r : found.pages) rules.emplace_back(r);
        for (const std::string& problem : found.problems)
            log_entry(doc.log, codes::I_074,
                      "the PDF's table rules could not all be read (" + problem +
                          "); the tables there are rebuilt from the text alone");
    }
    // A scanned page's rules are those seen in its image.
    for (placed_page& sp : scanned) take_scanned(doc, pages, rules, sp);
    return rebuild(std::move(doc), std::move(pages), std::move(rules));
}

document read_placed_pages(std::vector<placed_page> placed) {
    document doc;
    doc.valid_utf8 = true;
    pages_read pages;
    std::vector<page_lines> rules;
    for (placed_page& sp : placed) take_scanned(doc, pages, rules, sp);
    if (pages.lines.empty() && pages.vertical.empty())
        throw error(errc::invalid_value, "no text was recognised in the image: not a report, or not legible");
    return rebuild(std::move(doc), std::move(pages), std::move(rules));
}

}  // namespace xxgk::import_detail
