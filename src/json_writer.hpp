// Internal: a minimal, deterministic JSON text writer shared by every encoder in xxgk.
#ifndef XXGK_SRC_JSON_WRITER_HPP
#define XXGK_SRC_JSON_WRITER_HPP

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "word_bits.hpp"

namespace xxgk::detail {

/// Appends JSON text to a string. The caller produces well-formed nesting; the writer inserts
/// commas and escapes strings (RFC 8259: quotes, backslash and control characters).
class json_writer {
public:
    explicit json_writer(std::string& out) : out_(out) {}

    void begin_object() {
        separate();
        out_ += '{';
        first_ = true;
    }
    void end_object() {
        out_ += '}';
        first_ = false;
    }
    void begin_array() {
        separate();
        out_ += '[';
        first_ = true;
    }
    void end_array() {
        out_ += ']';
        first_ = false;
    }
    /// A member name; the next value written belongs to it.
    void key(std::string_view k) {
        separate();
        string_body(k);
        out_ += ':';
        first_ = true;  // the value follows without a comma
    }
    /// A member name that has nothing to escape (a described C++ identifier): written as it is.
    void plain_key(std::string_view k) {
        separate();
        out_ += '"';
        out_.append(k.data(), k.size());
        out_.append("\":", 2);
        first_ = true;
    }
    void string(std::string_view s) {
        separate();
        string_body(s);
    }
    void null() {
        separate();
        out_ += "null";
    }
    void boolean(bool b) {
        separate();
        out_ += b ? "true" : "false";
    }
    void integer(std::int64_t v) {
        separate();
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, r.ptr);
    }
    /// Already-serialized JSON (kept unknown members).
    void raw(std::string_view json) {
        separate();
        out_ += json;
    }

private:
    void separate() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    // True when one of the 8 bytes of `w` must be escaped: below 0x20, '"' or '\\'.
    static bool needs_escape(std::uint64_t w) noexcept {
        return has_byte_below(w, 0x20) || has_byte(w, '"') || has_byte(w, '\\');
    }

    void string_body(std::string_view s) {
        out_ += '"';
        std::size_t plain = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            // Skip 8 plain bytes at a time (text is mostly plain: CJK bytes are all >= 0x80).
            while (i + 8 <= s.size() && !needs_escape(load_word(s.data() + i))) i += 8;
            if (i == s.size()) break;
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.data() + plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 15];
                }
            }
        }
        out_.append(s.data() + plain, s.size() - plain);
        out_ += '"';
    }

    std::string& out_;
    bool first_ = true;
};

}  // namespace xxgk::detail

#endif
