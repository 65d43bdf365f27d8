// One entry point for every kind of source (include/xxgk/import.hpp: detect_source_kind,
// import_bytes, import_file, count_import, source_kind_by_extension; xxgk/json.hpp: the bounded
// read_file).
#include "import_fixtures.hpp"

#include <xxgk/error.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/text.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using import_fixtures::data;

/// The code of the xxgk::error `f` throws, or nothing.
template <class F>
std::optional<xxgk::errc> error_code_of(F&& f) {
    try {
        f();
    } catch (const xxgk::error& e) {
        return e.code();
    }
    return std::nullopt;
}

/// A zip file's bytes with one stored (uncompressed) entry `name` holding `content`: a local
/// header, the data, a central directory header and the end record, as the zip format lays them out.
std::string tiny_zip(const std::string& name, const std::string& content) {
    const auto u16 = [](std::string& s, unsigned v) {
        s += static_cast<char>(v & 0xFF);
        s += static_cast<char>(v >> 8 & 0xFF);
    };
    const auto u32 = [&](std::string& s, unsigned long v) {
        u16(s, static_cast<unsigned>(v & 0xFFFF));
        u16(s, static_cast<unsigned>(v >> 16 & 0xFFFF));
    };
    std::string local("PK\x03\x04", 4);
    u16(local, 20), u16(local, 0), u16(local, 0), u16(local, 0), u16(local, 0);
    u32(local, 0), u32(local, content.size()), u32(local, content.size());
    u16(local, static_cast<unsigned>(name.size())), u16(local, 0);
    local += name + content;
    std::string central("PK\x01\x02", 4);
    u16(central, 20), u16(central, 20), u16(central, 0), u16(central, 0), u16(central, 0), u16(central, 0);
    u32(central, 0), u32(central, content.size()), u32(central, content.size());
    u16(central, static_cast<unsigned>(name.size())), u16(central, 0), u16(central, 0), u16(central, 0),
        u16(central, 0);
    u32(central, 0), u32(central, 0);
    central += name;
    std::string end("PK\x05\x06", 4);
    u16(end, 0), u16(end, 0), u16(end, 1), u16(end, 1);
    u32(end, central.size()), u32(end, local.size()), u16(end, 0);
    return local + central + end;
}

/// Every cell of `a` and `b` has the same state and value.
void check_same_cells(const xxgk::report& a, const xxgk::report& b) {
    REQUIRE(a.format() == b.format());
    for (std::size_t i = 0; i < xxgk::cell_keys(a.format()).size(); ++i) {
        INFO(xxgk::cell_keys(a.format())[i].key);
        CHECK(xxgk::cell_at(a, i).state() == xxgk::cell_at(b, i).state());
        CHECK(xxgk::cell_at(a, i).value() == xxgk::cell_at(b, i).value());
    }
}

bool logged(const xxgk::import_result& r, const std::string& code, const std::string& part) {
    for (const xxgk::import_log_entry& e : r.log)
        if (e.code == code && e.message.find(part) != std::string::npos) return true;
    return false;
}

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("xxgk-detect-" + std::to_string(::getpid()) + "-" + name))
        .string();
}

}  // namespace

TEST_CASE("detect_source_kind: the kind from the bytes", "[import][detect]") {
    using xxgk::source_kind;
    CHECK(xxgk::detect_source_kind("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj") == source_kind::pdf);
    CHECK(xxgk::detect_source_kind("\r\n%PDF-1.4 junk before the header is allowed") == source_kind::pdf);
    CHECK(xxgk::detect_source_kind(tiny_zip("word/document.xml", "<w:document/>")) == source_kind::docx);
    CHECK(xxgk::detect_source_kind("<!DOCTYPE html><html><body><table></table></body></html>") == source_kind::html);
    CHECK(xxgk::detect_source_kind("  <section><p>政府信息公开工作年度报告</p></section>") == source_kind::html);
    CHECK(xxgk::detect_source_kind("\xEF\xBB\xBF<html>") == source_kind::html);
    CHECK(xxgk::detect_source_kind(data("cangnan-2020-annual-report.txt")) == source_kind::text);
    CHECK(xxgk::detect_source_kind("") == source_kind::text);
    CHECK(xxgk::detect_source_kind("# 2020年政府信息公开工作年度报告\n| 一、总体情况 |") == source_kind::text);

    SECTION("kinds that are recognised and refused, each with what to do") {
        const auto refused = [](const std::string& bytes, const std::string& says) {
            try {
                xxgk::detect_source_kind(bytes);
                FAIL("not refused");
            } catch (const xxgk::error& e) {
                CHECK(e.code() == xxgk::errc::unsupported_kind);
                CHECK_THAT(e.what(), Catch::Contains(says));
            }
        };
        refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'),
                "soffice --headless --convert-to docx");
        refused(tiny_zip("xl/workbook.xml", "<workbook/>"), "Excel");
        refused(tiny_zip("readme.txt", "hello"), "no word/document.xml");
        // Scans are a kind read whether or not this build has OCR (import_image says errc::unavailable).
        CHECK(xxgk::detect_source_kind("\x89PNG\r\n\x1A\n") == source_kind::image);
        CHECK(xxgk::detect_source_kind("\xFF\xD8\xFF\xE0") == source_kind::image);
        CHECK(xxgk::detect_source_kind(std::string("II*\0", 4)) == source_kind::image);
        refused("GIF89a", "convert it to PNG");
        refused("{\\rtf1\\ansi", "RTF");
    }
}

