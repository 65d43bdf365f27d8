// xxgk::import_docx: the generated Word variants of tests/data/import/docx (make_docx_fixtures.py)
// compared cell by cell with the generator's reports; hand-written WordprocessingML for the reader's
// edge cases (merges, revisions, text boxes, alternate content, hidden text, headings, lists); and
// every error path (not a zip, no document.xml, a zip bomb, damaged XML, a DTD, encryption).
#include <catch2/catch.hpp>

#include <xxgk/error.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/render.hpp>

#include "../../src/import/document.hpp"

#include <array>
#include <chrono>
#include <fstream>
#include <sstream>

namespace {

using xxgk::import_detail::block;
using xxgk::import_detail::document;

std::string read_bytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE(f);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

const std::string docx_dir = std::string(XXGK_TEST_DATA) + "/import/docx/";

// ---- a minimal zip writer (stored entries), so that the edge cases are readable XML here ----

std::uint32_t crc32(std::string_view s) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(std::string& out, unsigned v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

/// A zip of stored entries; `encrypted` sets the traditional-encryption flag on every entry.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries, bool encrypted = false) {
    std::string out, central;
    for (const auto& [name, data] : entries) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(data);
        const unsigned flags = encrypted ? 1u : 0u;
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, flags);
        put16(out, 0);  // stored
        put16(out, 0);
        put16(out, 0);
        put32(out, crc);
        put32(out, static_cast<std::uint32_t>(data.size()));
        put32(out, static_cast<std::uint32_t>(data.size()));
        put16(out, static_cast<unsigned>(name.size()));
        put16(out, 0);
        out += name;
        out += data;
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, flags);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, crc);
        put32(central, static_cast<std::uint32_t>(data.size()));
        put32(central, static_cast<std::uint32_t>(data.size()));
        put16(central, static_cast<unsigned>(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    }
    const auto cd_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<unsigned>(entries.size()));
    put16(out, static_cast<unsigned>(entries.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, cd_offset);
    put16(out, 0);
    return out;
}

const char* const namespaces = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
                               R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
                               R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
                               R"(xmlns:v="urn:schemas-microsoft-com:vml")";

