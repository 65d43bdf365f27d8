// The vocabularies of portal data (spec/portal.md): the 26 domains and their aliases, power
// types, channels, interpretation forms; the parses of 索引号 and printed dates; coverage.
#include "xxgk/portal.hpp"

#include "../json_codec.hpp"

#include <algorithm>
#include <cctype>

namespace xxgk {
namespace {

// ---- UTF-8 helpers for label matching

std::string_view trim(std::string_view s) noexcept {
    // ASCII spaces and the ideographic space U+3000 (E3 80 80).
    while (true) {
        if (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
            s.remove_prefix(1);
        else if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80")
            s.remove_prefix(3);
        else
            break;
    }
    while (true) {
        if (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
            s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80")
            s.remove_suffix(3);
        else
            break;
    }
    return s;
}

/// The code points of a UTF-8 string, each as its byte sequence (invalid bytes count alone).
std::vector<std::string_view> characters(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        n = std::min(n, s.size() - i);
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

/// Character bigrams (a one-character string: its one character).
std::vector<std::string> bigrams(std::string_view s) {
    const std::vector<std::string_view> cs = characters(s);
    std::vector<std::string> out;
    if (cs.size() == 1) out.emplace_back(cs[0]);
    for (std::size_t i = 0; i + 1 < cs.size(); ++i) out.push_back(std::string(cs[i]) + std::string(cs[i + 1]));
    std::sort(out.begin(), out.end());
    return out;
}

/// Dice coefficient of the bigram multisets: 2|A∩B| / (|A|+|B|), in [0, 1].
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j])
            ++common, ++i, ++j;
        else if (a[i] < b[j])
            ++i;
        else
            ++j;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool all_digits(std::string_view s) noexcept {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) noexcept {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// ---- tables

struct domain_row {
    disclosure_domain domain;
    std::string_view label;
};
constexpr domain_row domain_labels[] = {
    {disclosure_domain::urban_rural_planning, "城乡规划"},
    {disclosure_domain::major_construction_projects, "重大建设项目"},
    {disclosure_domain::public_resource_trading, "公共资源交易"},
    {disclosure_domain::fiscal_budgets_accounts, "财政预决算"},
    {disclosure_domain::work_safety, "安全生产"},
    {disclosure_domain::tax_administration, "税收管理"},
    {disclosure_domain::rural_collective_land_expropriation, "农村集体土地征收"},
    {disclosure_domain::state_land_housing_expropriation, "国有土地上房屋征收与补偿"},
    {disclosure_domain::affordable_housing, "保障性住房"},
    {disclosure_domain::rural_dilapidated_housing, "农村危房改造"},
    {disclosure_domain::ecology_environment, "生态环境"},
    {disclosure_domain::public_cultural_services, "公共文化服务"},
    {disclosure_domain::public_legal_services, "公共法律服务"},
    {disclosure_domain::poverty_alleviation, "扶贫"},
    {disclosure_domain::disaster_relief, "救灾"},
    {disclosure_domain::food_drug_supervision, "食品药品监管"},
    {disclosure_domain::urban_comprehensive_enforcement, "城市综合执法"},
    {disclosure_domain::employment, "就业"},
    {disclosure_domain::social_insurance, "社会保险"},
    {disclosure_domain::social_assistance, "社会救助"},
    {disclosure_domain::elderly_care_services, "养老服务"},
    {disclosure_domain::household_registration, "户籍管理"},
    {disclosure_domain::agricultural_subsidies, "涉农补贴"},
    {disclosure_domain::compulsory_education, "义务教育"},
    {disclosure_domain::health, "卫生健康"},
    {disclosure_domain::municipal_services, "市政服务"},
};
static_assert(std::size(domain_labels) == domain_count);

struct power_row {
    power_type type;
    std::string_view label;
};
constexpr power_row power_labels[] = {
    {power_type::other, "其他行政权力"},
    {power_type::licensing, "行政许可"},
    {power_type::penalty, "行政处罚"},
    {power_type::compulsory_measure, "行政强制"},
    {power_type::levy, "行政征收"},
    {power_type::benefit_payment, "行政给付"},
    {power_type::inspection, "行政检查"},
    {power_type::confirmation, "行政确认"},
    {power_type::reward, "行政奖励"},
    {power_type::adjudication, "行政裁决"},
    {power_type::non_licensing_approval, "非行政许可审批"},
    {power_type::approval, "行政审批"},
    {power_type::supervision, "行政监督"},
};

struct channel_row {
    std::string_view label;
    channel_kind kind;
};
constexpr channel_row channel_labels[] = {
    {"政府网站", channel_kind::government_website},
    {"两微一端", channel_kind::weibo_wechat_app},
    {"广播电视", channel_kind::radio_tv},
    {"公开查阅点", channel_kind::public_reading_point},
    {"便民服务站", channel_kind::convenience_service_station},
    {"政府公报", channel_kind::government_gazette},
    {"发布会/听证会", channel_kind::press_conference_hearing},
    {"纸质媒体", channel_kind::print_media},
    {"政务服务中心", channel_kind::government_service_center},
    {"入户/现场", channel_kind::door_to_door_onsite},
    {"社区/企事业单位/村公示栏(电子屏)", channel_kind::bulletin_board},
    {"社区/企事业单位/村公示栏（电子屏）", channel_kind::bulletin_board},
    {"精准推送", channel_kind::targeted_push},
    {"其他", channel_kind::other},
    // Free values whose mapping is unambiguous (spec/portal.md §2.6).
    {"村（居）公示栏", channel_kind::bulletin_board},
    {"村(居)公示栏", channel_kind::bulletin_board},
    {"村公示栏", channel_kind::bulletin_board},
};

struct form_row {
    std::string_view label;
    interpretation_form form;
};
constexpr form_row form_labels[] = {
    {"文字解读", interpretation_form::text},         {"图文解读", interpretation_form::graphic},
    {"图表图解", interpretation_form::graphic},      {"政策问答", interpretation_form::qa},
    {"简明问答", interpretation_form::qa},           {"音频视频", interpretation_form::audio_video},
    {"图片新闻", interpretation_form::picture_news}, {"在线访谈", interpretation_form::interview},
};

}  // namespace

// ---- domains

std::string_view domain_label(disclosure_domain d) noexcept {
    const auto i = static_cast<std::size_t>(d);
    return i < domain_count ? domain_labels[i].label : std::string_view();
}

const std::vector<domain_alias>& domain_aliases() noexcept {
    // spec/portal.md §2.2, "seed label" and "other labels seen" columns.
    static const std::vector<domain_alias> aliases = {
        {"国土空间规划", disclosure_domain::urban_rural_planning, true},
        {"重大项目建设", disclosure_domain::major_construction_projects, false},
        {"财政预算决算", disclosure_domain::fiscal_budgets_accounts, false},
        {"征地补偿", disclosure_domain::rural_collective_land_expropriation, false},
        {"国有土地房屋征收与补偿", disclosure_domain::state_land_housing_expropriation, false},
        {"国有土地上房屋征收", disclosure_domain::state_land_housing_expropriation, false},
        {"环境保护", disclosure_domain::ecology_environment, false},
        {"自然资源", disclosure_domain::ecology_environment, true},
        {"乡村振兴", disclosure_domain::poverty_alleviation, false},
        {"救灾生产", disclosure_domain::disaster_relief, false},
        {"综合执法", disclosure_domain::urban_comprehensive_enforcement, false},
        {"就业创业", disclosure_domain::employment, false},
        {"医疗卫生", disclosure_domain::health, false},
    };
    return aliases;
}

domain_resolution resolve_domain(std::string_view label) {
    const std::string_view l = trim(label);
    domain_resolution r;
    auto exact = [](std::string_view s) -> std::optional<disclosure_domain> {
        for (const domain_row& d : domain_labels)
            if (d.label == s) return d.domain;
        return std::nullopt;
    };
    auto alias = [](std::string_view s) -> const domain_alias* {
        for (const domain_alias& a : domain_aliases())
            if (a.label == s) return &a;
        return nullptr;
    };
    if (auto d = exact(l)) {
        r.domain = d;
        r.match = domain_match::exact;
        return r;
    }
    constexpr std::string_view suffix = "领域";
    const std::string_view stem = ends_with(l, suffix) ? l.substr(0, l.size() - suffix.size()) : std::string_view();
    if (!stem.empty()) {
        if (auto d = exact(stem)) {
            r.domain = d;
            r.match = domain_match::suffix_removed;
            return r;
        }
    }
    for (std::string_view s : {l, stem}) {
        if (s.empty()) continue;
        if (const domain_alias* a = alias(s)) {
            r.domain = a->domain;
            r.match = a->low_confidence ? domain_match::low_confidence : domain_match::alias;
            return r;
        }
    }
    // Unresolved: the closest label or alias by bigram overlap (the stem, when there is one).
    const std::vector<std::string> probe = bigrams(stem.empty() ? l : stem);
    auto consider = [&](std::string_view candidate, disclosure_domain d) {
        const double s = dice(probe, bigrams(candidate));
        if (s > r.similarity) {
            r.similarity = s;
            r.closest = d;
        }
    };
    for (const domain_row& d : domain_labels) consider(d.label, d.domain);
    for (const domain_alias& a : domain_aliases()) consider(a.label, a.domain);
    return r;
}

std::array<domain_coverage, domain_count> coverage(const catalog& c) {
    std::array<domain_coverage, domain_count> out;
    out.fill(domain_coverage::silent);
    if (c.not_applicable)
        for (disclosure_domain d : c.not_applicable->domains)
            if (static_cast<std::size_t>(d) < domain_count)
                out[static_cast<std::size_t>(d)] = domain_coverage::not_applicable;
    for (const catalog_section& s : c.sections)
        if (s.domain && static_cast<std::size_t>(*s.domain) < domain_count)
            out[static_cast<std::size_t>(*s.domain)] = domain_coverage::covered;
    return out;
}

// ---- power types, channels, forms

std::string_view power_type_label(power_type t) noexcept {
    for (const power_row& p : power_labels)
        if (p.type == t) return p.label;
    return {};
}

std::optional<power_type> parse_power_type(std::string_view label) noexcept {
    const std::string_view l = trim(label);
    for (const power_row& p : power_labels)
        if (p.label == l) return p.type;
    return std::nullopt;
}

channel parse_channel(std::string_view text) {
    channel c;
    c.raw = std::string(text);
    const std::string_view t = trim(text);
    for (const channel_row& row : channel_labels)
        if (row.label == t) {
            c.kind = row.kind;
            break;
        }
    return c;
}

interpretation_form parse_interpretation_form(std::string_view label) noexcept {
    const std::string_view l = trim(label);
    for (const form_row& f : form_labels)
        if (f.label == l) return f.form;
    return interpretation_form::other;
}

// ---- 索引号

index_number_parts parse_index_number(std::string_view text) {
    index_number_parts p;
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return p;  // failed: no front/back
    p.front = std::string(text.substr(0, slash));
    const std::string_view front = text.substr(0, slash);
    const bool alnum = std::all_of(front.begin(), front.end(),
                                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
    if (front.empty())
        p.front_kind = index_front_kind::empty;
    else if (front.find('-') != std::string_view::npos)
        p.front_kind = index_front_kind::hyphenated_code;
    else if (alnum && front.size() == 9)
        p.front_kind = index_front_kind::organization_code;
    else if (alnum && front.size() == 18)
        p.front_kind = index_front_kind::credit_code;
    else
        p.front_kind = index_front_kind::other;

    const std::string_view back = text.substr(slash + 1);
    const std::size_t dash = back.find('-');
    if (dash == std::string_view::npos) return p;
    const std::string_view date = back.substr(0, dash);
    const std::string_view serial = back.substr(dash + 1);
    if (!all_digits(date) || (date.size() != 4 && date.size() != 6)) return p;
    p.year = to_int(date.substr(0, 4));
    if (date.size() == 6) {
        const int month = to_int(date.substr(4));
        if (month < 1 || month > 12) return p;
        p.month = month;
    }
    p.serial = std::string(serial);
    if (!all_digits(serial)) return p;  // "/2021-None": broken generator output
    const bool national =
        (p.front_kind == index_front_kind::organization_code || p.front_kind == index_front_kind::credit_code) &&
        !p.month && serial.size() == 5;
    p.status = national ? index_parse_status::full : index_parse_status::partial;
    return p;
}

// ---- printed dates

std::optional<portal_time> parse_portal_time(std::string_view text) {
    const std::string_view t = trim(text);
    portal_time out;
    out.raw = std::string(text);
    std::string_view rest;
    // "YYYY年M月D日"
    const std::size_t nian = t.find("年");
    if (nian != std::string_view::npos) {
        const std::size_t yue = t.find("月", nian);
        const std::size_t ri = yue == std::string_view::npos ? yue : t.find("日", yue);
        if (ri == std::string_view::npos) return std::nullopt;
        const std::string_view y = t.substr(0, nian), m = t.substr(nian + 3, yue - nian - 3),
                               d = t.substr(yue + 3, ri - yue - 3);
        if (!all_digits(y) || y.size() != 4 || !all_digits(m) || m.size() > 2 || !all_digits(d) || d.size() > 2)
            return std::nullopt;
        calendar_date cd{to_int(y), to_int(m), to_int(d)};
        if (!cd.is_valid()) return std::nullopt;
        out.date = cd;
        rest = trim(t.substr(ri + 3));
    } else {
        if (t.size() < 10) return std::nullopt;
        auto d = calendar_date::parse(t.substr(0, 10));
        if (!d) return std::nullopt;
        out.date = d;
        rest = trim(t.substr(10));
    }
    if (rest.empty()) return out;
    // "HH:MM" or "HH:MM:SS"
    if (!(rest.size() == 5 || rest.size() == 8)) return std::nullopt;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const bool colon = i == 2 || i == 5;
        if (colon ? rest[i] != ':' : !(rest[i] >= '0' && rest[i] <= '9')) return std::nullopt;
    }
    if (to_int(rest.substr(0, 2)) > 23 || to_int(rest.substr(3, 2)) > 59 ||
        (rest.size() == 8 && to_int(rest.substr(6, 2)) > 59))
        return std::nullopt;
    out.time = std::string(rest);
    return out;
}

// ---- equality: the canonical JSON is lossless, so equal JSON means equal portals.

bool operator==(const portal& a, const portal& b) {
    return a.unknown_members == b.unknown_members && to_json(a) == to_json(b);
}

}  // namespace xxgk
