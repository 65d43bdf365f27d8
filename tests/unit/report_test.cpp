// xxgk::report — construction, equality, calendar dates, decode_error.
#include <xxgk/error.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/report.hpp>

#include <catch2/catch.hpp>

#include <string>

using xxgk::calendar_date;
using xxgk::format_version;

TEST_CASE("report: make gives every cell blank and an empty header", "[report]") {
    for (format_version format : xxgk::all_formats) {
        INFO(to_string(format));
        const xxgk::report r = xxgk::report::make(format);
        CHECK(r.format() == format);
        CHECK(r.tables.index() == (format == format_version::v2019 ? 0u : 1u));
        const auto& keys = xxgk::cell_keys(format);
        for (const auto& k : keys) {
            INFO(k.key);
            const xxgk::cell& c = xxgk::cell_at(r, k.index);
            CHECK(c.state() == xxgk::cell_state::blank);
            CHECK_FALSE(c.has_detail());
            CHECK(c == xxgk::cell());
        }
        CHECK(r.header.body.empty());
        CHECK(r.header.year == 0);
        CHECK(r.header.scope == xxgk::report_scope::unknown);
        CHECK(r.header.level == xxgk::admin_level::unknown);
        CHECK_FALSE(r.header.statistics_period.has_value());
        CHECK(r.header.legal_bases.empty());
        CHECK_FALSE(r.overview.has_value());
        CHECK_FALSE(r.problems.has_value());
        CHECK_FALSE(r.other_matters.has_value());
        CHECK_FALSE(r.processing_fees.has_value());
        CHECK_FALSE(r.table_headings.has_value());
        CHECK(r.unknown_members.empty());
    }
    // The printed subtotal is absent in every row of a new report.
    const auto t = std::get<xxgk::tables_2019>(xxgk::report::make(format_version::v2019).tables);
    CHECK_FALSE(t.requests.received.organizations_subtotal.has_value());
    CHECK_FALSE(t.requests.carried_forward.organizations_subtotal.has_value());
    CHECK(xxgk::report().format() == format_version::v2019);
}

TEST_CASE("report: equality covers every member, the format and the kept unknown members", "[report]") {
    const xxgk::report base = [] {
        xxgk::report r = xxgk::report::make(format_version::v2019);
        r.header.body = "苍南县人民政府";
        r.header.year = 2020;
        xxgk::set_cell(r, "requests.received.natural_person", xxgk::cell::number(228));
        return r;
    }();
    const xxgk::report copy = base;
    CHECK(copy == base);
    CHECK_FALSE(copy != base);

    CHECK(xxgk::report::make(format_version::v2019) != xxgk::report::make(format_version::v2021));
    CHECK(xxgk::report::make(format_version::v2021) == xxgk::report::make(format_version::v2021));

    auto differs = [&](auto change) {
        xxgk::report r = base;
        change(r);
        return r != base && !(r == base);
    };
    CHECK(differs([](xxgk::report& r) { r.header.body = "苍南县"; }));
    CHECK(differs([](xxgk::report& r) { r.header.year = 2019; }));
    CHECK(differs([](xxgk::report& r) { r.header.level = xxgk::admin_level::county; }));
    CHECK(differs([](xxgk::report& r) { r.header.legal_bases.push_back("条例"); }));
    CHECK(differs([](xxgk::report& r) { r.header.contact.emplace(); }));  // present but empty ≠ absent
    CHECK(differs([](xxgk::report& r) {
        r.header.signature = xxgk::signature_block{std::nullopt, calendar_date{2021, 1, 29}};
    }));
    CHECK(differs([](xxgk::report& r) { r.overview.emplace(); }));
    CHECK(differs([](xxgk::report& r) {
        r.table_headings = xxgk::table_section_headings{std::string("二、"), {}, {}};
    }));
    CHECK(differs(
        [](xxgk::report& r) { xxgk::set_cell(r, "requests.received.natural_person", xxgk::cell::number(229)); }));
    CHECK(differs([](xxgk::report& r) { xxgk::set_cell(r, "requests.received.total", xxgk::cell::number(0)); }));
    CHECK(differs(
        [](xxgk::report& r) { xxgk::cell_at(r, "requests.received.natural_person").set_raw(std::string("228")); }));
    CHECK(differs([](xxgk::report& r) {
        std::get<xxgk::tables_2019>(r.tables).requests.received.organizations_subtotal.emplace();
    }));
    CHECK(differs([](xxgk::report& r) { r.unknown_members.push_back({"/header", "x", "1"}); }));
    CHECK(differs([](xxgk::report& r) {
        r.processing_fees = xxgk::processing_fee_statement{};
        r.processing_fees->billed = xxgk::decimal(150, 2);
    }));

    // Decimals compare with their scale: 1.50 and 1.5 encode differently.
    xxgk::report a = base, b = base;
    a.processing_fees = xxgk::processing_fee_statement{};
    b.processing_fees = xxgk::processing_fee_statement{};
    a.processing_fees->billed = xxgk::decimal(150, 2);
    b.processing_fees->billed = xxgk::decimal(15, 1);
    CHECK(a != b);
    b.processing_fees->billed = xxgk::decimal(150, 2);
    CHECK(a == b);

    // Unknown members compare in order.
    a.unknown_members = {{"", "x", "1"}, {"", "y", "2"}};
    b.unknown_members = {{"", "y", "2"}, {"", "x", "1"}};
    CHECK(a != b);
    b.unknown_members = a.unknown_members;
    CHECK(a == b);
}