std::string document_xml(const std::string& body) {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") + "<w:document " + namespaces +
           "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

std::string make_docx(const std::string& body, const std::string& styles = {}, const std::string& numbering = {}) {
    std::vector<std::pair<std::string, std::string>> entries{{"[Content_Types].xml", "<Types/>"},
                                                             {"word/document.xml", document_xml(body)}};
    if (!styles.empty())
        entries.emplace_back("word/styles.xml", std::string("<w:styles ") + namespaces + ">" + styles + "</w:styles>");
    if (!numbering.empty())
        entries.emplace_back("word/numbering.xml",
                             std::string("<w:numbering ") + namespaces + ">" + numbering + "</w:numbering>");
    return make_zip(entries);
}

document read(const std::string& body, const std::string& styles = {}, const std::string& numbering = {}) {
    return xxgk::import_detail::read_docx(make_docx(body, styles, numbering), std::size_t{16} << 20);
}

std::vector<const block*> lines(const document& d) {
    std::vector<const block*> out;
    for (const block& b : d.blocks)
        if (b.type == block::kind::line) out.push_back(&b);
    return out;
}

std::vector<const block*> rows(const document& d) {
    std::vector<const block*> out;
    for (const block& b : d.blocks)
        if (b.type == block::kind::row) out.push_back(&b);
    return out;
}

bool logged(const document& d, const std::string& code) {
    for (const auto& e : d.log)
        if (e.code == code) return true;
    return false;
}

xxgk::errc thrown_by(const std::string& bytes, std::size_t limit = std::size_t{16} << 20,
                     std::string* message = nullptr) {
    try {
        xxgk::import_detail::read_docx(bytes, limit);
    } catch (const xxgk::error& e) {
        if (message) *message = e.what();
        return e.code();
    }
    FAIL("no error thrown");
    return xxgk::errc::invalid_json;
}

std::string p(const std::string& runs, const std::string& ppr = {}) { return "<w:p>" + ppr + runs + "</w:p>"; }
std::string r(const std::string& text, const std::string& rpr = {}) {
    return "<w:r>" + rpr + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string tc(const std::string& text, const std::string& tcpr = {}) {
    return "<w:tc>" + tcpr + p(r(text)) + "</w:tc>";
}

}  // namespace

// ---- the generated variants ----------------------------------------------------------------

TEST_CASE("import_docx: every generated variant imports every cell as the generator made it", "[docx][import]") {
    std::ifstream list(docx_dir + "variants.txt");
    REQUIRE(list);
    std::vector<std::string> names;
    for (std::string name; std::getline(list, name);)
        if (!name.empty()) names.push_back(name);
    REQUIRE(names.size() >= 20);
    for (const std::string& name : names) {
        DYNAMIC_SECTION(name) {
            const xxgk::report expected = xxgk::load_json(read_bytes(docx_dir + name + ".expected.json"));
            const xxgk::import_result got = xxgk::import_docx(read_bytes(docx_dir + name + ".docx"));
            INFO(xxgk::import_log_to_json(got.log));
            REQUIRE(got.value.format() == expected.format());
            CHECK(got.value.header.title == expected.header.title);
            CHECK(got.value.header.year == expected.header.year);
            // The narrative: section headings and subsection ordinals and titles (the ordinals are
            // typed, Word list numbers, or heading styles, depending on the variant).
            const auto same_sections = [](const auto& got_section, const auto& want_section) {
                REQUIRE(got_section.has_value() == want_section.has_value());
                if (!want_section) return;
                CHECK(got_section->heading == want_section->heading);
                REQUIRE(got_section->subsections.size() == want_section->subsections.size());
                for (std::size_t i = 0; i < want_section->subsections.size(); ++i) {
                    CHECK(got_section->subsections[i].ordinal == want_section->subsections[i].ordinal);
                    CHECK(got_section->subsections[i].title == want_section->subsections[i].title);
                    CHECK(got_section->subsections[i].paragraphs == want_section->subsections[i].paragraphs);
                }
                CHECK(got_section->paragraphs == want_section->paragraphs);
            };
            same_sections(got.value.overview, expected.overview);
            same_sections(got.value.problems, expected.problems);
            same_sections(got.value.other_matters, expected.other_matters);
            std::size_t wrong = 0, blanks = 0;
            for (const xxgk::cell_key& k : xxgk::cell_keys(expected.format())) {
                const xxgk::cell& want = xxgk::cell_at(expected, k.index);
                const xxgk::cell& have = xxgk::cell_at(got.value, k.index);
                INFO(k.key << ": raw \"" << (have.raw() ? *have.raw() : std::string("(none)")) << "\"");
                // Blank exactly where the document printed an empty cell, nowhere else — section
                // 四's value row printed with every box empty included.
                CHECK(have.state() == want.state());
                blanks += have.state() == xxgk::cell_state::blank;
                if (want.is_number()) {
                    CHECK(have.value() == want.value());
                    if (want.unit() != xxgk::money_unit::none) CHECK(have.unit() == want.unit());
                }
                wrong += (have.state() != want.state() && have.state() != xxgk::cell_state::not_captured) ||
                         (want.is_number() && !(have.value() == want.value()));
            }
            CHECK(wrong == 0);  // no value, and no blank, silently wrong
            // Every empty cell of these printed "-": no importer path may still say blank.
            if (name.rfind("dash-filled-", 0) == 0) CHECK(blanks == 0);
        }
    }
}

// ---- paragraphs ----------------------------------------------------------------------------

TEST_CASE("read_docx: paragraphs, runs, tabs, breaks, bold and paragraph numbers", "[docx]") {
    const document d = read(p(r("一、总体情况")) +
                            p(r("（一）主动公开", "<w:rPr><w:b/></w:rPr>") + r("情况。") +
                              "<w:r><w:tab/><w:t>尾</w:t><w:br/><w:t>第二行</w:t></w:r>") +
                            p(r("不粗", "<w:rPr><w:b w:val=\"0\"/></w:rPr>")));
    const auto ls = lines(d);
    REQUIRE(ls.size() == 4);
    CHECK(ls[0]->text == "一、总体情况");
    CHECK(ls[0]->where.line == 1u);
    CHECK(ls[1]->text == "（一）主动公开情况。\t尾");
    CHECK(ls[1]->marked == "**（一）主动公开**情况。\t尾");
    CHECK(ls[2]->text == "第二行");
    CHECK(ls[2]->where.line == 2u);  // a line break keeps the paragraph's number
    CHECK(ls[3]->marked == "不粗");
    CHECK(ls[3]->where.line == 3u);
    CHECK(logged(d, "XXGK-I-080"));
}

TEST_CASE("read_docx: headings from styles (names, ids, outline levels), lists", "[docx]") {
    const std::string styles =
        R"(<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="mine"><w:name w:val="My heading"/><w:basedOn w:val="1"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="lvl"><w:name w:val="Outline"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="strong"><w:name w:val="Strong para"/><w:rPr><w:b/></w:rPr></w:style>)";
    const document d = read(
        p(r("A"), R"(<w:pPr><w:pStyle w:val="1"/></w:pPr>)") + p(r("B"), R"(<w:pPr><w:pStyle w:val="a3"/></w:pPr>)") +
            p(r("C"), R"(<w:pPr><w:pStyle w:val="mine"/></w:pPr>)") +
            p(r("D"), R"(<w:pPr><w:pStyle w:val="lvl"/></w:pPr>)") +
            p(r("E"), R"(<w:pPr><w:outlineLvl w:val="3"/></w:pPr>)") +
            p(r("F"), R"(<w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr>)") +
            p(r("G"), R"(<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>)") +
            p(r("H"), R"(<w:pPr><w:pStyle w:val="strong"/></w:pPr>)"),
        styles);
    const auto ls = lines(d);
    REQUIRE(ls.size() == 8);
    CHECK(ls[0]->heading == 1);
    CHECK(ls[1]->heading == 2);
    CHECK(ls[2]->heading == 1);
    CHECK(ls[3]->heading == 3);
    CHECK(ls[4]->heading == 4);
    CHECK(ls[5]->heading == 0);
    CHECK(ls[6]->list_item);
    CHECK_FALSE(ls[5]->list_item);
    CHECK(ls[7]->marked == "**H**");  // bold from the paragraph's style
    CHECK_FALSE(logged(d, "XXGK-I-087"));
    // Without styles.xml: ids such as Heading2 still name headings, and the log says so.
    const document bare = read(p(r("X"), R"(<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>)"));
    REQUIRE(lines(bare).size() == 1);
    CHECK(lines(bare)[0]->heading == 2);
    CHECK(logged(bare, "XXGK-I-087"));
}

TEST_CASE("read_docx: automatic numbering is written as Word draws it", "[docx]") {
    const auto lvl = [](int i, const char* fmt, const char* text, const char* suff = "nothing") {
        return "<w:lvl w:ilvl=\"" + std::to_string(i) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt +
               "\"/><w:lvlText w:val=\"" + text + "\"/><w:suff w:val=\"" + suff + "\"/></w:lvl>";
    };
    const std::string numbering =
        "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "chineseCounting", "%1、") +
        lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.", "tab") + "</w:abstractNum>" +
        "<w:abstractNum w:abstractNumId=\"1\">" + lvl(0, "bullet", "\xEF\x82\xB7") + "</w:abstractNum>" +
        R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
        R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
        R"(<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>)";
    const auto numbered = [](const std::string& text, int num, int level, bool bold = false) {
        return p(r(text, bold ? "<w:rPr><w:b/></w:rPr>" : ""), "<w:pPr><w:numPr><w:ilvl w:val=\"" +
                                                                   std::to_string(level) + "\"/><w:numId w:val=\"" +
                                                                   std::to_string(num) + "\"/></w:numPr></w:pPr>");
    };
    const document d =
        read(numbered("总体情况", 1, 0) + numbered("主动公开", 1, 1, true) + numbered("规章", 1, 2) +
                 numbered("规范性文件", 1, 2) + numbered("依申请公开", 1, 1, true) + numbered("规章", 1, 2) +
                 numbered("主动公开政府信息情况", 1, 0) + numbered("要点", 2, 0) + numbered("第十一", 3, 0) +
                 "<w:tbl><w:tr><w:tc>" + numbered("属于国家秘密", 1, 2) + "</w:tc></w:tr></w:tbl>",
             {}, numbering);
    const auto ls = lines(d);
    REQUIRE(ls.size() == 9);
    CHECK(ls[0]->text == "一、总体情况");
    CHECK(ls[0]->list_item);
    CHECK(ls[1]->text == "（一）主动公开");
    CHECK(ls[1]->marked == "**（一）主动公开**");
    CHECK(ls[2]->text == "1. 规章");
    CHECK(ls[3]->text == "2. 规范性文件");
    CHECK(ls[4]->text == "（二）依申请公开");
    CHECK(ls[5]->text == "1. 规章");  // a deeper level restarts under a new parent
    CHECK(ls[6]->text == "二、主动公开政府信息情况");
    CHECK(ls[7]->text == "要点");          // bullets are not text
    CHECK(ls[8]->text == "十一、第十一");  // startOverride restarts the shared counter at 11
    REQUIRE(rows(d).size() == 1);
    CHECK(rows(d)[0]->cells[0].text == "1. 属于国家秘密");
    CHECK(logged(d, "XXGK-I-088"));
    // A damaged numbering part: logged, the text still read.
    const document damaged =
        xxgk::import_detail::read_docx(make_zip({{"word/document.xml", document_xml(numbered("总体情况", 1, 0))},
                                                 {"word/numbering.xml", "<w:numbering"}}),
                                       std::size_t{1} << 20);
    REQUIRE(lines(damaged).size() == 1);
    CHECK(lines(damaged)[0]->text == "总体情况");
    CHECK(logged(damaged, "XXGK-I-089"));
}

TEST_CASE("read_docx: revisions, hidden text, fields, content controls, alternate content, text boxes", "[docx]") {
    const std::string textbox_choice =
        R"(<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>)" + p(r("框内")) +
        R"(</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>)" +
        p(r("框内")) + R"(</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>)";
    const document d = read(
        p(r("保留") + "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins>" + r("插入") + "</w:ins>" +
          r("隐藏", "<w:rPr><w:vanish/></w:rPr>") +
          R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>)"
          R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r>)" +
          r("3") + R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)" + "<w:hyperlink>" + r("链接") + "</w:hyperlink>") +
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p(r("控件")) + "</w:sdtContent></w:sdt>" + p(r("锚") + textbox_choice) +
        "<mc:AlternateContent><mc:Choice Requires=\"w14\">" + p(r("新")) + "</mc:Choice><mc:Fallback>" + p(r("旧")) +
        "</mc:Fallback></mc:AlternateContent>" + "<w:del>" + p(r("整段删除")) + "</w:del>");
    const auto ls = lines(d);
    REQUIRE(ls.size() == 5);
    CHECK(ls[0]->text == "保留插入3链接");
    CHECK(ls[1]->text == "控件");
    CHECK(ls[2]->text == "锚");
    CHECK(ls[3]->text == "框内");  // once: the Choice, not the Fallback too
    CHECK(ls[4]->text == "新");
    CHECK(logged(d, "XXGK-I-081"));
    CHECK(logged(d, "XXGK-I-082"));
    CHECK(logged(d, "XXGK-I-083"));
}

