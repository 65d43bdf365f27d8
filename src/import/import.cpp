// The public entry points of the importer (include/xxgk/import.hpp).
#include "assemble.hpp"
#include "../codes.hpp"
#include "cells.hpp"
#include "fold.hpp"
#include "log.hpp"
#include "ocr.hpp"

#include <xxgk/error.hpp>
#include <xxgk/format.hpp>
#include <xxgk/import.hpp>
#include <xxgk/text.hpp>

#include <algorithm>

// CMake's options XXGK_WITH_HTML/PDF/WORD (default ON) set these to 0 to leave a reader out.
#ifndef XXGK_WITH_HTML
#define XXGK_WITH_HTML 1
#endif
#ifndef XXGK_WITH_PDF
#define XXGK_WITH_PDF 1
#endif
#ifndef XXGK_WITH_WORD
#define XXGK_WITH_WORD 1
#endif
#ifndef XXGK_WITH_OCR  // XXGK_WITH_OCR (default ON; needs XXGK_WITH_PDF) sets it to 0 to leave OCR out
#define XXGK_WITH_OCR 0
#endif

namespace xxgk {
namespace {

/// Invalid UTF-8 is replaced (and logged) so that everything after reads valid text.
std::string valid_text(std::string_view input, std::vector<import_log_entry>& log) {
    std::vector<std::size_t> bad;
    std::string text = import_detail::sanitize_utf8(input, bad);
    if (!bad.empty()) {
        const text_position p = position_of(text, bad.front());
        import_detail::log_entry(log, codes::I_011,
                                 std::to_string(bad.size()) +
                                     " invalid UTF-8 byte(s) replaced by U+FFFD, the first at byte " +
                                     std::to_string(bad.front()),
                                 {}, import_detail::at_line(p.line, p.column));
    }
    return text;
}

#if XXGK_WITH_HTML
/// The charset a page declares near its start (<meta charset="…"> or content="…; charset=…"),
/// lowered; empty when it declares none.
std::string declared_charset(std::string_view html) {
    const std::string_view head = html.substr(0, 4096);
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    static constexpr std::string_view word = "charset";
    for (std::size_t p = 0; p + word.size() <= head.size(); ++p) {
        std::size_t i = 0;
        while (i < word.size() && lower(head[p + i]) == word[i]) ++i;
        if (i < word.size()) continue;
        std::size_t q = p + word.size();
        while (q < head.size() && (head[q] == ' ' || head[q] == '\t')) ++q;
        if (q >= head.size() || head[q] != '=') continue;
        ++q;
        while (q < head.size() && (head[q] == ' ' || head[q] == '\t' || head[q] == '"' || head[q] == '\'')) ++q;
        std::string name;
        for (; q < head.size(); ++q) {
            const char c = lower(head[q]);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) break;
            name += c;
        }
        if (!name.empty()) return name;
    }
    return {};
}
#endif

/// A reader left out of this build (CMake XXGK_WITH_HTML/PDF/WORD=OFF; the WebAssembly build):
/// errc::unavailable naming the reader and the option, never a link error (docs/import.md).
[[maybe_unused]] error unavailable(const char* what, const char* option) {
    return error(errc::unavailable, std::string(what) + " is not available in this build of xxgk (built with " +
                                        option + "=OFF); import the report as text, or use a build with " + option +
                                        "=ON");
}

void check_size(std::string_view input, const import_options& options, const char* what) {
    if (input.size() > options.max_input_bytes)
        throw error(errc::limit_exceeded,
                    std::string(what) + " is " + std::to_string(input.size()) + " bytes, more than the limit of " +
                        std::to_string(options.max_input_bytes) + " (import_options::max_input_bytes)");
}

/// Runs one import inside a session (log cap, work budget); the outermost session finishes it.
template <class F>
import_result in_session(const import_options& options, F&& f) {
    import_detail::import_session session(options);
    import_result r = f();
    const std::size_t steps = session.finish(r.log);
    if (steps) r.work_steps = steps;
    return r;
}

import_result import_text_unchecked(std::string_view text, const import_options& options) {
    std::vector<import_log_entry> log;
    // Valid text is read in place (copying it cost a large allocation); other text repaired first.
    std::string repaired;
    if (invalid_utf8_offset(text) != valid_utf8) {
        repaired = valid_text(text, log);
        text = repaired;
    }
    import_detail::document doc = import_detail::read_text(text);
    doc.log.insert(doc.log.begin(), log.begin(), log.end());
    return import_detail::assemble(std::move(doc), options);
}

#if XXGK_WITH_HTML
import_result import_html_unchecked(std::string_view html, const import_options& options) {
    // A page that is UTF-8 (declared, or declaring nothing) with a few bad bytes is repaired like
    // text (U+FFFD, XXGK-I-011); a page declaring another charset (GBK, GB18030, Big5 …) is
    // decoded by libxml2 from its declaration.
    std::vector<import_log_entry> log;
    std::string repaired;
    if (invalid_utf8_offset(html) != valid_utf8) {
        const std::string charset = declared_charset(html);
        if (charset.empty() || charset == "utf-8" || charset == "utf8") {
            repaired = valid_text(html, log);
            html = repaired;
        }
    }
    import_detail::document doc = import_detail::read_html(html);
    doc.log.insert(doc.log.begin(), log.begin(), log.end());
    return import_detail::assemble(std::move(doc), options);
}
#endif

#if XXGK_WITH_PDF
/// The assembler, then the OCR values proof-read by the identities (when there are any).
import_result assemble_read(import_detail::document doc, const import_options& options) {
    import_detail::document read;  // what settle_ocr needs: the OCR values, ink and page counts
    read.ocr_values = std::move(doc.ocr_values);
    read.ocr_ink = std::move(doc.ocr_ink);
    read.ocr_pages = doc.ocr_pages;
    read.text_layer_pages = doc.text_layer_pages;
    if (read.ocr_pages.empty()) return import_detail::assemble(std::move(doc), options);
    import_result r = import_detail::assemble(std::move(doc), options);
    import_detail::settle_ocr(r, read);
    return r;
}
#endif

}  // namespace

