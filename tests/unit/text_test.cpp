#include <xxgk/text.hpp>

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("position_of counts lines and code points", "[text]") {
    const std::string text = "{\n  \"body\": \"苍南县\",\n  x";  // 苍南县 is 3 code points, 9 bytes
    CHECK(xxgk::position_of(text, 0).line == 1);
    CHECK(xxgk::position_of(text, 0).column == 1);
    const std::size_t x = text.find('x');
    CHECK(xxgk::position_of(text, x).line == 3);
    CHECK(xxgk::position_of(text, x).column == 3);
    const std::size_t quote = text.rfind('"');
    CHECK(xxgk::position_of(text, quote).line == 2);
    CHECK(xxgk::position_of(text, quote).column == 15);  // after 苍南县, counted as 3 columns
    CHECK(xxgk::position_of(text, 10000).line == 3);     // past the end: the end
}

TEST_CASE("invalid_utf8_offset finds the first bad sequence", "[text]") {
    CHECK(xxgk::invalid_utf8_offset("") == xxgk::valid_utf8);
    CHECK(xxgk::invalid_utf8_offset("规范性文件 ok \xF0\x9F\x98\x80") == xxgk::valid_utf8);  // 4-byte emoji
    CHECK(xxgk::invalid_utf8_offset("ab\xFF") == 2);                                         // never valid
    CHECK(xxgk::invalid_utf8_offset("a\xC0\xAF") == 1);                                      // overlong "/"
    CHECK(xxgk::invalid_utf8_offset("x\xED\xA0\x80") == 1);                                  // UTF-16 surrogate D800
    CHECK(xxgk::invalid_utf8_offset("\xF4\x90\x80\x80") == 0);                               // above U+10FFFF
    CHECK(xxgk::invalid_utf8_offset("ok\xE8\xA7") == 2);        // truncated 3-byte sequence
    CHECK(xxgk::invalid_utf8_offset("\xE8\xA7\x84\x80") == 3);  // stray continuation byte
}