// ---- tables --------------------------------------------------------------------------------

TEST_CASE("read_docx: tables as grids — gridSpan, vMerge, gridBefore/After, empty cells, cell paragraphs", "[docx]") {
    const std::string grid = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>";
    const std::string tbl =
        "<w:tbl>" + grid + "<w:tr>" + tc("合并", R"(<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>)") +
        tc("横跨", R"(<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>)") + tc("") + "</w:tr>" + "<w:tr>" +
        tc("", R"(<w:tcPr><w:vMerge/></w:tcPr>)") + tc("1") + "<w:tc>" + p(r("上")) + p(r("下")) + "</w:tc>" + tc("3") +
        "</w:tr>" + R"(<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>)" + tc("x") + tc("y") +
        "</w:tr>" + "</w:tbl>";
    const document d = read(p(r("前")) + tbl);
    const auto rs = rows(d);
    REQUIRE(rs.size() == 3);
    REQUIRE(rs[0]->cells.size() == 4);
    CHECK(rs[0]->cells[0].text == "合并");
    CHECK_FALSE(rs[0]->cells[0].span_copy);
    CHECK(rs[0]->cells[1].text == "横跨");
    CHECK(rs[0]->cells[2].text == "横跨");
    CHECK(rs[0]->cells[2].span_copy);
    CHECK(rs[0]->cells[3].present);
    CHECK(rs[0]->cells[3].text.empty());  // an empty w:tc: an empty cell, later blank
    CHECK(rs[0]->cells[3].where->cell == 3u);
    CHECK(rs[1]->cells[0].text == "合并");
    CHECK(rs[1]->cells[0].span_copy);  // a vMerge continuation copies the cell above
    CHECK(rs[1]->cells[2].text == "上 下");
    CHECK(rs[1]->cells[3].where->table == 0u);
    CHECK(rs[1]->cells[3].where->row == 1u);
    CHECK(rs[1]->cells[3].where->cell == 3u);
    CHECK_FALSE(rs[2]->cells[0].present);
    CHECK(rs[2]->cells[1].text == "x");
    CHECK(rs[2]->cells[2].text == "y");
    CHECK_FALSE(rs[2]->cells[3].present);
    CHECK(rs[0]->text == "合并\t横跨");
}

