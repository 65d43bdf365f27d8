// render_markdown: the report as CommonMark with GFM pipe tables.
//
// Report text is escaped so that a Markdown renderer shows it as the text it is: the characters
// that start inline constructs (emphasis, code, links, raw HTML, entities, table pipes) are
// backslash-escaped everywhere, and the ones that start blocks (headings, lists, quotes, setext
// underlines) at the start of a line.
#include "xxgk/render.hpp"

#include "render_layout.hpp"

namespace xxgk {
namespace {

bool is_inline_special(char c) {
    switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '&':
        case '|':
        case '~':
        case '!': return true;
        default: return false;
    }
}

/// Appends one line of report text. `line_start`: the text begins a line of a block, where
/// block markers would take effect.
void escape_line(std::string& out, std::string_view s, bool line_start) {
    if (line_start) {
        // Leading blanks would make an indented code block or hide a marker behind them.
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        if (!s.empty() && (s.front() == '#' || s.front() == '+' || s.front() == '-' || s.front() == '=')) {
            out += '\\';
            out += s.front();
            s.remove_prefix(1);
        } else {
            // An ordered-list marker: digits followed by "." or ")".
            std::size_t d = 0;
            while (d < s.size() && d < 9 && s[d] >= '0' && s[d] <= '9') ++d;
            if (d > 0 && d < s.size() && (s[d] == '.' || s[d] == ')')) {
                out.append(s.data(), d);
                out += '\\';
                out += s[d];
                s.remove_prefix(d + 1);
            }
        }
    }
    for (char c : s) {
        if (is_inline_special(c)) out += '\\';
        if (c == '\r') continue;
        out += c;
    }
}

/// A paragraph of report text; its line breaks become hard breaks.
void paragraph(std::string& out, std::string_view s, std::string_view prefix = {}) {
    bool first = true;
    while (true) {
        const std::size_t nl = s.find('\n');
        const std::string_view line = s.substr(0, nl);
        if (!first) out += "\\\n";
        out += prefix;
        escape_line(out, line, true);
        first = false;
        if (nl == std::string_view::npos) break;
        s.remove_prefix(nl + 1);
    }
    out += "\n";
    if (!prefix.empty()) out += prefix.substr(0, prefix.find_last_not_of(' ') + 1);
    out += "\n";
}

/// A table cell: one line, pipes escaped.
std::string cell_text(std::string_view s) {
    std::string out;
    std::string flat(s);
    for (char& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    escape_line(out, flat, false);
    return out;
}

void pipe_row(std::string& out, const std::vector<std::string>& cells) {
    out += '|';
    for (const std::string& c : cells) {
        out += ' ';
        out += c;
        out += " |";
    }
    out += '\n';
}

class markdown_renderer {
public:
    explicit markdown_renderer(const report& r) : r_(r) {}

    std::string run() {
        const report_header& h = r_.header;
        out_ += "# ";
        escape_line(out_,
                    h.title && !h.title->empty() ? *h.title
                                                 : h.body + std::to_string(h.year) + "年政府信息公开工作年度报告",
                    false);
        out_ += "\n\n";
        if (h.preamble && !h.preamble->empty()) {
            std::string_view rest = *h.preamble;
            while (!rest.empty()) {
                const std::size_t nl = rest.find('\n');
                if (nl != 0) paragraph(out_, rest.substr(0, nl));
                rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
            }
        } else {
            facts(detail::header_facts(r_));  // without a printed preamble: the header's facts
        }
        narrative("overview", r_.overview);
        std::string_view section;
        for (const detail::flat_table& t : detail::flat_tables(r_.format())) {
            if (t.section != section) heading(2, detail::table_section_heading(r_, t.section));
            section = t.section;
            table(t);
        }
        narrative("problems", r_.problems);
        narrative("other_matters", r_.other_matters);
        if (r_.processing_fees) fees(*r_.processing_fees);
        signature();
        return std::move(out_);
    }

private:
    void heading(int level, std::string_view text) {
        out_.append(static_cast<std::size_t>(level), '#');
        out_ += ' ';
        escape_line(out_, text, false);
        out_ += "\n\n";
    }

    void narrative(std::string_view member, const std::optional<narrative_section>& s) {
        heading(2, s && s->heading && !s->heading->empty() ? std::string_view(*s->heading)
                                                           : detail::narrative_heading_of(member));
        if (!s) {
            out_ += "*（报告未包含本部分）*\n\n";
            return;
        }
        for (const std::string& p : s->paragraphs) paragraph(out_, p);
        const auto foreign_after = [&](std::size_t index) { foreign(detail::foreign_blocks_after(*s, index)); };
        foreign_after(0);
        for (std::size_t i = 0; i < s->subsections.size(); ++i) {
            const subsection& sub = s->subsections[i];
            heading(3, sub.ordinal.value_or("") + sub.title);
            for (const std::string& p : sub.paragraphs) paragraph(out_, p);
            foreign_after(i + 1);
        }
    }

    // Foreign material as one marked block quote per place, visibly apart from the report.
    void foreign(const std::vector<const foreign_block*>& blocks) {
        if (blocks.empty()) return;
        out_ += "> **以下内容不属于年度报告正文：原网页在本部分中夹带的其他栏目内容，仅为完整保留原文而列出。**\n>\n";
        for (const foreign_block* b : blocks) {
            if (b->heading) {
                out_ += "> **";
                escape_line(out_, *b->heading, false);
                out_ += "**\n>\n";
            }
            for (const std::string& p : b->paragraphs) paragraph(out_, p, "> ");
        }
        out_ += "\n";
    }

    void table(const detail::flat_table& t) {
        if (!t.caption.empty()) {
            out_ += "**";
            escape_line(out_, t.caption, false);
            out_ += "**\n\n";
        }
        std::vector<std::string> cells;
        for (const std::string& h : t.header) cells.push_back(cell_text(h));
        pipe_row(out_, cells);
        out_ += '|';
        for (std::size_t i = 0; i < t.header.size(); ++i) out_ += " --- |";
        out_ += '\n';
        for (const detail::flat_table::row& row : t.rows) {
            cells.clear();
            if (t.has_label_column) cells.push_back(cell_text(row.label));
            for (const cell_key* k : row.cells)
                cells.push_back(cell_text(detail::cell_display_text(cell_at(r_, k->index))));
            pipe_row(out_, cells);
        }
        out_ += '\n';
    }

    void facts(const std::vector<detail::fact>& items) {
        for (const detail::fact& f : items) {
            out_ += "- ";
            escape_line(out_, f.term, false);
            out_ += "：";
            escape_line(out_, f.value, false);
            out_ += '\n';
        }
        if (!items.empty()) out_ += '\n';
    }

    void fees(const processing_fee_statement& f) {
        facts(detail::fee_facts(f, false));
        if (f.raw && !detail::printed_in(r_.other_matters, *f.raw)) paragraph(out_, *f.raw);
    }

    void signature() {
        const auto& s = r_.header.signature;
        if (!s) return;
        if (s->body) {
            escape_line(out_, *s->body, true);
            out_ += s->date ? "\\\n" : "\n";
        }
        if (s->date) out_ += detail::chinese_date(*s->date) + "\n";
    }

    const report& r_;
    std::string out_;
};

}  // namespace

std::string render_markdown(const report& r) { return markdown_renderer(r).run(); }

}  // namespace xxgk
