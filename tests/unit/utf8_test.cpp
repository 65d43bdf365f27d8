// src/utf8/: every boundary of the well-formed sequences, each ill-formed kind at every offset
// of an eight-byte word, and the fast steps (eight ASCII bytes, runs of three-byte sequences,
// four CJK sequences at a time, the E2/EF rule of the hidden-character scan) against the naive
// reference decoder of utf8_reference.hpp, on chosen, random and adversarial inputs.
#include "../../src/utf8/utf8.hpp"
#include "utf8_reference.hpp"

#include <xxgk/text.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

namespace ref = utf8_reference;

using utf8_reference::shown;

// `needle` after 0–16 filler characters (ASCII, then CJK, then both mixed) and before 9 more,
// so that it meets every offset of an eight-byte word and every phase of the three-byte runs.
std::vector<std::string> placements(const std::string& needle) {
    std::vector<std::string> out;
    for (std::size_t before = 0; before < 17; ++before)
        for (const std::string& filler : {std::string("a"), std::string("政"), std::string("a政")}) {
            std::string s;
            for (std::size_t i = 0; i < before; ++i) s += filler;
            s += needle;
            out.push_back(s);  // at the end (cut-off sequences)
            for (std::size_t i = 0; i < 9; ++i) s += filler;
            out.push_back(s);
        }
    return out;
}

std::u32string read_all(std::string_view s) {
    std::u32string out;
    char32_t c = 0;
    for (xxgk::utf8::reader r{s}; r.next(c);) out += c;
    return out;
}

std::u32string scanned(std::string_view s) {
    std::u32string out;
    xxgk::utf8::scan_hidden(s, [&](char32_t c) {
        out += c;
        return true;
    });
    return out;
}

std::size_t printed(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r';
    return n;
}

// Every function of the module on `s`, against the reference.
void check_all(const std::string& s) {
    INFO("text " << shown(s));
    const std::size_t bad = ref::first_invalid(s);
    REQUIRE(xxgk::utf8::first_invalid(s) == bad);
    REQUIRE(xxgk::invalid_utf8_offset(s) == bad);
    REQUIRE(read_all(s) == ref::decode_all(s));
    for (std::size_t i = 0; i < s.size(); ++i) {
        const xxgk::utf8::decoded d = xxgk::utf8::decode(s, i);
        const ref::code_point c = ref::decode(s, i);
        REQUIRE(d.cp == c.cp);
        REQUIRE(d.length == c.length);
        REQUIRE(d.valid == c.valid);
    }
    REQUIRE(xxgk::utf8::count(s) == ref::lead_bytes(s));
    for (std::size_t n : {0u, 1u, 2u, 7u, 8u, 9u, 15u, 30u})
        REQUIRE(xxgk::utf8::longer_than(s, n) == (ref::lead_bytes(s) > n));
    REQUIRE(xxgk::utf8::count_printed(s) == printed(s));
    REQUIRE(scanned(s) == ref::hidden_in(s));
}

}  // namespace

