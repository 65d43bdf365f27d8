// HTML page → blocks, with libxml2's HTML parser (recovering, no network). Data tables (tables
// without nested tables) become grids with rowspan/colspan honoured; layout tables are walked as
// containers. Page chrome is left out.
#include "document.hpp"
#include "../codes.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/error.hpp>
#include <xxgk/text.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace xxgk::import_detail {
namespace {

std::string_view name_of(const xmlNode* n) {
    return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

bool is_element(const xmlNode* n, std::string_view name) { return n->type == XML_ELEMENT_NODE && name_of(n) == name; }

// Elements that never hold report text.
bool is_skipped_tag(std::string_view t) {
    static const std::set<std::string_view> tags{"script",   "style",  "noscript", "template", "nav",    "form",
                                                 "button",   "select", "option",   "textarea", "iframe", "object",
                                                 "embed",    "svg",    "canvas",   "input",    "map",    "area",
                                                 "noframes", "head",   "video",    "audio"};
    return tags.count(t) > 0;
}

bool is_block_tag(std::string_view t) {
    static const std::set<std::string_view> tags{
        "p",     "div",      "h1",      "h2",      "h3",         "h4",         "h5",  "h6",      "li",
        "ul",    "ol",       "dl",      "dt",      "dd",         "blockquote", "pre", "section", "article",
        "main",  "center",   "address", "figure",  "figcaption", "caption",    "tr",  "td",      "th",
        "tbody", "thead",    "tfoot",   "header",  "footer",     "aside",      "hr",  "table",   "body",
        "html",  "fieldset", "legend",  "details", "summary"};
    return tags.count(t) > 0;
}

// Class and id words of navigation bars, breadcrumbs, share buttons, footers and the like.
bool is_chrome_word(std::string_view w) {
    static const std::set<std::string_view> words{
        "nav",     "navbar",  "navigation", "menu",    "menubar", "breadcrumb", "breadcrumbs", "crumb",     "crumbs",
        "share",   "sharing", "bdshare",    "jiathis", "social",  "footer",     "foot",        "copyright", "sidebar",
        "toolbar", "topbar",  "banner",     "login",   "search",  "print",      "fenxiang",    "dayin",     "guanbi",
        "skip",    "pager",   "pagination", "related", "xgxx",    "xgwz",       "bottom",      "qrcode",    "ewm"};
    return words.count(w) > 0;
}

bool has_chrome_class(const xmlNode* n, std::string& why) {
    for (const char* a : {"class", "id", "role"}) {
        std::string v = attr(n, a);
        if (v.empty()) continue;
        std::string word;
        for (std::size_t i = 0; i <= v.size(); ++i) {
            const char c = i < v.size() ? v[i] : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word += c;
            } else if (c >= 'A' && c <= 'Z') {
                word += static_cast<char>(c - 'A' + 'a');
            } else {
                if (!word.empty() && (is_chrome_word(word) || (std::string_view(a) == "role" &&
                                                               (word == "navigation" || word == "contentinfo")))) {
                    why = std::string(name_of(n)) + "." + word;
                    return true;
                }
                word.clear();
            }
        }
    }
    return false;
}

bool is_hidden(const xmlNode* n) {
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    std::string style = attr(n, "style");
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    std::transform(style.begin(), style.end(), style.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool has_class(const xmlNode* n, std::string_view cls) {
    const std::string v = attr(n, "class");
    std::size_t p = 0;
    while (p < v.size()) {
        while (p < v.size() && v[p] == ' ') ++p;
        std::size_t e = v.find(' ', p);
        if (e == std::string::npos) e = v.size();
        if (std::string_view(v).substr(p, e - p) == cls) return true;
        p = e;
    }
    return false;
}

bool contains_table(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_of(c) == "table" || contains_table(c)) return true;
    }
    return false;
}

}  // namespace

namespace {

/// The widest grid read: the widest official table has 17 columns; wider rows are layout.
constexpr int max_cols = 256;
/// The longest rowspan honoured (HTML allows 65534; an official table has about 30 rows).
constexpr int max_rowspan = 1000;
/// Grid positions one table may fill (filled, under a span, or padding); the official tables
/// fill a few hundred. The page's tables together fill at most 65536 plus one per 8 bytes.
constexpr std::size_t max_table_positions = std::size_t{1} << 16;

class walker {
public:
    walker(document& doc, const std::map<const xmlNode*, int>& table_index, std::size_t grid_limit)
        : doc_(doc), table_index_(table_index), grid_limit_(grid_limit) {}

    void visit(const xmlNode* n) {
        for (; n; n = n->next) visit_one(n);
    }

