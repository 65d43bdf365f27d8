// One entry point for every kind of source: the kind and the encoding decided from the bytes
// (docs/import.md, "One entry point").
#include "document.hpp"
#include "../codes.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/error.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/text.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace xxgk {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Case-insensitive search for an ASCII word in the first `window` bytes.
bool contains_ascii_nocase(std::string_view s, std::string_view word, std::size_t window) {
    s = s.substr(0, window);
    if (word.size() > s.size()) return false;
    for (std::size_t p = 0; p + word.size() <= s.size(); ++p) {
        std::size_t i = 0;
        while (i < word.size() && lower_ascii(s[p + i]) == word[i]) ++i;
        if (i == word.size()) return true;
    }
    return false;
}

/// The names of a zip file's central-directory entries, read from the bytes (no decompression):
/// enough to tell a Word document from another zip. Bounded by the input's size.
bool zip_has_entry(std::string_view zip, std::string_view name) {
    // Central directory file headers: signature PK\1\2, name length at +28, name at +46.
    static constexpr std::string_view central = std::string_view("PK\x01\x02", 4);
    static constexpr std::string_view local = std::string_view("PK\x03\x04", 4);
    for (std::string_view sig : {central, local}) {
        const std::size_t name_at = sig == central ? 46 : 30;
        const std::size_t length_at = sig == central ? 28 : 26;
        for (std::size_t p = zip.find(sig); p != std::string_view::npos; p = zip.find(sig, p + 4)) {
            if (p + name_at > zip.size()) break;
            const auto length = static_cast<std::size_t>(static_cast<unsigned char>(zip[p + length_at])) |
                                static_cast<std::size_t>(static_cast<unsigned char>(zip[p + length_at + 1])) << 8;
            if (zip.substr(p + name_at, length) == name) return true;
        }
    }
    return false;
}

/// The text of `bytes` converted from `charset` to UTF-8 with iconv (glibc), or nothing when the
/// bytes are not valid in that charset (no replacement: a failed conversion is a wrong guess).
std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* charset) {
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; the input is not written
    std::size_t in_left = bytes.size();
    std::size_t done = 0;
    while (in_left > 0) {
        char* to = out.data() + done;
        std::size_t to_left = out.size() - done;
        const std::size_t r = iconv(cd, &in, &in_left, &to, &to_left);
        done = out.size() - to_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        return std::nullopt;  // EILSEQ or EINVAL: not this charset
    }
    out.resize(done);
    return out;
}

/// True when UTF-8 `text` reads as Chinese: more CJK ideographs and CJK punctuation than other
/// non-ASCII characters (a GB18030 decoding of Latin-1 or binary gives a jumble of rare symbols
/// and ideographs mixed with other scripts; a report is mostly ideographs).
bool reads_as_chinese(std::string_view text) {
    std::size_t cjk = 0, other = 0;
    char32_t cp = 0;
    for (utf8::reader r{text}; r.next(cp);) {
        if (cp < 0x80) continue;
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF))
            ++cjk;
        else
            ++other;
    }
    return cjk > 0 && cjk >= 4 * other;
}

/// The decision about a text or HTML source's encoding, for the log.
struct decoded {
    std::string text;  ///< UTF-8 (or the bytes as they were: `converted` false)
    bool converted = false;
    std::string encoding;  ///< what was taken: "UTF-8", "UTF-16LE", "GB18030", …
    std::string why;       ///< from what: a byte order mark, the page's declaration, the bytes
};

