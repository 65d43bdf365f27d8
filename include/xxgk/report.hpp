// xxgk — the typed model of the 政府信息公开工作年度报告.
//
// Every struct and enum here is described with Boost.Describe. Cell keys, JSON member names,
// CSV columns and the cells a validator walks are all derived from these descriptions; the
// Chinese labels come from the label tables in labels.hpp, keyed by the same identifiers.
#ifndef XXGK_REPORT_HPP
#define XXGK_REPORT_HPP

#include <xxgk/cell.hpp>
#include <xxgk/format.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace xxgk {

// ---------------------------------------------------------------------------------------------
// Header

/// Which kind of report this is (§3.1 of the format notes). Not printed in any field; inferred.
enum class report_scope : std::uint8_t {
    unknown,   ///< not known
    own,       ///< 本机关: the report of one agency (a department, a township, a government office)
    compiled,  ///< 本级政府汇总: a government's report compiled from its departments and lower levels
};
BOOST_DESCRIBE_ENUM(report_scope, unknown, own, compiled)

/// Administrative level of the issuing body.
enum class admin_level : std::uint8_t {
    unknown,      ///< not known
    central,      ///< 国务院部门
    provincial,   ///< 省级
    prefectural,  ///< 地市级
    county,       ///< 县级
    township,     ///< 乡镇级
};
BOOST_DESCRIBE_ENUM(admin_level, unknown, central, provincial, prefectural, county, township)

/// A calendar day. JSON form: "YYYY-MM-DD". Use `is_valid()` to check it names a real day.
struct calendar_date {
    int year = 0;
    int month = 0;
    int day = 0;
    /// True for a real Gregorian day with a year in 1900–9999.
    bool is_valid() const noexcept;
    /// "YYYY-MM-DD".
    std::string to_string() const;
    /// Parses exactly "YYYY-MM-DD" naming a real day; nothing otherwise.
    static std::optional<calendar_date> parse(std::string_view text) noexcept;
    friend bool operator==(const calendar_date& a, const calendar_date& b) noexcept {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const calendar_date& a, const calendar_date& b) noexcept { return !(a == b); }
    friend bool operator<(const calendar_date& a, const calendar_date& b) noexcept {
        return a.year != b.year ? a.year < b.year : a.month != b.month ? a.month < b.month : a.day < b.day;
    }
};

/// 统计期限: the period the figures cover, normally 1 January to 31 December of the report year.
struct date_period {
    calendar_date start;  ///< 起
    calendar_date end;    ///< 止
};
BOOST_DESCRIBE_STRUCT(date_period, (), (start, end))

/// The contact block of the preamble. Any subset may be printed.
struct contact_block {
    std::optional<std::string> address;   ///< 地址
    std::optional<std::string> postcode;  ///< 邮编
    std::optional<std::string> phone;     ///< 电话
    std::optional<std::string> fax;       ///< 传真
    std::optional<std::string> email;     ///< 电子邮箱
};
BOOST_DESCRIBE_STRUCT(contact_block, (), (address, postcode, phone, fax, email))

/// The signature at the end of the report: the publishing body and a date.
struct signature_block {
    std::optional<std::string> body;
    std::optional<calendar_date> date;
};
BOOST_DESCRIBE_STRUCT(signature_block, (), (body, date))

/// Who published the report, for which year, and the preamble's facts.
struct report_header {
    std::string body;                               ///< 发布机关, as printed (required)
    report_scope scope = report_scope::unknown;     ///< 本机关 / 本级政府汇总
    admin_level level = admin_level::unknown;       ///< administrative level
    std::optional<std::string> region_code;         ///< 行政区划代码, 6 digits
    int year = 0;                                   ///< report year N (required)
    std::optional<std::string> title;               ///< title as printed
    std::optional<date_period> statistics_period;   ///< 统计期限
    std::optional<calendar_date> publication_date;  ///< date published on the portal
    std::optional<std::string> portal_url;          ///< where the electronic copy can be downloaded
    std::optional<contact_block> contact;           ///< 地址, 邮编, 电话, 传真, 电子邮箱
    std::vector<std::string> legal_bases;           ///< laws and notices the preamble cites
    std::optional<std::string> preamble;            ///< the preamble as printed
    std::optional<signature_block> signature;       ///< signature body and date
};
BOOST_DESCRIBE_STRUCT(report_header, (),
                      (body, scope, level, region_code, year, title, statistics_period, publication_date, portal_url,
                       contact, legal_bases, preamble, signature))

