// xxgk::cell — states, values, detail (raw text and provenance), copy semantics, equality.
#include <xxgk/cell.hpp>

#include <catch2/catch.hpp>

#include <type_traits>
#include <utility>

using xxgk::cell;
using xxgk::cell_state;
using xxgk::decimal;
using xxgk::money_unit;
using xxgk::provenance;

namespace {

provenance text_position(std::uint32_t line, std::uint32_t column) {
    provenance p;
    p.line = line;
    p.column = column;
    return p;
}

provenance html_position(std::uint32_t table, std::uint32_t row, std::uint32_t index) {
    provenance p;
    p.table = table;
    p.row = row;
    p.cell = index;
    return p;
}

}  // namespace

TEST_CASE("cell: a default cell is blank, zero, without unit or detail", "[cell]") {
    const cell c;
    CHECK(c.state() == cell_state::blank);
    CHECK(c.is_blank());
    CHECK_FALSE(c.is_number());
    CHECK(c.value().coefficient() == 0);
    CHECK(c.value().scale() == 0);
    CHECK(c.unit() == money_unit::none);
    CHECK_FALSE(c.raw().has_value());
    CHECK_FALSE(c.source().has_value());
    CHECK_FALSE(c.has_detail());
    CHECK(cell::blank() == c);
}

TEST_CASE("cell: factories set state, value, unit and raw text", "[cell]") {
    SECTION("number, including an explicit zero") {
        const cell zero = cell::number(0);
        CHECK(zero.state() == cell_state::number);
        CHECK(zero.is_number());
        CHECK_FALSE(zero.is_blank());
        CHECK(zero.value() == decimal(0));
        CHECK(zero != cell::blank());  // an explicit 0 is never a blank

        const cell negative = cell::number(-58);
        CHECK(negative.value().coefficient() == -58);
        CHECK(negative.unit() == money_unit::none);

        const cell money = cell::number(decimal(1742488, 2), money_unit::wan_yuan);
        CHECK(money.value().to_string() == "17424.88");
        CHECK(money.unit() == money_unit::wan_yuan);
        CHECK_FALSE(money.has_detail());
    }
    SECTION("not applicable keeps what was printed") {
        const cell c = cell::not_applicable("-");
        CHECK(c.state() == cell_state::not_applicable);
        CHECK_FALSE(c.is_number());
        CHECK_FALSE(c.is_blank());
        REQUIRE(c.raw());
        CHECK(*c.raw() == "-");
        CHECK(c.has_detail());
        CHECK(c.value() == decimal(0));
    }
    SECTION("text keeps what was printed") {
        const cell c = cell::text("见附件");
        CHECK(c.state() == cell_state::text);
        REQUIRE(c.raw());
        CHECK(*c.raw() == "见附件");
    }
    SECTION("not captured has no detail") {
        const cell c = cell::not_captured();
        CHECK(c.state() == cell_state::not_captured);
        CHECK_FALSE(c.has_detail());
        CHECK_FALSE(c.raw().has_value());
    }
}

TEST_CASE("cell: set_state and set_value", "[cell]") {
    cell c = cell::number(decimal(150, 2), money_unit::yuan);
    c.set_state(cell_state::text);
    CHECK(c.state() == cell_state::text);
    CHECK(c.value().coefficient() == 0);  // leaving the number state resets value and unit
    CHECK(c.value().scale() == 0);
    CHECK(c.unit() == money_unit::none);

    c.set_value(decimal(-3));
    CHECK(c.state() == cell_state::number);
    CHECK(c.value() == decimal(-3));
    CHECK(c.unit() == money_unit::none);

    c.set_value(decimal(5), money_unit::wan_yuan);
    c.set_state(cell_state::number);  // staying a number keeps the value
    CHECK(c.value() == decimal(5));
    CHECK(c.unit() == money_unit::wan_yuan);

    c.set_state(cell_state::blank);
    CHECK(c == cell());
}

TEST_CASE("cell: raw text and provenance live in an optional detail block", "[cell]") {
    cell c = cell::number(228);
    CHECK_FALSE(c.has_detail());

    c.set_raw(std::string("228"));
    CHECK(c.has_detail());
    REQUIRE(c.raw());
    CHECK(*c.raw() == "228");
    CHECK_FALSE(c.source().has_value());

    c.set_source(text_position(3, 7));
    REQUIRE(c.source());
    CHECK(c.source()->line == std::optional<std::uint32_t>(3));
    CHECK(c.source()->column == std::optional<std::uint32_t>(7));
    CHECK_FALSE(c.source()->table.has_value());

    c.set_raw(std::nullopt);
    CHECK(c.has_detail());  // provenance remains
    CHECK_FALSE(c.raw().has_value());
    c.set_source(std::nullopt);
    CHECK_FALSE(c.has_detail());  // nothing left: the block is released
    CHECK(c == cell::number(228));

    // An empty raw text is still a raw text (a printed empty cell).
    c.set_raw(std::string());
    CHECK(c.has_detail());
    REQUIRE(c.raw());
    CHECK(c.raw()->empty());
    CHECK(c != cell::number(228));
}

