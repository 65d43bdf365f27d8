#include "xxgk/cells.hpp"

#include "csv.hpp"
#include "xxgk/keys.hpp"

#include <boost/describe/enum_to_string.hpp>

namespace xxgk {

std::vector<cell_record> cell_records(const report& r) {
    const format_version format = r.format();
    const label_table& t = labels(format);
    std::vector<cell_record> out;
    out.reserve(cell_keys(format).size());
    for (const cell_key& k : cell_keys(format)) {
        const cell& c = cell_at(r, k.index);
        cell_record rec;
        rec.key = k.key;
        rec.section = std::string(t.section(k.section)->label);
        rec.row_label = t.row_group_path(k.section, k.row);
        if (!rec.row_label.empty()) rec.row_label += " › ";
        rec.row_label += k.row_info->label;
        rec.column_label = std::string(k.column_info->group);
        if (!rec.column_label.empty()) rec.column_label += " › ";
        rec.column_label += k.column_info->label;
        if (c.is_number()) rec.value = c.value().to_string();
        if (c.unit() != money_unit::none) rec.unit = boost::describe::enum_to_string(c.unit(), "");
        rec.state = boost::describe::enum_to_string(c.state(), "");
        rec.raw = c.raw().value_or("");
        out.push_back(std::move(rec));
    }
    return out;
}

std::string to_cells_csv(const report& r) {
    std::string out;
    detail::csv_header_fields<cell_record>(out);
    out += '\n';
    for (const cell_record& rec : cell_records(r)) {
        detail::csv_record_fields(out, rec);
        out += '\n';
    }
    return out;
}

}  // namespace xxgk
