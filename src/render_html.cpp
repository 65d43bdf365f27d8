// render_html: the report as HTML, the tables in the national template's layout (docs/render.md).
//
// Safety rests on one rule: every string that comes from the report goes through `text` or
// `attribute`, which escape it; nothing of the report is ever written raw, and no element that
// could load or link anything (a, img, script, iframe, style attributes) is ever built from it.
#include "xxgk/render.hpp"

#include "html.hpp"
#include "render_layout.hpp"
#include "xxgk/error.hpp"
#include "xxgk/version.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <map>
#include <string_view>

namespace xxgk {
namespace detail {

/// Appends `s` escaped for HTML text and attribute values alike (& < > " '). C0 control
/// characters other than tab, line feed and carriage return become U+FFFD.
void escape_html(std::string& out, std::string_view s) {
    for (char ch : s) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                    out += "\xEF\xBF\xBD";
                else
                    out += ch;
        }
    }
}

/// The standalone page's stylesheet. Every class is documented in docs/render.md.
constexpr std::string_view stylesheet = R"css(
body{margin:0;background:#f4f4f4;color:#222}
.xxgk-report{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff;
  font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:15px;line-height:1.7}
.xxgk-title{text-align:center;font-size:24px;margin:8px 0 20px}
.xxgk-report h2{font-size:18px;margin:28px 0 10px}
.xxgk-report h3{font-size:16px;margin:16px 0 6px}
.xxgk-report p{margin:6px 0;text-indent:2em}
.xxgk-meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
.xxgk-meta dt{font-weight:bold}.xxgk-meta dd{margin:0}
.xxgk-table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px;line-height:1.4}
.xxgk-table th,.xxgk-table td{border:1px solid #555;padding:4px 6px;text-align:center;vertical-align:middle}
.xxgk-table th{font-weight:normal;background:#f7f7f2}
.xxgk-table thead th.xxgk-header{min-width:3.2em}
.xxgk-table .xxgk-corner{text-align:left;font-size:12px}
.xxgk-table .xxgk-block-caption{text-align:left;font-weight:bold;background:#ecece4}
.xxgk-table .xxgk-row-label{text-align:left}
.xxgk-table td.xxgk-value{font-variant-numeric:tabular-nums;min-width:2.5em}
.xxgk-table td.xxgk-not-applicable,.xxgk-table td.xxgk-text{color:#7a4b00}
.xxgk-table td.xxgk-not-captured{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
.xxgk-table td.xxgk-finding{outline:2px solid #c62828;outline-offset:-2px;background:#fdecea;cursor:help}
.xxgk-table td.xxgk-severity-warning{outline-color:#ef6c00;background:#fff3e0}
.xxgk-table td.xxgk-severity-info{outline-color:#1565c0;background:#e3f2fd}
.xxgk-foreign{margin:12px 0;padding:8px 12px;border:1px dashed #999;background:#fafafa;color:#666;font-size:13px}
.xxgk-foreign-note{font-weight:bold;text-indent:0!important}
.xxgk-foreign h4{margin:6px 0;font-size:14px}
.xxgk-missing{color:#999}
.xxgk-processing-fees{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
.xxgk-processing-fees dd{margin:0}
.xxgk-signature{text-align:right;margin-top:32px}
.xxgk-signature p{text-indent:0}
.xxgk-findings{margin:-8px 0 16px;padding:8px 12px;border-left:4px solid #c62828;background:#fdf6f5;font-size:13px;line-height:1.5}
.xxgk-findings h3{margin:0 0 4px;font-size:14px}
.xxgk-findings ol{margin:0;padding-left:1.6em}
.xxgk-findings li{margin:2px 0}
.xxgk-findings li.xxgk-severity-warning::marker{color:#ef6c00}
.xxgk-findings li.xxgk-severity-info::marker{color:#1565c0}
.xxgk-findings code{font-weight:bold;margin-right:4px}
.xxgk-findings .xxgk-finding-key{color:#555;margin-right:4px;font-family:monospace}
)css";

}  // namespace detail

std::string_view render_css() { return detail::stylesheet; }

namespace detail {

void html_page_begin(std::string& out, std::string_view title) {
    out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Defence in depth: the page needs nothing but its own stylesheet, so nothing else may load or run.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "base-uri 'none'; form-action 'none'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"";
    escape_html(out, std::string("xxgk ") + version());
    out += "\">\n<title>";
    escape_html(out, title);
    out += "</title>\n<style>";
    out += stylesheet;
    out += "</style>\n</head>\n<body>\n";
}

}  // namespace detail

namespace {

using detail::escape_html;

using detail::grid_cell;
using detail::grid_role;

/// The notes the renderer adds itself, in both languages.
struct notes {
    std::string_view foreign;
    std::string_view missing;
    std::string_view not_captured;
    std::string_view findings;  ///< the heading of a table's visible list of findings
};
constexpr notes notes_zh{
    "以下内容不属于年度报告正文：原网页在本部分中夹带的其他栏目内容，仅为完整保留原文而列出。",
    "（报告未包含本部分）",
    "原文中未能读取此单元格",
    "本表审核发现",
};
constexpr notes notes_en{
    "Not part of the report: material the published page carried inside this section (portal lists, "
    "news items), kept so that nothing printed is lost.",
    "(the report has no such section)",
    "this cell could not be read from the source",
    "Findings in this table",
};

class html_renderer {
public:
    html_renderer(const report& r, const render_options& o) : r_(r), options_(o) {
        if (o.lang == "zh")
            notes_ = &notes_zh;
        else if (o.lang == "en")
            notes_ = &notes_en;
        else
            throw error(errc::invalid_value, "render language '" + o.lang + "' is not supported (\"zh\" or \"en\")");
        if (o.findings)
            for (const finding& f : *o.findings)
                if (!f.key.empty()) findings_[f.key].push_back(&f);
    }

    std::string run() {
        out_.reserve(64 * 1024);
        if (options_.standalone) page_begin();
        article();
        if (options_.standalone) out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    void text(std::string_view s) { escape_html(out_, s); }
    void raw(std::string_view s) { out_ += s; }
    /// ` name="value"`, the value escaped.
    void attribute(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        escape_html(out_, value);
        out_ += '"';
    }
    /// A paragraph of report text; line breaks inside it become <br>.
    void paragraph(std::string_view s, std::string_view cls = {}) {
        raw("<p");
        if (!cls.empty()) attribute("class", cls);
        raw(">");
        std::size_t start = 0;
        while (true) {
            const std::size_t nl = s.find('\n', start);
            text(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
            if (nl == std::string_view::npos) break;
            raw("<br>");
            start = nl + 1;
        }
        raw("</p>\n");
    }

    std::string title() const {
        const report_header& h = r_.header;
        if (h.title && !h.title->empty()) return *h.title;
        return h.body + std::to_string(h.year) + "年政府信息公开工作年度报告";
    }

    void page_begin() { detail::html_page_begin(out_, title()); }

    void article() {
        raw("<article class=\"xxgk-report\" lang=\"zh-CN\"");
        attribute("data-format", to_string(r_.format()));
        raw(">\n");
        header();
        narrative("overview", r_.overview);
        for (const detail::table_grid& g : detail::table_grids(r_.format())) table_section(g);
        narrative("problems", r_.problems);
        narrative("other_matters", r_.other_matters, r_.processing_fees ? &*r_.processing_fees : nullptr);
        signature();
        raw("</article>\n");
    }

    void header() {
        const report_header& h = r_.header;
        raw("<header class=\"xxgk-report-header\">\n<h1 class=\"xxgk-title\">");
        text(title());
        raw("</h1>\n");
        if (h.preamble && !h.preamble->empty()) {
            raw("<div class=\"xxgk-preamble\">\n");
            std::string_view rest = *h.preamble;
            while (!rest.empty()) {
                const std::size_t nl = rest.find('\n');
                const std::string_view line = rest.substr(0, nl);
                if (!line.empty()) paragraph(line);
                rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
            }
            raw("</div>\n");
        } else {
            // Without a printed preamble: the header's facts.
            facts(detail::header_facts(r_), "xxgk-meta");
        }
        raw("</header>\n");
    }

    /// Facts as a definition list.
    void facts(const std::vector<detail::fact>& items, std::string_view cls) {
        if (items.empty()) return;
        raw("<dl");
        attribute("class", cls);
        raw(">\n");
        for (const detail::fact& f : items) {
            raw("<dt>");
            text(f.term);
            raw("</dt><dd>");
            text(f.value);
            raw("</dd>\n");
        }
        raw("</dl>\n");
    }

    /// The foreign blocks that follow one subsection, in one marked <aside>.
    void foreign(const std::vector<const foreign_block*>& blocks) {
        if (blocks.empty()) return;
        raw("<aside class=\"xxgk-foreign\"");
        attribute("data-after-subsection", std::to_string(blocks.front()->after_subsection));
        raw(">\n<p class=\"xxgk-foreign-note\"");
        if (notes_ == &notes_en) raw(" lang=\"en\"");
        raw(">");
        text(notes_->foreign);
        raw("</p>\n");
        for (const foreign_block* b : blocks) {
            raw("<div class=\"xxgk-foreign-block\">\n");
            if (b->heading) {
                raw("<h4>");
                text(*b->heading);
                raw("</h4>\n");
            }
            for (const std::string& p : b->paragraphs) paragraph(p);
            raw("</div>\n");
        }
        raw("</aside>\n");
    }

    void narrative(std::string_view member, const std::optional<narrative_section>& s,
                   const processing_fee_statement* fees = nullptr) {
        raw("<section class=\"xxgk-section xxgk-narrative\"");
        attribute("data-section", member);
        raw(">\n<h2 class=\"xxgk-heading\">");
        text(s && s->heading && !s->heading->empty() ? std::string_view(*s->heading)
                                                     : detail::narrative_heading_of(member));
        raw("</h2>\n");
        if (!s) {
            paragraph(notes_->missing, "xxgk-missing");
        } else {
            for (const std::string& p : s->paragraphs) paragraph(p);
            const auto foreign_after = [&](std::size_t index) { foreign(detail::foreign_blocks_after(*s, index)); };
            foreign_after(0);
            for (std::size_t i = 0; i < s->subsections.size(); ++i) {
                const subsection& sub = s->subsections[i];
                raw("<section class=\"xxgk-subsection\">\n<h3>");
                if (sub.ordinal) {
                    raw("<span class=\"xxgk-ordinal\">");
                    text(*sub.ordinal);
                    raw("</span>");
                }
                text(sub.title);
                raw("</h3>\n");
                for (const std::string& p : sub.paragraphs) paragraph(p);
                raw("</section>\n");
                foreign_after(i + 1);
            }
        }
        if (fees) processing_fees(*fees);
        raw("</section>\n");
    }

    void processing_fees(const processing_fee_statement& f) {
        facts(detail::fee_facts(f, notes_ == &notes_en), "xxgk-processing-fees");
        if (f.raw && !detail::printed_in(r_.other_matters, *f.raw)) paragraph(*f.raw, "xxgk-processing-fees-text");
    }

    void signature() {
        const auto& s = r_.header.signature;
        if (!s || (!s->body && !s->date)) return;
        raw("<footer class=\"xxgk-signature\">\n");
        if (s->body) paragraph(*s->body, "xxgk-signature-body");
        if (s->date) {
            raw("<p class=\"xxgk-signature-date\"><time");
            attribute("datetime", s->date->to_string());
            raw(">");
            text(detail::chinese_date(*s->date));
            raw("</time></p>\n");
        }
        raw("</footer>\n");
    }

    void table_section(const detail::table_grid& g) {
        raw("<section class=\"xxgk-section xxgk-table-section\"");
        attribute("data-section", g.section);
        raw(">\n<h2 class=\"xxgk-heading\">");
        text(detail::table_section_heading(r_, g.section));
        raw("</h2>\n<table");
        attribute("class", "xxgk-table xxgk-table-" + std::string(g.section));
        attribute("data-section", g.section);
        raw(">\n");
        for (const detail::grid_part& part : g.parts) {
            raw(part.head ? "<thead" : "<tbody");
            if (!part.block.empty()) {
                raw(" class=\"xxgk-block\"");
                attribute("data-block", part.block);
            }
            raw(">\n");
            for (const detail::grid_row& row : part.rows) {
                raw("<tr");
                if (!row.row.empty()) attribute("data-row", row.row);
                raw(">");
                for (const grid_cell& c : row.cells) grid_cell_html(c);
                raw("</tr>\n");
            }
            raw(part.head ? "</thead>\n" : "</tbody>\n");
        }
        raw("</table>\n");
        findings_list(g.section);
        raw("</section>\n");
    }

    /// The findings about the cells of this table, as a visible list after it (the cells carry them
    /// only as a title): in validation order, severity as a class, every text escaped.
    void findings_list(std::string_view section) {
        if (!options_.findings) return;
        std::vector<const finding*> listed;
        for (const finding& f : *options_.findings)
            if (f.key.size() > section.size() && f.key.compare(0, section.size(), section) == 0 &&
                f.key[section.size()] == '.')
                listed.push_back(&f);
        if (listed.empty()) return;
        raw("<aside class=\"xxgk-findings\"");
        attribute("data-section", section);
        raw(">\n<h3>");
        text(notes_->findings);
        raw("</h3>\n<ol>\n");
        for (const finding* f : listed) {
            raw("<li");
            attribute("class", "xxgk-severity-" + std::string(boost::describe::enum_to_string(f->severity, "error")));
            attribute("data-key", f->key);
            raw("><code>");
            text(f->code);
            raw("</code><span class=\"xxgk-finding-key\">");
            text(f->key);
            raw("</span>");
            text(notes_ == &notes_en ? f->message_en : f->message_zh);
            raw("</li>\n");
        }
        raw("</ol>\n</aside>\n");
    }

    void spans(const grid_cell& c) {
        if (c.rowspan > 1) attribute("rowspan", std::to_string(c.rowspan));
        if (c.colspan > 1) attribute("colspan", std::to_string(c.colspan));
    }

    void grid_cell_html(const grid_cell& c) {
        if (c.role == grid_role::value) {
            value_html(c);
            return;
        }
        std::string_view cls, scope;
        switch (c.role) {
            case grid_role::corner: cls = "xxgk-corner"; break;
            case grid_role::header:
                cls = "xxgk-header";
                scope = "col";
                break;
            case grid_role::column_group:
                cls = "xxgk-header xxgk-column-group";
                scope = "colgroup";
                break;
            case grid_role::block_caption:
                cls = "xxgk-block-caption";
                scope = "colgroup";
                break;
            case grid_role::group:
                cls = "xxgk-group";
                scope = "rowgroup";
                break;
            case grid_role::row_label:
                cls = "xxgk-row-label";
                scope = "row";
                break;
            case grid_role::value: break;
        }
        raw("<th");
        attribute("class", cls);
        if (!scope.empty()) attribute("scope", scope);
        spans(c);
        raw(">");
        text(c.text);
        raw("</th>");
    }

    void value_html(const grid_cell& g) {
        const cell_key& k = *g.key;
        const cell& c = cell_at(r_, k.index);
        std::string cls = "xxgk-value xxgk-";
        for (char ch : detail::cell_state_name(c.state())) cls += ch == '_' ? '-' : ch;
        std::string title;
        std::string codes;
        if (auto it = findings_.find(k.key); it != findings_.end()) {
            severity worst = severity::info;
            for (const finding* f : it->second) {
                if (f->severity > worst) worst = f->severity;
                if (!title.empty()) title += '\n';
                title += notes_ == &notes_en ? f->message_en : f->message_zh;
                if (!codes.empty()) codes += ' ';
                codes += f->code;
            }
            cls += " xxgk-finding xxgk-severity-";
            cls += boost::describe::enum_to_string(worst, "error");
        } else if (c.state() == cell_state::not_captured) {
            title = notes_->not_captured;
        }
        raw("<td");
        attribute("class", cls);
        attribute("data-key", k.key);
        if (!codes.empty()) attribute("data-findings", codes);
        if (!title.empty()) attribute("title", title);
        spans(g);
        raw(">");
        text(detail::cell_display_text(c));
        raw("</td>");
    }

    const report& r_;
    const render_options& options_;
    const notes* notes_ = &notes_zh;
    std::map<std::string, std::vector<const finding*>, std::less<>> findings_;
    std::string out_;
};

}  // namespace

std::string render_html(const report& r, const render_options& options) { return html_renderer(r, options).run(); }

}  // namespace xxgk