    void finish() {
        flush();
        if (!chrome_.empty()) {
            std::string kinds;
            for (const auto& [what, count] : chrome_) {
                if (!kinds.empty()) kinds += ", ";
                kinds += what + " ×" + std::to_string(count);
            }
            log_entry(doc_.log, codes::I_012, "page chrome ignored: " + kinds);
        }
    }

private:
    void visit_one(const xmlNode* n) {
        current_budget().spend();
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            text(n);
            return;
        }
        if (n->type != XML_ELEMENT_NODE) return;
        const std::string_view tag = name_of(n);
        if (tag == "title" && !doc_.html_title) {
            std::string t;
            for (const xmlNode* c = n->children; c; c = c->next)
                if (c->content) append_collapsed(t, reinterpret_cast<const char*>(c->content));
            doc_.html_title = trim(t);
            return;
        }
        if (is_skipped_tag(tag)) {
            if (tag != "head") ++chrome_[std::string(tag)];
            if (tag == "head") visit(n->children);  // only <title> is taken from <head>
            return;
        }
        if (is_hidden(n)) {
            ++chrome_["hidden element"];
            return;
        }
        // The xxgk renderer's own notes are not report text.
        if (has_class(n, "xxgk-foreign-note") || has_class(n, "xxgk-missing") || has_class(n, "xxgk-processing-fees") ||
            has_class(n, "xxgk-processing-fees-text") || has_class(n, "xxgk-findings"))
            return;
        const bool in_content = content_depth_ > 0;
        if ((tag == "header" || tag == "footer") && !in_content) {
            ++chrome_[std::string(tag)];
            return;
        }
        if (tag == "aside" && !has_class(n, "xxgk-foreign")) {
            ++chrome_["aside"];
            return;
        }
        std::string why;
        if (!in_content || (tag != "article" && tag != "main" && tag != "section"))
            if (has_chrome_class(n, why)) {
                ++chrome_[why];
                return;
            }
        if (tag == "br") {
            flush();
            return;
        }
        if (tag == "table") {
            flush();
            if (!contains_table(n)) {
                data_table(n);
                return;
            }
            visit(n->children);
            flush();
            return;
        }
        const bool block_tag = is_block_tag(tag);
        if (block_tag) flush();
        int saved_heading = heading_;
        bool saved_list = list_;
        int saved_foreign = foreign_group_;
        if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') heading_ = tag[1] - '0';
        if (tag == "li") list_ = true;
        if (tag == "div" && has_class(n, "xxgk-foreign-block")) foreign_group_ = next_foreign_++;
        if (tag == "aside" && foreign_group_ < 0) foreign_group_ = next_foreign_++;
        const bool content = tag == "article" || tag == "main";
        if (content) ++content_depth_;
        const bool bold = (tag == "strong" || tag == "b") && heading_ == 0;
        if (bold) marked_ += "**";
        visit(n->children);
        if (bold) marked_ += "**";
        if (content) --content_depth_;
        if (block_tag) flush();
        heading_ = saved_heading;
        list_ = saved_list;
        foreign_group_ = saved_foreign;
    }

    void text(const xmlNode* n) {
        if (!n->content) return;
        const std::string_view s(reinterpret_cast<const char*>(n->content));
        if (line_.empty()) {
            line_no_ = static_cast<std::uint32_t>(xmlGetLineNo(n));
            // Leading white space of a line is dropped.
            std::string tmp;
            append_collapsed(tmp, s);
            if (tmp == " ") return;
        }
        append_collapsed(line_, s);
        append_collapsed(marked_, s);
    }

    void flush() {
        if (auto b = paragraph_block(line_, marked_, heading_, list_)) {
            b->foreign_group = foreign_group_;
            if (line_no_ > 0) b->where.line = line_no_;
            doc_.blocks.push_back(std::move(*b));
        }
        line_.clear();
        marked_.clear();
        line_no_ = 0;
    }

