// xxgk — portal data beside the report (docs/portal.md): departments, 责任清单, 权力清单, the
// 基层政务公开标准目录 of 26 domains, and published items with their metadata (政策及解读).
//
//   xxgk::portal p = xxgk::load_portal_json(text);          // canonical JSON, "kind": "portal"
//   auto findings = xxgk::validate(p);                       // XXGK-P-0xx (docs/rules.md)
//   xxgk::resolve_domain("扶贫领域").domain;                 // disclosure_domain::poverty_alleviation
//   xxgk::parse_index_number("11/2020-27943").status;        // index_parse_status::partial
//
// Every struct and enum is Boost.Describe'd: JSON member names, the JSON Schema, the CSV columns
// and the HTML tables are derived from these descriptions by the same machinery as the report.
#ifndef XXGK_PORTAL_HPP
#define XXGK_PORTAL_HPP

#include <xxgk/json.hpp>
#include <xxgk/render.hpp>
#include <xxgk/report.hpp>
#include <xxgk/validate.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

// ---------------------------------------------------------------------------------------------
// Shared pieces

/// Whether a part of the portal was captured from its source. Absent in JSON = `captured`.
enum class capture_state : std::uint8_t {
    captured,      ///< the content is in the model
    not_captured,  ///< the page links to it, but its content was not in the source (e.g. the seed)
};
BOOST_DESCRIBE_ENUM(capture_state, captured, not_captured)

/// A date as a portal prints it: the day, an optional time of day (Beijing time, no zone) and the
/// printed text. "2021-09-26", "2020-12-22 20:36:13" and "2021年1月29日" are read by `parse_portal_time`.
struct portal_time {
    std::optional<calendar_date> date;  ///< the day; absent when the printed text names no real day
    std::optional<std::string> time;    ///< "HH:MM" or "HH:MM:SS"
    std::optional<std::string> raw;     ///< the text as printed
};
BOOST_DESCRIBE_STRUCT(portal_time, (), (date, time, raw))

/// Reads "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]", "YYYY年M月D日" (surrounding spaces ignored) into a
/// portal_time keeping `text` as raw; nothing when the text is none of these or names no real day
/// or time. Does not throw.
std::optional<portal_time> parse_portal_time(std::string_view text);

/// 公开方式 of a catalog entry (主动 / 依申请) and of a published item (主动公开 / 依申请公开 / 不予公开).
enum class disclosure_mode : std::uint8_t {
    proactive,      ///< 主动（公开）
    on_request,     ///< 依申请（公开）
    not_disclosed,  ///< 不予公开 (items only)
};
BOOST_DESCRIBE_ENUM(disclosure_mode, proactive, on_request, not_disclosed)

// ---------------------------------------------------------------------------------------------
// Departments (按部门)

/// A publishing body as listed on the portal. The display name is not a key: `id` is.
struct department {
    std::string id;                         ///< the model's own id, unique within the portal ("d01")
    std::string name;                       ///< the name as displayed, possibly truncated ("县自然资源和规...")
    std::optional<std::string> full_name;   ///< the full name, when known
    std::optional<std::string> link;        ///< the page the entry points to; equal links mean the same body
    std::optional<std::uint32_t> position;  ///< 1-based position in the portal's list
};
BOOST_DESCRIBE_STRUCT(department, (), (id, name, full_name, link, position))

// ---------------------------------------------------------------------------------------------
// 责任清单 (responsibility list, spec/portal.md §3)

/// 部门职责: one 主要职责 with its 具体工作事项.
struct duty {
    std::optional<std::string> group;     ///< sub-heading as printed: "部门年度重点工作目标(2017)"
    std::optional<std::int32_t> year;     ///< the year tag of that sub-heading (2017)
    std::string text;                     ///< 主要职责
    std::vector<std::string> work_items;  ///< 具体工作事项
    capture_state work_items_state = capture_state::captured;  ///< not_captured: only the link was seen
};
BOOST_DESCRIBE_STRUCT(duty, (), (group, year, text, work_items, work_items_state))