TEST_CASE("calendar_date: parse accepts exactly YYYY-MM-DD naming a real day", "[report][date]") {
    const auto d = calendar_date::parse("2021-01-29");
    REQUIRE(d);
    CHECK(d->year == 2021);
    CHECK(d->month == 1);
    CHECK(d->day == 29);
    CHECK(d->to_string() == "2021-01-29");

    const char* valid[] = {
        "2020-02-29",  // leap year
        "2000-02-29",  // divisible by 400
        "2024-02-29", "1904-02-29", "1900-01-01", "9999-12-31", "2020-12-31", "2021-04-30", "2021-01-31",
    };
    for (const char* text : valid) {
        INFO(text);
        const auto v = calendar_date::parse(text);
        REQUIRE(v);
        CHECK(v->is_valid());
        CHECK(v->to_string() == text);
    }
    const char* invalid[] = {
        "2019-02-29",  // not a leap year
        "1900-02-29",  // divisible by 100, not by 400
        "2100-02-29",     "2021-02-30",
        "2020-02-30",     "2021-04-31",
        "2021-06-31",     "2021-09-31",
        "2021-11-31",     "2021-13-01",
        "2021-00-10",     "2021-01-00",
        "2021-01-32",     "1899-12-31",
        "0000-01-01",     "2021-1-29",
        "2021-01-9",      "21-01-29",
        "2021/01/29",     "2021-01-29 ",
        " 2021-01-29",    "2021-01-29T00:00",
        "２０２１-01-29", "+021-01-29",
        "2021-+1-29",     "2021--1-29",
        "20210129",       "",
        "10000-01-01",
    };
    for (const char* text : invalid) {
        INFO(text);
        CHECK_FALSE(calendar_date::parse(text).has_value());
    }
}

TEST_CASE("calendar_date: validity, printing and order", "[report][date]") {
    CHECK(calendar_date{2020, 2, 29}.is_valid());
    CHECK_FALSE(calendar_date{2019, 2, 29}.is_valid());
    CHECK_FALSE(calendar_date{1900, 2, 29}.is_valid());
    CHECK(calendar_date{2000, 2, 29}.is_valid());
    CHECK_FALSE(calendar_date{2021, 0, 1}.is_valid());
    CHECK_FALSE(calendar_date{2021, 12, 0}.is_valid());
    CHECK_FALSE(calendar_date{1899, 12, 31}.is_valid());
    CHECK_FALSE(calendar_date{10000, 1, 1}.is_valid());
    CHECK_FALSE(calendar_date{}.is_valid());
    CHECK(calendar_date{2021, 1, 9}.to_string() == "2021-01-09");
    CHECK(calendar_date{987, 1, 9}.to_string() == "0987-01-09");

    CHECK(calendar_date{2020, 12, 31} < calendar_date{2021, 1, 1});
    CHECK(calendar_date{2021, 1, 31} < calendar_date{2021, 2, 1});
    CHECK(calendar_date{2021, 2, 1} < calendar_date{2021, 2, 2});
    CHECK_FALSE(calendar_date{2021, 2, 2} < calendar_date{2021, 2, 2});
    CHECK(calendar_date{2021, 2, 2} == calendar_date{2021, 2, 2});
    CHECK(calendar_date{2021, 2, 2} != calendar_date{2021, 2, 3});
}

TEST_CASE("errors: codes have stable values and names", "[report][error]") {
    CHECK(static_cast<int>(xxgk::errc::invalid_json) == 1);
    CHECK(static_cast<int>(xxgk::errc::io_error) == 10);
    CHECK(static_cast<int>(xxgk::errc::duplicate_member) == 11);
    CHECK(std::string(xxgk::to_string(xxgk::errc::wrong_format)) == "wrong_format");
    CHECK(std::string(xxgk::to_string(xxgk::errc::duplicate_member)) == "duplicate_member");
    CHECK(std::string(xxgk::to_string(static_cast<xxgk::errc>(99))) == "unknown");

    const xxgk::decode_error e(
        {{xxgk::errc::missing_member, "/header/body", "required member 'body' is missing", {}, {}, {}},
         {xxgk::errc::wrong_type, "/header/year", "expected an integer", {}, {}, {}}});
    CHECK(e.code() == xxgk::errc::missing_member);
    CHECK(e.problems().size() == 2);
    CHECK(std::string(e.what()) == "/header/body: required member 'body' is missing (and 1 more problems)");
    const xxgk::decode_error empty({});
    CHECK(empty.code() == xxgk::errc::invalid_json);
    CHECK(std::string(empty.what()) == "invalid input");
}