decoded decode_source(std::string_view bytes, source_kind kind) {
    decoded d;
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        const bool little = bytes[0] == '\xFF';
        const char* name = little ? "UTF-16LE" : "UTF-16BE";
        if (auto t = convert_to_utf8(bytes.substr(2), name)) {
            d.text = std::move(*t);
            d.converted = true;
            d.encoding = name;
            d.why = "its byte order mark";
            return d;
        }
        throw error(errc::invalid_value, std::string("the file starts with a UTF-16 byte order mark (") + name +
                                             ") but is not valid UTF-16");
    }
    d.encoding = "UTF-8";
    if (invalid_utf8_offset(bytes) == valid_utf8) {
        d.why = starts_with(bytes, "\xEF\xBB\xBF") ? "its byte order mark" : "the bytes (valid UTF-8)";
        return d;
    }
    if (kind == source_kind::html) {
        // A page's own declaration is honoured by import_html (libxml2 decodes it); a page that
        // declares nothing and is not UTF-8 is tried as GB18030 below, like text.
        if (contains_ascii_nocase(bytes, "charset", 4096)) {
            d.why = "the page's charset declaration";
            d.encoding = "declared";
            return d;
        }
    }
    if (auto t = convert_to_utf8(bytes, "GB18030"); t && reads_as_chinese(*t)) {
        d.text = std::move(*t);
        d.converted = true;
        d.encoding = "GB18030";
        d.why = "the bytes (not UTF-8; valid GB18030, which includes GBK and GB2312, reading as Chinese text)";
        return d;
    }
    d.why = "the bytes are neither UTF-8 nor GB18030; read as UTF-8 with the bad bytes replaced";
    return d;
}

}  // namespace