import_result import_text(std::string_view text, const import_options& options) {
    check_size(text, options, "the text");
    return in_session(options, [&] { return import_text_unchecked(text, options); });
}

import_result import_html(std::string_view html, const import_options& options) {
    check_size(html, options, "the HTML page");
#if XXGK_WITH_HTML
    return in_session(options, [&] { return import_html_unchecked(html, options); });
#else
    throw unavailable("HTML import", "XXGK_WITH_HTML");
#endif
}

import_result import_pdf(std::string_view pdf, const import_options& options) {
    check_size(pdf, options, "the PDF file");
#if XXGK_WITH_PDF
    return in_session(
        options, [&] { return assemble_read(import_detail::read_pdf(pdf, options.ocr && ocr_available()), options); });
#else
    throw unavailable("PDF import", "XXGK_WITH_PDF");
#endif
}

bool ocr_available() noexcept { return XXGK_WITH_OCR != 0; }

import_result import_image(std::string_view image, const import_options& options) {
    check_size(image, options, "the image");
#if XXGK_WITH_OCR
    if (!options.ocr)
        throw error(errc::unsupported_kind,
                    "the file is an image (a scanned page?) and OCR is off (import_options::ocr)");
    return in_session(options, [&] {
        return assemble_read(import_detail::read_placed_pages(import_detail::ocr_image_file(image)), options);
    });
#else
    throw unavailable("Image import (OCR of a scanned page)", "XXGK_WITH_OCR");
#endif
}

import_result import_docx(std::string_view docx, const import_options& options) {
    check_size(docx, options, "the Word file");
#if XXGK_WITH_WORD
    return in_session(options, [&] {
        return import_detail::assemble(import_detail::read_docx(docx, options.max_input_bytes), options);
    });
#else
    throw unavailable("Word import", "XXGK_WITH_WORD");
#endif
}

cell read_printed_cell(std::string_view printed, value_kind kind) {
    cell c = import_detail::read_cell(printed, kind).value;
    // An empty printing says nothing; a plain number printed as the library prints it neither.
    if (c.is_blank() || (c.is_number() && c.unit() == money_unit::none && c.raw() && *c.raw() == c.value().to_string()))
        c.set_raw(std::nullopt);
    return c;
}

}  // namespace xxgk