TEST_CASE("utf8: sequence lengths and decoding at every boundary", "[utf8]") {
    for (unsigned b = 0; b < 256; ++b) {
        INFO("byte " << b);
        const std::size_t expected = b < 0x80 ? 1 : b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
        CHECK(xxgk::utf8::sequence_length(static_cast<unsigned char>(b)) == expected);
        CHECK(xxgk::utf8::is_continuation(static_cast<unsigned char>(b)) == (b >= 0x80 && b <= 0xBF));
    }
    // The first and last code point of each length, and the edges of the ranges the fast steps
    // treat apart (E1–EC, ED, EE–EF; the surrogates; E2 and EF second bytes; U+10FFFF).
    for (const std::uint32_t cp :
         {0x0u,    0x7Fu,    0x80u,    0x7FFu,   0x800u,   0xFFFu,    0x1000u,  0x1FFFu, 0x2000u,
          0x207Fu, 0x2080u,  0x2FFFu,  0x3000u,  0x4E2Du,  0xCFFFu,   0xD000u,  0xD7FFu, 0xE000u,
          0xEFFFu, 0xF000u,  0xFEBFu,  0xFEC0u,  0xFEFFu,  0xFF00u,   0xFFBFu,  0xFFC0u, 0xFFFDu,
          0xFFFFu, 0x10000u, 0x3FFFFu, 0x40000u, 0xFFFFFu, 0x100000u, 0x10FFFFu}) {
        const std::string e = ref::encode(cp);
        INFO("U+" << std::hex << cp);
        const xxgk::utf8::decoded d = xxgk::utf8::decode(e, 0);
        CHECK(d.valid);
        CHECK(d.cp == cp);
        CHECK(d.length == e.size());
        for (const std::string& s : placements(e)) check_all(s);
    }
    // Every scalar value encodes and decodes back, in as many bytes as the reference says.
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp == 0xD800) cp = 0xE000;
        char buf[4];
        const std::size_t n = static_cast<std::size_t>(xxgk::utf8::encode(buf, cp) - buf);
        const std::string e = ref::encode(cp);
        REQUIRE(std::string(buf, n) == e);
        const xxgk::utf8::decoded d = xxgk::utf8::decode(reinterpret_cast<const unsigned char*>(buf), n);
        REQUIRE(d.valid);
        REQUIRE(d.cp == cp);
        REQUIRE(d.length == n);
    }
    std::string appended;
    xxgk::utf8::append(appended, U'政');
    xxgk::utf8::append(appended, U'a');
    CHECK(appended == "政a");
}

TEST_CASE("utf8: every ill-formed kind, at every offset of a word", "[utf8]") {
    const std::vector<std::string> ill_formed = {"\xC0\x80",
                                                 "\xC1\xBF",  // overlong, two bytes
                                                 "\xE0\x80\x80",
                                                 "\xE0\x9F\xBF",  // overlong, three bytes
                                                 "\xF0\x80\x80\x80",
                                                 "\xF0\x8F\xBF\xBF",  // overlong, four bytes
                                                 "\xED\xA0\x80",
                                                 "\xED\xBF\xBF",  // surrogates
                                                 "\xF4\x90\x80\x80",
                                                 "\xF5\x80\x80\x80",
                                                 "\xF7\xBF\xBF\xBF",
                                                 "\xF8\x88\x80\x80\x80",  // above U+10FFFF
                                                 "\xC2",
                                                 "\xDF",
                                                 "\xE4\xB8",
                                                 "\xE2\x80",  // truncated
                                                 "\xEF\xBB",
                                                 "\xF0\x9F\x98",
                                                 "\xF4\x8F",  //
                                                 "\xE4\x41\x42",
                                                 "\xE2\x0B\x41",
                                                 "\xC2\x0B",
                                                 "\xF0\x9F\x0B\x41",  // a wrong continuation
                                                 "\x80",
                                                 "\xBF",
                                                 "\xFE",
                                                 "\xFF"};  // no lead at all
    for (const std::string& bad : ill_formed)
        for (const std::string& s : placements(bad)) {
            INFO("text " << shown(s));
            REQUIRE(xxgk::utf8::first_invalid(s) != xxgk::utf8::npos);
            check_all(s);
        }
    // What that means for a reader: one U+FFFD per byte that begins nothing, and the bytes after
    // it read afresh (a control after a broken lead is still seen).
    CHECK(read_all("\xE4\x41\x42") == U"\uFFFDAB");
    CHECK(read_all("\xE4\xB8") == U"\uFFFD\uFFFD");
    CHECK(read_all("\xC0\x80"
                   "a") == U"\uFFFD\uFFFDa");
    CHECK(scanned("\xE2\x0B"
                  "x") == U"\x0B");
    CHECK(scanned("\xC0\x8B").empty());  // an overlong form is no code point
    CHECK(xxgk::utf8::first_invalid("abc\xE4\xB8") == 3);
}