    /// The text of a table cell: white space collapsed, line breaks and blocks as spaces.
    static void cell_text(const xmlNode* n, std::string& out) {
        for (const xmlNode* c = n; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) append_collapsed(out, reinterpret_cast<const char*>(c->content));
            } else if (c->type == XML_ELEMENT_NODE) {
                const std::string_view t = name_of(c);
                if (is_skipped_tag(t) || is_hidden(c)) continue;
                if (t == "br" || is_block_tag(t)) {
                    if (!out.empty() && out.back() != ' ') out += ' ';
                }
                cell_text(c->children, out);
                if (is_block_tag(t) && !out.empty() && out.back() != ' ') out += ' ';
            }
        }
    }

    static void collect_rows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
        for (const xmlNode* c = n; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (name_of(c) == "tr") {
                rows.push_back(c);
                continue;
            }
            if (name_of(c) == "table") continue;
            collect_rows(c->children, rows);
        }
    }

    static int span(const xmlNode* n, const char* name, int max) {
        const std::string v = attr(n, name);
        if (v.empty()) return 1;
        int x = 0;
        for (char c : v) {
            if (c < '0' || c > '9') break;
            x = std::min(x * 10 + (c - '0'), 100000);
        }
        if (x <= 0) return name[0] == 'r' && v[0] == '0' ? max : 1;  // rowspan="0": to the end
        return std::min(x, max);
    }

    void data_table(const xmlNode* table) {
        const auto idx = table_index_.find(table);
        const std::uint32_t t = idx == table_index_.end() ? 0 : static_cast<std::uint32_t>(idx->second);
        // <caption> first, as a line.
        for (const xmlNode* c = table->children; c; c = c->next)
            if (is_element(c, "caption")) {
                std::string s;
                cell_text(c->children, s);
                line_ = trim(s);
                marked_ = line_;
                line_no_ = static_cast<std::uint32_t>(xmlGetLineNo(c));
                flush();
            }
        std::vector<const xmlNode*> trs;
        table_used_ = 0;
        if (!grid_full_) collect_rows(table->children, trs);
        const int nrows = static_cast<int>(trs.size());
        std::vector<std::vector<src_cell>> grid(trs.size());
        std::vector<bool> cut(trs.size(), false);
        int read_rows = nrows;  // rows before the grid limit was reached
        for (int r = 0; r < nrows; ++r) {
            if (!grid_spend(1)) {
                read_rows = r;
                grid_exhausted(t, r);
                break;
            }
            int col = 0;
            std::uint32_t cell_index = 0;
            for (const xmlNode* td = trs[static_cast<std::size_t>(r)]->children; td; td = td->next) {
                if (!(is_element(td, "td") || is_element(td, "th"))) continue;
                if (is_hidden(td)) {
                    ++cell_index;
                    continue;
                }
                auto& row = grid[static_cast<std::size_t>(r)];
                while (col < static_cast<int>(row.size()) && row[static_cast<std::size_t>(col)].present) ++col;
                if (col >= max_cols) {
                    // More cells than a grid holds: the row is not read rather than cut, so that no
                    // value lands in another column.
                    cut[static_cast<std::size_t>(r)] = true;
                    provenance p;
                    p.table = t;
                    p.row = static_cast<std::uint32_t>(r);
                    log_entry(doc_.log, codes::I_103,
                              "table " + std::to_string(t) + ", row " + std::to_string(r) +
                                  " has cells beyond column " + std::to_string(max_cols) +
                                  "; the row is not read and its cells are not captured",
                              {}, p);
                    break;
                }
                const int rs = span(td, "rowspan", std::min(nrows - r, max_rowspan));
                const int cs = std::min(span(td, "colspan", max_cols), max_cols - col);
                std::string s;
                cell_text(td->children, s);
                src_cell origin;
                origin.text = trim(s);
                // xxgk's own rendering marks a cell it could not capture: an empty <td> that is no
                // printed empty cell, so it imports back as not captured, never as blank.
                origin.unprinted = has_class(td, "xxgk-not-captured");
                origin.value_box = has_class(td, "xxgk-value");
                provenance p;
                p.table = t;
                p.row = static_cast<std::uint32_t>(r);
                p.cell = cell_index;
                origin.where = p;
                for (int dr = 0; dr < rs; ++dr) {
                    auto& target = grid[static_cast<std::size_t>(r + dr)];
                    if (static_cast<int>(target.size()) < col + cs) {
                        grid_spend(static_cast<std::size_t>(col + cs) - target.size());
                        src_cell absent;
                        absent.present = false;
                        target.resize(static_cast<std::size_t>(col + cs), absent);
                    }
                    grid_spend(static_cast<std::size_t>(cs));
                    for (int dc = 0; dc < cs; ++dc) {
                        src_cell& slot = target[static_cast<std::size_t>(col + dc)];
                        if (slot.present) continue;  // overlapping spans: the first cell keeps the slot
                        slot = origin;
                        slot.span_copy = dr > 0 || dc > 0;
                    }
                }
                col += cs;
                ++cell_index;
            }
        }
        std::size_t width = 0;
        for (int r = 0; r < read_rows; ++r) width = std::max(width, grid[static_cast<std::size_t>(r)].size());
        for (int r = 0; r < read_rows; ++r) {
            auto& row = grid[static_cast<std::size_t>(r)];
            if (cut[static_cast<std::size_t>(r)]) continue;
            if (!grid_spend(width - std::min(width, row.size()))) {
                grid_exhausted(t, r);
                break;
            }
            src_cell absent;
            absent.present = false;
            row.resize(width, absent);
            block b;
            b.type = block::kind::row;
            b.html = true;
            b.foreign_group = foreign_group_;
            b.where.table = t;
            b.where.row = static_cast<std::uint32_t>(r);
            b.where.line = static_cast<std::uint32_t>(xmlGetLineNo(trs[static_cast<std::size_t>(r)]));
            b.text = grid_row_text(row);
            b.cells = std::move(row);
            // A row with text is kept; so is a row of two or more empty boxes of its own (the
            // national layout's value row of a body with no case, as xxgk renders it): like a Word
            // table row, it is the evidence that its cells are blank. A row of one empty cell, or of
            // nothing, is a spacer and is dropped.
            bool any = false;
            std::size_t own_boxes = 0;
            for (const src_cell& c : b.cells) {
                any = any || (c.present && !c.text.empty());
                own_boxes += c.present && !c.span_copy && !c.unprinted;
            }
            if (any || own_boxes >= 2) doc_.blocks.push_back(std::move(b));
        }
    }

    /// Counts `n` grid positions (filled, visited under a span, or padding); false past the
    /// table's or the page's limit.
    bool grid_spend(std::size_t n) {
        grid_used_ += n;
        table_used_ += n;
        current_budget().spend(n);
        return grid_used_ <= grid_limit_ && table_used_ <= max_table_positions;
    }

    /// Logs that the grid limits stopped the reading of table `table` at row `row`.
    void grid_exhausted(std::uint32_t table, int row) {
        provenance p;
        p.table = table;
        p.row = static_cast<std::uint32_t>(row);
        if (logged_table_ == table) return;
        logged_table_ = table;
        const bool page = grid_used_ > grid_limit_;
        if (page) grid_full_ = true;
        log_entry(doc_.log, codes::I_102,
                  "table " + std::to_string(table) + " from row " + std::to_string(row) + " on is not read: " +
                      (page ? "the page's tables fill more than " + std::to_string(grid_limit_) +
                                  " grid positions (65536 plus one per 8 bytes of the page); the tables after it are "
                                  "not read either"
                            : "the table fills more than " + std::to_string(max_table_positions) +
                                  " grid positions (an official table fills a few hundred)") +
                      "; their cells are not captured",
                  {}, p);
    }

    document& doc_;
    const std::map<const xmlNode*, int>& table_index_;
    std::size_t grid_limit_;
    std::size_t grid_used_ = 0;
    std::size_t table_used_ = 0;
    bool grid_full_ = false;
    std::optional<std::uint32_t> logged_table_;
    std::string line_, marked_;
    std::uint32_t line_no_ = 0;
    int heading_ = 0;
    bool list_ = false;
    int foreign_group_ = -1;
    int next_foreign_ = 0;
    int content_depth_ = 0;
    std::map<std::string, int> chrome_;
};

