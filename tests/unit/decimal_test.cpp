// xxgk::decimal — exact parsing, printing, comparison and overflow-checked arithmetic.
#include <xxgk/decimal.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

using xxgk::decimal;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

decimal parsed(const char* text) {
    const auto d = decimal::parse(text);
    INFO("parsing '" << text << "'");
    REQUIRE(d.has_value());
    return *d;
}

}  // namespace

TEST_CASE("decimal: parse keeps every digit and the scale", "[decimal]") {
    struct row {
        const char* text;
        std::int64_t coefficient;
        int scale;
    };
    const row rows[] = {
        {"17424.88", 1742488, 2},
        {"-58", -58, 0},
        {"0.000001", 1, 6},
        {"0", 0, 0},
        {"007", 7, 0},
        {"+5", 5, 0},
        {"1.50", 150, 2},
        {"2.00", 200, 2},
        {"-0.5", -5, 1},
        {"-0", 0, 0},
        {"9223372036854775807", int64_max, 0},
        {"-9223372036854775808", int64_min, 0},
        {"0.000000000000000001", 1, 18},
        {"9.223372036854775807", int64_max, 18},
    };
    for (const row& r : rows) {
        INFO(r.text);
        const decimal d = parsed(r.text);
        CHECK(d.coefficient() == r.coefficient);
        CHECK(d.scale() == r.scale);
    }
}

TEST_CASE("decimal: parse rejects anything but [+-]digits[.digits]", "[decimal]") {
    const char* rejected[] = {
        "1e3",
        "1E3",
        ".5",
        "-.5",
        "+.5",
        "5.",
        "-5.",
        "",
        "-",
        "+",
        ".",
        "--1",
        "+-1",
        "-+1",
        "1.2.3",
        " 1",
        "1 ",
        "1,000",
        "17,424.88",
        "0x10",
        "½",
        "１２",
        "1_000",
        "NaN",
        "inf",
        "1-",
        "5.-1",
        // beyond 64 bits
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999",
        "18446744073709551616",
        "922337203685477580.8",  // coefficient 9223372036854775808 does not fit
        // more than max_scale digits after the point
        "0.0000000000000000001",
    };
    for (const char* text : rejected) {
        INFO("'" << text << "'");
        CHECK_FALSE(decimal::parse(text).has_value());
    }
    CHECK_FALSE(decimal::parse(std::string_view("1\0"
                                                "2",
                                                3))
                    .has_value());
}

TEST_CASE("decimal: to_string round trip keeps the scale", "[decimal]") {
    const char* canonical[] = {
        "17424.88",
        "-58",
        "0.000001",
        "1.50",
        "2.00",
        "0",
        "-0.5",
        "0.10",
        "100",
        "-9223372036854775808",
        "9223372036854775807",
        "-0.000000000000000001",
        "9.223372036854775807",
        "-9.223372036854775808",
    };
    for (const char* text : canonical) {
        INFO(text);
        const decimal d = parsed(text);
        CHECK(d.to_string() == text);
        const decimal again = parsed(d.to_string().c_str());
        CHECK(again.coefficient() == d.coefficient());
        CHECK(again.scale() == d.scale());
    }
    // Non-canonical spellings print canonically.
    CHECK(parsed("+5").to_string() == "5");
    CHECK(parsed("007.50").to_string() == "7.50");
    CHECK(parsed("-0").to_string() == "0");
    CHECK(parsed("-0.00").to_string() == "0.00");
    // Constructed values.
    CHECK(decimal().to_string() == "0");
    CHECK(decimal(-58).to_string() == "-58");
    CHECK(decimal(5, 3).to_string() == "0.005");
    CHECK(decimal(-5, 3).to_string() == "-0.005");
    CHECK(decimal(123456, 3).to_string() == "123.456");
    CHECK(decimal(0, 2).to_string() == "0.00");
}

TEST_CASE("decimal: compare is exact across scales", "[decimal]") {
    CHECK(parsed("1.50") == parsed("1.5"));
    CHECK(parsed("2.00") == decimal(2));
    CHECK(parsed("0") == parsed("0.000000"));
    CHECK(parsed("-0") == decimal(0));
    CHECK(decimal::compare(parsed("1.5"), parsed("1.50")) == 0);
    CHECK(decimal::compare(parsed("1.49"), parsed("1.5")) < 0);
    CHECK(decimal::compare(parsed("1.51"), parsed("1.5")) > 0);
    CHECK(decimal::compare(parsed("-58"), parsed("-57.999999")) < 0);
    CHECK(decimal::compare(parsed("0.000001"), decimal(0)) > 0);
    CHECK(decimal::compare(parsed("-0.000001"), decimal(0)) < 0);
    CHECK(parsed("17424.88") < parsed("17424.881"));
    CHECK(parsed("17424.88") > parsed("17424.879999"));
    CHECK(parsed("17424.88") <= parsed("17424.880"));
    CHECK(parsed("17424.88") >= parsed("17424.880"));
    CHECK(parsed("17424.88") != parsed("17424.8"));
    // Extremes: aligning int64 max at scale 0 with a scale-18 value must not overflow.
    CHECK(decimal(int64_max) > parsed("9.223372036854775807"));
    CHECK(decimal(int64_min) < parsed("-9.223372036854775808"));
    CHECK(decimal::compare(decimal(int64_max), decimal(int64_max, 18)) > 0);
    CHECK(decimal::compare(decimal(int64_min), decimal(int64_max)) < 0);
    CHECK(decimal::compare(decimal(1, 18), decimal(0)) > 0);
}