/// 分工: what one related department does in a boundary matter.
struct division_of_work {
    std::string department;  ///< the department (as named)
    std::string duty;        ///< its share of the work
};
BOOST_DESCRIBE_STRUCT(division_of_work, (), (department, duty))

/// 与相关部门的职责边界: one matter shared with other departments.
struct duty_boundary {
    std::string matter;                            ///< 边界事项
    std::vector<std::string> related_departments;  ///< 相关部门
    std::vector<division_of_work> division;        ///< 分工
    std::optional<std::string> case_text;          ///< 案例
};
BOOST_DESCRIBE_STRUCT(duty_boundary, (), (matter, related_departments, division, case_text))

/// 事中事后监管制度: one supervision regime.
struct supervision_regime {
    std::string name;                    ///< 制度名称
    std::optional<std::string> content;  ///< 内容
};
BOOST_DESCRIBE_STRUCT(supervision_regime, (), (name, content))

/// 公共服务事项: one public service.
struct public_service {
    std::string name;                    ///< 事项名称
    std::optional<std::string> content;  ///< 服务内容
    std::optional<std::string> basis;    ///< 依据
};
BOOST_DESCRIBE_STRUCT(public_service, (), (name, content, basis))

/// 责任清单 of one department: its four parts (tabs, in the portal's order).
struct responsibility_list {
    std::string department;                       ///< the `department::id` it belongs to
    std::optional<std::string> heading;           ///< page heading: "温州市苍南县部门责任清单"
    std::vector<duty> duties;                     ///< 部门职责
    std::vector<duty_boundary> boundaries;        ///< 与相关部门的职责边界
    std::vector<supervision_regime> supervision;  ///< 事中事后监管制度
    std::vector<public_service> public_services;  ///< 公共服务事项
    /// The tabs whose content was not in the source, by member name ("boundaries", …).
    std::vector<std::string> parts_not_captured;
};
BOOST_DESCRIBE_STRUCT(responsibility_list, (),
                      (department, heading, duties, boundaries, supervision, public_services, parts_not_captured))

// ---------------------------------------------------------------------------------------------
// 权力清单 (power list, spec/portal.md §4)

/// 职权类型: the ten current types and three legacy ones. Unknown labels are `other` (raw kept).
enum class power_type : std::uint8_t {
    other,                   ///< 其他行政权力
    licensing,               ///< 行政许可
    penalty,                 ///< 行政处罚
    compulsory_measure,      ///< 行政强制
    levy,                    ///< 行政征收
    benefit_payment,         ///< 行政给付
    inspection,              ///< 行政检查
    confirmation,            ///< 行政确认
    reward,                  ///< 行政奖励
    adjudication,            ///< 行政裁决
    non_licensing_approval,  ///< 非行政许可审批 (legacy, Zhejiang 2014)
    approval,                ///< 行政审批 (legacy)
    supervision,             ///< 行政监督 (legacy)
};
BOOST_DESCRIBE_ENUM(power_type, other, licensing, penalty, compulsory_measure, levy, benefit_payment, inspection,
                    confirmation, reward, adjudication, non_licensing_approval, approval, supervision)

/// The official label of a power type ("行政许可").
std::string_view power_type_label(power_type t) noexcept;
/// The power type a printed label names ("行政许可", "非行政许可审批"); nothing for an unknown label.
std::optional<power_type> parse_power_type(std::string_view label) noexcept;

/// 权力层级类别 (Zhejiang 2014).
enum class power_level_class : std::uint8_t {
    unknown,              ///< not stated
    provincial_retained,  ///< 省级保留
    local_management,     ///< 市、县（市、区）属地管理
    common,               ///< 共性权力
    referral,             ///< 审核转报
};
BOOST_DESCRIBE_ENUM(power_level_class, unknown, provincial_retained, local_management, common, referral)

