// The canonical JSON codec: round trips, canonical output, lax and strict decoding, and the
// exact problem (code, JSON Pointer, line/column) for each malformed input in tests/data/json/invalid/.
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using xxgk::errc;
using xxgk::format_version;

namespace {

namespace fs = std::filesystem;

const std::string data_dir = std::string(XXGK_TEST_DATA) + "/json";

std::string slurp(const std::string& path) { return xxgk::read_file(path); }

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string describe(const std::vector<xxgk::problem>& problems) {
    std::ostringstream s;
    for (const auto& p : problems) {
        s << xxgk::to_string(p.code) << " '" << p.pointer << "' " << p.message;
        if (p.line) s << " (line " << *p.line << ", column " << *p.column << ", offset " << *p.offset << ")";
        s << "\n";
    }
    return s.str();
}

xxgk::decode_options lax() {
    xxgk::decode_options o;
    o.strict = false;
    return o;
}

bool is_lax_fixture(const std::string& path) { return fs::path(path).filename().string().rfind("lax-", 0) == 0; }

xxgk::report decode_ok(const std::string& text, const xxgk::decode_options& options = {}) {
    xxgk::decode_result r = xxgk::decode_json(text, options);
    INFO(describe(r.problems));
    REQUIRE(r.ok());
    REQUIRE(r.value.has_value());
    return std::move(*r.value);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// One expected problem. Line, column and offset are checked when given, and must be absent otherwise.
struct expected_problem {
    errc code;
    std::string pointer;
    std::optional<std::size_t> line = std::nullopt;
    std::optional<std::size_t> column = std::nullopt;
    std::optional<std::size_t> offset = std::nullopt;
};

void check_problems(const std::string& text, const xxgk::decode_result& result,
                    const std::vector<expected_problem>& expected) {
    INFO("problems reported:\n" << describe(result.problems));
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.value.has_value());
    REQUIRE(result.problems.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const xxgk::problem& p = result.problems[i];
        const expected_problem& e = expected[i];
        INFO("problem #" << i);
        CHECK(xxgk::to_string(p.code) == std::string(xxgk::to_string(e.code)));
        CHECK(p.pointer == e.pointer);
        CHECK_FALSE(p.message.empty());
        CHECK(p.line == e.line);
        CHECK(p.column == e.column);
        CHECK(p.offset == e.offset);
        if (p.code == errc::invalid_json || p.code == errc::limit_exceeded) {
            if (p.line)
                CHECK(contains(p.message,
                               "at line " + std::to_string(*p.line) + ", column " + std::to_string(*p.column)));
        }
        if (p.code == errc::duplicate_member && p.offset) {
            // The offset is that of the repeated name's opening quote.
            REQUIRE(*p.offset < text.size());
            CHECK(text[*p.offset] == '"');
        }
    }
}

xxgk::money_unit money_unit_for(xxgk::value_kind kind) {
    return kind == xxgk::value_kind::amount ? xxgk::money_unit::yuan : xxgk::money_unit::none;
}

/// Every form of every cell, spread over the keys, plus the optional parts of the model.
xxgk::report full_report(format_version format) {
    xxgk::report r = xxgk::report::make(format);
    r.header.body = "全要素测试机关";
    r.header.scope = xxgk::report_scope::own;
    r.header.level = xxgk::admin_level::township;
    r.header.region_code = "110101";
    r.header.year = format == format_version::v2019 ? 2019 : 2023;
    r.header.statistics_period = xxgk::date_period{{r.header.year, 1, 1}, {r.header.year, 12, 31}};
    r.header.publication_date = xxgk::calendar_date{r.header.year + 1, 1, 31};
    r.header.contact =
        xxgk::contact_block{std::nullopt, std::string("100000"), std::nullopt, std::nullopt, std::string("a@b.cn")};
    r.header.legal_bases = {"《条例》", ""};
    r.header.signature = xxgk::signature_block{std::string("机关"), std::nullopt};
    r.overview = xxgk::narrative_section{
        std::string("一、总体情况"),
        {"p1", "p2"},
        {xxgk::subsection{std::nullopt, "", {}}, xxgk::subsection{std::string("（二）"), "t", {"x"}}},
        {xxgk::foreign_block{2, std::nullopt, {"portal"}}}};
    r.problems = xxgk::narrative_section{};
    r.table_headings = xxgk::table_section_headings{std::nullopt, std::string("三、"), std::nullopt};
    if (format == format_version::v2021) {
        r.processing_fees =
            xxgk::processing_fee_statement{false, 0, xxgk::decimal(0, 2), std::nullopt, std::string("未收费")};
    }
    const auto& keys = xxgk::cell_keys(format);
    for (const auto& k : keys) {
        xxgk::cell c;
        switch (k.index % 9) {
            case 0: c = xxgk::cell::number(static_cast<std::int64_t>(k.index)); break;
            case 1: c = xxgk::cell::number(0); break;
            case 2: c = xxgk::cell::blank(); break;
            case 3: c = xxgk::cell::not_applicable("-"); break;
            case 4: c = xxgk::cell::text("见附件"); break;
            case 5: c = xxgk::cell::not_captured(); break;
            case 6:
                c = xxgk::cell::number(xxgk::decimal(1500, 3), money_unit_for(k.kind));
                c.set_raw(std::string("1.500"));
                break;
            case 7: {
                c = xxgk::cell::number(-static_cast<std::int64_t>(k.index));
                xxgk::provenance p;
                p.table = 0;
                p.row = static_cast<std::uint32_t>(k.index);
                p.cell = 3;
                c.set_source(p);
                break;
            }
            default: {
                c = xxgk::cell::blank();
                xxgk::provenance p;
                p.line = 1;
                c.set_source(p);
                c.set_raw(std::string(""));
            }
        }
        xxgk::set_cell(r, k.key, c);
    }
    std::visit(
        [](auto& t) {
            t.requests.received.organizations_subtotal.emplace();  // printed, blank
            t.requests.granted.organizations_subtotal = xxgk::cell::number(3);
            t.requests.total.organizations_subtotal = xxgk::cell::not_applicable("/");
        },
        r.tables);
    return r;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Round trips

TEST_CASE("json: every example and valid fixture round-trips byte for byte", "[json][roundtrip]") {
    std::vector<std::string> inputs = {std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020.json",
                                       std::string(XXGK_SOURCE_DIR) + "/examples/data/sample-2021.json"};
    const auto fixtures = files_in(data_dir + "/valid");
    REQUIRE(fixtures.size() >= 6);
    inputs.insert(inputs.end(), fixtures.begin(), fixtures.end());
    for (const std::string& path : inputs) {
        INFO(path);
        const xxgk::decode_options options = is_lax_fixture(path) ? lax() : xxgk::decode_options{};
        const xxgk::report r1 = decode_ok(slurp(path), options);
        const std::string e1 = xxgk::to_json(r1);
        const xxgk::report r2 = decode_ok(e1, options);
        CHECK(r2 == r1);  // decode(encode(r)) == r
        const std::string e2 = xxgk::to_json(r2);
        CHECK(e2 == e1);                            // encode(decode(x)) == encode(decode(encode(decode(x))))
        CHECK(xxgk::to_json(r1) == e1);             // deterministic
        CHECK(e1.find('\n') == std::string::npos);  // compact: newlines in strings are escaped
        CHECK(e1.rfind("{\"format\":\"" + std::string(to_string(r1.format())) + "\",\"header\":{", 0) == 0);
    }
}

TEST_CASE("json: programmatic reports with every cell form round-trip", "[json][roundtrip]") {
    for (format_version format : xxgk::all_formats) {
        INFO(to_string(format));
        const xxgk::report r = full_report(format);
        const std::string e1 = xxgk::to_json(r);
        const xxgk::report back = decode_ok(e1);
        CHECK(back == r);
        CHECK(xxgk::to_json(back) == e1);
        // Spot checks of the shortest forms.
        CHECK(contains(e1, "\"organizations_subtotal\":null"));  // a printed blank subtotal stays present
        CHECK(contains(e1, "\"organizations_subtotal\":3"));
        CHECK(contains(e1, "\"organizations_subtotal\":{\"state\":\"not_applicable\",\"raw\":\"/\"}"));
        CHECK(contains(e1, "{\"state\":\"blank\",\"raw\":\"\",\"source\":{\"line\":1}}"));
        CHECK(contains(e1, "{\"state\":\"not_captured\"}"));
        CHECK(contains(e1, "{\"value\":\"1.500\",\"raw\":\"1.500\"}"));
        const auto& received =
            std::visit([](const auto& t) -> const xxgk::applicant_row& { return t.requests.received; }, back.tables);
        REQUIRE(received.organizations_subtotal.has_value());
        CHECK(received.organizations_subtotal->is_blank());
    }
    // The empty report as well, which encodes every cell as null.
    for (format_version format : xxgk::all_formats) {
        const xxgk::report empty = xxgk::report::make(format);
        const std::string e = xxgk::to_json(empty);
        std::size_t null_cells = 0;
        for (std::size_t at = e.find(":null"); at != std::string::npos; at = e.find(":null", at + 1)) ++null_cells;
        CHECK(null_cells == xxgk::cell_keys(format).size());
    }
}

TEST_CASE("json: canonical output of the empty report", "[json][canonical]") {
    const std::string e2019 = xxgk::to_json(xxgk::report::make(format_version::v2019));
    CHECK(e2019.rfind(
              "{\"format\":\"2019\",\"header\":{\"body\":\"\",\"scope\":\"unknown\",\"level\":\"unknown\",\"year\":0},"
              "\"proactive\":{\"regulations\":{\"new_made\":null,\"new_published\":null,\"total_published\":null},",
              0) == 0);
    CHECK(contains(
        e2019,
        "\"procurement\":{\"projects\":null,\"amount\":null}},\"requests\":{\"received\":{\"natural_person\":null,"
        "\"enterprise\":null,\"research_institute\":null,\"nonprofit\":null,\"legal_service\":null,"
        "\"other_org\":null,\"total\":null},"));
    CHECK(contains(e2019, "\"other\":{\"natural_person\":null,"));
    const std::string tail = "\"litigation_after_review\":{\"upheld\":null,\"corrected\":null,\"other\":null,"
                             "\"pending\":null,\"total\":null}}}";
    REQUIRE(e2019.size() > tail.size());
    CHECK(e2019.compare(e2019.size() - tail.size(), tail.size(), tail) == 0);

    const std::string e2021 = xxgk::to_json(xxgk::report::make(format_version::v2021));
    CHECK(contains(e2021, "\"proactive\":{\"regulations\":{\"issued\":null,\"repealed\":null,\"in_force\":null},"));
    CHECK(contains(e2021, "\"fees\":{\"amount\":null}},\"requests\":"));
    CHECK(contains(e2021, "\"other_no_correction\":{"));
    CHECK_FALSE(contains(e2021, "\"other\":{\"natural_person\""));
    CHECK_FALSE(contains(e2021, "processing_fees"));
}

TEST_CASE("json: cell forms decode to the model and encode in the shortest form", "[json][cells]") {
    const std::string text = slurp(data_dir + "/valid/cell-forms-2019.json");
    const xxgk::report r = decode_ok(text);
    REQUIRE(r.format() == format_version::v2019);
    const auto& t = std::get<xxgk::tables_2019>(r.tables);

    const xxgk::cell& amount = t.proactive.procurement.amount;
    CHECK(amount.state() == xxgk::cell_state::number);
    CHECK(amount.value().coefficient() == 1742488);
    CHECK(amount.value().scale() == 2);
    CHECK(amount.unit() == xxgk::money_unit::wan_yuan);
    REQUIRE(amount.raw());
    CHECK(*amount.raw() == "17424.88 万元");
    REQUIRE(amount.source());
    CHECK(amount.source()->line == std::optional<std::uint32_t>(12));
    CHECK(amount.source()->column == std::optional<std::uint32_t>(30));
    CHECK_FALSE(amount.source()->table.has_value());

    CHECK(t.proactive.penalties.change.value() == xxgk::decimal(-58));
    CHECK(t.proactive.fees.change.value().coefficient() == std::numeric_limits<std::int64_t>::min());
    CHECK(t.requests.partially_granted.natural_person.value().coefficient() ==
          std::numeric_limits<std::int64_t>::max());
    REQUIRE(t.proactive.penalties.decisions.source());
    CHECK(t.proactive.penalties.decisions.source()->table == std::optional<std::uint32_t>(1));
    CHECK(t.proactive.penalties.decisions.source()->row == std::optional<std::uint32_t>(4));
    CHECK(t.proactive.penalties.decisions.source()->cell == std::optional<std::uint32_t>(2));
    CHECK(t.proactive.compulsory_measures.prior_items == xxgk::cell::not_applicable("-"));
    CHECK(t.proactive.compulsory_measures.decisions == xxgk::cell::text("见附件"));
    CHECK(t.proactive.other_services.prior_items == xxgk::cell::not_captured());
    CHECK(t.proactive.other_services.decisions.is_blank());
    REQUIRE(t.proactive.other_services.decisions.raw());
    CHECK(t.proactive.other_services.decisions.raw()->empty());
    CHECK(t.proactive.regulations.new_made == xxgk::cell::number(0));  // an explicit 0, not a blank
    CHECK(t.requests.received.research_institute.is_blank());
    REQUIRE(t.requests.received.organizations_subtotal);
    CHECK(*t.requests.received.organizations_subtotal == xxgk::cell::number(6));
    REQUIRE(t.requests.carried_over.organizations_subtotal);  // null: a printed blank subtotal
    CHECK(t.requests.carried_over.organizations_subtotal->is_blank());
    CHECK_FALSE(t.requests.partially_granted.organizations_subtotal.has_value());
    REQUIRE(t.requests.other.total.source());
    CHECK(t.requests.other.total.source()->line == std::optional<std::uint32_t>(40));
    CHECK_FALSE(t.requests.other.total.source()->column.has_value());

    const std::string e = xxgk::to_json(r);
    CHECK(contains(e, "\"regulations\":{\"new_made\":0,\"new_published\":0,\"total_published\":0}"));
    CHECK(contains(e, "\"new_published\":{\"value\":28,\"raw\":\"28\"}"));
    CHECK(contains(e, "\"amount\":{\"value\":\"17424.88\",\"unit\":\"wan_yuan\",\"raw\":\"17424.88 "
                      "万元\",\"source\":{\"line\":12,\"column\":30}}"));
    CHECK(contains(e, "\"penalties\":{\"prior_items\":2312,\"change\":-58,\"decisions\":{\"value\":10262,\"source\":{"
                      "\"table\":1,\"row\":4,\"cell\":2}}}"));
    CHECK(contains(e, "\"compulsory_measures\":{\"prior_items\":{\"state\":\"not_applicable\",\"raw\":\"-\"},"
                      "\"change\":{\"state\":\"not_applicable\",\"raw\":\"/"
                      "\"},\"decisions\":{\"state\":\"text\",\"raw\":\"见附件\"}}"));
    CHECK(contains(
        e, "\"other_services\":{\"prior_items\":{\"state\":\"not_captured\"},\"change\":{\"value\":-3,\"raw\":\"−3\"},"
           "\"decisions\":{\"state\":\"blank\",\"raw\":\"\"}}"));
    CHECK(contains(
        e, "\"fees\":{\"prior_items\":145,\"change\":-9223372036854775808}"));  // {"state":"number","value":145} → 145
    CHECK(contains(e, "\"total\":234,\"organizations_subtotal\":6}"));
    CHECK(contains(e, "\"total\":null,\"organizations_subtotal\":null}"));
    CHECK(contains(
        e, "\"total\":{\"value\":119,\"raw\":\"119\"},\"organizations_subtotal\":{\"value\":3,\"raw\":\"3\"}}"));
    CHECK(contains(e, "\"total\":{\"state\":\"text\",\"raw\":\"9（含转办）\",\"source\":{\"line\":40}}"));
    CHECK(contains(
        e,
        "\"foreign_blocks\":[{\"after_subsection\":1,\"heading\":\"部门责任清单\",\"paragraphs\":[\"门户网站列表\"]},"
        "{\"after_subsection\":0}]"));  // empty arrays are left out
    CHECK(contains(e, "\"subsections\":[{\"ordinal\":\"（一）\",\"title\":\"主动公开\",\"paragraphs\":[\"段落。\"]},{"
                      "\"title\":\"\"}]"));
}

TEST_CASE("json: money and decimal strings keep their digits and scale", "[json][cells]") {
    const xxgk::report r = decode_ok(slurp(data_dir + "/valid/cell-forms-2021.json"));
    REQUIRE(r.format() == format_version::v2021);
    const auto& t = std::get<xxgk::tables_2021>(r.tables);
    CHECK(t.proactive.fees.amount.value().coefficient() == 150);
    CHECK(t.proactive.fees.amount.value().scale() == 2);
    CHECK(t.proactive.fees.amount.unit() == xxgk::money_unit::wan_yuan);
    CHECK(t.proactive.licensing.decisions.value().to_string() == "0.000001");
    CHECK(t.proactive.penalties.decisions.value().to_string() == "2.00");
    REQUIRE(r.processing_fees);
    CHECK(r.processing_fees->charged == std::optional<bool>(true));
    CHECK(r.processing_fees->notices == std::optional<std::int64_t>(2));
    REQUIRE(r.processing_fees->billed);
    CHECK(r.processing_fees->billed->to_string() == "300.00");
    REQUIRE(r.processing_fees->collected);
    CHECK(r.processing_fees->collected->to_string() == "150");
    REQUIRE(t.requests.other_misc.organizations_subtotal);
    CHECK(t.requests.other_misc.organizations_subtotal->is_blank());

    const std::string e = xxgk::to_json(r);
    CHECK(contains(e, "\"fees\":{\"amount\":{\"value\":\"1.50\",\"unit\":\"wan_yuan\",\"raw\":\"1.50\"}}"));
    CHECK(contains(e, "\"licensing\":{\"decisions\":{\"value\":\"0.000001\"}}"));
    CHECK(contains(e, "\"penalties\":{\"decisions\":{\"value\":\"2.00\"}}"));
    CHECK(contains(e, "\"processing_fees\":{\"charged\":true,\"notices\":2,\"billed\":\"300.00\",\"collected\":\"150\","
                      "\"raw\":\"本年度共发出收费通知2件，收取信息处理费150元。\"}"));
    CHECK(contains(e, "\"natural_person\":{\"state\":\"not_applicable\",\"raw\":\"不适用\"}"));
    CHECK(contains(e, "\"organizations_subtotal\":null}"));
}

TEST_CASE("json: strings with escapes, control characters and non-BMP characters", "[json][strings]") {
    const xxgk::report r = decode_ok(slurp(data_dir + "/valid/strings-escapes.json"));
    using namespace std::string_literals;
    const std::string body =
        "quote \" backslash \\ slash / tab \t newline \n cr \r bs \b ff \f nul \0 soh \x01 us \x1f del \x7f"s;
    CHECK(r.header.body == body);
    REQUIRE(r.header.title);
    CHECK(*r.header.title ==
          "line separator \u2028 paragraph separator \u2029 emoji \xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xC3\xA9");
    REQUIRE(r.header.preamble);
    CHECK(*r.header.preamble == "\xE2\x80\xA8");
    CHECK(r.header.legal_bases == std::vector<std::string>{"", " ", "\\u0041 is not an escape here"});
    REQUIRE(r.other_matters);
    CHECK(r.other_matters->paragraphs[1] == "\xEF\xBB\xBF"
                                            "BOM inside a string");
    const auto& cell = std::get<xxgk::tables_2021>(r.tables).requests.received.natural_person;
    REQUIRE(cell.raw());
    CHECK(*cell.raw() == "\t12\u00a0件\n");

    const std::string e = xxgk::to_json(r);
    // Quotes, backslashes and control characters are escaped (short forms where JSON has them);
    // "/" and U+007F are not; U+2028, U+2029 and astral characters are written as UTF-8.
    CHECK(contains(e, "\"body\":\"quote \\\" backslash \\\\ slash / tab \\t newline \\n cr \\r bs \\b ff \\f "
                      "nul \\u0000 soh \\u0001 us \\u001f del \x7f\""));
    CHECK(contains(
        e, "\"title\":\"line separator \xE2\x80\xA8 paragraph separator \xE2\x80\xA9 emoji \xF0\x9F\x98\x80 中文 é\""));
    CHECK(contains(e, "\"raw\":\"\\t12\u00a0件\\n\""));
    CHECK(contains(e, "\"legal_bases\":[\"\",\" \",\"\\\\u0041 is not an escape here\"]"));
}

// ---------------------------------------------------------------------------------------------
// Lax and strict

TEST_CASE("json: strict mode rejects unknown members with their pointers, in document order", "[json][lax]") {
    const std::string text = slurp(data_dir + "/valid/lax-unknown-members.json");
    const xxgk::decode_result strict = xxgk::decode_json(text);
    check_problems(text, strict,
                   {
                       {errc::unknown_member, "/header/x_header_note"},
                       {errc::unknown_member, "/header/contact/x_wechat"},
                       {errc::unknown_member, "/requests/received/x~1slash~0tilde"},
                       {errc::unknown_member, "/requests/granted/natural_person/x_cell_note"},
                       {errc::unknown_member, "/requests/granted/enterprise/x_cell_flag"},
                       {errc::unknown_member, "/requests/granted/x_row_note"},
                       {errc::unknown_member, "/review_litigation/x_section_note"},
                       {errc::unknown_member, "/x_top_level"},
                       {errc::unknown_member, "/overview/subsections/1/x_in_array_element"},
                   });
    CHECK(strict.problems[0].message == "unknown member 'x_header_note'");
    CHECK(strict.problems[2].message == "unknown member 'x/slash~tilde'");
}

TEST_CASE("json: lax mode keeps unknown members and writes them back in place", "[json][lax]") {
    const std::string text = slurp(data_dir + "/valid/lax-unknown-members.json");
    const xxgk::report r = decode_ok(text, lax());
    using U = xxgk::unknown_member;
    // Kept in the order the decoder walks the model (the contact block is a member of the
    // header, whose own unknown members come after its known ones).
    const std::vector<U> expected = {
        {"/header/contact", "x_wechat", "\"gov_wx\""},
        {"/header", "x_header_note", "\"不在模型中\""},
        {"/overview/subsections/1", "x_in_array_element", "[]"},
        {"/requests/received", "x/slash~tilde", "\"escaped pointer\""},
        {"/requests/granted/natural_person", "x_cell_note", "{\"checked\":true}"},
        {"/requests/granted/enterprise", "x_cell_flag", "1"},
        {"/requests/granted", "x_row_note", "\"行备注\""},
        {"/review_litigation", "x_section_note", "null"},
        {"", "x_top_level", "{\"nested\":[1,\"two\",null,true,{\"deep\":{\"a\":1.5E0}}],\"n\":-3}"},
    };
    REQUIRE(r.unknown_members.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(i);
        CHECK(r.unknown_members[i].parent_pointer == expected[i].parent_pointer);
        CHECK(r.unknown_members[i].name == expected[i].name);
        CHECK(r.unknown_members[i].json == expected[i].json);
    }
    // The model itself is unaffected by what was kept.
    const auto& t = std::get<xxgk::tables_2019>(r.tables);
    CHECK(t.requests.granted.natural_person == xxgk::cell::number(116));
    CHECK(t.requests.granted.enterprise.is_blank());
    CHECK(r.header.contact->phone == std::optional<std::string>("0577-1"));

    const std::string e = xxgk::to_json(r);
    // After the known members of the same object, in the order read.
    CHECK(contains(e, "\"header\":{\"body\":\"某县人民政府\",\"scope\":\"unknown\",\"level\":\"unknown\",\"year\":2020,"
                      "\"contact\":{\"phone\":\"0577-1\",\"x_wechat\":\"gov_wx\"},\"x_header_note\":\"不在模型中\"}"));
    CHECK(
        contains(e, "\"overview\":{\"subsections\":[{\"title\":\"a\"},{\"title\":\"b\",\"x_in_array_element\":[]}]}"));
    CHECK(contains(e, "\"total\":null,\"x/slash~tilde\":\"escaped pointer\"},\"carried_over\":"));
    // A cell with kept members is written as an object, even a plain number or a blank.
    CHECK(contains(e, "\"granted\":{\"natural_person\":{\"value\":116,\"x_cell_note\":{\"checked\":true}},"
                      "\"enterprise\":{\"state\":\"blank\",\"x_cell_flag\":1},"));
    CHECK(contains(e, "\"total\":null,\"x_row_note\":\"行备注\"},\"partially_granted\":"));
    // Rows are written in description order whatever the order read.
    CHECK(
        contains(e, "\"review\":{\"upheld\":null,\"corrected\":null,\"other\":null,\"pending\":null,\"total\":null},"));
    CHECK(contains(e, "\"pending\":null,\"total\":null},\"x_section_note\":null},\"x_top_level\":"));
    const std::string top_tail =
        "\"x_top_level\":{\"nested\":[1,\"two\",null,true,{\"deep\":{\"a\":1.5E0}}],\"n\":-3}}";
    CHECK(e.compare(e.size() - top_tail.size(), top_tail.size(), top_tail) == 0);

    // Encoding in strict mode is the same; decoding the output strictly reports the same members.
    const xxgk::decode_result again = xxgk::decode_json(e);
    REQUIRE(again.problems.size() == expected.size());
    for (const auto& p : again.problems) CHECK(p.code == errc::unknown_member);
}

TEST_CASE("json: lax mode still rejects rows of the other format and duplicates", "[json][lax]") {
    const std::string other = slurp(data_dir + "/invalid/requests-other-in-2021.json");
    check_problems(other, xxgk::decode_json(other, lax()), {{errc::wrong_format, "/requests/other"}});
    const std::string fees = slurp(data_dir + "/invalid/processing-fees-in-2019.json");
    check_problems(fees, xxgk::decode_json(fees, lax()), {{errc::wrong_format, "/processing_fees"}});
    const std::string dup = slurp(data_dir + "/invalid/duplicate-header-member.json");
    check_problems(dup, xxgk::decode_json(dup, lax()), {{errc::duplicate_member, "/header/year", 6, 5, 92}});
}

TEST_CASE("json: unknown members kept programmatically are written at the end of their object", "[json][lax]") {
    xxgk::report r = xxgk::report::make(format_version::v2021);
    r.header.body = "b";
    r.header.year = 2021;
    r.unknown_members = {{"", "zz", "[1]"}, {"/requests/total", "note", "\"n\""}, {"/header", "a~b", "{}"}};
    const std::string e = xxgk::to_json(r);
    CHECK(contains(e, "\"year\":2021,\"a~b\":{}},\"proactive\":"));
    CHECK(contains(e, "\"total\":null,\"note\":\"n\"},\"carried_forward\":"));
    CHECK(e.substr(e.size() - 10) == ",\"zz\":[1]}");
    const xxgk::report back = decode_ok(e, lax());
    // Decoding finds the members in document order, which is not necessarily the order kept.
    REQUIRE(back.unknown_members.size() == 3);
    CHECK(back.unknown_members[0].parent_pointer == "/header");
    CHECK(back.unknown_members[0].name == "a~b");
    CHECK(back.unknown_members[1].parent_pointer == "/requests/total");
    CHECK(back.unknown_members[2].parent_pointer == "");
    CHECK(xxgk::to_json(back) == e);
}

// ---------------------------------------------------------------------------------------------
// Malformed input: one file per case in tests/data/json/invalid/

namespace {

struct invalid_case {
    const char* file;
    std::vector<expected_problem> problems;
};

const std::vector<invalid_case>& invalid_cases() {
    static const std::vector<invalid_case> cases = {
        // Not well-formed JSON: the parser's position, as line, column (in characters) and byte offset.
        {"truncated.json", {{errc::invalid_json, "", 5, 15, 84}}},
        {"trailing-comma.json", {{errc::invalid_json, "", 6, 3, 78}}},
        {"invalid-utf8.json", {{errc::invalid_json, "", 4, 15, 52}}},  // column counts 某 as one character
        {"empty.json", {{errc::invalid_json, "", 1, 1, 0}}},
        {"extra-data.json", {{errc::invalid_json, "", 2, 1, 19}}},
        // A UTF-8 byte order mark is ignored (RFC 8259 §8.1): what follows it lacks the sections.
        {"byte-order-mark.json",
         {{errc::missing_member, "/header"},
          {errc::missing_member, "/proactive"},
          {errc::missing_member, "/requests"},
          {errc::missing_member, "/review_litigation"}}},
        {"single-quotes.json", {{errc::invalid_json, "", 2, 3, 4}}},
        {"comment.json", {{errc::invalid_json, "", 2, 21, 22}}},
        {"lone-surrogate.json", {{errc::invalid_json, "", 3, 29, 50}}},
        {"nan.json", {{errc::invalid_json, "", 3, 35, 56}}},
        {"too-deep.json", {{errc::limit_exceeded, "", 3, 39, 60}}},  // the 33rd level
        // The document
        {"top-level-array.json", {{errc::wrong_type, ""}}},
        {"top-level-string.json", {{errc::wrong_type, ""}}},
        {"missing-format.json", {{errc::missing_member, "/format"}}},
        {"format-2020.json", {{errc::invalid_value, "/format"}}},
        {"format-number.json", {{errc::wrong_type, "/format"}}},
        {"missing-header.json", {{errc::missing_member, "/header"}}},
        {"section-missing.json", {{errc::missing_member, "/review_litigation"}}},
        // The header
        {"missing-header-body.json", {{errc::missing_member, "/header/body"}}},
        {"header-not-object.json", {{errc::wrong_type, "/header"}}},
        {"year-string.json", {{errc::wrong_type, "/header/year"}}},
        {"year-fraction.json", {{errc::wrong_type, "/header/year"}}},
        {"year-exponent.json", {{errc::wrong_type, "/header/year"}}},
        {"year-beyond-int.json", {{errc::out_of_range, "/header/year"}}},
        {"unknown-header-member.json", {{errc::unknown_member, "/header/publisher"}}},
        {"level-county-level.json", {{errc::invalid_value, "/header/level"}}},
        {"date-2020-02-30.json", {{errc::invalid_value, "/header/publication_date"}}},
        {"date-not-padded.json", {{errc::invalid_value, "/header/signature/date"}}},
        {"statistics-period-no-start.json", {{errc::missing_member, "/header/statistics_period/start"}}},
        {"legal-bases-string.json", {{errc::wrong_type, "/header/legal_bases"}}},
        // Narrative sections
        {"paragraph-number.json", {{errc::wrong_type, "/overview/subsections/1/paragraphs/0"}}},
        {"after-subsection-negative.json", {{errc::out_of_range, "/overview/foreign_blocks/0/after_subsection"}}},
        // Cells
        {"cell-string.json", {{errc::wrong_type, "/requests/received/natural_person"}}},
        {"cell-double.json", {{errc::wrong_type, "/requests/received/natural_person"}}},
        {"cell-beyond-int64.json", {{errc::out_of_range, "/requests/received/natural_person"}}},
        {"cell-beyond-uint64-range.json", {{errc::out_of_range, "/requests/received/total"}}},
        {"cell-array.json", {{errc::wrong_type, "/requests/received/total"}}},
        {"cell-number-without-value.json", {{errc::missing_member, "/requests/granted/natural_person/value"}}},
        {"cell-value-with-blank.json", {{errc::invalid_value, "/requests/granted/natural_person/value"}}},
        {"cell-unknown-state.json", {{errc::invalid_value, "/requests/granted/natural_person/state"}}},
        {"cell-empty-object.json", {{errc::missing_member, "/requests/granted/natural_person"}}},
        {"cell-value-double.json", {{errc::wrong_type, "/proactive/procurement/amount/value"}}},
        {"cell-unit-dollars.json", {{errc::invalid_value, "/proactive/procurement/amount/unit"}}},
        {"cell-unit-without-value.json", {{errc::invalid_value, "/proactive/procurement/amount/unit"}}},
        {"money-grouping.json", {{errc::invalid_value, "/proactive/procurement/amount/value"}}},
        {"money-exponent-string.json", {{errc::invalid_value, "/proactive/procurement/amount/value"}}},
        {"cell-source-negative.json", {{errc::out_of_range, "/proactive/procurement/projects/source/line"}}},
        {"cell-raw-number.json", {{errc::wrong_type, "/proactive/procurement/projects/raw"}}},
        {"row-missing-cell.json", {{errc::missing_member, "/requests/granted/total"}}},
        {"row-missing.json", {{errc::missing_member, "/requests/granted"}}},
        {"row-not-object.json", {{errc::wrong_type, "/review_litigation/review"}}},
        // Rows and cells of the other format version
        {"requests-other-in-2021.json", {{errc::wrong_format, "/requests/other"}}},
        {"procurement-in-2021.json", {{errc::wrong_format, "/proactive/procurement"}}},
        {"other-misc-in-2019.json", {{errc::wrong_format, "/requests/other_misc"}}},
        {"processing-fees-in-2019.json", {{errc::wrong_format, "/processing_fees"}}},
        {"fees-amount-in-2019.json", {{errc::wrong_format, "/proactive/fees/amount"}}},
        {"normative-issued-in-2019.json", {{errc::wrong_format, "/proactive/normative_documents/issued"}}},
        // RFC 6901 escaping of member names in pointers: "/" → "~1", "~" → "~0"
        {"pointer-escaping.json",
         {{errc::unknown_member, "/header/a~1b"},
          {errc::unknown_member, "/header/m~0n"},
          {errc::unknown_member, "/header/~01"}}},
        // Repeated member names, with the position of the repetition
        {"duplicate-header-member.json", {{errc::duplicate_member, "/header/year", 6, 5, 92}}},
        {"duplicate-format.json", {{errc::duplicate_member, "/format", 3, 3, 24}}},
        {"duplicate-escaped-name.json", {{errc::duplicate_member, "/header/body", 5, 5, 74}}},
        {"duplicate-cell.json", {{errc::duplicate_member, "/requests/granted/total", 74, 7, 1557}}},
        // Many problems at once: all of them, in document order (overview is written last in this file).
        {"many-problems.json",
         {
             {errc::invalid_value, "/header/level"},
             {errc::unknown_member, "/header/nickname"},
             {errc::wrong_type, "/header/year"},
             {errc::duplicate_member, "/header/title", 9, 5, 175},
             {errc::invalid_value, "/header/publication_date"},
             {errc::wrong_type, "/proactive/penalties/change"},
             {errc::invalid_value, "/proactive/procurement/amount/value"},
             {errc::missing_member, "/requests/granted/total"},
             {errc::wrong_format, "/requests/other_misc"},
             {errc::out_of_range, "/requests/carried_forward/natural_person"},
             {errc::wrong_type, "/review_litigation/review/upheld"},
             {errc::wrong_type, "/overview/subsections/0/paragraphs/0"},
             {errc::wrong_format, "/processing_fees"},
             {errc::wrong_type, "/table_headings/requests"},
         }},
    };
    return cases;
}

}  // namespace

TEST_CASE("json: each malformed input reports the exact code and pointer", "[json][invalid]") {
    const auto& cases = invalid_cases();
    CHECK(cases.size() >= 30);
    // Every file in the directory has a case, and every case a file.
    std::vector<std::string> files, listed;
    for (const auto& path : files_in(data_dir + "/invalid")) files.push_back(fs::path(path).filename().string());
    for (const auto& c : cases) listed.push_back(c.file);
    std::sort(listed.begin(), listed.end());
    CHECK(files == listed);

    for (const auto& c : cases) {
        INFO(c.file);
        const std::string text = slurp(data_dir + "/invalid/" + c.file);
        const xxgk::decode_result result = xxgk::decode_json(text);
        check_problems(text, result, c.problems);
        // load_json throws the same problems; the exception's code is the first one's.
        try {
            (void)xxgk::load_json(text);
            FAIL("load_json did not throw");
        } catch (const xxgk::decode_error& e) {
            CHECK(e.code() == c.problems.front().code);
            REQUIRE(e.problems().size() == result.problems.size());
            for (std::size_t i = 0; i < result.problems.size(); ++i) {
                CHECK(e.problems()[i].pointer == result.problems[i].pointer);
                CHECK(e.problems()[i].message == result.problems[i].message);
            }
        }
    }
}

TEST_CASE("json: messages say what was expected and what was found", "[json][invalid]") {
    auto first_message = [](const char* file) {
        const xxgk::decode_result r = xxgk::decode_json(slurp(data_dir + "/invalid/" + file));
        REQUIRE_FALSE(r.problems.empty());
        return r.problems.front().message;
    };
    CHECK(first_message("requests-other-in-2021.json") ==
          "'requests.other' exists only in the 2019 format; this report is 2021");
    CHECK(first_message("other-misc-in-2019.json") ==
          "'requests.other_misc' exists only in the 2021 format; this report is 2019");
    CHECK(first_message("format-2020.json") == "'2020' is not a supported format (\"2019\" or \"2021\")");
    CHECK(first_message("year-string.json") == "expected an integer, found a string");
    CHECK(first_message("cell-beyond-int64.json") == "integer beyond the 64-bit range");
    CHECK(first_message("date-2020-02-30.json") == "'2020-02-30' is not a real day written YYYY-MM-DD");
    CHECK(first_message("row-missing-cell.json") == "required member 'total' is missing");
    CHECK(first_message("truncated.json") == "invalid JSON: incomplete JSON at line 5, column 15");
    CHECK(first_message("too-deep.json") == "nesting deeper than 32 levels at line 3, column 39");
    CHECK(first_message("duplicate-header-member.json") ==
          "member 'year' appears more than once in this object; only the last value would be kept");
}

TEST_CASE("json: a cell problem is reported once, without follow-up noise", "[json][invalid]") {
    // A malformed state or value is one problem: no extra "needs a value" or "unit needs a value".
    const std::string base = slurp(data_dir + "/valid/minimal-2019.json");
    auto with_amount = [&](const std::string& cell) {
        std::string text = base;
        const std::string from = "\"amount\": null";
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), "\"amount\": " + cell);
        return text;
    };
    const std::string p = "/proactive/procurement/amount";
    std::string text = with_amount("{\"state\": 5}");
    check_problems(text, xxgk::decode_json(text), {{errc::wrong_type, p + "/state"}});
    text = with_amount("{\"state\": \"zero\", \"unit\": \"yuan\"}");
    check_problems(text, xxgk::decode_json(text), {{errc::invalid_value, p + "/state"}});
    text = with_amount("{\"value\": \"1,5\", \"unit\": \"yuan\"}");
    check_problems(text, xxgk::decode_json(text), {{errc::invalid_value, p + "/value"}});
    text = with_amount("{\"value\": 1e3, \"unit\": \"yuan\", \"raw\": 7}");
    check_problems(text, xxgk::decode_json(text), {{errc::wrong_type, p + "/value"}, {errc::wrong_type, p + "/raw"}});
    text = with_amount("{\"value\": 99999999999999999999}");
    check_problems(text, xxgk::decode_json(text), {{errc::out_of_range, p + "/value"}});
    text = with_amount("{\"value\": -99999999999999999999.5}");
    check_problems(text, xxgk::decode_json(text), {{errc::wrong_type, p + "/value"}});
    text = with_amount("{\"state\": \"text\", \"value\": 1}");
    check_problems(text, xxgk::decode_json(text), {{errc::invalid_value, p + "/value"}});
    // "none" is the unit's name for "no unit": accepted, and canonicalised away.
    text = with_amount("{\"value\": 7, \"unit\": \"none\"}");
    CHECK(contains(xxgk::to_json(decode_ok(text)), "\"amount\":7}"));
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST_CASE("json: max_depth and max_input_bytes", "[json][limits]") {
    const std::string base = slurp(data_dir + "/valid/minimal-2019.json");
    auto nested = [&](std::size_t arrays) {
        std::string text = base;
        const auto at = text.rfind('}');
        text.insert(at, ", \"x\": " + std::string(arrays, '[') + std::string(arrays, ']') + "\n");
        return text;
    };
    // 1 (the report) + 31 arrays = 32 levels: accepted by the parser, then an unknown member.
    std::string text = nested(31);
    check_problems(text, xxgk::decode_json(text), {{errc::unknown_member, "/x"}});
    CHECK(decode_ok(text, lax()).unknown_members.size() == 1);
    // One more is too deep.
    text = nested(32);
    const xxgk::decode_result deep = xxgk::decode_json(text, lax());
    REQUIRE(deep.problems.size() == 1);
    CHECK(deep.problems[0].code == errc::limit_exceeded);
    CHECK(deep.problems[0].pointer == "");
    REQUIRE(deep.problems[0].offset);
    CHECK(*deep.problems[0].offset == text.find('[') + 31);
    CHECK(text[*deep.problems[0].offset] == '[');

    // The canonical form needs 5 levels (a cell's source; a subsection's paragraphs).
    const std::string forms = slurp(data_dir + "/valid/cell-forms-2019.json");
    xxgk::decode_options five;
    five.max_depth = 5;
    CHECK(xxgk::decode_json(forms, five).ok());
    xxgk::decode_options four;
    four.max_depth = 4;
    const xxgk::decode_result shallow = xxgk::decode_json(forms, four);
    REQUIRE(shallow.problems.size() == 1);
    CHECK(shallow.problems[0].code == errc::limit_exceeded);

    // Size: the limit itself is accepted, one byte less is not.
    xxgk::decode_options exact;
    exact.max_input_bytes = base.size();
    CHECK(xxgk::decode_json(base, exact).ok());
    xxgk::decode_options smaller;
    smaller.max_input_bytes = base.size() - 1;
    const xxgk::decode_result large = xxgk::decode_json(base, smaller);
    REQUIRE(large.problems.size() == 1);
    CHECK(large.problems[0].code == errc::limit_exceeded);
    CHECK(large.problems[0].pointer == "");
    CHECK(large.problems[0].message == "input of " + std::to_string(base.size()) + " bytes exceeds the limit of " +
                                           std::to_string(base.size() - 1) + " bytes");
    CHECK_FALSE(large.problems[0].line.has_value());
    CHECK_FALSE(large.value.has_value());
}

// ---------------------------------------------------------------------------------------------
// Duplicate member names

TEST_CASE("json: duplicate member names are reported wherever they are", "[json][duplicates]") {
    const std::string text = "{\"format\": \"2021\",\n"
                             " \"header\": {\"body\": \"a\", \"year\": 2021, \"contact\": {\"phone\": \"1\", "
                             "\"phone\": \"2\", \"phone\": \"3\"}},\n"
                             " \"overview\": {\"subsections\": [{\"title\": \"t\"}, {\"title\": \"u\", \"paragraphs\": "
                             "[], \"title\": \"v\"}]},\n"
                             " \"x\": {\"k\": 1, \"k\": [99999999999999999999]}}";
    std::vector<expected_problem> expected = {
        {errc::duplicate_member, "/header/contact/phone", 2, 66, 84},
        {errc::duplicate_member, "/header/contact/phone", 2, 80, 98},
        {errc::duplicate_member, "/overview/subsections/1/title", 3, 80, 193},
        {errc::unknown_member, "/x"},
        {errc::duplicate_member, "/x/k", 4, 16, 225},
        {errc::missing_member, "/proactive"},
        {errc::missing_member, "/requests"},
        {errc::missing_member, "/review_litigation"},
    };
    check_problems(text, xxgk::decode_json(text), expected);
    CHECK(text.compare(84, 7, "\"phone\"") == 0);
    CHECK(text.compare(193, 7, "\"title\"") == 0);
    CHECK(text.compare(225, 3, "\"k\"") == 0);
    // Lax mode keeps /x but the repetitions are still errors.
    expected.erase(expected.begin() + 3);
    check_problems(text, xxgk::decode_json(text, lax()), expected);
}

TEST_CASE("json: equal names in different objects are not duplicates", "[json][duplicates]") {
    // Every row of section 三 has the same seven member names; the examples repeat names in
    // sibling objects and arrays all over.
    CHECK(xxgk::decode_json(slurp(std::string(XXGK_SOURCE_DIR) + "/examples/data/cangnan-2020.json")).ok());
    const std::string text = slurp(data_dir + "/valid/minimal-2021.json");
    std::string with_unknown = text;
    with_unknown.insert(with_unknown.rfind('}'),
                        ", \"x\": [{\"a\": 1}, {\"a\": 2}, {\"b\": {\"a\": 3}}], \"a\": {\"a\": {\"a\": 4}}\n");
    const xxgk::report r = decode_ok(with_unknown, lax());
    REQUIRE(r.unknown_members.size() == 2);
    CHECK(r.unknown_members[0].json == "[{\"a\":1},{\"a\":2},{\"b\":{\"a\":3}}]");
    CHECK(r.unknown_members[1].json == "{\"a\":{\"a\":4}}");
}

TEST_CASE("json: decoding a file", "[json][io]") {
    const xxgk::report r = xxgk::load_json_file(data_dir + "/valid/minimal-2021.json");
    CHECK(r.format() == format_version::v2021);
    CHECK(r.header.body == "某市人民政府办公室");
    CHECK(r.header.year == 2021);
    try {
        (void)xxgk::load_json_file(data_dir + "/does-not-exist.json");
        FAIL("no decode_error");
    } catch (const xxgk::decode_error& e) {
        CHECK(e.code() == errc::io_error);
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].code == errc::io_error);
        CHECK(e.problems()[0].pointer == "");
        CHECK(contains(e.problems()[0].message, "does-not-exist.json"));
    }
    CHECK_THROWS_AS(xxgk::read_file(data_dir + "/does-not-exist.json"), xxgk::error);
}