TEST_CASE("source_kind_by_extension: the kind a file name says", "[import][detect]") {
    using xxgk::source_kind;
    CHECK(xxgk::source_kind_by_extension("report.PDF") == source_kind::pdf);
    CHECK(xxgk::source_kind_by_extension("a/b/报告.docx") == source_kind::docx);
    CHECK(xxgk::source_kind_by_extension("page.shtml") == source_kind::html);
    CHECK(xxgk::source_kind_by_extension("notes.md") == source_kind::text);
    CHECK_FALSE(xxgk::source_kind_by_extension("report.doc"));
    CHECK_FALSE(xxgk::source_kind_by_extension("report"));
    CHECK_FALSE(xxgk::source_kind_by_extension("report.json"));
    CHECK_FALSE(xxgk::source_kind_by_extension("archive.tar.verylongextension"));
}

TEST_CASE("import_bytes: GB18030 and UTF-16 text read as the UTF-8 text is", "[import][detect]") {
    const xxgk::import_result utf8 = xxgk::import_text(data("cangnan-2020-annual-report.txt"));

    SECTION("GB18030 (GBK) text is recognised in the bytes") {
        const std::string gb = data("cangnan-2020-gb18030.txt");
        REQUIRE(xxgk::invalid_utf8_offset(gb) != xxgk::valid_utf8);
        const xxgk::import_result r = xxgk::import_bytes(gb);
        check_same_cells(r.value, utf8.value);
        CHECK(r.value.header.body == utf8.value.header.body);
        CHECK(logged(r, "XXGK-I-090", "source read as text (detected"));
        CHECK(logged(r, "XXGK-I-091", "GB18030"));
        // Without the decoding, the same bytes are no text at all (every Chinese character lost).
        CHECK(error_code_of([&] { xxgk::import_text(gb); }) == xxgk::errc::invalid_value);
    }
    SECTION("UTF-16 with a byte order mark") {
        const xxgk::import_result r = xxgk::import_bytes(data("cangnan-2020-utf16le.txt"));
        check_same_cells(r.value, utf8.value);
        CHECK(logged(r, "XXGK-I-091", "UTF-16LE, from its byte order mark"));
    }
    SECTION("UTF-8 stays UTF-8, and a forced kind is said to be forced") {
        xxgk::import_options options;
        options.kind = xxgk::source_kind::text;
        const xxgk::import_result r = xxgk::import_bytes(data("cangnan-2020-annual-report.txt"), options);
        check_same_cells(r.value, utf8.value);
        CHECK(logged(r, "XXGK-I-090", "forced by the caller"));
        CHECK(logged(r, "XXGK-I-091", "UTF-8, from the bytes"));
    }
    SECTION("a GBK page declaring its charset, and one declaring nothing") {
        const std::string page = data("sample-2021-gbk.html");
        const xxgk::import_result declared = xxgk::import_bytes(page);
        CHECK(logged(declared, "XXGK-I-090", "source read as html"));
        CHECK(logged(declared, "XXGK-I-091", "declaration"));
        const std::string undeclared = import_fixtures::replace_once(page, "; charset=gbk", "");
        const xxgk::import_result r = xxgk::import_bytes(undeclared);
        CHECK(logged(r, "XXGK-I-091", "GB18030"));
        check_same_cells(r.value, declared.value);
        CHECK(xxgk::count_import(r.value).read > 150);
    }
    SECTION("bytes that are neither UTF-8 nor Chinese GB18030 are repaired, not guessed") {
        std::string latin = data("cangnan-2020-annual-report.txt");
        latin += "\nCaf\xE9 \xE9t\xE9 na\xEFve\n";  // Latin-1: GB18030 would read it as other characters
        const xxgk::import_result r = xxgk::import_bytes(latin);
        CHECK(logged(r, "XXGK-I-091", "neither UTF-8 nor GB18030"));
        CHECK(logged(r, "XXGK-I-011", "invalid UTF-8"));
    }
    SECTION("a UTF-16 byte order mark on bytes that are not UTF-16") {
        CHECK(error_code_of([] { xxgk::import_bytes(std::string("\xFF\xFE\x41", 3)); }) == xxgk::errc::invalid_value);
    }
    SECTION("limits are checked before anything is read") {
        xxgk::import_options small;
        small.max_input_bytes = 100;
        CHECK(error_code_of([&] { xxgk::import_bytes(data("cangnan-2020-annual-report.txt"), small); }) ==
              xxgk::errc::limit_exceeded);
    }
}

