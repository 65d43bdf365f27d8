// The rule catalog: every code validation can produce, its meaning and its message templates.
// docs/rules.md explains each code with an example; a test checks both list the same codes.
#include "xxgk/validate.hpp"

#include <algorithm>

namespace xxgk {
namespace {

using S = severity;

// Placeholders: {cell} the cell (labels in zh, key in en), {expected}, {actual}, {difference},
// {unknown} the unknown cells (blank, not applicable, unreadable, not captured) that must hold
// non-zero values, {detail} free detail (for the "blanks must hide non-zero values" codes: the
// implied value when exactly one cell is unknown, docs/formats.md §9.1 case 4; else empty).
std::vector<rule_info> make_catalog() {
    return {
        // ---- header
        {"XXGK-H-001", "header", S::error, "发布机关为空", "issuing body is empty",
         "报告未写明发布机关（header.body 为空）。", "The issuing body (header.body) is empty."},
        {"XXGK-H-002", "header", S::error, "报告年度不受支持", "report year not supported",
         "报告年度 {actual} 不受支持：{detail}。", "Report year {actual} is not supported: {detail}."},
        {"XXGK-H-003", "header", S::warning, "格式与报告年度不符", "format does not match the report year",
         "报告年度 {actual} 应使用 {expected} 年版格式，但表格为 {detail} 年版格式；以表格为准。",
         "Report year {actual} calls for the {expected} format, but the tables follow the {detail} format; the tables "
         "are kept."},
        {"XXGK-H-004", "header", S::warning, "统计期限不是报告年度的自然年",
         "statistics period is not the calendar year", "统计期限为 {actual}，应为 {expected}。",
         "The statistics period is {actual}; expected {expected}."},
        {"XXGK-H-005", "header", S::error, "统计期限起始晚于终止", "statistics period starts after it ends",
         "统计期限起始日 {actual} 晚于终止日 {expected}。",
         "The statistics period starts on {actual}, after its end {expected}."},
        {"XXGK-H-006", "header", S::error, "行政区划代码格式错误", "malformed region code",
         "行政区划代码“{actual}”不是6位数字。", "Region code '{actual}' is not 6 digits."},
        {"XXGK-H-007", "header", S::warning, "发布日期早于报告年度结束", "published before the report year ended",
         "{detail}为 {actual}，不晚于报告年度的最后一天 {expected}：报告应在报告年度结束后发布。",
         "The {detail} {actual} is not after the last day of the report year ({expected}); a report is published after "
         "its year ends."},
        {"XXGK-H-008", "header", S::info, "逾期发布", "published after the deadline",
         "发布日期 {actual} 晚于《条例》规定的期限 {expected}（{detail}）。",
         "Published on {actual}, after the deadline {expected} ({detail})."},
        {"XXGK-H-009", "header", S::warning, "电子邮箱格式错误", "malformed e-mail address",
         "电子邮箱“{actual}”格式不正确。", "E-mail address '{actual}' is malformed."},
        {"XXGK-H-010", "header", S::warning, "邮编格式错误", "malformed postcode", "邮编“{actual}”不是6位数字。",
         "Postcode '{actual}' is not 6 digits."},
        // ---- value domains (R7)
        {"XXGK-V-001", "R7", S::error, "件数为负数", "negative count", "{cell}为 {actual}，件数不能为负数。",
         "{cell} is {actual}; a count cannot be negative."},
        {"XXGK-V-002", "R7", S::error, "件数不是整数", "count is not an integer", "{cell}为 {actual}，应为整数。",
         "{cell} is {actual}; expected an integer."},
        {"XXGK-V-003", "R7", S::error, "金额为负数", "negative amount", "{cell}为 {actual}，金额不能为负数。",
         "{cell} is {actual}; an amount cannot be negative."},
        {"XXGK-V-004", "R7", S::warning, "金额未写单位", "amount without a unit",
         "{cell}为 {actual}，未写明单位（元或万元），不作任何假定。",
         "{cell} is {actual} with no unit (元 or 万元) written; no unit is assumed."},
        {"XXGK-V-005", "R7", S::error, "金额单位与栏目不符", "amount unit contradicts the column",
         "{cell}写明单位为元，与栏目“本年收费金额（单位：万元）”矛盾。",
         "{cell} is written in 元, contradicting the column label 本年收费金额（单位：万元）."},
        {"XXGK-V-006", "R7", S::error, "件数带有金额单位", "count with a money unit",
         "{cell}为件数，不应带金额单位（{actual}）。", "{cell} is a count and cannot carry a money unit ({actual})."},
        {"XXGK-V-007", "R7", S::warning, "单元格内容无法识别", "unreadable cell",
         "{cell}的内容“{actual}”不是数字，按未知处理。",
         "{cell} holds '{actual}', which is not a number; it is treated as unknown."},
        {"XXGK-V-008", "R7", S::warning, "单元格未采集到", "cell not captured",
         "{cell}未能从原文中采集到，按未知处理。",
         "{cell} could not be captured from the source; it is treated as unknown."},
        // ---- section 二
        {"XXGK-T2-001", "T2", S::error, "项目数量减少后为负数", "item count falls below zero",
         "{cell}：上一年项目数量 {detail} 加本年增/减后为 {actual}，不能为负数。",
         "{cell}: prior items {detail} plus the change give {actual}, below zero."},
        {"XXGK-T2-002", "T2", S::warning, "本年新公开数量大于对外公开总数量", "newly published exceeds total published",
         "{cell}为 {actual}，大于对外公开总数量 {expected}。",
         "{cell} is {actual}, more than the total published {expected}."},
        // ---- section 三
        {"XXGK-T3-001", "R1", S::error, "申请数量不守恒", "requests not conserved",
         "{cell}所在列：第一项加第二项之和为 {expected}，第三项加第四项之和为 {actual}，相差 {difference}。",
         "Column {cell}: received + carried over = {expected}, but concluded + carried forward = {actual} (difference "
         "{difference})."},
        {"XXGK-T3-002", "R1", S::error, "空白单元格隐含非零值（守恒）",
         "blanks must hide non-zero values (conservation)",
         "{cell}所在列：按空白为零计算，第一项加第二项之和为 {expected}，第三项加第四项之和为 {actual}，相差 "
         "{difference}；数值未知的单元格 {unknown} 中必有非零值{detail}。",
         "Column {cell}: reading blanks as 0, received + carried over = {expected} but concluded + carried forward = "
         "{actual} (difference {difference}); the cells without a known value {unknown} must hold non-zero "
         "values{detail}."},
        {"XXGK-T3-003", "R2", S::error, "行总计与分项之和不符", "row total differs from the sum of its columns",
         "{cell}为 {actual}，但自然人与法人或其他组织各项之和为 {expected}，相差 {difference}。",
         "{cell} is {actual}, but the applicant columns sum to {expected} (difference {difference})."},
        {"XXGK-T3-004", "R2", S::error, "行总计空白但分项非零", "blank row total with non-zero parts",
         "{cell}空白，但该行各分项之和为 {expected}。",
         "{cell} is blank, but the applicant columns of its row sum to {expected}."},
        {"XXGK-T3-005", "R2", S::error, "空白单元格隐含非零值（行总计）",
         "blanks must hide non-zero values (row total)",
         "{cell}为 {actual}，按空白为零计算各分项之和为 {expected}；数值未知的单元格 {unknown} 中必有非零值{detail}。",
         "{cell} is {actual}, but reading blanks as 0 the applicant columns sum to {expected}; the cells without a "
         "known value {unknown} must hold non-zero values{detail}."},
        {"XXGK-T3-006", "R3", S::error, "办理结果总计与各项之和不符", "outcome total differs from the sum of outcomes",
         "{cell}为 {actual}，但各项办理结果之和为 {expected}，相差 {difference}。",
         "{cell} is {actual}, but the outcome rows sum to {expected} (difference {difference})."},
        {"XXGK-T3-007", "R3", S::error, "办理结果总计空白但各项非零", "blank outcome total with non-zero outcomes",
         "{cell}空白，但各项办理结果之和为 {expected}。", "{cell} is blank, but the outcome rows sum to {expected}."},
        {"XXGK-T3-008", "R3", S::error, "空白单元格隐含非零值（办理结果）",
         "blanks must hide non-zero values (outcomes)",
         "{cell}为 {actual}，按空白为零计算各项办理结果之和为 {expected}，相差 {difference}；数值未知的单元格 "
         "{unknown} 中必有非零值{detail}。",
         "{cell} is {actual}, but reading blanks as 0 the outcome rows sum to {expected} (difference {difference}); "
         "the cells without a known value {unknown} must hold non-zero values{detail}."},
        {"XXGK-T3-009", "R6", S::error, "法人或其他组织小计与各项之和不符",
         "organisations subtotal differs from its columns",
         "{cell}的法人或其他组织小计为 {actual}，但五类组织之和为 {expected}，相差 {difference}。",
         "The printed 法人或其他组织 subtotal of {cell} is {actual}, but the five organisation columns sum to "
         "{expected} (difference {difference})."},
        {"XXGK-T3-010", "R6", S::error, "法人或其他组织小计空白但各项非零",
         "blank organisations subtotal with non-zero parts",
         "{cell}的法人或其他组织小计空白，但五类组织之和为 {expected}。",
         "The printed 法人或其他组织 subtotal of {cell} is blank, but the five organisation columns sum to "
         "{expected}."},
        {"XXGK-T3-011", "R6", S::error, "空白单元格隐含非零值（小计）", "blanks must hide non-zero values (subtotal)",
         "{cell}的法人或其他组织小计为 {actual}，按空白为零计算五类组织之和为 {expected}；数值未知的单元格 {unknown} "
         "中必有非零值{detail}。",
         "The printed 法人或其他组织 subtotal of {cell} is {actual}, but reading blanks as 0 the organisation columns "
         "sum to {expected}; the cells without a known value {unknown} must hold non-zero values{detail}."},
        // ---- section 四
        {"XXGK-T4-001", "R5", S::error, "复议诉讼总计与各项之和不符", "case total differs from its results",
         "{cell}为 {actual}，但结果维持、结果纠正、其他结果、尚未审结之和为 {expected}，相差 {difference}。",
         "{cell} is {actual}, but upheld + corrected + other + pending = {expected} (difference {difference})."},
        {"XXGK-T4-002", "R5", S::error, "复议诉讼总计空白但各项非零", "blank case total with non-zero results",
         "{cell}空白，但结果维持、结果纠正、其他结果、尚未审结之和为 {expected}。",
         "{cell} is blank, but upheld + corrected + other + pending = {expected}."},
        {"XXGK-T4-003", "R5", S::error, "空白单元格隐含非零值（复议诉讼）", "blanks must hide non-zero values (cases)",
         "{cell}为 {actual}，按空白为零计算各项之和为 {expected}；数值未知的单元格 {unknown} 中必有非零值{detail}。",
         "{cell} is {actual}, but reading blanks as 0 its results sum to {expected}; the cells without a known value "
         "{unknown} must hold non-zero values{detail}."},
        // ---- narrative and fees
        {"XXGK-N-001", "narrative", S::info, "总体情况篇幅超过一千字", "overview longer than about 1000 characters",
         "总体情况约 {actual} 字，2021年版格式要求篇幅原则上不超过一千字。",
         "The overview has about {actual} characters; the 2021 format asks for at most about 1000."},
        {"XXGK-N-002", "narrative", S::warning, "未报告信息处理费收取情况", "information processing fees not reported",
         "2021年版格式要求在“六、其他需要报告的事项”中报告信息处理费收取情况，本报告未见相关内容。",
         "The 2021 format requires section 六 to report information processing fees (信息处理费); none found."},
        {"XXGK-N-003", "narrative", S::warning, "实收信息处理费多于应收", "fees collected exceed fees billed",
         "实收信息处理费 {actual} 元，多于应收 {expected} 元。",
         "Fees collected ({actual} 元) exceed fees billed ({expected} 元)."},
        {"XXGK-N-004", "narrative", S::error, "信息处理费陈述自相矛盾", "contradictory fee statement",
         "报告称未收取信息处理费，但{detail}为 {actual} 元。",
         "The report says no fee was charged, but {detail} is {actual} 元."},
        {"XXGK-N-005", "narrative", S::warning, "逾期未缴费件数与收费通知不符",
         "unpaid-fee requests without fee notices", "{cell}为 {actual}，但信息处理费陈述的收费通知数为 {expected}。",
         "{cell} is {actual}, but the fee statement reports {expected} fee notices."},
        {"XXGK-N-006", "narrative", S::warning, "正文数字与表格不符", "a figure in the prose differs from the tables",
         "正文所述数字为 {actual}（{difference}），但表格中{cell}为 {expected}。原句：“{detail}”",
         "The prose states {actual} ({difference}), but the tables give {cell} = {expected}. Sentence: “{detail}”"},
        // ---- 汇总 (docs/multi.md)
        {"XXGK-A-001", "aggregate", S::error, "汇总数与下级报告之和不符",
         "compiled figure differs from the sum of the sub-units",
         "{cell}汇总数为 {actual}，但各下级报告之和为 {expected}，相差 {difference}（{detail}）。",
         "{cell} is {actual} in the compiled report, but the sub-unit reports sum to {expected} (difference "
         "{difference}; {detail})."},
        {"XXGK-A-002", "aggregate", S::error, "汇总数空白但下级报告非零",
         "blank compiled figure with non-zero sub-units",
         "{cell}在汇总报告中空白，但各下级报告之和为 {expected}（{detail}）。",
         "{cell} is blank in the compiled report, but the sub-unit reports sum to {expected} ({detail})."},
        {"XXGK-A-003", "aggregate", S::warning, "下级报告的空白隐含非零值", "sub-unit blanks must hide non-zero values",
         "{cell}汇总数为 {actual}，按空白为零计算各下级报告之和为 {expected}，相差 "
         "{difference}；空白或无法识别的单元格中必有非零值（{detail}）。",
         "{cell} is {actual} in the compiled report, but reading blanks as 0 the sub-unit reports sum to {expected} "
         "(difference {difference}); the cells without a known value must hold non-zero values ({detail})."},
        // ---- series (docs/multi.md)
        {"XXGK-Y-001", "R8", S::warning, "上年结转与上一年度结转下年不符",
         "carried over differs from last year's carried forward",
         "{cell}为 {actual}，但应等于上一年度的“四、结转下年度继续办理” {expected}（{detail}），相差 {difference}。",
         "{cell} is {actual}, but last year's carried-forward figure is {expected} ({detail}; difference "
         "{difference})."},
        {"XXGK-Y-002", "R9", S::warning, "上一年项目数量与上年数据不符",
         "prior item count differs from last year's count plus change",
         "{cell}为 {actual}，但上一年度的上一年项目数量加本年增/减为 {expected}（{detail}），相差 {difference}。",
         "{cell} is {actual}, but last year's prior items plus its change give {expected} ({detail}; difference "
         "{difference})."},
        {"XXGK-Y-003", "R9", S::info, "对外公开总数量与上年数据不符",
         "total published differs from last year's total plus this year's new",
         "{cell}为 {actual}，但上一年度对外公开总数量加本年新公开数量为 {expected}（{detail}），相差 "
         "{difference}；撤回或失效的文件可以解释差异。",
         "{cell} is {actual}, but last year's total published plus this year's newly published give {expected} "
         "({detail}; difference {difference}); withdrawn documents can explain it."},
        {"XXGK-Y-004", "R10", S::warning, "现行有效件数与上年数据不符",
         "documents in force differ from last year's plus issued minus repealed",
         "{cell}为 {actual}，但上一年度现行有效件数加本年制发件数减本年废止件数为 {expected}（{detail}），相差 "
         "{difference}；文件清理和到期失效可以解释差异。",
         "{cell} is {actual}, but last year's documents in force plus issued minus repealed give {expected} ({detail}; "
         "difference {difference}); clean-ups and expiry can explain it."},
        {"XXGK-Y-005", "series", S::info, "年度报告序列有缺失年度", "a year is missing from the series",
         "缺少 {detail} 年度的报告：{actual} 年度与上一份报告之间的跨年度规则未检查。",
         "No report for {detail}: the cross-year rules between {actual} and the report before it are not checked."},
        // ---- text (docs/security.md)
        {"XXGK-S-001", "text", S::warning, "文本含不可见字符或文字方向控制字符",
         "invisible or bidirectional control characters in text",
         "{detail} 含有不可见字符或文字方向控制字符（{actual}）：页面上显示的文字可能与实际内容不同。",
         "{detail} contains invisible or bidirectional control characters ({actual}); the text shown may differ from "
         "what it says."},
        // ---- limits (docs/security.md)
        {"XXGK-L-001", "limits", S::warning, "发现项过多，列表已截断", "too many findings; the list was cut",
         "共有 {actual} 项发现，只列出前 {expected} 项，其余 {detail} 项未列出。",
         "There are {actual} findings; only the first {expected} are listed, {detail} more are left out."},
        // ---- portal files (docs/portal.md); {cell} names the object, {detail} adds what the code needs
        {"XXGK-P-001", "portal", S::warning, "县级目录未覆盖全部26个领域且未说明", "county catalog silent on domains",
         "{cell}为县级目录，{actual} 个领域既无目录也未说明不适用：{detail}。",
         "{cell} is a county catalog but is silent on {actual} of the 26 domains (no section, no not-applicable note): "
         "{detail}."},
        {"XXGK-P-002", "portal", S::warning, "乡级目录未说明未涉及的领域",
         "township catalog does not name the domains it leaves out",
         "{cell}为乡级目录，未在“未涉及领域事项说明”中列出 {actual} 个未覆盖的领域：{detail}。",
         "{cell} is a township catalog but its not-applicable note does not name {actual} domains it does not cover: "
         "{detail}."},
        {"XXGK-P-003", "portal", S::warning, "部门重复列出", "department listed twice",
         "部门“{actual}”重复列出（{detail}），且无相同链接表明是同一部门；两条均保留。",
         "Department '{actual}' is listed twice ({detail}) without a common link showing it is the same body; both are "
         "kept."},
        {"XXGK-P-004", "portal", S::error, "标识重复", "duplicate id", "{detail}的标识“{actual}”重复。",
         "The id '{actual}' of {detail} is used twice."},
        {"XXGK-P-005", "portal", S::warning, "目录领域或事项重复", "duplicate catalog section or entry",
         "{cell}中{detail}“{actual}”重复出现。", "{cell} repeats the {detail} '{actual}'."},
        {"XXGK-P-006", "portal", S::error, "索引号重复", "index number not unique",
         "索引号“{actual}”在本网站中重复（{detail}）；索引号应是每条信息唯一不变的标识。",
         "Index number '{actual}' is used by more than one item ({detail}); it must identify one item."},
        {"XXGK-P-007", "portal", S::error, "日期无效", "invalid date",
         "{cell}的{detail}“{actual}”不是有效的日期（应为 {expected}）。",
         "The {detail} of {cell}, '{actual}', is not a valid date (expected {expected})."},
        {"XXGK-P-008", "portal", S::error, "成文日期晚于发布日期", "written after published",
         "{cell}的成文日期 {actual} 晚于发布日期 {expected}。",
         "{cell} was written on {actual}, after it was published ({expected})."},
        {"XXGK-P-009", "portal", S::error, "目录必备栏目为空", "required catalog column empty",
         "{cell}缺少必备栏目“{detail}”。", "{cell} has no value in the required column {detail}."},
        {"XXGK-P-010", "portal", S::warning, "领域名称无法识别", "unknown domain label",
         "领域名称“{actual}”不是26个试点领域之一，也不在别名表中；最接近的是“{expected}”（相似度 {detail}）。",
         "Domain label '{actual}' is none of the 26 domains and no known alias; the closest is '{expected}' "
         "(similarity {detail})."},
        {"XXGK-P-011", "portal", S::info, "领域按低可信度别名归类", "domain mapped through an uncertain alias",
         "领域名称“{actual}”按低可信度别名归入“{expected}”。",
         "Domain label '{actual}' is mapped to '{expected}' through an uncertain alias."},
        {"XXGK-P-012", "portal", S::warning, "领域与名称不符", "domain contradicts its label",
         "{cell}的领域为“{expected}”，但名称“{actual}”对应“{detail}”。",
         "{cell} has domain '{expected}', but its label '{actual}' names '{detail}'."},
        {"XXGK-P-013", "portal", S::warning, "职权类型无法识别", "unknown power type",
         "{cell}的职权类型“{actual}”不是已知类型，按“其他行政权力”处理。",
         "The power type '{actual}' of {cell} is not a known type; it is treated as other (其他行政权力)."},
        {"XXGK-P-014", "portal", S::error, "职权类型与名称不符", "power type contradicts its label",
         "{cell}的职权类型为 {expected}，但标注“{actual}”对应 {detail}。",
         "{cell} has power type {expected}, but its label '{actual}' names {detail}."},
        {"XXGK-P-015", "portal", S::error, "引用的对象不存在", "link to nothing",
         "{cell}引用的{detail}“{actual}”不存在。", "{cell} refers to {detail} '{actual}', which does not exist."},
        {"XXGK-P-016", "portal", S::warning, "列表条目与信息不符", "list entry does not match its item",
         "{cell}的{detail}“{actual}”与所链接信息的“{expected}”不符。",
         "The {detail} '{actual}' of {cell} does not match '{expected}' of the item it links to."},
        {"XXGK-P-017", "portal", S::warning, "目录层级未知", "catalog level unknown",
         "{cell}未写明层级（县级或乡级），无法检查领域覆盖。",
         "{cell} states no level (county or township); its domain coverage cannot be checked."},
    };
}

}  // namespace

const std::vector<rule_info>& rule_catalog() noexcept {
    static const std::vector<rule_info> catalog = make_catalog();
    return catalog;
}

const rule_info* find_rule(std::string_view code) noexcept {
    for (const rule_info& r : rule_catalog())
        if (r.code == code) return &r;
    return nullptr;
}

}  // namespace xxgk
