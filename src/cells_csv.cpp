#include "xxgk/cells.hpp"

#include "csv.hpp"
#include "xxgk/keys.hpp"

#include <boost/describe/enum_to_string.hpp>

namespace xxgk {

namespace {

// The labels of a cell: the same for every report of a format, so made once per format.
struct cell_labels {
    std::string section, row_label, column_label;
};

std::vector<cell_labels> make_labels(format_version format) {
    const label_table& t = labels(format);
    std::vector<cell_labels> out;
    out.reserve(cell_keys(format).size());
    for (const cell_key& k : cell_keys(format)) {
        cell_labels l;
        l.section = std::string(t.section(k.section)->label);
        l.row_label = t.row_group_path(k.section, k.row);
        if (!l.row_label.empty()) l.row_label += " › ";
        l.row_label += k.row_info->label;
        l.column_label = std::string(k.column_info->group);
        if (!l.column_label.empty()) l.column_label += " › ";
        l.column_label += k.column_info->label;
        out.push_back(std::move(l));
    }
    return out;
}

const std::vector<cell_labels>& labels_of(format_version format) {
    static const std::vector<cell_labels> v2019 = make_labels(format_version::v2019);
    static const std::vector<cell_labels> v2021 = make_labels(format_version::v2021);
    return format == format_version::v2019 ? v2019 : v2021;
}

}  // namespace

std::vector<cell_record> cell_records(const report& r) {
    const format_version format = r.format();
    const std::vector<cell_labels>& names = labels_of(format);
    std::vector<cell_record> out;
    out.reserve(cell_keys(format).size());
    for (const cell_key& k : cell_keys(format)) {
        const cell& c = cell_at(r, k.index);
        const cell_labels& l = names[k.index];
        cell_record rec;
        rec.key = k.key;
        rec.section = l.section;
        rec.row_label = l.row_label;
        rec.column_label = l.column_label;
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
