// Internal: tests on eight bytes at once, for the scans that step over text a word at a time
// (the JSON writer's escapes, CSV quoting, UTF-8 checking, character counts). Exact, not
// heuristic: the "has zero byte" and "has byte less than n" tests of Bit Twiddling Hacks.
#ifndef XXGK_SRC_WORD_BITS_HPP
#define XXGK_SRC_WORD_BITS_HPP

#include <cstdint>
#include <cstring>

namespace xxgk::detail {

inline constexpr std::uint64_t word_ones = 0x0101010101010101u;   ///< 0x01 in every byte
inline constexpr std::uint64_t word_highs = 0x8080808080808080u;  ///< bit 7 of every byte

/// The 8 bytes at `p` as a word (any alignment).
inline std::uint64_t load_word(const void* p) noexcept {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

/// Non-zero exactly when a byte of `w` is zero.
constexpr std::uint64_t zero_bytes(std::uint64_t w) noexcept { return (w - word_ones) & ~w & word_highs; }

/// True when a byte of `w` equals `c`.
constexpr bool has_byte(std::uint64_t w, unsigned char c) noexcept { return zero_bytes(w ^ (word_ones * c)) != 0; }

/// True when a byte of `w` is below `n` (n ≤ 128).
constexpr bool has_byte_below(std::uint64_t w, unsigned char n) noexcept {
    return ((w - word_ones * n) & ~w & word_highs) != 0;
}

// ---- compiler builtins, each with a portable fallback (xxgk.h names MSVC among its compilers)

/// The position of the lowest set bit of `w` (w ≠ 0): __builtin_ctzll where the compiler has
/// it, a loop elsewhere.
inline unsigned lowest_set_bit(std::uint64_t w) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<unsigned>(__builtin_ctzll(w));
#else
    unsigned n = 0;
    while ((w & 1u) == 0) {
        w >>= 1;
        ++n;
    }
    return n;
#endif
}

/// Stores a + b in `out` and returns false, or returns true when the sum leaves 64 bits (`out`
/// then unspecified): __builtin_add_overflow where the compiler has it, a range check elsewhere.
inline bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_add_overflow(a, b, &out);
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) return true;
    out = a + b;
    return false;
#endif
}

}  // namespace xxgk::detail

#endif