TEST_CASE("read_docx: rows and cells in content controls, deleted rows, legacy hMerge", "[docx]") {
    const std::string tbl = "<w:tbl><w:tr>" + tc("甲") + "<w:sdt><w:sdtContent>" + tc("乙") +
                            "</w:sdtContent></w:sdt></w:tr>" +
                            R"(<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>)" + tc("删") + tc("删") +
                            "</w:tr>" + "<w:sdt><w:sdtContent><w:tr>" + tc("丙") +
                            tc("", R"(<w:tcPr><w:hMerge/></w:tcPr>)") + "</w:tr></w:sdtContent></w:sdt></w:tbl>";
    const document d = read(tbl);
    const auto rs = rows(d);
    REQUIRE(rs.size() == 2);
    CHECK(rs[0]->cells[1].text == "乙");
    CHECK(rs[1]->where.row == 1u);  // the deleted row is not counted
    CHECK(rs[1]->cells[0].text == "丙");
    CHECK(rs[1]->cells[1].text == "丙");
    CHECK(rs[1]->cells[1].span_copy);
    CHECK(logged(d, "XXGK-I-081"));
}

TEST_CASE("read_docx: broken merges are repaired and logged; continuation text is never lost silently", "[docx]") {
    const std::string tbl = "<w:tbl><w:tr>" + tc("孤", R"(<w:tcPr><w:vMerge/></w:tcPr>)") +
                            tc("宽", R"(<w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>)") + "</w:tr><w:tr>" +
                            tc("A", R"(<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>)") + "</w:tr><w:tr>" +
                            tc("藏", R"(<w:tcPr><w:vMerge/></w:tcPr>)") + "</w:tr></w:tbl>";
    const document d = read(tbl);
    const auto rs = rows(d);
    REQUIRE(rs.size() == 3);
    CHECK(rs[0]->cells[0].text == "孤");
    CHECK_FALSE(rs[0]->cells[0].span_copy);
    CHECK(rs[0]->cells.size() == 64u);
    CHECK(rs[2]->cells[0].text == "A");
    CHECK(rs[2]->cells[0].span_copy);
    CHECK(logged(d, "XXGK-I-085"));
    CHECK(logged(d, "XXGK-I-086"));
}

