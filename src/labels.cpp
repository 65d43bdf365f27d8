// The official labels, copied character for character from the templates of
// 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号 (see docs/formats.md).
#include "xxgk/labels.hpp"

#include <iterator>

namespace xxgk {
namespace {

using R = row_role;

// The six headings of both templates; `title` is `label` after its ordinal "X、".
constexpr heading_label heading_list[] = {
    {1, "overview", "一、总体情况", "总体情况", false},
    {2, "proactive", "二、主动公开政府信息情况", "主动公开政府信息情况", true},
    {3, "requests", "三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", true},
    {4, "review_litigation", "四、政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况", true},
    {5, "problems", "五、存在的主要问题及改进情况", "存在的主要问题及改进情况", false},
    {6, "other_matters", "六、其他需要报告的事项", "其他需要报告的事项", false},
};

std::vector<section_label> section_labels() {
    std::vector<section_label> out;
    for (const heading_label& h : heading_list)
        if (h.holds_cells) out.push_back({h.member, h.label});
    return out;
}

// Rows 1–20 of section 三 are identical in both formats.
void add_common_request_rows(std::vector<row_label>& rows) {
    rows.insert(
        rows.end(),
        {
            {"requests", "received", "一、本年新收政府信息公开申请数量", "", R::inflow},
            {"requests", "carried_over", "二、上年结转政府信息公开申请数量", "", R::inflow},
            {"requests", "granted", "（一）予以公开", "outcome", R::outcome_leaf},
            {"requests", "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "outcome",
             R::outcome_leaf},
            {"requests", "withheld_state_secret", "1.属于国家秘密", "withheld", R::outcome_leaf},
            {"requests", "withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", "withheld", R::outcome_leaf},
            {"requests", "withheld_security_stability", "3.危及“三安全一稳定”", "withheld", R::outcome_leaf},
            {"requests", "withheld_third_party", "4.保护第三方合法权益", "withheld", R::outcome_leaf},
            {"requests", "withheld_internal_affairs", "5.属于三类内部事务信息", "withheld", R::outcome_leaf},
            {"requests", "withheld_process_info", "6.属于四类过程性信息", "withheld", R::outcome_leaf},
            {"requests", "withheld_enforcement_file", "7.属于行政执法案卷", "withheld", R::outcome_leaf},
            {"requests", "withheld_inquiry_matter", "8.属于行政查询事项", "withheld", R::outcome_leaf},
            {"requests", "unavailable_not_held", "1.本机关不掌握相关政府信息", "unavailable", R::outcome_leaf},
            {"requests", "unavailable_needs_creation", "2.没有现成信息需要另行制作", "unavailable", R::outcome_leaf},
            {"requests", "unavailable_unclear", "3.补正后申请内容仍不明确", "unavailable", R::outcome_leaf},
            {"requests", "not_handled_petition", "1.信访举报投诉类申请", "not_handled", R::outcome_leaf},
            {"requests", "not_handled_duplicate", "2.重复申请", "not_handled", R::outcome_leaf},
            {"requests", "not_handled_publication", "3.要求提供公开出版物", "not_handled", R::outcome_leaf},
            {"requests", "not_handled_excessive", "4.无正当理由大量反复申请", "not_handled", R::outcome_leaf},
            {"requests", "not_handled_reissue", "5.要求行政机关确认或重新出具已获取信息", "not_handled",
             R::outcome_leaf},
        });
}

void add_request_tail(std::vector<row_label>& rows) {
    rows.insert(rows.end(), {
                                {"requests", "total", "（七）总计", "outcome", R::outcome_total},
                                {"requests", "carried_forward", "四、结转下年度继续办理", "", R::outflow},
                            });
}

void add_common_groups(std::vector<group_label>& groups) {
    groups.insert(groups.end(), {
                                    {"requests", "outcome", "三、本年度办理结果", ""},
                                    {"requests", "withheld", "（三）不予公开", "outcome"},
                                    {"requests", "unavailable", "（四）无法提供", "outcome"},
                                    {"requests", "not_handled", "（五）不予处理", "outcome"},
                                    {"review_litigation", "litigation", "行政诉讼", ""},
                                    {"proactive", "article_20_1", "第二十条第（一）项", ""},
                                    {"proactive", "article_20_5", "第二十条第（五）项", ""},
                                    {"proactive", "article_20_6", "第二十条第（六）项", ""},
                                    {"proactive", "article_20_8", "第二十条第（八）项", ""},
                                });
}

void add_common_columns(std::vector<column_label>& columns) {
    columns.insert(columns.end(), {
                                      {"requests", "natural_person", "自然人", ""},
                                      {"requests", "enterprise", "商业企业", "法人或其他组织"},
                                      {"requests", "research_institute", "科研机构", "法人或其他组织"},
                                      {"requests", "nonprofit", "社会公益组织", "法人或其他组织"},
                                      {"requests", "legal_service", "法律服务机构", "法人或其他组织"},
                                      {"requests", "other_org", "其他", "法人或其他组织"},
                                      {"requests", "total", "总计", ""},
                                      {"review_litigation", "upheld", "结果维持", ""},
                                      {"review_litigation", "corrected", "结果纠正", ""},
                                      {"review_litigation", "other", "其他结果", ""},
                                      {"review_litigation", "pending", "尚未审结", ""},
                                      {"review_litigation", "total", "总计", ""},
                                  });
}

void add_review_rows(std::vector<row_label>& rows) {
    rows.insert(rows.end(),
                {
                    {"review_litigation", "review", "行政复议", "", R::case_group},
                    {"review_litigation", "litigation_direct", "未经复议直接起诉", "litigation", R::case_group},
                    {"review_litigation", "litigation_after_review", "复议后起诉", "litigation", R::case_group},
                });
}

label_table make_2019() {
    label_table t{format_version::v2019, section_labels(), {}, {}, {}};
    add_common_groups(t.groups);
    t.groups.push_back({"proactive", "article_20_9", "第二十条第（九）项", ""});
    t.rows = {
        {"proactive", "regulations", "规章", "article_20_1", R::item},
        {"proactive", "normative_documents", "规范性文件", "article_20_1", R::item},
        {"proactive", "licensing", "行政许可", "article_20_5", R::item},
        {"proactive", "other_services", "其他对外管理服务事项", "article_20_5", R::item},
        {"proactive", "penalties", "行政处罚", "article_20_6", R::item},
        {"proactive", "compulsory_measures", "行政强制", "article_20_6", R::item},
        {"proactive", "fees", "行政事业性收费", "article_20_8", R::item},
        {"proactive", "procurement", "政府集中采购", "article_20_9", R::item},
    };
    add_common_request_rows(t.rows);
    t.rows.push_back({"requests", "other", "（六）其他处理", "outcome", R::outcome_leaf});
    add_request_tail(t.rows);
    add_review_rows(t.rows);
    t.columns = {
        {"proactive", "new_made", "本年新制作数量", ""},
        {"proactive", "new_published", "本年新公开数量", ""},
        {"proactive", "total_published", "对外公开总数量", ""},
        {"proactive", "prior_items", "上一年项目数量", ""},
        {"proactive", "change", "本年增/减", ""},
        {"proactive", "decisions", "处理决定数量", ""},
        {"proactive", "projects", "采购项目数量", ""},
        {"proactive", "amount", "采购总金额", ""},
    };
    add_common_columns(t.columns);
    return t;
}

label_table make_2021() {
    label_table t{format_version::v2021, section_labels(), {}, {}, {}};
    add_common_groups(t.groups);
    t.groups.push_back({"requests", "other", "（六）其他处理", "outcome"});
    t.rows = {
        {"proactive", "regulations", "规章", "article_20_1", R::item},
        {"proactive", "normative_documents", "行政规范性文件", "article_20_1", R::item},
        {"proactive", "licensing", "行政许可", "article_20_5", R::item},
        {"proactive", "penalties", "行政处罚", "article_20_6", R::item},
        {"proactive", "compulsory_measures", "行政强制", "article_20_6", R::item},
        {"proactive", "fees", "行政事业性收费", "article_20_8", R::item},
    };
    add_common_request_rows(t.rows);
    t.rows.insert(
        t.rows.end(),
        {
            {"requests", "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
             "other", R::outcome_leaf},
            {"requests", "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
             "other", R::outcome_leaf},
            {"requests", "other_misc", "3.其他", "other", R::outcome_leaf},
        });
    add_request_tail(t.rows);
    add_review_rows(t.rows);
    t.columns = {
        {"proactive", "issued", "本年制发件数", ""},
        {"proactive", "repealed", "本年废止件数", ""},
        {"proactive", "in_force", "现行有效件数", ""},
        {"proactive", "decisions", "本年处理决定数量", ""},
        {"proactive", "amount", "本年收费金额（单位：万元）", ""},
    };
    add_common_columns(t.columns);
    return t;
}

template <class T>
const T* find_in(const std::vector<T>& items, std::string_view section, std::string_view id) noexcept {
    for (const T& item : items)
        if (item.section == section && item.id == id) return &item;
    return nullptr;
}

}  // namespace

const std::vector<heading_label>& section_headings() noexcept {
    static const std::vector<heading_label> headings(std::begin(heading_list), std::end(heading_list));
    return headings;
}

const heading_label* section_heading(int number) noexcept {
    for (const heading_label& h : heading_list)
        if (h.number == number) return &h;
    return nullptr;
}

const heading_label* section_heading(std::string_view member) noexcept {
    for (const heading_label& h : heading_list)
        if (h.member == member) return &h;
    return nullptr;
}

const section_label* label_table::section(std::string_view id) const noexcept {
    for (const section_label& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

const group_label* label_table::group(std::string_view section, std::string_view id) const noexcept {
    return find_in(groups, section, id);
}

const row_label* label_table::row(std::string_view section, std::string_view id) const noexcept {
    return find_in(rows, section, id);
}

const column_label* label_table::column(std::string_view section, std::string_view id) const noexcept {
    return find_in(columns, section, id);
}

std::string label_table::row_group_path(std::string_view section, std::string_view row_id) const {
    const row_label* r = row(section, row_id);
    if (!r) return {};
    std::string path;
    for (const group_label* g = group(section, r->group); g;
         g = g->parent.empty() ? nullptr : group(section, g->parent)) {
        path = path.empty() ? std::string(g->label) : std::string(g->label) + " › " + path;
    }
    return path;
}

const label_table& labels(format_version format) noexcept {
    static const label_table t2019 = make_2019();
    static const label_table t2021 = make_2021();
    return format == format_version::v2019 ? t2019 : t2021;
}

}  // namespace xxgk