/// 责任事项 of one stage: "1.立案责任" and what it requires.
struct responsibility_stage {
    std::string stage;  ///< stage label as printed ("立案责任")
    std::string text;   ///< the duties of that stage
};
BOOST_DESCRIBE_STRUCT(responsibility_stage, (), (stage, text))

/// One item of a 权力清单.
struct power_item {
    std::string name;                                            ///< 行政权力名称 / 职权名称
    power_type type = power_type::other;                         ///< 职权类型
    std::string type_label;                                      ///< 职权类型 as printed
    std::optional<std::string> code;                             ///< 职权编码 (opaque)
    std::optional<std::string> legal_subject;                    ///< 实施主体 / 法定主体
    std::optional<std::string> basis;                            ///< 实施依据
    std::optional<std::string> fee_basis;                        ///< 收费（征收）依据和标准
    std::optional<std::string> procedure;                        ///< 办事流程 (text or link)
    std::optional<std::string> time_limit;                       ///< 办理期限
    std::optional<std::string> supervision_phone;                ///< 监督电话
    std::optional<bool> referral;                                ///< 审核转报 (是/否)
    power_level_class level_class = power_level_class::unknown;  ///< 权力层级类别
    std::optional<std::string> level_class_label;                ///< 权力层级类别 as printed
    std::vector<responsibility_stage> responsibilities;          ///< 责任事项, in stage order
};
BOOST_DESCRIBE_STRUCT(power_item, (),
                      (name, type, type_label, code, legal_subject, basis, fee_basis, procedure, time_limit,
                       supervision_phone, referral, level_class, level_class_label, responsibilities))

/// 权力清单 of one department.
struct power_list {
    std::string department;  ///< the `department::id` it belongs to
    std::vector<power_item> items;
};
BOOST_DESCRIBE_STRUCT(power_list, (), (department, items))

// ---------------------------------------------------------------------------------------------
// 基层政务公开标准目录 (disclosure catalogs, spec/portal.md §2)

/// The 26 试点领域, in the numbered order of the 分解表 (spec/portal.md §2.2).
enum class disclosure_domain : std::uint8_t {
    urban_rural_planning,                 ///< 城乡规划
    major_construction_projects,          ///< 重大建设项目
    public_resource_trading,              ///< 公共资源交易
    fiscal_budgets_accounts,              ///< 财政预决算
    work_safety,                          ///< 安全生产
    tax_administration,                   ///< 税收管理
    rural_collective_land_expropriation,  ///< 农村集体土地征收
    state_land_housing_expropriation,     ///< 国有土地上房屋征收与补偿
    affordable_housing,                   ///< 保障性住房
    rural_dilapidated_housing,            ///< 农村危房改造
    ecology_environment,                  ///< 生态环境
    public_cultural_services,             ///< 公共文化服务
    public_legal_services,                ///< 公共法律服务
    poverty_alleviation,                  ///< 扶贫
    disaster_relief,                      ///< 救灾
    food_drug_supervision,                ///< 食品药品监管
    urban_comprehensive_enforcement,      ///< 城市综合执法
    employment,                           ///< 就业
    social_insurance,                     ///< 社会保险
    social_assistance,                    ///< 社会救助
    elderly_care_services,                ///< 养老服务
    household_registration,               ///< 户籍管理
    agricultural_subsidies,               ///< 涉农补贴
    compulsory_education,                 ///< 义务教育
    health,                               ///< 卫生健康
    municipal_services,                   ///< 市政服务
};
BOOST_DESCRIBE_ENUM(disclosure_domain, urban_rural_planning, major_construction_projects, public_resource_trading,
                    fiscal_budgets_accounts, work_safety, tax_administration, rural_collective_land_expropriation,
                    state_land_housing_expropriation, affordable_housing, rural_dilapidated_housing,
                    ecology_environment, public_cultural_services, public_legal_services, poverty_alleviation,
                    disaster_relief, food_drug_supervision, urban_comprehensive_enforcement, employment,
                    social_insurance, social_assistance, elderly_care_services, household_registration,
                    agricultural_subsidies, compulsory_education, health, municipal_services)