TEST_CASE("read_docx: a table holding a table is layout; tables are numbered in document order", "[docx]") {
    const std::string inner = "<w:tbl><w:tr>" + tc("内1") + tc("内2") + "</w:tr></w:tbl>";
    const std::string outer = "<w:tbl><w:tr><w:tc>" + p(r("外段")) + inner + "</w:tc></w:tr></w:tbl>";
    const std::string after = "<w:tbl><w:tr>" + tc("后") + "</w:tr></w:tbl>";
    const document d = read(outer + after);
    const auto ls = lines(d);
    REQUIRE(ls.size() == 1);
    CHECK(ls[0]->text == "外段");
    const auto rs = rows(d);
    REQUIRE(rs.size() == 2);
    CHECK(rs[0]->where.table == 1u);
    CHECK(rs[0]->cells[1].text == "内2");
    CHECK(rs[1]->where.table == 2u);
    CHECK(logged(d, "XXGK-I-084"));
}

// ---- errors --------------------------------------------------------------------------------

TEST_CASE("read_docx: every bad input is a clear error, never a crash", "[docx]") {
    std::string message;
    SECTION("not a zip") {
        CHECK(thrown_by("just text, not a zip", std::size_t{1} << 20, &message) == xxgk::errc::invalid_value);
        CHECK(message.find("zip") != std::string::npos);
        CHECK(thrown_by("") == xxgk::errc::invalid_value);  // libzip would open it as an empty archive
    }
    SECTION("a zip without word/document.xml") {
        CHECK(thrown_by(make_zip({{"xl/workbook.xml", "<x/>"}}), std::size_t{1} << 20, &message) ==
              xxgk::errc::unsupported_kind);
        CHECK(message.find("word/document.xml") != std::string::npos);
    }
    SECTION("damaged XML names the entry and the line") {
        const std::string bad =
            make_zip({{"word/document.xml", "<?xml version=\"1.0\"?>\n<w:document " + std::string(namespaces) +
                                                ">\n<w:body><w:p></w:body>"}});
        CHECK(thrown_by(bad, std::size_t{1} << 20, &message) == xxgk::errc::invalid_value);
        CHECK(message.find("word/document.xml") != std::string::npos);
        CHECK(message.find("line 3") != std::string::npos);
    }
    SECTION("no w:body") {
        CHECK(thrown_by(make_zip({{"word/document.xml", "<root/>"}})) == xxgk::errc::invalid_value);
    }
    SECTION("a DTD is refused before any entity is read (XXE, billion laughs)") {
        const std::string xxe =
            "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            "<w:document " +
            std::string(namespaces) + "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        CHECK(thrown_by(make_zip({{"word/document.xml", xxe}}), std::size_t{1} << 20, &message) ==
              xxgk::errc::invalid_value);
        CHECK(message.find("DTD") != std::string::npos);
    }
    SECTION("an encrypted zip entry") {
        CHECK(thrown_by(make_zip({{"word/document.xml", document_xml(p(r("x")))}}, true)) == xxgk::errc::encrypted);
    }
    SECTION("an encrypted Office package (OLE2 with EncryptedPackage) and a legacy .doc") {
        std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
        ole += std::string(504, '\0');
        std::string name;
        for (char c : std::string("EncryptedPackage")) name += std::string(1, c) + '\0';
        CHECK(thrown_by(ole + name) == xxgk::errc::encrypted);
        CHECK(thrown_by(ole, std::size_t{1} << 20, &message) == xxgk::errc::unsupported_kind);
        CHECK(message.find("soffice --headless --convert-to docx") != std::string::npos);
    }
    SECTION("unpacking beyond the limit") {
        const std::string big = make_docx(p(r(std::string(5000, 'x'))));
        CHECK(thrown_by(big, 4000, &message) == xxgk::errc::limit_exceeded);
        CHECK(message.find("word/document.xml") != std::string::npos);
        // The committed zip bomb: 20 MiB of XML in a few kilobytes.
        const std::string bomb = read_bytes(std::string(XXGK_TEST_DATA) + "/hostile/docx/zip-bomb.docx");
        CHECK(bomb.size() < 100000);
        CHECK(thrown_by(bomb) == xxgk::errc::limit_exceeded);
        xxgk::import_options o;
        CHECK_THROWS_AS(xxgk::import_docx(bomb, o), xxgk::error);
    }
    SECTION("a damaged entry (bad CRC)") {
        std::string z = make_docx(p(r("正文内容")));
        const std::size_t at = z.find("正文内容");
        REQUIRE(at != std::string::npos);
        z[at] = 'X';
        CHECK(thrown_by(z, std::size_t{1} << 20, &message) == xxgk::errc::invalid_value);
        CHECK(message.find("word/document.xml") != std::string::npos);
    }
}

