// The C ABI of the importer (include/xxgk/xxgk.h, "Import"; docs/import.md): published text,
// HTML pages, PDF and Word files → reports, with the import log as JSON.
#include "wall.hpp"

#include <xxgk/import.hpp>

using namespace xxgk_c;

namespace {

xxgk::import_options import_options_arg(const xxgk_import_options* o) {
    xxgk::import_options options;
    if (!o) return options;
    check_struct_version(o->version, XXGK_IMPORT_OPTIONS_VERSION, "options", "XXGK_IMPORT_OPTIONS_INIT");
    switch (o->kind) {
        case XXGK_SOURCE_DETECT: break;
        case XXGK_SOURCE_TEXT: options.kind = xxgk::source_kind::text; break;
        case XXGK_SOURCE_HTML: options.kind = xxgk::source_kind::html; break;
        case XXGK_SOURCE_PDF: options.kind = xxgk::source_kind::pdf; break;
        case XXGK_SOURCE_DOCX: options.kind = xxgk::source_kind::docx; break;
        case XXGK_SOURCE_IMAGE: options.kind = xxgk::source_kind::image; break;
        default:
            fail(XXGK_E_INVALID_ARGUMENT,
                 "options->kind " + std::to_string(o->kind) + " is not an XXGK_SOURCE_* value");
    }
    if (o->format != 0) {
        if (!xxgk_format_supported(o->format))
            fail(XXGK_E_INVALID_ARGUMENT,
                 "options->format " + std::to_string(o->format) + " is not a supported format");
        options.format = static_cast<xxgk::format_version>(o->format);
    }
    if (o->year != 0) options.year = o->year;
    if (o->max_input_bytes != 0) options.max_input_bytes = o->max_input_bytes;
    if (o->version >= 2) options.ocr = o->no_ocr == 0;  // a version-1 caller did not allocate no_ocr
    return options;
}

// Hands the result over: the log first (it may fail to allocate), then the report.
void deliver_import(xxgk::import_result&& r, xxgk_report** out, char** log_json, std::size_t* log_json_len) {
    char* log = nullptr;
    std::size_t length = 0;
    if (log_json) copy_out(xxgk::import_log_to_json(r.log), &log, &length);
    try {
        *out = new xxgk_report(std::move(r.value));
    } catch (...) {
        xxgk_free(log);
        throw;
    }
    if (log_json) *log_json = log;
    if (log_json_len) *log_json_len = length;
}

}  // namespace

extern "C" {

int xxgk_ocr_available(void) { return xxgk::ocr_available() ? 1 : 0; }

xxgk_status xxgk_import_bytes(xxgk_report** out, char** log_json, size_t* log_json_len, const char* bytes,
                              size_t bytes_len, const xxgk_import_options* options, xxgk_error** err) {
    clear_out(out);
    clear_out(log_json);
    clear_len(log_json_len);
    return guarded(err, [&] {
        require(out, "out");
        if (bytes_len) require(bytes, "bytes");
        const xxgk::import_options o = import_options_arg(options);
        check_length(bytes_len, "bytes");
        check_limit(bytes_len, o.max_input_bytes);  // before a single byte is read
        // The importer's walkers over HTML and Word documents recurse per level of nesting: on a
        // stack of its own, whatever the caller's (docs/security.md, "Nesting depth").
        const std::string_view b(bytes ? bytes : "", bytes_len);
        deliver_import(xxgk::detail::on_own_stack([&] { return xxgk::import_bytes(b, o); }), out, log_json,
                       log_json_len);
    });
}

xxgk_status xxgk_import_file(xxgk_report** out, char** log_json, size_t* log_json_len, const char* path,
                             const xxgk_import_options* options, xxgk_error** err) {
    clear_out(out);
    clear_out(log_json);
    clear_len(log_json_len);
    return guarded(err, [&] {
        require(out, "out");
        require(path, "path");
        const xxgk::import_options o = import_options_arg(options);
        deliver_import(xxgk::detail::on_own_stack([&] { return xxgk::import_file(path, o); }), out, log_json,
                       log_json_len);
    });
}

}  // extern "C"