// Here rather than in docx_source.cpp: detection needs it in a build without the Word reader
// (XXGK_WITH_WORD=OFF, the WebAssembly build).
namespace import_detail {

void refuse_ole2(std::string_view bytes) {
    // An OLE2 compound file is a legacy .doc/.wps or an encrypted Office file (Office encrypts a
    // .docx by wrapping it in OLE2 with an "EncryptedPackage" stream, named in UTF-16LE).
    if (!xxgk::starts_with(bytes, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return;
    static const std::string encrypted_package = [] {
        std::string s;
        for (char c : std::string_view("EncryptedPackage")) {
            s += c;
            s += '\0';
        }
        return s;
    }();
    if (bytes.find(encrypted_package) != std::string_view::npos)
        throw error(errc::encrypted, "the Word document is password-protected (an encrypted Office package); "
                                     "save it without a password first");
    throw error(errc::unsupported_kind,
                "the file is a legacy Word or WPS document (.doc/.wps, an OLE2 compound file), "
                "which is not read; convert it first: soffice --headless --convert-to docx FILE");
}

}  // namespace import_detail

std::optional<source_kind> source_kind_by_extension(std::string_view path) noexcept {
    const std::size_t dot = path.rfind('.');
    // ".html" alone is a hidden file's name, not an extension (as std::filesystem::path sees it).
    if (dot == std::string_view::npos || dot == 0 || path[dot - 1] == '/' || path[dot - 1] == '\\' ||
        path.size() - dot > 8)
        return std::nullopt;
    char ext[8] = {};
    for (std::size_t i = dot + 1; i < path.size(); ++i) ext[i - dot - 1] = lower_ascii(path[i]);
    const std::string_view e(ext);
    for (std::string_view x : {"txt", "text", "md", "markdown"})
        if (e == x) return source_kind::text;
    for (std::string_view x : {"html", "htm", "xhtml", "shtml", "jsp", "asp", "aspx", "php"})
        if (e == x) return source_kind::html;
    if (e == "pdf") return source_kind::pdf;
    if (e == "docx") return source_kind::docx;
    for (std::string_view x : {"png", "jpg", "jpeg", "tif", "tiff"})
        if (e == x) return source_kind::image;
    return std::nullopt;
}

source_kind detect_source_kind(std::string_view bytes) {
    std::string_view head = bytes;
    if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
    // A PDF may have a few bytes of junk before its header (the specification allows 1024).
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return source_kind::pdf;
    if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) {
        if (zip_has_entry(bytes, "word/document.xml")) return source_kind::docx;
        if (zip_has_entry(bytes, "xl/workbook.xml"))
            throw error(errc::unsupported_kind, "the file is an Excel workbook (.xlsx), not a report document; "
                                                "export the report as PDF, Word (.docx) or HTML");
        throw error(errc::unsupported_kind,
                    "the file is a zip archive that is not a Word document (no word/document.xml); "
                    "unpack it and import the report inside");
    }
    import_detail::refuse_ole2(bytes);  // legacy .doc/.wps, or an encrypted Office file
    // PNG, JPEG and TIFF are scans, read by OCR (import_image: errc::unavailable in a build
    // without it); GIF is not a scan's format.
    if (starts_with(bytes, "\x89PNG") || starts_with(bytes, "\xFF\xD8\xFF") ||
        starts_with(bytes, std::string_view("II*\0", 4)) || starts_with(bytes, std::string_view("MM\0*", 4)))
        return source_kind::image;
    if (starts_with(bytes, "GIF8"))
        throw error(errc::unsupported_kind, "the file is a GIF image, which is not read; a scanned page is read by "
                                            "OCR from PNG, JPEG or TIFF: convert it to PNG");
    if (starts_with(bytes, "{\\rtf"))
        throw error(errc::unsupported_kind, "the file is an RTF document, which is not read; "
                                            "convert it first: soffice --headless --convert-to docx FILE");
    // HTML: a tag first, or markup of a page near the start (a UTF-16 page is decoded first by
    // import_bytes).
    std::size_t first = 0;
    while (first < head.size() && first < 4096 && (head[first] == ' ' || (head[first] >= '\t' && head[first] <= '\r')))
        ++first;
    if (first + 1 < head.size() && head[first] == '<' &&
        ((lower_ascii(head[first + 1]) >= 'a' && lower_ascii(head[first + 1]) <= 'z') || head[first + 1] == '!'))
        return source_kind::html;
    for (std::string_view word : {"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<p>", "<div"})
        if (contains_ascii_nocase(head, word, 2048)) return source_kind::html;
    return source_kind::text;
}

import_result import_bytes(std::string_view bytes, const import_options& options) {
    if (bytes.size() > options.max_input_bytes)
        throw error(errc::limit_exceeded,
                    "the input is " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                        std::to_string(options.max_input_bytes) + " (import_options::max_input_bytes)");
    std::vector<import_log_entry> log;
    const bool utf16 = starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF");
    std::string from_utf16;
    if (utf16 && !options.kind) {
        // The kind of a UTF-16 file is decided on its text.
        decoded d = decode_source(bytes, source_kind::text);
        from_utf16 = std::move(d.text);
    }
    const source_kind kind =
        options.kind ? *options.kind : detect_source_kind(utf16 ? std::string_view(from_utf16) : bytes);
    const char* kind_name = boost::describe::enum_to_string(kind, "?");
    import_detail::log_entry(log, codes::I_090,
                             std::string("source read as ") + kind_name +
                                 (options.kind ? " (forced by the caller)" : " (detected from the bytes)"));
    import_result result;
    if (kind == source_kind::pdf) {
        result = import_pdf(bytes, options);
    } else if (kind == source_kind::docx) {
        result = import_docx(bytes, options);
    } else if (kind == source_kind::image) {
        result = import_image(bytes, options);
    } else {
        decoded d = decode_source(bytes, kind);
        import_detail::log_entry(log, codes::I_091, "text decoded as " + d.encoding + ", from " + d.why);
        const std::string_view text = d.converted ? std::string_view(d.text) : bytes;
        result = kind == source_kind::html ? import_html(text, options) : import_text(text, options);
    }
    result.log.insert(result.log.begin(), log.begin(), log.end());
    return result;
}

import_result import_file(const std::string& path, const import_options& options) {
    return import_bytes(read_file(path, options.max_input_bytes), options);
}

import_counts count_import(const report& r) {
    import_counts n;
    const format_version f = r.format();
    for (std::size_t i = 0, end = cell_keys(f).size(); i < end; ++i) {
        switch (cell_at(r, i).state()) {
            case cell_state::blank: ++n.blank; break;
            case cell_state::not_captured: ++n.not_captured; break;
            default: ++n.read; break;
        }
    }
    return n;
}

}  // namespace xxgk
