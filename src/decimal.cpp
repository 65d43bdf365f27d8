#include "xxgk/decimal.hpp"

#include <limits>

namespace xxgk {
namespace {

// 10^n for n in [0, 18]; 10^19 does not fit in int64.
constexpr std::int64_t pow10_table[] = {1LL,
                                        10LL,
                                        100LL,
                                        1000LL,
                                        10000LL,
                                        100000LL,
                                        1000000LL,
                                        10000000LL,
                                        100000000LL,
                                        1000000000LL,
                                        10000000000LL,
                                        100000000000LL,
                                        1000000000000LL,
                                        10000000000000LL,
                                        100000000000000LL,
                                        1000000000000000LL,
                                        10000000000000000LL,
                                        100000000000000000LL,
                                        1000000000000000000LL};

// Brings a and b to the larger scale. Returns false on overflow.
bool align(decimal a, decimal b, __int128& ca, __int128& cb, int& scale) noexcept {
    scale = a.scale() > b.scale() ? a.scale() : b.scale();
    ca = static_cast<__int128>(a.coefficient()) * pow10_table[scale - a.scale()];
    cb = static_cast<__int128>(b.coefficient()) * pow10_table[scale - b.scale()];
    return true;
}

std::optional<decimal> narrow(__int128 c, int scale) noexcept {
    if (c > std::numeric_limits<std::int64_t>::max() || c < std::numeric_limits<std::int64_t>::min())
        return std::nullopt;
    return decimal(static_cast<std::int64_t>(c), scale);
}

}  // namespace

std::optional<decimal> decimal::parse(std::string_view text) noexcept {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    __int128 c = 0;
    int digits = 0, scale = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
        char ch = text[i];
        if (ch == '.' && !point) {
            point = true;
            continue;
        }
        if (ch < '0' || ch > '9') return std::nullopt;
        c = c * 10 + (ch - '0');
        ++digits;
        if (point) ++scale;
        if (c > static_cast<__int128>(std::numeric_limits<std::int64_t>::max()) + 1) return std::nullopt;
        if (scale > max_scale) return std::nullopt;
    }
    if (digits == 0 || (point && scale == 0)) return std::nullopt;  // "", "-", "5." are not numbers
    if (text.size() > 1 && text[negative || text[0] == '+' ? 1 : 0] == '.') return std::nullopt;  // ".5"
    return narrow(negative ? -c : c, scale);
}

bool decimal::is_integer() const noexcept { return scale_ == 0 || coefficient_ % pow10_table[scale_] == 0; }

std::optional<std::int64_t> decimal::to_integer() const noexcept {
    if (!is_integer()) return std::nullopt;
    return coefficient_ / pow10_table[scale_];
}

std::string decimal::to_string() const {
    // Work on the magnitude as unsigned so that INT64_MIN prints correctly.
    unsigned long long magnitude = coefficient_ < 0 ? 0ULL - static_cast<unsigned long long>(coefficient_)
                                                    : static_cast<unsigned long long>(coefficient_);
    std::string digits = std::to_string(magnitude);
    if (scale_ > 0) {
        if (digits.size() <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
        digits.insert(digits.size() - scale_, 1, '.');
    }
    if (coefficient_ < 0) digits.insert(0, 1, '-');
    return digits;
}

std::optional<decimal> decimal::add(decimal a, decimal b) noexcept {
    __int128 ca, cb;
    int scale;
    align(a, b, ca, cb, scale);
    return narrow(ca + cb, scale);
}

std::string decimal::difference_text(decimal a, decimal b) {
    __int128 ca, cb;
    int scale;
    align(a, b, ca, cb, scale);
    // |ca|, |cb| < 2^63 * 10^18 < 2^123: the difference fits in 128 bits.
    const __int128 d = ca - cb;
    unsigned __int128 magnitude = d < 0 ? static_cast<unsigned __int128>(0) - static_cast<unsigned __int128>(d)
                                        : static_cast<unsigned __int128>(d);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    } while (magnitude != 0);
    if (scale > 0) {
        const std::size_t s = static_cast<std::size_t>(scale);
        if (digits.size() <= s) digits.insert(0, s + 1 - digits.size(), '0');
        digits.insert(digits.size() - s, 1, '.');
    }
    if (d < 0) digits.insert(0, 1, '-');
    return digits;
}

std::optional<decimal> decimal::subtract(decimal a, decimal b) noexcept {
    __int128 ca, cb;
    int scale;
    align(a, b, ca, cb, scale);
    return narrow(ca - cb, scale);
}

int decimal::compare(decimal a, decimal b) noexcept {
    __int128 ca, cb;
    int scale;
    align(a, b, ca, cb, scale);
    return ca < cb ? -1 : (ca > cb ? 1 : 0);
}

}  // namespace xxgk
