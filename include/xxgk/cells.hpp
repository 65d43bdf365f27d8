// xxgk — the long ("tidy") view of a report: one record per cell.
#ifndef XXGK_CELLS_HPP
#define XXGK_CELLS_HPP

#include <xxgk/report.hpp>

#include <boost/describe/class.hpp>

#include <string>
#include <vector>

namespace xxgk {

/// One cell of a report in long format. The CSV columns of `xxgk cells` and the columns of the
/// Python data frame are these member names, in this order.
struct cell_record {
    std::string key;           ///< canonical key, "requests.granted.natural_person"
    std::string section;       ///< section label, "三、收到和处理政府信息公开申请情况"
    std::string row_label;     ///< row label with its groups, "三、本年度办理结果 › （一）予以公开"
    std::string column_label;  ///< column label with its group, "法人或其他组织 › 商业企业"
    std::string value;         ///< the number as printed by decimal::to_string; "" unless state is number
    std::string state;         ///< "number", "blank", "not_applicable", "text", "not_captured"
    std::string unit;          ///< "yuan", "wan_yuan" or ""
    std::string raw;           ///< printed text, when known
};
BOOST_DESCRIBE_STRUCT(cell_record, (), (key, section, row_label, column_label, value, state, unit, raw))

/// Every cell of the report, in table order (`cell_keys(r.format())`).
std::vector<cell_record> cell_records(const report& r);

/// The records as CSV (RFC 4180, UTF-8, header line of member names, CRLF-free "\n" lines).
std::string to_cells_csv(const report& r);

}  // namespace xxgk

#endif