// ---------------------------------------------------------------------------------------------
// Narrative sections 一, 五, 六

/// A lettered subsection （一）, （二）, … of a narrative section.
struct subsection {
    std::optional<std::string> ordinal;  ///< "（一）" as printed
    std::string title;                   ///< title as printed (may be empty)
    std::vector<std::string> paragraphs;
};
BOOST_DESCRIBE_STRUCT(subsection, (), (ordinal, title, paragraphs))

/// Material printed inside a section that is not part of the report (portal lists, news items).
/// Kept so that nothing printed is lost; validators ignore it.
struct foreign_block {
    std::uint32_t after_subsection = 0;  ///< 1-based index of the subsection it follows; 0 = before the first
    std::optional<std::string> heading;
    std::vector<std::string> paragraphs;
};
BOOST_DESCRIBE_STRUCT(foreign_block, (), (after_subsection, heading, paragraphs))

/// A text section: 一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项.
struct narrative_section {
    std::optional<std::string> heading;   ///< heading as printed
    std::vector<std::string> paragraphs;  ///< paragraphs before the first subsection
    std::vector<subsection> subsections;  ///< （一）, （二）, …
    std::vector<foreign_block> foreign_blocks;
};
BOOST_DESCRIBE_STRUCT(narrative_section, (), (heading, paragraphs, subsections, foreign_blocks))

/// The structured part of the 信息处理费 statement (2021 format, section 六). Amounts in 元.
struct processing_fee_statement {
    std::optional<bool> charged;          ///< whether any fee was charged
    std::optional<std::int64_t> notices;  ///< number of fee notices (收费通知) issued
    std::optional<decimal> billed;        ///< amount billed, 元
    std::optional<decimal> collected;     ///< amount collected, 元
    std::optional<std::string> raw;       ///< the statement as printed
};
BOOST_DESCRIBE_STRUCT(processing_fee_statement, (), (charged, notices, billed, collected, raw))

/// The printed headings of the table sections 二, 三 and 四.
struct table_section_headings {
    std::optional<std::string> proactive;
    std::optional<std::string> requests;
    std::optional<std::string> review_litigation;
};
BOOST_DESCRIBE_STRUCT(table_section_headings, (), (proactive, requests, review_litigation))

// ---------------------------------------------------------------------------------------------
// Section 二 proactive (主动公开政府信息情况). One struct per row shape; members are the columns.

/// 2019 第二十条第（一）项 rows 规章 / 规范性文件.
struct document_row_2019 {
    count_cell new_made;         ///< 本年新制作数量
    count_cell new_published;    ///< 本年新公开数量
    count_cell total_published;  ///< 对外公开总数量
};
BOOST_DESCRIBE_STRUCT(document_row_2019, (), (new_made, new_published, total_published))

/// 2019 第二十条第（五）项 and 第（六）项 rows.
struct item_row_2019 {
    count_cell prior_items;    ///< 上一年项目数量
    signed_count_cell change;  ///< 本年增/减 (negative for a decrease)
    count_cell decisions;      ///< 处理决定数量
};
BOOST_DESCRIBE_STRUCT(item_row_2019, (), (prior_items, change, decisions))

/// 2019 第二十条第（八）项 row 行政事业性收费 (item counts only).
struct fee_item_row_2019 {
    count_cell prior_items;    ///< 上一年项目数量
    signed_count_cell change;  ///< 本年增/减
};
BOOST_DESCRIBE_STRUCT(fee_item_row_2019, (), (prior_items, change))

/// 2019 第二十条第（九）项 row 政府集中采购.
struct procurement_row_2019 {
    count_cell projects;  ///< 采购项目数量
    amount_cell amount;   ///< 采购总金额 (unit 元 or 万元 written in the cell)
};
BOOST_DESCRIBE_STRUCT(procurement_row_2019, (), (projects, amount))