/// The number of canonical domains.
inline constexpr std::size_t domain_count = 26;

/// The canonical label of a domain ("城乡规划").
std::string_view domain_label(disclosure_domain d) noexcept;

/// How a printed label was matched to a domain (spec/portal.md §2.2, in matching order).
enum class domain_match : std::uint8_t {
    exact,           ///< the canonical label
    suffix_removed,  ///< the label without a trailing "领域" (就业领域)
    alias,           ///< the alias table (救灾生产, 综合执法, 乡村振兴, …)
    low_confidence,  ///< an uncertain alias (自然资源, 国土空间规划): recorded, never silent
    unresolved,      ///< no domain: `closest` suggests one
};
BOOST_DESCRIBE_ENUM(domain_match, exact, suffix_removed, alias, low_confidence, unresolved)

/// The outcome of `resolve_domain`.
struct domain_resolution {
    std::optional<disclosure_domain> domain;  ///< present unless `match` is unresolved
    domain_match match = domain_match::unresolved;
    /// Unresolved labels: the canonical domain whose label or alias is most similar (Dice
    /// coefficient of character bigrams, docs/portal.md), and that similarity in [0, 1].
    std::optional<disclosure_domain> closest;
    double similarity = 0;
};

/// Matches a printed domain label: exact, then without "领域", then the alias table; otherwise
/// unresolved with the closest domain. Surrounding spaces are ignored. Does not throw.
domain_resolution resolve_domain(std::string_view label);

/// One alias of the table (spec/portal.md §2.2 "other labels seen").
struct domain_alias {
    std::string_view label;
    disclosure_domain domain;
    bool low_confidence;
};
/// The alias table, in the order of the canonical table. Lives for the whole program.
const std::vector<domain_alias>& domain_aliases() noexcept;

/// 公开渠道和载体: the controlled list of channels (spec/portal.md §2.6).
enum class channel_kind : std::uint8_t {
    other,                        ///< 其他 (and every free value that maps to no key)
    government_website,           ///< 政府网站
    weibo_wechat_app,             ///< 两微一端
    radio_tv,                     ///< 广播电视
    public_reading_point,         ///< 公开查阅点
    convenience_service_station,  ///< 便民服务站
    government_gazette,           ///< 政府公报
    press_conference_hearing,     ///< 发布会/听证会
    print_media,                  ///< 纸质媒体
    government_service_center,    ///< 政务服务中心
    door_to_door_onsite,          ///< 入户/现场
    bulletin_board,               ///< 社区/企事业单位/村公示栏(电子屏)
    targeted_push,                ///< 精准推送
};
BOOST_DESCRIBE_ENUM(channel_kind, other, government_website, weibo_wechat_app, radio_tv, public_reading_point,
                    convenience_service_station, government_gazette, press_conference_hearing, print_media,
                    government_service_center, door_to_door_onsite, bulletin_board, targeted_push)

/// One channel: the key and the text as printed.
struct channel {
    channel_kind kind = channel_kind::other;
    std::string raw;  ///< "政府网站", "村（居）公示栏", "征地信息公开平台"
};
BOOST_DESCRIBE_STRUCT(channel, (), (kind, raw))

/// The channel a printed text names: the controlled label, or an unambiguous free value
/// (村（居）公示栏 → bulletin_board); `other` otherwise. Raw text kept.
channel parse_channel(std::string_view text);

/// 公开对象.
enum class audience_kind : std::uint8_t {
    general_public,  ///< 全社会 (JSON "general_public": `public` is a C++ keyword)
    specific_group,  ///< 特定群体 / 特定群众
};
BOOST_DESCRIBE_ENUM(audience_kind, general_public, specific_group)

/// One audience mark, with the group described when the catalog does.
struct audience {
    audience_kind kind = audience_kind::general_public;
    std::optional<std::string> group;  ///< "拟征收土地所在地的村集体成员"
};
BOOST_DESCRIBE_STRUCT(audience, (), (kind, group))

