// The header checks (XXGK-H): body, year, format, statistics period, region code, dates, contact.
#include "checker.hpp"

namespace xxgk::validation {

// ---- header

void checker::check_header() {
    const report_header& h = r_.header;
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    if (blank(h.body)) add_field(codes::H_001, "/header/body", "", h.body);
    if (h.year < 2019) {
        message_values v;
        v.detail_zh = "2019年以前的报告适用原条例的统计口径，不在本格式范围内";
        v.detail_en = "reports before 2019 follow the old regulation's statistics, outside both formats";
        add_field(codes::H_002, "/header/year", "2019", std::to_string(h.year), v);
    } else if (h.year > 9999) {
        message_values v;
        v.detail_zh = "年份超出范围";
        v.detail_en = "the year is out of range";
        add_field(codes::H_002, "/header/year", "", std::to_string(h.year), v);
    } else if (format_for_year(h.year) != format_) {
        message_values v;
        v.detail_zh = v.detail_en = std::string(to_string(format_));
        add_field(codes::H_003, "/format", std::string(to_string(*format_for_year(h.year))), std::to_string(h.year), v);
    }
    if (h.statistics_period) {
        const date_period& p = *h.statistics_period;
        if (p.end < p.start) {
            add_field(codes::H_005, "/header/statistics_period", p.end.to_string(), p.start.to_string());
        } else if (p.start != calendar_date{h.year, 1, 1} || p.end != calendar_date{h.year, 12, 31}) {
            add_field(codes::H_004, "/header/statistics_period",
                      calendar_date{h.year, 1, 1}.to_string() + "/" + calendar_date{h.year, 12, 31}.to_string(),
                      p.start.to_string() + "/" + p.end.to_string());
        }
    }
    if (h.region_code && !all_digits(*h.region_code, 6))
        add_field(codes::H_006, "/header/region_code", "", *h.region_code);
    const calendar_date year_end{h.year, 12, 31};
    if (h.publication_date && !(year_end < *h.publication_date)) {
        message_values v;
        v.detail_zh = "发布日期";
        v.detail_en = "publication date";
        add_field(codes::H_007, "/header/publication_date", year_end.to_string(), h.publication_date->to_string(), v);
    }
    if (h.signature && h.signature->date && !(year_end < *h.signature->date)) {
        message_values v;
        v.detail_zh = "署名日期";
        v.detail_en = "signature date";
        add_field(codes::H_007, "/header/signature/date", year_end.to_string(), h.signature->date->to_string(), v);
    }
    check_deadline();
    if (h.contact) {
        if (h.contact->email && !plausible_email(*h.contact->email))
            add_field(codes::H_009, "/header/contact/email", "", *h.contact->email);
        if (h.contact->postcode && !all_digits(*h.contact->postcode, 6))
            add_field(codes::H_010, "/header/contact/postcode", "", *h.contact->postcode);
    }
}

// Publication deadlines of 条例第四十九条 and the format notices (docs/formats.md §1).
void checker::check_deadline() {
    const report_header& h = r_.header;
    // An own report is due by 1月31日 at every level; a compiled report's deadline depends on the level.
    if (!h.publication_date || h.scope == report_scope::unknown) return;
    if (h.scope == report_scope::compiled && h.level == admin_level::unknown) return;
    int month = 1, day = 31;
    const char* who_zh = "各级政府部门和乡镇人民政府";
    const char* who_en = "departments and townships";
    if (h.scope == report_scope::compiled) {
        switch (h.level) {
            case admin_level::county:
                month = 2;
                day = 20;
                who_zh = "县级人民政府";
                who_en = "county governments";
                break;
            case admin_level::prefectural:
                month = 3;
                day = 10;
                who_zh = "设区的市级人民政府";
                who_en = "prefecture-level governments";
                break;
            case admin_level::provincial:
            case admin_level::central:
                month = 3;
                day = 31;
                who_zh = "省级人民政府";
                who_en = "provincial governments";
                break;
            default: break;
        }
    }
    const calendar_date deadline{h.year + 1, month, day};
    if (deadline < *h.publication_date) {
        message_values v;
        v.detail_zh = who_zh;
        v.detail_en = who_en;
        add_field(codes::H_008, "/header/publication_date", deadline.to_string(), h.publication_date->to_string(), v);
    }
}

bool checker::all_digits(const std::string& s, std::size_t n) {
    return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

bool checker::plausible_email(const std::string& s) {
    const std::size_t at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
    const std::size_t dot = s.find('.', at + 2);
    return dot != std::string::npos && dot + 1 < s.size() && s.find_first_of(" \t\r\n") == std::string::npos;
}

}  // namespace xxgk::validation
