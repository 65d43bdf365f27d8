// xxgk — exact decimal numbers for counts and money.
#ifndef XXGK_DECIMAL_HPP
#define XXGK_DECIMAL_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xxgk {

/// An exact decimal number: `coefficient × 10^-scale`.
///
/// Counts are decimals with scale 0; money such as 17424.88 万元 keeps every printed digit
/// (coefficient 1742488, scale 2). Never converted through binary floating point.
/// Equality compares the numeric value, so `1.50 == 1.5`; the printed form (`to_string`)
/// keeps the scale it was given, so trailing zeros survive a round trip.
class decimal {
public:
    /// Most digits after the decimal point that a decimal keeps (amounts with up to six are seen).
    static constexpr int max_scale = 18;

    /// Zero.
    constexpr decimal() noexcept = default;
    /// The integer `value` (scale 0).
    constexpr decimal(std::int64_t value) noexcept : coefficient_(value) {}  // NOLINT: implicit by design
    /// `coefficient × 10^-scale`. Precondition: 0 <= scale <= max_scale.
    constexpr decimal(std::int64_t coefficient, int scale) noexcept
        : coefficient_(coefficient), scale_(static_cast<std::uint8_t>(scale)) {}

    /// Parses `[+-]digits[.digits]` exactly (no exponent, no spaces, no grouping).
    /// Returns nothing if the text is not of that form or does not fit in 64 bits.
    static std::optional<decimal> parse(std::string_view text) noexcept;

    /// The digits without the point.
    constexpr std::int64_t coefficient() const noexcept { return coefficient_; }
    /// Number of digits after the point.
    constexpr int scale() const noexcept { return scale_; }
    /// True when the value has no fractional part (`2.00` is integral).
    bool is_integer() const noexcept;
    /// The value as an integer, if it is integral and fits.
    std::optional<std::int64_t> to_integer() const noexcept;
    /// True for values below zero.
    constexpr bool is_negative() const noexcept { return coefficient_ < 0; }

    /// The printed form with exactly `scale()` digits after the point: `17424.88`, `-58`, `0.000001`.
    std::string to_string() const;

    /// Exact sum. Returns nothing on 64-bit overflow.
    static std::optional<decimal> add(decimal a, decimal b) noexcept;
    /// Exact difference `a - b`. Returns nothing on 64-bit overflow.
    static std::optional<decimal> subtract(decimal a, decimal b) noexcept;
    /// The exact difference `a - b` printed as `to_string` prints (at the larger scale of the
    /// two), also when it is beyond 64 bits (`9223372036854775807 - -1` is
    /// "9223372036854775808"): what messages show, never wrapped, never "?".
    static std::string difference_text(decimal a, decimal b);
    /// Three-way numeric comparison: negative, zero or positive. Exact even across scales.
    static int compare(decimal a, decimal b) noexcept;

    friend bool operator==(decimal a, decimal b) noexcept { return compare(a, b) == 0; }
    friend bool operator!=(decimal a, decimal b) noexcept { return compare(a, b) != 0; }
    friend bool operator<(decimal a, decimal b) noexcept { return compare(a, b) < 0; }
    friend bool operator>(decimal a, decimal b) noexcept { return compare(a, b) > 0; }
    friend bool operator<=(decimal a, decimal b) noexcept { return compare(a, b) <= 0; }
    friend bool operator>=(decimal a, decimal b) noexcept { return compare(a, b) >= 0; }

private:
    std::int64_t coefficient_ = 0;
    std::uint8_t scale_ = 0;
};

}  // namespace xxgk

#endif