// ---- Files: the one bounded reader and the one atomic writer of every face (issue 16, items 2 and 8)

namespace {

// A scratch directory of its own per test case (ctest runs test cases in parallel).
fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("xxgk-json-files-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The file_error a call throws; fails the test when it throws nothing or something else.
template <class F>
std::optional<xxgk::file_error> file_error_of(F&& f) {
    try {
        f();
    } catch (const xxgk::file_error& e) {
        return e;
    } catch (const std::exception& e) {
        FAIL("not a file_error: " << e.what());
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("read_file: the system's reason, regular files only, never more than the limit", "[json][files]") {
    const fs::path dir = scratch("read");
    auto missing = file_error_of([&] { xxgk::read_file((dir / "missing.json").string(), 100); });
    REQUIRE(missing);
    CHECK(missing->code() == errc::io_error);
    CHECK(missing->reason() == std::errc::no_such_file_or_directory);
    CHECK(missing->path() == (dir / "missing.json").string());
    auto directory = file_error_of([&] { xxgk::read_file(dir.string()); });
    REQUIRE(directory);
    CHECK(directory->reason() == std::errc::is_a_directory);
    // The reader without a limit refuses devices too: /dev/zero would never end.
    auto device = file_error_of([&] { xxgk::read_file("/dev/zero"); });
    REQUIRE(device);
    CHECK(device->reason() == std::errc::invalid_argument);
    CHECK(contains(device->what(), "character device"));
    // A file that says 0 bytes and has more (procfs): read up to the limit + 1, then "more than".
    CHECK_FALSE(xxgk::read_file("/proc/self/status", 1 << 20).empty());
    try {
        xxgk::read_file("/proc/self/status", 10);
        FAIL("no limit_exceeded");
    } catch (const xxgk::error& e) {
        CHECK(e.code() == errc::limit_exceeded);
        CHECK(contains(e.what(), "more than 10 bytes"));
    }
    // A symbolic link to a regular file is read.
    xxgk::write_file((dir / "a.json").string(), "{}");
    fs::create_symlink(dir / "a.json", dir / "link.json");
    CHECK(xxgk::read_file((dir / "link.json").string(), 2) == "{}");
    // load_json_file: the decoder's limit, as a decode_error at "".
    try {
        xxgk::decode_options o;
        o.max_input_bytes = 1;
        (void)xxgk::load_json_file((dir / "a.json").string(), o);
        FAIL("no decode_error");
    } catch (const xxgk::decode_error& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].code == errc::limit_exceeded);
        CHECK(contains(e.problems()[0].message, "2 bytes, more than the limit of 1"));
    }
    fs::remove_all(dir);
}

TEST_CASE("write_file: atomic — a failed write leaves the old file and no temporary file", "[json][files]") {
    const fs::path dir = scratch("write");
    const std::string path = (dir / "out.json").string();
    xxgk::write_file(path, "old content\n");
    CHECK(xxgk::read_file(path) == "old content\n");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    xxgk::write_file(path, "new content\n");
    CHECK(xxgk::read_file(path) == "new content\n");
    CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(names_in(dir) == std::vector<std::string>{"out.json"});

    // A symbolic link stays a link; the file it names is replaced.
    fs::create_symlink(dir / "out.json", dir / "link.json");
    xxgk::write_file((dir / "link.json").string(), "through the link\n");
    CHECK(fs::is_symlink(dir / "link.json"));
    CHECK(xxgk::read_file(path) == "through the link\n");
    fs::remove(dir / "link.json");

    // What is not a regular file is written in place; a directory is refused.
    xxgk::write_file("/dev/null", "nothing");
    auto directory = file_error_of([&] { xxgk::write_file(dir.string(), "x"); });
    REQUIRE(directory);
    CHECK(directory->reason() == std::errc::is_a_directory);
    auto no_dir = file_error_of([&] { xxgk::write_file((dir / "no" / "such.json").string(), "x"); });
    REQUIRE(no_dir);
    CHECK(no_dir->reason() == std::errc::no_such_file_or_directory);

    // A file-size limit (ulimit -f) the new content crosses: EFBIG, the old file intact.
    const std::string big(300000, 'x');
    struct rlimit saved {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto saved_handler = std::signal(SIGXFSZ, SIG_IGN);  // else the signal ends the process
    struct rlimit low = saved;
    low.rlim_cur = 100000;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &low) == 0);
    auto too_big = file_error_of([&] { xxgk::write_file(path, big); });
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, saved_handler);
    REQUIRE(too_big);
    CHECK(too_big->reason() == std::errc::file_too_large);
    CHECK(contains(too_big->what(), "the file was left as it was"));
    CHECK(xxgk::read_file(path) == "through the link\n");
    CHECK(names_in(dir) == std::vector<std::string>{"out.json"});  // the temporary file removed
    xxgk::write_file(path, big);                                   // without the limit it is written
    CHECK(xxgk::read_file(path) == big);
    fs::remove_all(dir);
}

TEST_CASE("json: optional members take their defaults when absent", "[json]") {
    // minimal-2019.json has only header.body and header.year: scope and level default to "unknown".
    const xxgk::report r = decode_ok(slurp(data_dir + "/valid/minimal-2019.json"));
    CHECK(r.format() == format_version::v2019);
    CHECK(r.header.body == "某县人民政府");
    CHECK(r.header.year == 2020);
    CHECK(r.header.scope == xxgk::report_scope::unknown);
    CHECK(r.header.level == xxgk::admin_level::unknown);
    CHECK_FALSE(r.header.title.has_value());
    CHECK(r.header.legal_bases.empty());
    CHECK_FALSE(r.overview.has_value());
    CHECK_FALSE(r.table_headings.has_value());
    CHECK(r == [] {
        xxgk::report expected = xxgk::report::make(format_version::v2019);
        expected.header.body = "某县人民政府";
        expected.header.year = 2020;
        return expected;
    }());
    // An explicit null for an optional member is the same as leaving it out.
    std::string text = slurp(data_dir + "/valid/minimal-2019.json");
    text.insert(text.find("\"year\""), "\"title\": null, \"contact\": null, ");
    CHECK(decode_ok(text) == r);
}
