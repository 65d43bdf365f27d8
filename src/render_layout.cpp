// The layout of the official tables (render_layout.hpp): built once per format from the label
// tables and the cell keys.
#include "render_layout.hpp"

#include "xxgk/detail/traits.hpp"
#include "xxgk/labels.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>

namespace xxgk::detail {

std::string_view narrative_heading_of(std::string_view member) noexcept {
    const heading_label* h = section_heading(member);
    return h && !h->holds_cells ? h->label : std::string_view();
}

std::vector<const foreign_block*> foreign_blocks_after(const narrative_section& s, std::size_t index) {
    std::vector<const foreign_block*> blocks;
    for (const foreign_block& b : s.foreign_blocks)
        if (b.after_subsection == index || (index == s.subsections.size() && b.after_subsection > index))
            blocks.push_back(&b);
    return blocks;
}

std::string_view table_section_heading(const report& r, std::string_view section) {
    std::string_view printed;
    if (r.table_headings)
        for_each_member<table_section_headings>([&](auto d) {
            const auto& heading = (*r.table_headings).*d.pointer;
            if (section == d.name && heading && !heading->empty()) printed = *heading;
        });
    if (!printed.empty()) return printed;
    const section_label* label = labels(r.format()).section(section);
    return label ? label->label : section;
}

std::vector<fact> header_facts(const report& r) {
    const report_header& h = r.header;
    std::vector<fact> facts;
    facts.push_back({"发布机关", h.body});
    facts.push_back({"报告年度", std::to_string(h.year)});
    facts.push_back({"报告格式", std::string(notice_of(r.format()))});
    if (h.statistics_period)
        facts.push_back(
            {"统计期限", h.statistics_period->start.to_string() + " 至 " + h.statistics_period->end.to_string()});
    for (const std::string& basis : h.legal_bases) facts.push_back({"依据", basis});
    if (h.portal_url) facts.push_back({"电子版网址", *h.portal_url});
    if (h.contact) {
        const contact_block& c = *h.contact;
        if (c.address) facts.push_back({"地址", *c.address});
        if (c.postcode) facts.push_back({"邮编", *c.postcode});
        if (c.phone) facts.push_back({"电话", *c.phone});
        if (c.fax) facts.push_back({"传真", *c.fax});
        if (c.email) facts.push_back({"电子邮箱", *c.email});
    }
    return facts;
}

std::vector<fact> fee_facts(const processing_fee_statement& f, bool english) {
    std::vector<fact> facts;
    if (f.charged)
        facts.push_back({english ? "Processing fees charged" : "是否收取信息处理费",
                         *f.charged ? (english ? "yes" : "是") : (english ? "no" : "否")});
    if (f.notices) facts.push_back({english ? "Fee notices issued" : "收费通知书数量", std::to_string(*f.notices)});
    if (f.billed) facts.push_back({english ? "Amount billed (yuan)" : "应收金额（元）", f.billed->to_string()});
    if (f.collected)
        facts.push_back({english ? "Amount collected (yuan)" : "实收金额（元）", f.collected->to_string()});
    return facts;
}

bool printed_in(const std::optional<narrative_section>& section, std::string_view text) {
    if (!section || text.empty()) return false;
    const auto in = [&](const std::vector<std::string>& paragraphs) {
        return std::any_of(paragraphs.begin(), paragraphs.end(),
                           [&](const std::string& p) { return p.find(text) != std::string::npos; });
    };
    if (in(section->paragraphs)) return true;
    return std::any_of(section->subsections.begin(), section->subsections.end(),
                       [&](const subsection& s) { return in(s.paragraphs); });
}

std::string chinese_date(const calendar_date& d) {
    return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string_view cell_state_name(cell_state s) noexcept { return boost::describe::enum_to_string(s, ""); }

std::string cell_display_text(const cell& c) {
    switch (c.state()) {
        case cell_state::number: {
            std::string s = c.value().to_string();
            if (c.unit() == money_unit::yuan) s += "元";
            if (c.unit() == money_unit::wan_yuan) s += "万元";
            return s;
        }
        case cell_state::not_applicable: return c.raw() && !c.raw()->empty() ? *c.raw() : std::string("-");
        case cell_state::text: return c.raw().value_or(std::string());
        case cell_state::blank:
        case cell_state::not_captured: return {};
    }
    return {};
}

namespace {

constexpr std::string_view path_separator = " › ";

/// One row of a section: its label and its cells, in key order.
struct section_row {
    std::string_view id;
    const row_label* label = nullptr;
    std::vector<const group_label*> groups;  ///< enclosing groups, outermost first
    std::vector<const cell_key*> cells;
};

std::vector<const group_label*> group_chain(const label_table& t, std::string_view section, const row_label& r) {
    std::vector<const group_label*> chain;
    for (const group_label* g = t.group(section, r.group); g;
         g = g->parent.empty() ? nullptr : t.group(section, g->parent))
        chain.insert(chain.begin(), g);
    return chain;
}

/// The sections with cells, each with its rows in table order (the order of the cell keys).
std::vector<std::pair<std::string_view, std::vector<section_row>>> sections_of(format_version format) {
    const label_table& t = labels(format);
    std::vector<std::pair<std::string_view, std::vector<section_row>>> sections;
    for (const cell_key& k : cell_keys(format)) {
        if (sections.empty() || sections.back().first != k.section) sections.push_back({k.section, {}});
        auto& rows = sections.back().second;
        if (rows.empty() || rows.back().id != k.row) {
            section_row r;
            r.id = k.row;
            r.label = k.row_info;
            r.groups = group_chain(t, k.section, *k.row_info);
            rows.push_back(std::move(r));
        }
        rows.back().cells.push_back(&k);
    }
    return sections;
}

bool in_group(const section_row& r, const group_label* g) {
    return std::find(r.groups.begin(), r.groups.end(), g) != r.groups.end();
}

/// Whether `rows[i]` is the first row inside group `g`, and how many rows `g` holds.
std::pair<bool, unsigned> group_extent(const std::vector<section_row>& rows, std::size_t i, const group_label* g) {
    for (std::size_t j = 0; j < i; ++j)
        if (in_group(rows[j], g)) return {false, 0};
    unsigned n = 0;
    for (const section_row& r : rows) n += in_group(r, g) ? 1 : 0;
    return {true, n};
}

std::string column_path(const cell_key& k) {
    std::string s(k.column_info->group);
    if (!s.empty()) s += path_separator;
    s += k.column_info->label;
    return s;
}

std::string row_path(const section_row& r) {
    std::string s;
    for (const group_label* g : r.groups) {
        s += g->label;
        s += path_separator;
    }
    s += r.label->label;
    return s;
}

grid_cell header_cell(grid_role role, std::string_view text, unsigned rowspan = 1, unsigned colspan = 1) {
    grid_cell c;
    c.role = role;
    c.text = text;
    c.rowspan = rowspan;
    c.colspan = colspan;
    return c;
}

grid_cell value_cell(const cell_key* k, unsigned colspan = 1) {
    grid_cell c;
    c.role = grid_role::value;
    c.key = k;
    c.colspan = colspan;
    return c;
}

// ---- section 二: blocks, each a caption line, a header line starting with 信息内容, and its rows.
// A block narrower than the table stretches its last column over the remaining width (the
// templates' merged cells; a text copy shows them as empty padding cells).

void build_blocks(const std::vector<section_row>& rows, std::string_view section, std::vector<table_grid>& grids,
                  std::vector<flat_table>& flats, const label_table& t) {
    table_grid g;
    g.section = section;
    std::size_t widest = 0;
    for (const section_row& r : rows) widest = std::max(widest, r.cells.size());
    g.width = static_cast<unsigned>(widest + 1);
    for (std::size_t i = 0; i < rows.size();) {
        const std::string_view block = rows[i].label->group;
        const group_label* caption = t.group(section, block);
        grid_part part;
        part.block = block;
        part.rows.push_back(
            {{}, {header_cell(grid_role::block_caption, caption ? caption->label : block, 1, g.width)}});
        const section_row& first = rows[i];
        const auto span = [&](std::size_t j, std::size_t n) {
            return static_cast<unsigned>(j + 1 == n ? g.width - n : 1);
        };
        grid_row header;
        header.cells.push_back(header_cell(grid_role::header, info_content_label));
        flat_table flat;
        flat.name = std::string(section) + "." + std::string(block);
        flat.section = section;
        flat.caption = caption ? caption->label : block;
        flat.header.emplace_back(info_content_label);
        for (std::size_t j = 0; j < first.cells.size(); ++j) {
            header.cells.push_back(
                header_cell(grid_role::header, first.cells[j]->column_info->label, 1, span(j, first.cells.size())));
            flat.header.push_back(column_path(*first.cells[j]));
        }
        part.rows.push_back(std::move(header));
        for (; i < rows.size() && rows[i].label->group == block; ++i) {
            const section_row& r = rows[i];
            grid_row row;
            row.row = r.id;
            row.cells.push_back(header_cell(grid_role::row_label, r.label->label));
            for (std::size_t j = 0; j < r.cells.size(); ++j)
                row.cells.push_back(value_cell(r.cells[j], span(j, r.cells.size())));
            part.rows.push_back(std::move(row));
            flat.rows.push_back({std::string(r.label->label), r.cells});
        }
        g.parts.push_back(std::move(part));
        flats.push_back(std::move(flat));
    }
    grids.push_back(std::move(g));
}

// ---- section 三: a matrix. Row labels take as many columns as the deepest group chain plus one;
// a group label spans its rows, a leaf label spans the label columns its groups leave free.
// Column headers: the corner caption and the header over all value columns, then each column
// (a grouped column under its group label; an ungrouped one spanning the remaining header rows).

void build_matrix(const std::vector<section_row>& rows, std::string_view section, std::vector<table_grid>& grids,
                  std::vector<flat_table>& flats) {
    const matrix_header_text* text = nullptr;
    for (const matrix_header_text& m : matrix_header_texts)
        if (m.section == section) text = &m;
    std::size_t depth = 0;
    for (const section_row& r : rows) depth = std::max(depth, r.groups.size());
    const unsigned label_columns = static_cast<unsigned>(depth + 1);
    const std::vector<const cell_key*>& columns = rows.front().cells;
    const bool grouped =
        std::any_of(columns.begin(), columns.end(), [](const cell_key* k) { return !k->column_info->group.empty(); });
    const unsigned top = text ? 1 : 0;  // the line with the header over all columns
    const unsigned header_rows = top + (grouped ? 2 : 1);

    table_grid g;
    g.section = section;
    g.width = label_columns + static_cast<unsigned>(columns.size());
    grid_part head;
    head.head = true;
    head.rows.resize(header_rows);
    head.rows[0].cells.push_back(
        header_cell(grid_role::corner, text ? text->corner : std::string_view(), header_rows, label_columns));
    if (text)
        head.rows[0].cells.push_back(
            header_cell(grid_role::column_group, text->columns, 1, static_cast<unsigned>(columns.size())));
    for (std::size_t j = 0; j < columns.size(); ++j) {
        const column_label& c = *columns[j]->column_info;
        if (c.group.empty()) {
            head.rows[top].cells.push_back(header_cell(grid_role::header, c.label, header_rows - top));
            continue;
        }
        if (j == 0 || columns[j - 1]->column_info->group != c.group) {
            unsigned n = 0;
            for (std::size_t k = j; k < columns.size() && columns[k]->column_info->group == c.group; ++k) ++n;
            head.rows[top].cells.push_back(header_cell(grid_role::column_group, c.group, 1, n));
        }
        head.rows[top + 1].cells.push_back(header_cell(grid_role::header, c.label));
    }
    g.parts.push_back(std::move(head));

    flat_table flat;
    flat.name = std::string(section);
    flat.section = section;
    flat.header.emplace_back(text ? text->corner : std::string_view());
    for (const cell_key* k : columns) flat.header.push_back(column_path(*k));

    grid_part body;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const section_row& r = rows[i];
        grid_row row;
        row.row = r.id;
        for (const group_label* gl : r.groups) {
            const auto [first, n] = group_extent(rows, i, gl);
            if (first) row.cells.push_back(header_cell(grid_role::group, gl->label, n));
        }
        row.cells.push_back(header_cell(grid_role::row_label, r.label->label, 1,
                                        label_columns - static_cast<unsigned>(r.groups.size())));
        for (const cell_key* k : r.cells) row.cells.push_back(value_cell(k));
        body.rows.push_back(std::move(row));
        flat.rows.push_back({row_path(r), r.cells});
    }
    g.parts.push_back(std::move(body));
    grids.push_back(std::move(g));
    flats.push_back(std::move(flat));
}

// ---- section 四: its rows are printed side by side as one line of cells. The header lines hold
// the groups (行政诉讼), then the row labels (行政复议, 未经复议直接起诉, …) over their columns, then the
// column labels, which span the header lines their row leaves free.

void build_transposed(const std::vector<section_row>& rows, std::string_view section, std::vector<table_grid>& grids,
                      std::vector<flat_table>& flats) {
    std::size_t depth = 0;
    for (const section_row& r : rows) depth = std::max(depth, r.groups.size());
    const unsigned header_rows = static_cast<unsigned>(depth + 2);
    table_grid g;
    g.section = section;
    grid_part head;
    head.head = true;
    head.rows.resize(header_rows);
    grid_part body;
    body.rows.emplace_back();
    flat_table flat;
    flat.name = std::string(section);
    flat.section = section;
    flat.has_label_column = false;
    flat.rows.emplace_back();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const section_row& r = rows[i];
        const unsigned width = static_cast<unsigned>(r.cells.size());
        for (std::size_t level = 0; level < r.groups.size(); ++level) {
            if (!group_extent(rows, i, r.groups[level]).first) continue;
            unsigned span = 0;
            for (const section_row& other : rows)
                if (in_group(other, r.groups[level])) span += static_cast<unsigned>(other.cells.size());
            head.rows[level].cells.push_back(header_cell(grid_role::column_group, r.groups[level]->label, 1, span));
        }
        const std::size_t level = r.groups.size();
        head.rows[level].cells.push_back(header_cell(grid_role::column_group, r.label->label, 1, width));
        for (const cell_key* k : r.cells) {
            head.rows[level + 1].cells.push_back(
                header_cell(grid_role::header, k->column_info->label, header_rows - static_cast<unsigned>(level + 1)));
            body.rows[0].cells.push_back(value_cell(k));
            flat.header.push_back(row_path(r) + std::string(path_separator) + column_path(*k));
            flat.rows[0].cells.push_back(k);
        }
        g.width += width;
    }
    g.parts.push_back(std::move(head));
    g.parts.push_back(std::move(body));
    grids.push_back(std::move(g));
    flats.push_back(std::move(flat));
}

struct layouts {
    std::vector<table_grid> grids;
    std::vector<flat_table> flats;

    explicit layouts(format_version format) {
        const label_table& t = labels(format);
        for (const auto& [section, rows] : sections_of(format)) {
            switch (rows.front().label->role) {
                case row_role::item: build_blocks(rows, section, grids, flats, t); break;
                case row_role::case_group: build_transposed(rows, section, grids, flats); break;
                default: build_matrix(rows, section, grids, flats); break;
            }
        }
    }
};

const layouts& layouts_of(format_version format) {
    static const layouts l2019(format_version::v2019);
    static const layouts l2021(format_version::v2021);
    return format == format_version::v2019 ? l2019 : l2021;
}

}  // namespace

const std::vector<table_grid>& table_grids(format_version format) { return layouts_of(format).grids; }

const std::vector<flat_table>& flat_tables(format_version format) { return layouts_of(format).flats; }

}  // namespace xxgk::detail