// ---- the cost, once -------------------------------------------------------------------------

TEST_CASE("import_docx: time of one import against import_text of the same report", "[docx][.timing]") {
    const std::string bytes = read_bytes(docx_dir + "heading-styles-2021.docx");
    // The same report as Markdown text (render_markdown), the text importer's input.
    const std::string text =
        xxgk::render_markdown(xxgk::load_json(read_bytes(docx_dir + "heading-styles-2021.expected.json")));
    const auto time = [](const auto& f) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < 50; ++i) f();
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 50;
    };
    const double docx_ms = time([&] { (void)xxgk::import_docx(bytes); });
    const double text_ms = time([&] { (void)xxgk::import_text(text); });
    WARN("import_docx " << docx_ms << " ms, import_text " << text_ms << " ms, ratio " << docx_ms / text_ms);
}

TEST_CASE("import_docx: provenance is table, row and grid column; a blank cell keeps where it was seen",
          "[docx][import]") {
    const xxgk::import_result r = xxgk::import_docx(read_bytes(docx_dir + "blanks-2019.docx"));
    // 三's table is the document's second; 予以公开 is its sixth row (three header rows, 一, 二);
    // the applicant columns start at grid column 3 (the label spans three columns).
    const xxgk::cell& granted = xxgk::cell_at(r.value, "requests.granted.natural_person");
    REQUIRE(granted.source());
    CHECK(granted.source()->table == 1u);
    CHECK(granted.source()->row == 5u);
    CHECK(granted.source()->cell == 3u);
    const xxgk::cell& blank = xxgk::cell_at(r.value, "requests.withheld_state_secret.enterprise");
    CHECK(blank.state() == xxgk::cell_state::blank);
    REQUIRE(blank.source());
    CHECK(blank.source()->table == 1u);
    CHECK(blank.source()->row == 7u);
    CHECK(blank.source()->cell == 4u);
}