TEST_CASE("utf8: the fast steps agree with the reference on random and adversarial text", "[utf8]") {
    std::mt19937 gen(20261207);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(gen); };
    // Bytes that matter: every kind of lead, the continuation bytes at the range edges, controls.
    const std::vector<unsigned char> bytes = {0x00, 0x09, 0x0A, 0x0B, 0x0D, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x81, 0x8F,
                                              0x90, 0x9F, 0xA0, 0xAD, 0xBB, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                              0xE2, 0xE3, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const std::size_t length = pick(30);
        for (std::size_t i = 0; i < length; ++i) s += static_cast<char>(bytes[pick(bytes.size())]);
        check_all(s);
    }
    // Pieces of real text (CJK runs, ASCII, the punctuation led by E2 and EF with every second
    // byte, hidden characters) with broken sequences among them, long enough for every step.
    std::vector<std::string> pieces = {"政",
                                       "府",
                                       "信息公开",
                                       "a",
                                       "1",
                                       " ",
                                       "\t",
                                       "\n",
                                       "。",
                                       "，",
                                       "“",
                                       "”",
                                       "…",
                                       "①",
                                       "\xE2\x80\xAE",
                                       "\xE2\x80\x8B",
                                       "\xEF\xBB\xBF",
                                       "\xEF\xBF\xB9",
                                       "\xC2\xAD",
                                       "\xED\x9F\xBF",
                                       "\xF0\x9F\x98\x80",
                                       "\xE4\xB8",
                                       "\x80",
                                       "\xE2\x0B",
                                       "\xC0\x80"};
    for (unsigned second = 0x80; second <= 0xBF; ++second)
        for (unsigned lead : {0xE2u, 0xEFu}) {
            std::string seq;
            seq += static_cast<char>(lead);
            seq += static_cast<char>(second);
            seq += static_cast<char>(0x80 + (second * 7) % 64);
            pieces.push_back(seq);
        }
    for (int round = 0; round < 5000; ++round) {
        std::string s;
        const std::size_t length = pick(40);
        for (std::size_t i = 0; i < length; ++i) s += pick(3) != 0 ? pieces[pick(4)] : pieces[pick(pieces.size())];
        check_all(s);
    }
    // Runs of CJK ended by stray and truncated sequences (the four-at-a-time step meeting a
    // broken one at every phase).
    const std::vector<unsigned char> tails = {0x00, 0x20, 0x7F, 0x80, 0x81, 0x9F, 0xA0, 0xB9, 0xBA, 0xBB,
                                              0xBC, 0xBF, 0xC2, 0xE2, 0xE3, 0xE4, 0xEE, 0xEF, 0xF0};
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const std::size_t runs = pick(4);
        for (std::size_t r = 0; r < runs; ++r) {
            const std::size_t cjk = pick(7);
            for (std::size_t i = 0; i < cjk; ++i) s += "政";
            const std::size_t tail = pick(5);
            for (std::size_t i = 0; i < tail; ++i) s += static_cast<char>(tails[pick(tails.size())]);
        }
        check_all(s);
    }
    // Well-formed text of random code points (half of it CJK): the fast paths' long runs.
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const std::size_t length = pick(40);
        for (std::size_t i = 0; i < length; ++i) {
            std::uint32_t cp = std::uniform_int_distribution<std::uint32_t>(0, 0x10FFFF)(gen);
            if (round % 2) cp = std::uniform_int_distribution<std::uint32_t>(0x4E00, 0x9FFF)(gen);
            if (i % 3 == 0) cp &= 0x7F;
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0x41;
            s += ref::encode(cp);
        }
        REQUIRE(xxgk::utf8::first_invalid(s) == xxgk::utf8::npos);
        check_all(s);
        if (!s.empty()) {  // and one byte broken in it, at a random place
            s[pick(s.size())] = static_cast<char>(bytes[pick(bytes.size())]);
            check_all(s);
        }
    }
}

TEST_CASE("utf8: what shows nothing, over every code point", "[utf8]") {
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        const bool control_or_separator = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
                                          (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
        REQUIRE(xxgk::utf8::is_hidden(cp) == ref::hidden(cp));
        REQUIRE(xxgk::utf8::is_invisible_format(cp) == (ref::hidden(cp) && !control_or_separator));
    }
}
