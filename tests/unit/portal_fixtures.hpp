// Shared by the portal_*_test.cpp files: a small portal that draws no finding, and the example.
#ifndef XXGK_TESTS_PORTAL_FIXTURES_HPP
#define XXGK_TESTS_PORTAL_FIXTURES_HPP

#include <xxgk/portal.hpp>

#include <fstream>
#include <iterator>
#include <string>

namespace portal_fixtures {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string example_path() { return std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-portal.json"; }

inline xxgk::portal example() { return xxgk::load_portal_json_file(example_path()); }

inline xxgk::portal_time day(const char* text) { return *xxgk::parse_portal_time(text); }

inline xxgk::catalog_entry complete_entry(std::string seq, std::string level1, std::string level2) {
    xxgk::catalog_entry e;
    e.seq = std::move(seq);
    e.item_level1 = std::move(level1);
    e.item_level2 = std::move(level2);
    e.content_elements = "1.事项名称； 2.审批结果";
    e.basis = "《中华人民共和国政府信息公开条例》";
    e.publisher = "金乡镇人民政府";
    xxgk::disclosure_phase ph;
    ph.time_limit = "信息形成或变更之日起20个工作日内";
    ph.channels = {xxgk::parse_channel("政府网站"), xxgk::parse_channel("村（居）公示栏")};
    ph.audiences = {{xxgk::audience_kind::general_public, std::nullopt}};
    ph.modes = {xxgk::disclosure_mode::proactive};
    e.phases = {ph};
    e.levels = {xxgk::admin_level::township};
    return e;
}

/// A portal with every part filled and no finding.
inline xxgk::portal base() {
    using namespace xxgk;
    portal p;
    p.name = "测试县门户";
    p.departments = {{"d1", "县府办", std::nullopt, std::string("https://example.org/d1"), 1u},
                     {"d2", "县民政局", std::nullopt, std::string("https://example.org/d2"), 2u}};
    responsibility_list rl;
    rl.department = "d1";
    rl.duties = {{std::string("部门年度重点工作目标(2017)"),
                  2017,
                  "指导全县政府系统公文处理工作",
                  {"公文审核"},
                  capture_state::captured}};
    rl.boundaries = {{"信访事项", {"县信访局"}, {{"县信访局", "受理"}, {"县府办", "督办"}}, std::string("某案例")}};
    rl.supervision = {{"公文督查制度", std::string("定期督查")}};
    rl.public_services = {{"政府信息公开申请受理", std::string("受理申请"), std::string("《条例》")}};
    p.responsibility_lists = {rl};
    power_item pi;
    pi.name = "某事项许可";
    pi.type = power_type::licensing;
    pi.type_label = "行政许可";
    pi.code = "330327-XK-001";
    pi.referral = false;
    pi.responsibilities = {{"受理责任", "依法受理"}, {"审查责任", "审查材料"}};
    p.power_lists = {{"d1", {pi}}};

    catalog county;
    county.id = "county";
    county.owner = "县本级";
    county.level = admin_level::county;
    county.title = "县本级26个领域政务公开事项标准目录";
    for (std::size_t d = 0; d < domain_count; ++d) {
        catalog_section s;
        s.domain = static_cast<disclosure_domain>(d);
        s.label = std::string(domain_label(*s.domain));
        s.entries_state = capture_state::not_captured;
        county.sections.push_back(s);
    }
    catalog town;
    town.id = "town";
    town.owner = "金乡镇";
    town.level = admin_level::township;
    catalog_section planning;
    planning.label = "城乡规划";
    planning.domain = disclosure_domain::urban_rural_planning;
    planning.entries = {complete_entry("1", "城乡规划", "乡村建设规划许可证核发")};
    town.sections = {planning};
    not_applicable_note note;
    note.text = "（十四）未涉及领域事项说明";
    for (std::size_t d = 1; d < domain_count; ++d) note.domains.push_back(static_cast<disclosure_domain>(d));
    town.not_applicable = note;
    p.catalogs = {county, town};

    published_item doc;
    doc.id = "i1";
    doc.index_number = "000014349/2018-00222";
    doc.title = "关于印发某某实施办法的通知";
    doc.publisher = "县府办";
    doc.disclosure_mode = disclosure_mode::proactive;
    doc.written_date = day("2021-09-26");
    doc.published_at = day("2021-09-29 10:00:00");
    doc.document_number = "苍政办发〔2021〕1号";
    doc.validity = "有效";
    doc.classifications = {{std::string("主题分类"), "卫生、体育\\医药管理"}};
    published_item reading;
    reading.id = "i2";
    reading.index_number = "000014349/2018-00223";
    reading.title = "一图读懂某某实施办法";
    reading.published_at = day("2021年9月29日");
    interpretation in;
    in.form = interpretation_form::graphic;
    in.form_label = "图表图解";
    in.explains = {"i1"};
    in.interpreter = "主要负责人";
    reading.interpretation = in;
    p.items = {doc, reading};
    listing l;
    l.heading = "政策及解读";
    l.entries = {{"关于印发某某实施...", calendar_date{2021, 9, 29}, std::string("i1"), std::nullopt}};
    l.has_more = true;
    p.listings = {l};
    return p;
}

}  // namespace portal_fixtures

#endif