/// 二、主动公开政府信息情况, 2019 format: 5 blocks, 22 cells.
struct proactive_2019 {
    document_row_2019 regulations;          ///< 规章
    document_row_2019 normative_documents;  ///< 规范性文件
    item_row_2019 licensing;                ///< 行政许可
    item_row_2019 other_services;           ///< 其他对外管理服务事项
    item_row_2019 penalties;                ///< 行政处罚
    item_row_2019 compulsory_measures;      ///< 行政强制
    fee_item_row_2019 fees;                 ///< 行政事业性收费
    procurement_row_2019 procurement;       ///< 政府集中采购
};
BOOST_DESCRIBE_STRUCT(proactive_2019, (),
                      (regulations, normative_documents, licensing, other_services, penalties, compulsory_measures,
                       fees, procurement))

/// 2021 第二十条第（一）项 rows 规章 / 行政规范性文件.
struct document_row_2021 {
    count_cell issued;    ///< 本年制发件数
    count_cell repealed;  ///< 本年废止件数
    count_cell in_force;  ///< 现行有效件数
};
BOOST_DESCRIBE_STRUCT(document_row_2021, (), (issued, repealed, in_force))

/// 2021 第二十条第（五）项 and 第（六）项 rows.
struct decision_row_2021 {
    count_cell decisions;  ///< 本年处理决定数量
};
BOOST_DESCRIBE_STRUCT(decision_row_2021, (), (decisions))

/// 2021 第二十条第（八）项 row 行政事业性收费.
struct fee_amount_row_2021 {
    amount_wan_yuan_cell amount;  ///< 本年收费金额（单位：万元）
};
BOOST_DESCRIBE_STRUCT(fee_amount_row_2021, (), (amount))

/// 二、主动公开政府信息情况, 2021 format: 4 blocks, 10 cells.
struct proactive_2021 {
    document_row_2021 regulations;          ///< 规章
    document_row_2021 normative_documents;  ///< 行政规范性文件
    decision_row_2021 licensing;            ///< 行政许可
    decision_row_2021 penalties;            ///< 行政处罚
    decision_row_2021 compulsory_measures;  ///< 行政强制
    fee_amount_row_2021 fees;               ///< 行政事业性收费
};
BOOST_DESCRIBE_STRUCT(proactive_2021, (),
                      (regulations, normative_documents, licensing, penalties, compulsory_measures, fees))

// ---------------------------------------------------------------------------------------------
// Section 三 requests (收到和处理政府信息公开申请情况)

/// One row of section 三: the seven 申请人情况 columns.
struct applicant_row {
    count_cell natural_person;      ///< 自然人
    count_cell enterprise;          ///< 法人或其他组织 › 商业企业
    count_cell research_institute;  ///< 法人或其他组织 › 科研机构
    count_cell nonprofit;           ///< 法人或其他组织 › 社会公益组织
    count_cell legal_service;       ///< 法人或其他组织 › 法律服务机构
    count_cell other_org;           ///< 法人或其他组织 › 其他
    count_cell total;               ///< 总计
    /// A printed 法人或其他组织 subtotal. Neither template has one, so it has no key; when a
    /// report prints it, rule R6 checks it.
    std::optional<count_cell> organizations_subtotal;
};
BOOST_DESCRIBE_STRUCT(applicant_row, (),
                      (natural_person, enterprise, research_institute, nonprofit, legal_service, other_org, total,
                       organizations_subtotal))

