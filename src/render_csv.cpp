// render_csv_tables: the official grid as CSV, one table per block of 二, one for 三, one for 四.
#include "xxgk/render.hpp"

#include "csv.hpp"
#include "render_layout.hpp"

namespace xxgk {

std::vector<csv_table> render_csv_tables(const report& r) {
    std::vector<csv_table> tables;
    for (const detail::flat_table& t : detail::flat_tables(r.format())) {
        csv_table out;
        out.name = t.name;
        detail::csv_line(out.csv, t.header);
        for (const detail::flat_table::row& row : t.rows) {
            std::vector<std::string> fields;
            if (t.has_label_column) fields.push_back(row.label);
            for (const cell_key* k : row.cells) fields.push_back(detail::cell_display_text(cell_at(r, k->index)));
            detail::csv_line(out.csv, fields);
        }
        tables.push_back(std::move(out));
    }
    return tables;
}

}  // namespace xxgk