TEST_CASE("cell: copies are deep, moves transfer", "[cell]") {
    cell original = cell::number(decimal(1742488, 2), money_unit::wan_yuan);
    original.set_raw(std::string("17424.88 万元"));
    original.set_source(html_position(1, 4, 2));

    cell copy(original);
    CHECK(copy == original);
    REQUIRE(copy.raw());
    CHECK(&*copy.raw() != &*original.raw());  // its own detail block
    CHECK(&*copy.source() != &*original.source());

    // Changing the copy leaves the original alone, and the other way round.
    copy.set_raw(std::string("changed"));
    copy.set_source(text_position(1, 1));
    CHECK(*original.raw() == "17424.88 万元");
    CHECK(original.source()->table == std::optional<std::uint32_t>(1));
    CHECK(original.source()->row == std::optional<std::uint32_t>(4));
    CHECK(original.source()->cell == std::optional<std::uint32_t>(2));
    CHECK(copy != original);

    original.set_raw(std::nullopt);
    CHECK(*copy.raw() == "changed");

    // Copy assignment replaces the detail (or drops it).
    cell assigned = cell::text("x");
    assigned = copy;
    CHECK(assigned == copy);
    CHECK(&*assigned.raw() != &*copy.raw());
    assigned = cell::number(1);
    CHECK_FALSE(assigned.has_detail());
    CHECK_FALSE(assigned.raw().has_value());

    // Self-assignment is harmless.
    cell& alias = copy;
    copy = alias;
    REQUIRE(copy.raw());
    CHECK(*copy.raw() == "changed");

    // Moving transfers everything.
    cell moved(std::move(copy));
    REQUIRE(moved.raw());
    CHECK(*moved.raw() == "changed");
    CHECK(moved.value().to_string() == "17424.88");
    CHECK(moved.unit() == money_unit::wan_yuan);

    static_assert(std::is_nothrow_move_constructible_v<cell>);
    static_assert(std::is_nothrow_move_assignable_v<cell>);
}

TEST_CASE("cell: equality compares state, value, scale, unit, raw text and provenance", "[cell]") {
    CHECK(cell::number(7) == cell::number(7));
    CHECK(cell::number(7) != cell::number(8));
    CHECK(cell::number(0) != cell::blank());
    CHECK(cell::not_applicable("-") == cell::not_applicable("-"));
    CHECK(cell::not_applicable("-") != cell::not_applicable("/"));
    CHECK(cell::not_applicable("-") != cell::text("-"));
    CHECK(cell::not_captured() != cell::blank());
    CHECK(cell::number(decimal(15, 1), money_unit::yuan) != cell::number(decimal(15, 1), money_unit::wan_yuan));
    CHECK(cell::number(decimal(15, 1)) != cell::number(decimal(15, 1), money_unit::yuan));
    // 1.5 and 1.50 are the same number, but print differently: cells keep them apart so that
    // equality means "encodes identically".
    CHECK(decimal(15, 1) == decimal(150, 2));
    CHECK(cell::number(decimal(15, 1)) != cell::number(decimal(150, 2)));
    CHECK(cell::number(decimal(2)) != cell::number(decimal(200, 2)));

    cell a = cell::number(3);
    cell b = cell::number(3);
    a.set_source(text_position(3, 7));
    CHECK(a != b);
    b.set_source(text_position(3, 8));
    CHECK(a != b);
    b.set_source(text_position(3, 7));
    CHECK(a == b);
    a.set_raw(std::string("3"));
    CHECK(a != b);
    b.set_raw(std::string("3"));
    CHECK(a == b);
    CHECK_FALSE(a != b);
}

TEST_CASE("cell: typed cells carry their value kind and convert to and from cell", "[cell]") {
    static_assert(xxgk::count_cell::kind == xxgk::value_kind::count);
    static_assert(xxgk::signed_count_cell::kind == xxgk::value_kind::signed_count);
    static_assert(xxgk::amount_cell::kind == xxgk::value_kind::amount);
    static_assert(xxgk::amount_wan_yuan_cell::kind == xxgk::value_kind::amount_wan_yuan);
    static_assert(std::is_base_of_v<cell, xxgk::count_cell>);

    cell source = cell::text("约 10");
    source.set_source(text_position(9, 2));
    xxgk::signed_count_cell typed = source;
    CHECK(static_cast<const cell&>(typed) == source);
    typed = cell::number(-4);
    CHECK(typed.value() == decimal(-4));
    CHECK_FALSE(typed.has_detail());
    CHECK(*source.raw() == "约 10");
}