/// 三、收到和处理政府信息公开申请情况, 2019 format: 23 rows.
struct requests_2019 {
    applicant_row received;                     ///< 一、本年新收政府信息公开申请数量
    applicant_row carried_over;                 ///< 二、上年结转政府信息公开申请数量
    applicant_row granted;                      ///< （一）予以公开
    applicant_row partially_granted;            ///< （二）部分公开
    applicant_row withheld_state_secret;        ///< （三）1.属于国家秘密
    applicant_row withheld_prohibited_by_law;   ///< （三）2.其他法律行政法规禁止公开
    applicant_row withheld_security_stability;  ///< （三）3.危及“三安全一稳定”
    applicant_row withheld_third_party;         ///< （三）4.保护第三方合法权益
    applicant_row withheld_internal_affairs;    ///< （三）5.属于三类内部事务信息
    applicant_row withheld_process_info;        ///< （三）6.属于四类过程性信息
    applicant_row withheld_enforcement_file;    ///< （三）7.属于行政执法案卷
    applicant_row withheld_inquiry_matter;      ///< （三）8.属于行政查询事项
    applicant_row unavailable_not_held;         ///< （四）1.本机关不掌握相关政府信息
    applicant_row unavailable_needs_creation;   ///< （四）2.没有现成信息需要另行制作
    applicant_row unavailable_unclear;          ///< （四）3.补正后申请内容仍不明确
    applicant_row not_handled_petition;         ///< （五）1.信访举报投诉类申请
    applicant_row not_handled_duplicate;        ///< （五）2.重复申请
    applicant_row not_handled_publication;      ///< （五）3.要求提供公开出版物
    applicant_row not_handled_excessive;        ///< （五）4.无正当理由大量反复申请
    applicant_row not_handled_reissue;          ///< （五）5.要求行政机关确认或重新出具已获取信息
    applicant_row other;                        ///< （六）其他处理
    applicant_row total;                        ///< （七）总计
    applicant_row carried_forward;              ///< 四、结转下年度继续办理
};
BOOST_DESCRIBE_STRUCT(requests_2019, (),
                      (received, carried_over, granted, partially_granted, withheld_state_secret,
                       withheld_prohibited_by_law, withheld_security_stability, withheld_third_party,
                       withheld_internal_affairs, withheld_process_info, withheld_enforcement_file,
                       withheld_inquiry_matter, unavailable_not_held, unavailable_needs_creation, unavailable_unclear,
                       not_handled_petition, not_handled_duplicate, not_handled_publication, not_handled_excessive,
                       not_handled_reissue, other, total, carried_forward))

/// 三、收到和处理政府信息公开申请情况, 2021 format: 25 rows; （六）其他处理 is a group of three.
struct requests_2021 {
    applicant_row received;                     ///< 一、本年新收政府信息公开申请数量
    applicant_row carried_over;                 ///< 二、上年结转政府信息公开申请数量
    applicant_row granted;                      ///< （一）予以公开
    applicant_row partially_granted;            ///< （二）部分公开
    applicant_row withheld_state_secret;        ///< （三）1.属于国家秘密
    applicant_row withheld_prohibited_by_law;   ///< （三）2.其他法律行政法规禁止公开
    applicant_row withheld_security_stability;  ///< （三）3.危及“三安全一稳定”
    applicant_row withheld_third_party;         ///< （三）4.保护第三方合法权益
    applicant_row withheld_internal_affairs;    ///< （三）5.属于三类内部事务信息
    applicant_row withheld_process_info;        ///< （三）6.属于四类过程性信息
    applicant_row withheld_enforcement_file;    ///< （三）7.属于行政执法案卷
    applicant_row withheld_inquiry_matter;      ///< （三）8.属于行政查询事项
    applicant_row unavailable_not_held;         ///< （四）1.本机关不掌握相关政府信息
    applicant_row unavailable_needs_creation;   ///< （四）2.没有现成信息需要另行制作
    applicant_row unavailable_unclear;          ///< （四）3.补正后申请内容仍不明确
    applicant_row not_handled_petition;         ///< （五）1.信访举报投诉类申请
    applicant_row not_handled_duplicate;        ///< （五）2.重复申请
    applicant_row not_handled_publication;      ///< （五）3.要求提供公开出版物
    applicant_row not_handled_excessive;        ///< （五）4.无正当理由大量反复申请
    applicant_row not_handled_reissue;          ///< （五）5.要求行政机关确认或重新出具已获取信息
    applicant_row other_no_correction;          ///< （六）1.申请人无正当理由逾期不补正…
    applicant_row other_unpaid_fee;             ///< （六）2.申请人逾期未按收费通知要求缴纳费用…
    applicant_row other_misc;                   ///< （六）3.其他
    applicant_row total;                        ///< （七）总计
    applicant_row carried_forward;              ///< 四、结转下年度继续办理
};
BOOST_DESCRIBE_STRUCT(requests_2021, (),
                      (received, carried_over, granted, partially_granted, withheld_state_secret,
                       withheld_prohibited_by_law, withheld_security_stability, withheld_third_party,
                       withheld_internal_affairs, withheld_process_info, withheld_enforcement_file,
                       withheld_inquiry_matter, unavailable_not_held, unavailable_needs_creation, unavailable_unclear,
                       not_handled_petition, not_handled_duplicate, not_handled_publication, not_handled_excessive,
                       not_handled_reissue, other_no_correction, other_unpaid_fee, other_misc, total, carried_forward))

