#include "portal_labels.hpp"

#include <utility>

namespace xxgk::detail {

std::string_view portal_member_label(std::string_view member) noexcept {
    // Labels as the portals print them (spec/portal.md §2.4, §3, §4.2, §5.4); member names are
    // unique enough across the model that one table serves every struct.
    static constexpr std::pair<std::string_view, std::string_view> labels[] = {
        {"name", "名称"}, {"url", "网址"}, {"departments", "按部门"}, {"responsibility_lists", "责任清单"},
        {"power_lists", "权力清单"}, {"catalogs", "政务公开事项标准目录"}, {"items", "政府信息"},
        {"listings", "信息列表"}, {"id", "标识"}, {"full_name", "全称"}, {"link", "链接"}, {"position", "序位"},
        {"department", "部门"}, {"heading", "标题"}, {"duties", "部门职责"}, {"boundaries", "与相关部门的职责边界"},
        {"supervision", "事中事后监管制度"}, {"public_services", "公共服务事项"}, {"parts_not_captured", "未采集部分"},
        {"group", "分组标题"}, {"year", "年度"}, {"text", "内容"}, {"work_items", "具体工作事项"},
        {"work_items_state", "具体工作事项采集状态"}, {"matter", "边界事项"}, {"related_departments", "相关部门"},
        {"division", "分工"}, {"duty", "职责"}, {"case_text", "案例"}, {"content", "内容"}, {"basis", "依据"},
        {"type", "职权类型"}, {"type_label", "职权类型（原文）"}, {"code", "职权编码"}, {"legal_subject", "实施主体"},
        {"fee_basis", "收费（征收）依据和标准"}, {"procedure", "办事流程"}, {"time_limit", "时限"},
        {"supervision_phone", "监督电话"}, {"referral", "审核转报"}, {"level_class", "权力层级类别"},
        {"level_class_label", "权力层级类别（原文）"}, {"responsibilities", "责任事项"}, {"stage", "环节"},
        {"catalog_set", "目录集"}, {"owner", "目录主体"}, {"level", "层级"}, {"title", "标题"}, {"revision", "修订标记"},
        {"published", "发布日期"}, {"sections_state", "领域采集状态"}, {"sections", "领域"},
        {"not_applicable", "未涉及领域事项说明"}, {"label", "领域名称"}, {"domain", "领域"},
        {"low_confidence", "低可信度归类"}, {"entries_state", "事项采集状态"}, {"entries", "事项"}, {"domains", "领域"},
        {"seq", "序号"}, {"item_level1", "一级事项"}, {"item_level1_inherited", "一级事项沿用上行"},
        {"item_level2", "二级事项"}, {"content_elements", "公开内容（要素）"}, {"publisher", "公开主体／发布机构"},
        {"phases", "公开环节"}, {"levels", "公开层级"}, {"levels_raw", "公开层级（原文）"}, {"step", "环节"},
        {"channels", "公开渠道和载体"}, {"audiences", "公开对象"}, {"modes", "公开方式"}, {"kind", "类别"},
        {"raw", "原文"}, {"index_number", "索引号"}, {"description", "内容概述"}, {"source", "来源"},
        {"disclosure_mode", "公开方式"}, {"written_date", "成文日期"}, {"published_at", "发布日期"},
        {"effective_date", "实施日期"}, {"repeal_date", "废止日期"}, {"document_number", "文号"},
        {"unified_number", "统一编号"}, {"validity", "有效性"}, {"classifications", "主题分类"}, {"keywords", "主题词"},
        {"retention", "公开时限"}, {"audience_scope", "公开范围"}, {"secrecy", "涉密状态"}, {"view_count", "浏览次数"},
        {"interpretation", "解读"}, {"form", "解读形式"}, {"form_label", "解读形式（原文）"}, {"explains", "所解读的文件"},
        {"interpreter", "解读人"}, {"facet", "分类类别"}, {"path", "分类路径"}, {"date", "日期"}, {"time", "时间"},
        {"item", "对应信息"}, {"has_more", "更多"},
    };
    for (const auto& [m, l] : labels)
        if (m == member) return l;
    return {};
}

}  // namespace xxgk::detail