/// One disclosure step of an entry: its 时限, 渠道, 对象 and 方式 (spec/portal.md §2.5).
struct disclosure_phase {
    std::optional<std::string> step;  ///< the step as printed ("5个工作日内，在村公示栏公开")
    std::string time_limit;           ///< 公开时限, free text ("信息形成或变更之日起20个工作日内")
    std::vector<channel> channels;    ///< 公开渠道和载体
    std::vector<audience> audiences;  ///< 公开对象
    std::vector<disclosure_mode> modes;  ///< 公开方式 (both may be marked)
};
BOOST_DESCRIBE_STRUCT(disclosure_phase, (), (step, time_limit, channels, audiences, modes))

/// One row of a catalog (spec/portal.md §2.4).
struct catalog_entry {
    std::string seq;                            ///< 序号, as printed ("1", "0505")
    std::string item_level1;                    ///< 公开事项 › 一级事项 (filled down when merged)
    std::optional<bool> item_level1_inherited;  ///< true: the cell was blank, value of the row above
    std::optional<std::string> item_level2;     ///< 公开事项 › 二级事项
    std::string content_elements;               ///< 公开内容（要素）, raw text
    std::string basis;                          ///< 公开依据
    std::string publisher;                      ///< 公开主体
    std::vector<disclosure_phase> phases;       ///< ≥ 1: 公开时限, 渠道, 对象, 方式 per step
    std::vector<admin_level> levels;            ///< 公开层级: county (县级), township (乡级)
    std::optional<std::string> levels_raw;      ///< 公开层级 as printed when not plain (镇、村级)
};
BOOST_DESCRIBE_STRUCT(catalog_entry, (),
                      (seq, item_level1, item_level1_inherited, item_level2, content_elements, basis, publisher, phases,
                       levels, levels_raw))

/// One domain section of a catalog.
struct catalog_section {
    std::string label;                                      ///< the domain label as printed ("扶贫领域")
    std::optional<disclosure_domain> domain;                ///< the canonical domain; absent when unresolved
    std::optional<bool> low_confidence;                     ///< true: mapped through an uncertain alias
    std::optional<std::string> link;                        ///< the page of this domain's catalog
    capture_state entries_state = capture_state::captured;  ///< not_captured: the entries were not in the source
    std::vector<catalog_entry> entries;
};
BOOST_DESCRIBE_STRUCT(catalog_section, (), (label, domain, low_confidence, link, entries_state, entries))

/// The note on the domains a (township) catalog does not cover ("未涉及领域事项说明").
struct not_applicable_note {
    std::string text;                        ///< the note as printed
    std::vector<disclosure_domain> domains;  ///< the domains it names
};
BOOST_DESCRIBE_STRUCT(not_applicable_note, (), (text, domains))

/// A 标准目录 of one owner body at one level.
struct catalog {
    std::string id;                                          ///< the model's own id, unique within the portal
    std::optional<std::string> catalog_set;                  ///< "县本级26个领域政务公开事项标准目录"
    std::string owner;                                       ///< owner body (government, department, township)
    admin_level level = admin_level::unknown;                ///< county (县级) or township (乡级)
    std::optional<std::string> title;                        ///< title as printed
    std::optional<std::string> revision;                     ///< "（修订版）"
    std::optional<calendar_date> published;                  ///< publication date
    capture_state sections_state = capture_state::captured;  ///< not_captured: only the link was seen
    std::vector<catalog_section> sections;
    std::optional<not_applicable_note> not_applicable;
};
BOOST_DESCRIBE_STRUCT(catalog, (),
                      (id, catalog_set, owner, level, title, revision, published, sections_state, sections,
                       not_applicable))

/// What a catalog says about one domain.
enum class domain_coverage : std::uint8_t {
    covered,         ///< a section of the catalog
    not_applicable,  ///< named by the not-applicable note
    silent,          ///< neither
};
BOOST_DESCRIBE_ENUM(domain_coverage, covered, not_applicable, silent)