// ---------------------------------------------------------------------------------------------
// Section 四 review_litigation (政府信息公开行政复议、行政诉讼情况), identical in both formats

/// One group of section 四: five case counts.
struct case_row {
    count_cell upheld;     ///< 结果维持
    count_cell corrected;  ///< 结果纠正
    count_cell other;      ///< 其他结果
    count_cell pending;    ///< 尚未审结
    count_cell total;      ///< 总计
};
BOOST_DESCRIBE_STRUCT(case_row, (), (upheld, corrected, other, pending, total))

/// 四、政府信息公开行政复议、行政诉讼情况: 3 groups × 5 columns.
struct review_litigation_table {
    case_row review;                   ///< 行政复议
    case_row litigation_direct;        ///< 行政诉讼 › 未经复议直接起诉
    case_row litigation_after_review;  ///< 行政诉讼 › 复议后起诉
};
BOOST_DESCRIBE_STRUCT(review_litigation_table, (), (review, litigation_direct, litigation_after_review))

// ---------------------------------------------------------------------------------------------
// The tables of one format and the whole report

/// Sections 二, 三, 四 of a 2019-format report.
struct tables_2019 {
    proactive_2019 proactive;
    requests_2019 requests;
    review_litigation_table review_litigation;
};
BOOST_DESCRIBE_STRUCT(tables_2019, (), (proactive, requests, review_litigation))

/// Sections 二, 三, 四 of a 2021-format report.
struct tables_2021 {
    proactive_2021 proactive;
    requests_2021 requests;
    review_litigation_table review_litigation;
};
BOOST_DESCRIBE_STRUCT(tables_2021, (), (proactive, requests, review_litigation))

/// The tables of a report; the alternative held decides the report's format version.
using report_tables = std::variant<tables_2019, tables_2021>;

/// A JSON member the decoder did not recognise, kept in lax mode so that nothing read is lost.
struct unknown_member {
    std::string parent_pointer;  ///< JSON Pointer of the object it was found in ("" = top level)
    std::string name;            ///< member name
    std::string json;            ///< the member's value, serialized as JSON
    friend bool operator==(const unknown_member& a, const unknown_member& b) noexcept {
        return a.parent_pointer == b.parent_pointer && a.name == b.name && a.json == b.json;
    }
};

/// One 政府信息公开工作年度报告: header, the six sections, and what the decoder kept.
///
/// A report is a plain value: copy it, compare it, move it between threads. Reading a report
/// from several threads at once is safe; writing needs the caller's lock.
struct report {
    report_header header;                                     ///< who, which year
    std::optional<narrative_section> overview;                ///< 一、总体情况
    report_tables tables;                                     ///< 二, 三, 四 (format-specific)
    std::optional<narrative_section> problems;                ///< 五、存在的主要问题及改进情况
    std::optional<narrative_section> other_matters;           ///< 六、其他需要报告的事项
    std::optional<processing_fee_statement> processing_fees;  ///< 2021 only: 信息处理费 statement
    std::optional<table_section_headings> table_headings;     ///< printed headings of 二, 三, 四
    std::vector<unknown_member> unknown_members;              ///< lax decoding: members not in the model

    /// An empty report of the given format: every cell blank, header empty.
    static report make(format_version format);
    /// The format version, read off the tables alternative.
    format_version format() const noexcept;

    friend bool operator==(const report& a, const report& b);
    friend bool operator!=(const report& a, const report& b) { return !(a == b); }
};
// `tables` is inlined into the JSON top level (members proactive, requests, review_litigation),
// preceded by "format". unknown_members is bookkeeping, not content, and is not described.
BOOST_DESCRIBE_STRUCT(report, (), (header, overview, tables, problems, other_matters, processing_fees, table_headings))

}  // namespace xxgk

#endif