TEST_CASE("count_import: cells read, blank seen, not captured", "[import][detect]") {
    const xxgk::report expected = import_fixtures::example("cangnan-2020.json");
    std::size_t read = 0, blank = 0, missing = 0;
    for (std::size_t i = 0; i < xxgk::cell_keys(expected.format()).size(); ++i) {
        const xxgk::cell_state s = xxgk::cell_at(expected, i).state();
        (s == xxgk::cell_state::blank ? blank : s == xxgk::cell_state::not_captured ? missing : read) += 1;
    }
    const xxgk::import_counts n = xxgk::count_import(expected);
    CHECK(n.read == read);
    CHECK(n.blank == blank);
    CHECK(n.not_captured == missing);
    CHECK(n.read + n.blank + n.not_captured == 198);  // every cell of the 2019 format

    xxgk::report r = xxgk::report::make(xxgk::format_version::v2021);
    xxgk::cell_at(r, "requests.granted.total") = xxgk::cell::not_captured();
    xxgk::cell_at(r, "requests.granted.natural_person") = xxgk::cell::number(xxgk::decimal(3));
    const xxgk::import_counts m = xxgk::count_import(r);
    CHECK(m.read == 1);
    CHECK(m.not_captured == 1);
    CHECK(m.blank == 198);
}

TEST_CASE("read_file with a limit: regular files only, never more than the limit read", "[import][detect]") {
    using xxgk::errc;
    const auto code = [](const std::string& path, std::size_t limit) {
        return error_code_of([&] { xxgk::read_file(path, limit); });
    };
    const auto message = [](const std::string& path, std::size_t limit) -> std::string {
        try {
            xxgk::read_file(path, limit);
        } catch (const xxgk::error& e) {
            return e.what();
        }
        return {};
    };
    CHECK(code("/dev/zero", 1000) == errc::io_error);
    CHECK_THAT(message("/dev/zero", 1000), Catch::Contains("character device"));
    CHECK_THAT(message(XXGK_TEST_DATA, 1000), Catch::Contains("a directory"));
    CHECK_THAT(message(temp_path("missing"), 1000), Catch::Contains("no such file"));

    const std::string fifo = temp_path("fifo");
    std::remove(fifo.c_str());
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THAT(message(fifo, 1000), Catch::Contains("FIFO"));  // refused without opening: no hang
    std::remove(fifo.c_str());

    const std::string file = temp_path("file.txt");
    std::ofstream(file, std::ios::binary) << std::string(5000, 'x');
    CHECK(xxgk::read_file(file, 5000).size() == 5000);
    CHECK(code(file, 4999) == errc::limit_exceeded);
    CHECK_THAT(message(file, 4999), Catch::Contains("5000 bytes, more than the limit of 4999"));
    std::ofstream(file, std::ios::binary).write("", 0);
    CHECK(xxgk::read_file(file, 0).empty());
    std::remove(file.c_str());
}

TEST_CASE("import_file: detects, decodes and reports the file's problems", "[import][detect]") {
    const std::string gb = temp_path("report.txt");
    std::ofstream(gb, std::ios::binary) << data("cangnan-2020-gb18030.txt");
    const xxgk::import_result r = xxgk::import_file(gb);
    CHECK(xxgk::cell_at(r.value, "requests.total.total").value() == xxgk::decimal(228));
    std::remove(gb.c_str());

    CHECK(error_code_of([] { xxgk::import_file("/dev/zero"); }) == xxgk::errc::io_error);
    CHECK(error_code_of([] { xxgk::import_file(temp_path("nothing-here.pdf")); }) == xxgk::errc::io_error);
    const std::string doc = temp_path("legacy.doc");
    std::ofstream(doc, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)
                                         << std::string(600, '\0');
    CHECK(error_code_of([&] { xxgk::import_file(doc); }) == xxgk::errc::unsupported_kind);
    std::remove(doc.c_str());
}