TEST_CASE("decimal: add and subtract are exact, nullopt on overflow", "[decimal]") {
    auto sum = decimal::add(parsed("17424.88"), parsed("0.12"));
    REQUIRE(sum);
    CHECK(sum->to_string() == "17425.00");
    CHECK(sum->scale() == 2);

    sum = decimal::add(parsed("1.5"), parsed("0.25"));
    REQUIRE(sum);
    CHECK(sum->coefficient() == 175);
    CHECK(sum->scale() == 2);

    auto diff = decimal::subtract(decimal(-58), decimal(2));
    REQUIRE(diff);
    CHECK(diff->to_string() == "-60");

    diff = decimal::subtract(parsed("0.000001"), decimal(1));
    REQUIRE(diff);
    CHECK(diff->to_string() == "-0.999999");

    // The largest and smallest values are reachable...
    sum = decimal::add(decimal(int64_max - 1), decimal(1));
    REQUIRE(sum);
    CHECK(sum->coefficient() == int64_max);
    diff = decimal::subtract(decimal(int64_min + 1), decimal(1));
    REQUIRE(diff);
    CHECK(diff->coefficient() == int64_min);

    // ...one step further is not.
    CHECK_FALSE(decimal::add(decimal(int64_max), decimal(1)).has_value());
    CHECK_FALSE(decimal::add(decimal(int64_min), decimal(-1)).has_value());
    CHECK_FALSE(decimal::subtract(decimal(int64_min), decimal(1)).has_value());
    CHECK_FALSE(decimal::subtract(decimal(int64_max), decimal(-1)).has_value());
    CHECK_FALSE(decimal::subtract(decimal(0), decimal(int64_min)).has_value());
    // Aligning scales can overflow even when the sum is small in value.
    CHECK_FALSE(decimal::add(decimal(int64_max / 10 + 1), parsed("0.1")).has_value());
    CHECK_FALSE(decimal::add(decimal(10), decimal(1, 18)).has_value());
    const auto fits = decimal::add(decimal(9), decimal(1, 18));
    REQUIRE(fits);
    CHECK(fits->to_string() == "9.000000000000000001");
}

TEST_CASE("decimal: integer views", "[decimal]") {
    CHECK(parsed("2.00").is_integer());
    CHECK(parsed("2.00").to_integer() == std::optional<std::int64_t>(2));
    CHECK_FALSE(parsed("2.01").is_integer());
    CHECK_FALSE(parsed("2.01").to_integer().has_value());
    CHECK(parsed("-58").to_integer() == std::optional<std::int64_t>(-58));
    CHECK(parsed("-58").is_negative());
    CHECK_FALSE(parsed("0").is_negative());
    CHECK_FALSE(parsed("-0").is_negative());
    CHECK(decimal(int64_min).to_integer() == std::optional<std::int64_t>(int64_min));
}

TEST_CASE("decimal: difference_text is exact beyond 64 bits", "[decimal]") {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    CHECK(decimal::difference_text(decimal(76), decimal(-9223372036854775764LL)) == "9223372036854775840");
    CHECK(decimal::difference_text(decimal(max), decimal(min)) == "18446744073709551615");
    CHECK(decimal::difference_text(decimal(min), decimal(max)) == "-18446744073709551615");
    CHECK(decimal::difference_text(decimal(-max), decimal(max)) == "-18446744073709551614");
    CHECK(decimal::difference_text(decimal(min), decimal(0)) == "-9223372036854775808");
    CHECK(decimal::difference_text(decimal(5), decimal(5)) == "0");
    // At the larger scale, as to_string prints; 18 decimals of an extreme coefficient.
    CHECK(decimal::difference_text(decimal(12345, 2), decimal(1)) == "122.45");
    CHECK(decimal::difference_text(decimal(1, 18), decimal(2, 18)) == "-0.000000000000000001");
    CHECK(decimal::difference_text(decimal(max), decimal(min, 18)) == "9223372036854775816.223372036854775808");
    // Where subtract fits, the same text.
    CHECK(decimal::difference_text(decimal(17424, 0), decimal(1788, 2)) ==
          decimal::subtract(decimal(17424), decimal(1788, 2))->to_string());
}