/// The coverage of each domain by a catalog, indexed by the domain's enumerator value.
std::array<domain_coverage, domain_count> coverage(const catalog& c);

// ---------------------------------------------------------------------------------------------
// Published items (spec/portal.md §5)

/// Kind of the 前段码 of an 索引号.
enum class index_front_kind : std::uint8_t {
    empty,              ///< nothing before "/"
    organization_code,  ///< 9-character 组织机构代码
    hyphenated_code,    ///< an organisation code with its "-" kept ("01424668-5")
    credit_code,        ///< 18-character 统一社会信用代码
    other,              ///< anything else ("11", "hedongquhd0108")
};
BOOST_DESCRIBE_ENUM(index_front_kind, empty, organization_code, hyphenated_code, credit_code, other)

/// How much of an 索引号 `parse_index_number` understood.
enum class index_parse_status : std::uint8_t {
    full,     ///< conforms: 9- or 18-character code / 4-digit year - 5-digit serial
    partial,  ///< front/year-serial found but not the national form (year and month, 7-digit serial, short front)
    failed,   ///< no "front/YYYY-serial" shape
};
BOOST_DESCRIBE_ENUM(index_parse_status, full, partial, failed)

/// The optional parse of an 索引号. The 索引号 itself stays the string as displayed.
struct index_number_parts {
    std::string front;  ///< 前段码 (may be empty)
    index_front_kind front_kind = index_front_kind::empty;
    std::optional<std::int32_t> year;   ///< 4-digit year
    std::optional<std::int32_t> month;  ///< the month of "202110-00013"
    std::string serial;                 ///< 流水号 with its leading zeros
    index_parse_status status = index_parse_status::failed;
};
BOOST_DESCRIBE_STRUCT(index_number_parts, (), (front, front_kind, year, month, serial, status))

/// Parses "前段码/后段码" accepting the observed variants (spec/portal.md §5.3). A failed parse is
/// not an error: `status` says so. Does not throw.
index_number_parts parse_index_number(std::string_view text);

/// 解读形式 (spec/portal.md §5.6).
enum class interpretation_form : std::uint8_t {
    other,         ///< anything else (raw label kept)
    text,          ///< 文字解读
    graphic,       ///< 图文解读, 图表图解
    qa,            ///< 政策问答, 简明问答
    audio_video,   ///< 音频视频
    picture_news,  ///< 图片新闻
    interview,     ///< 在线访谈
};
BOOST_DESCRIBE_ENUM(interpretation_form, other, text, graphic, qa, audio_video, picture_news, interview)

/// The form a printed label names ("图表图解" → graphic); `other` for anything else.
interpretation_form parse_interpretation_form(std::string_view label) noexcept;

/// What makes an item an interpretation (解读).
struct interpretation {
    interpretation_form form = interpretation_form::other;
    std::optional<std::string> form_label;   ///< the form as printed ("一图读懂")
    std::vector<std::string> explains;       ///< `published_item::id` of the policy documents explained
    std::optional<std::string> interpreter;  ///< the interpreter's role ("主要负责人")
};
BOOST_DESCRIBE_STRUCT(interpretation, (), (form, form_label, explains, interpreter))

/// One facet of 主题分类 and its kin: (facet label, path as printed with "\" separators).
struct classification {
    std::optional<std::string> facet;  ///< "主题分类", "组配分类", …
    std::string path;                  ///< "卫生、体育\医药管理"
};
BOOST_DESCRIBE_STRUCT(classification, (), (facet, path))