void number_tables(const xmlNode* n, std::map<const xmlNode*, int>& index) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (name_of(n) == "table") index.emplace(n, static_cast<int>(index.size()));
        number_tables(n->children, index);
    }
}

struct doc_deleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

document read_html(std::string_view html) {
    document doc;
    if (html.size() > static_cast<std::size_t>(INT_MAX))
        throw error(errc::limit_exceeded, "HTML input larger than 2 GiB");
    // Valid UTF-8 is read as UTF-8 whatever the page declares (a page saved from a browser keeps
    // its old <meta charset>); anything else is left to the page's declaration.
    // libxml2 must be initialised once before threads parse concurrently.
    static const bool initialised = (xmlInitParser(), true);
    (void)initialised;
    refuse_many_attributes(html, "the HTML page");
    current_budget().spend(html.size() / 16);  // libxml2's parse, linear in the page: a step per 16 bytes
    const bool utf8 = invalid_utf8_offset(html) == valid_utf8;
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    std::unique_ptr<xmlDoc, doc_deleter> d(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, utf8 ? "UTF-8" : nullptr, options));
    if (!d) return doc;
    const xmlNode* root = xmlDocGetRootElement(d.get());
    std::map<const xmlNode*, int> tables;
    number_tables(root, tables);
    walker w(doc, tables, (std::size_t{1} << 16) + html.size() / 8);
    w.visit(root);
    w.finish();
    return doc;
}

}  // namespace xxgk::import_detail
