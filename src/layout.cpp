// The table layout and the identities of each format, derived from the cell keys and the row
// roles of the label tables (include/xxgk/layout.hpp).
#include "xxgk/layout.hpp"
#include "codes.hpp"

#include "xxgk/keys.hpp"
#include "xxgk/labels.hpp"

#include <algorithm>
#include <string>

namespace xxgk {
namespace {

void add_unique(std::vector<std::string_view>& v, std::string_view s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

table_layout make_layout(format_version format) {
    table_layout l;
    l.format = format;
    for (const cell_key& k : cell_keys(format)) {
        const bool total = k.column == table_layout::total_column;
        if (k.section == "proactive") {
            add_unique(l.proactive_rows, k.row);
            add_unique(l.proactive_columns, k.column);
        } else if (k.section == "requests") {
            add_unique(l.request_rows, k.row);
            if (!total) add_unique(l.applicant_columns, k.column);
            switch (k.row_info->role) {
                case row_role::inflow: add_unique(l.inflow_rows, k.row); break;
                case row_role::outcome_leaf: add_unique(l.outcome_leaf_rows, k.row); break;
                case row_role::outcome_total: l.outcome_total_row = k.row; break;
                case row_role::outflow: l.outflow_row = k.row; break;
                default: break;
            }
        } else if (k.section == "review_litigation") {
            add_unique(l.case_groups, k.row);
            if (!total) add_unique(l.case_outcome_columns, k.column);
        }
    }
    l.request_columns = l.applicant_columns;
    l.request_columns.push_back(table_layout::total_column);
    l.case_columns = l.case_outcome_columns;
    l.case_columns.push_back(table_layout::total_column);
    return l;
}

std::vector<table_identity> make_identities(format_version format) {
    const table_layout& l = layout(format);
    const auto index = [format](std::string_view section, std::string_view row, std::string_view column) {
        return find_cell_key(format, std::string(section) + "." + std::string(row) + "." + std::string(column))->index;
    };
    const std::string_view total = table_layout::total_column;
    std::vector<table_identity> out;
    // R1: per column, 一 + 二 = （七）总计 + 四.
    for (std::string_view c : l.request_columns) {
        table_identity id{"R1",          {}, {},           index("requests", l.outcome_total_row, c), false,
                          codes::T3_001, "", codes::T3_002};
        for (std::string_view r : l.inflow_rows) id.lhs.push_back(index("requests", r, c));
        id.rhs = {index("requests", l.outcome_total_row, c), index("requests", l.outflow_row, c)};
        out.push_back(std::move(id));
    }
    // R2: per row, 总计 = the six applicant columns.
    for (std::string_view r : l.request_rows) {
        table_identity id{"R2",
                          {index("requests", r, total)},
                          {},
                          index("requests", r, total),
                          true,
                          codes::T3_003,
                          codes::T3_004,
                          codes::T3_005};
        for (std::string_view c : l.applicant_columns) id.rhs.push_back(index("requests", r, c));
        out.push_back(std::move(id));
    }
    // R3: per column, （七）总计 = the leaf rows of 三、本年度办理结果.
    for (std::string_view c : l.request_columns) {
        table_identity id{"R3",
                          {index("requests", l.outcome_total_row, c)},
                          {},
                          index("requests", l.outcome_total_row, c),
                          true,
                          codes::T3_006,
                          codes::T3_007,
                          codes::T3_008};
        for (std::string_view r : l.outcome_leaf_rows) id.rhs.push_back(index("requests", r, c));
        out.push_back(std::move(id));
    }
    // R5: per group of section 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    for (std::string_view g : l.case_groups) {
        table_identity id{"R5",
                          {index("review_litigation", g, total)},
                          {},
                          index("review_litigation", g, total),
                          true,
                          codes::T4_001,
                          codes::T4_002,
                          codes::T4_003};
        for (std::string_view c : l.case_outcome_columns) id.rhs.push_back(index("review_litigation", g, c));
        out.push_back(std::move(id));
    }
    return out;
}

}  // namespace

const table_layout& layout(format_version format) noexcept {
    static const table_layout l2019 = make_layout(format_version::v2019);
    static const table_layout l2021 = make_layout(format_version::v2021);
    return format == format_version::v2019 ? l2019 : l2021;
}

const std::vector<table_identity>& identities(format_version format) noexcept {
    static const std::vector<table_identity> i2019 = make_identities(format_version::v2019);
    static const std::vector<table_identity> i2021 = make_identities(format_version::v2021);
    return format == format_version::v2019 ? i2019 : i2021;
}

}  // namespace xxgk