/// A piece of government information with its metadata (spec/portal.md §5.4).
struct published_item {
    std::string id;                                        ///< the model's own id, unique within the portal
    std::optional<std::string> index_number;               ///< 索引号, exactly as displayed
    std::string title;                                     ///< 名称 / 标题 (main title)
    std::optional<std::string> description;                ///< 内容概述
    std::optional<std::string> publisher;                  ///< 发布机构 / 发文机关, as printed (县府办)
    std::optional<std::string> source;                     ///< 来源
    std::optional<xxgk::disclosure_mode> disclosure_mode;  ///< 公开方式
    std::optional<portal_time> written_date;               ///< 成文日期 (生成日期, 发文日期)
    std::optional<portal_time> published_at;               ///< 发布日期 / 发布时间
    std::optional<portal_time> effective_date;             ///< 实施日期
    std::optional<portal_time> repeal_date;                ///< 废止日期
    std::optional<std::string> document_number;            ///< 文号 ("无文号" kept as printed)
    std::optional<std::string> unified_number;             ///< 统一编号 (GPAD00-2025-0005)
    std::optional<std::string> validity;                   ///< 有效性 (有效, 失效, 废止)
    std::vector<classification> classifications;           ///< 主题分类, 体裁分类, …
    std::vector<std::string> keywords;                     ///< 主题词 / 关键词
    std::optional<std::string> retention;                ///< 公开时限 of the metadata: 长期公开 / 限时公开
    std::optional<std::string> audience_scope;           ///< 公开范围
    std::optional<std::string> secrecy;                  ///< 涉密状态
    std::optional<std::string> url;                      ///< 在线链接地址
    std::optional<std::uint32_t> view_count;             ///< 浏览次数
    std::optional<xxgk::interpretation> interpretation;  ///< present: the item is a 解读
};
BOOST_DESCRIBE_STRUCT(published_item, (),
                      (id, index_number, title, description, publisher, source, disclosure_mode, written_date,
                       published_at, effective_date, repeal_date, document_number, unified_number, validity,
                       classifications, keywords, retention, audience_scope, secrecy, url, view_count, interpretation))

/// One line of a list such as 政策及解读: the title as displayed (often cut with "...") and a date.
struct listing_entry {
    std::string title;                  ///< as displayed; a trailing "..." marks a cut title
    std::optional<calendar_date> date;  ///< the date shown
    std::optional<std::string> item;    ///< `published_item::id` of the item it links to
    std::optional<std::string> link;
};
BOOST_DESCRIBE_STRUCT(listing_entry, (), (title, date, item, link))

/// A list of items as a portal shows it (政策及解读), newest first.
struct listing {
    std::string heading;  ///< "政策及解读"
    std::vector<listing_entry> entries;
    std::optional<bool> has_more;  ///< a "更多" link follows
};
BOOST_DESCRIBE_STRUCT(listing, (), (heading, entries, has_more))

// ---------------------------------------------------------------------------------------------
// The portal

/// The material of one portal, in one file. JSON: an object with "kind": "portal" first; every
/// other part is optional. A plain value: copy, compare, move between threads.
struct portal {
    std::optional<std::string> name;  ///< the portal's name ("中国·苍南")
    std::optional<std::string> url;
    std::vector<department> departments;                    ///< 按部门
    std::vector<responsibility_list> responsibility_lists;  ///< 责任清单, one per department
    std::vector<power_list> power_lists;                    ///< 权力清单, one per department
    std::vector<catalog> catalogs;                          ///< 标准目录
    std::vector<published_item> items;                      ///< published items (documents, 解读, …)
    std::vector<listing> listings;                          ///< lists as shown (政策及解读)
    std::vector<unknown_member> unknown_members;            ///< lax decoding: members not in the model

    friend bool operator==(const portal& a, const portal& b);
    friend bool operator!=(const portal& a, const portal& b) { return !(a == b); }
};
// unknown_members is bookkeeping, not content, and is not described (as in `report`).
BOOST_DESCRIBE_STRUCT(portal, (),
                      (name, url, departments, responsibility_lists, power_lists, catalogs, items, listings))

/// The value of the top-level "kind" member that marks a portal file.
inline constexpr std::string_view portal_kind = "portal";

// ---- JSON (docs/json-format.md § Portal files)

/// True when `json` is a JSON object whose "kind" member is "portal" (what the CLI, the C ABI
/// and Python use to tell portal files from reports). Decides without building anything and
/// stops as soon as it knows: at the first character when the text is not an object, at the value
/// of the first top-level "kind" member (canonical JSON writes it first); what follows is not
/// looked at (decoding reports its problems). Memory is constant; work stops there or at a syntax
/// error before it. A text larger than `options.max_input_bytes` is no portal (false before a
/// byte is parsed), nor is one nested deeper than `options.max_depth` before its "kind". A UTF-8
/// byte order mark is skipped. Does not throw.
bool is_portal_json(std::string_view json, const decode_options& options = {});

/// The outcome of `decode_portal_json`, like `decode_result`.
struct portal_decode_result {
    std::optional<portal> value;    ///< present exactly when `problems` is empty
    std::vector<problem> problems;  ///< in document order, each with its JSON Pointer
    bool ok() const noexcept { return problems.empty(); }
};

/// Decodes a portal file (same limits, strictness and problem reporting as `decode_json`).
/// Never throws for bad input (only std::bad_alloc).
portal_decode_result decode_portal_json(std::string_view json, const decode_options& options = {});

/// Decodes a portal file. Throws `decode_error` carrying every problem.
portal load_portal_json(std::string_view json, const decode_options& options = {});

/// Reads a file and decodes it. Throws `decode_error` (errc::io_error when unreadable).
portal load_portal_json_file(const std::string& path, const decode_options& options = {});

/// Canonical JSON: compact, "kind" first, members in description order, deterministic, so that
/// to_json(load_portal_json(to_json(p))) == to_json(p). Does not throw except std::bad_alloc.
std::string to_json(const portal& p);

/// The JSON Schema (draft 2020-12) of a portal file, generated from the descriptions like
/// `json_schema(format)`. Deterministic; does not throw except std::bad_alloc.
std::string portal_json_schema();

// ---- validation (docs/rules.md, XXGK-P-0xx)

/// Checks a portal: domain coverage of catalogs, duplicates (departments, ids, entries, 索引号),
/// dates, required columns, domain / power-type / form labels, links between items. Findings
/// carry a JSON Pointer; `key` is the id or label the finding is about. Never throws except
/// std::bad_alloc. `options` as for reports (max_findings, include_info).
std::vector<finding> validate(const portal& p, const validate_options& options = {});

// ---- rendering (docs/render.md § Portal files)

/// The portal as HTML5: one <section> per part, one table per CSV table of `render_csv_tables`
/// with the Chinese labels of the members as headers, every text escaped, no link built from
/// data. `options.standalone` and `options.lang` as for reports; `options.findings`, when given,
/// are listed at the end with their code, JSON Pointer and message. Throws `error`
/// (errc::invalid_value) for a language other than "zh" or "en".
std::string render_html(const portal& p, const render_options& options = {});

/// One flat table of a portal: one row per element of a list of the model.
struct portal_table {
    std::string name;                            ///< "departments", "catalog_entries", …
    std::string part;                            ///< the member of `portal` it comes from ("catalogs")
    std::vector<std::string> columns;            ///< member paths ("published_at.date"); parents' keys first
    std::vector<std::vector<std::string>> rows;  ///< the values as text; "" for an absent value
};

/// The portal as flat tables, one per kind of row (see `render_csv_tables` for the list, the
/// columns and the text of values): what the CSV, the HTML tables and Python's `to_frame` show.
std::vector<portal_table> portal_tables(const portal& p);

/// The portal as CSV tables, one per kind of row (departments, duties, boundaries, supervision,
/// public_services, power_items, catalog_entries, catalog_sections, items, listing_entries), only
/// those with rows. Columns: the described member names (nested members joined with "."; lists
/// of objects as canonical JSON). Fields are quoted and neutralised like every CSV of xxgk.
std::vector<csv_table> render_csv_tables(const portal& p);

}  // namespace xxgk

#endif
