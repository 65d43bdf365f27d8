// The C ABI of portal files (include/xxgk/xxgk.h § Portal files, docs/portal.md): load, recognise,
// serialise, address by JSON Pointer, validate, render. Every function runs inside the wall of
// wall.hpp, like the report functions of xxgk_c.cpp.
#include "xxgk/xxgk.h"

#include "wall.hpp"

#include <xxgk/portal.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <memory>

namespace {

using xxgk_c::guarded;

template <class T>
void clear_out(T** out) noexcept {
    if (out) *out = nullptr;
}
void clear_len(std::size_t* len) noexcept {
    if (len) *len = 0;
}

void decode_into(xxgk_portal** out, std::string_view json, const xxgk::decode_options& o) {
    xxgk::portal_decode_result r = xxgk::decode_portal_json(json, o);
    if (!r.ok()) xxgk_c::fail_with(r.problems);
    *out = new xxgk_portal(std::move(*r.value));
}

}  // namespace

extern "C" {

int xxgk_is_portal_json(const char* json, size_t json_len) {
    if (!json) return 0;
    try {
        return xxgk::is_portal_json(std::string_view(json, json_len)) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

xxgk_status xxgk_portal_from_json(xxgk_portal** out, const char* json, size_t json_len,
                                  const xxgk_load_options* options, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        xxgk_c::require(out, "out");
        const xxgk::decode_options o = xxgk_c::decode_options_arg(options);
        decode_into(out, xxgk_c::json_arg(json, json_len, o), o);
    });
}

xxgk_status xxgk_portal_from_file(xxgk_portal** out, const char* path, const xxgk_load_options* options,
                                  xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        xxgk_c::require(out, "out");
        const xxgk::decode_options o = xxgk_c::decode_options_arg(options);
        const std::string text = xxgk_c::file_arg(path, o);
        decode_into(out, text, o);
    });
}

void xxgk_portal_free(xxgk_portal* portal) { xxgk_c::retire(portal); }

xxgk_status xxgk_portal_to_json(const xxgk_portal* portal, char** out, size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        xxgk_c::require(portal, "portal");
        xxgk_c::require(out, "out");
        xxgk_c::copy_out(xxgk::to_json(portal->value), out, out_len);
    });
}

xxgk_status xxgk_portal_get_json(const xxgk_portal* portal, const char* pointer, size_t pointer_len, char** out,
                                 size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        xxgk_c::require(portal, "portal");
        xxgk_c::require(out, "out");
        if (!pointer && pointer_len) xxgk_c::require(pointer, "pointer");
        const std::string_view p(pointer ? pointer : "", pointer ? pointer_len : 0);
        xxgk_c::with_stack_for(portal->value.unknown_members, [&] {
            // The portal's own JSON: as deep as its loading allowed (kept members), no limit here.
            boost::json::parse_options po;
            po.max_depth = std::size_t(1) << 20;
            const boost::json::value doc = boost::json::parse(xxgk::to_json(portal->value), {}, po);
            boost::system::error_code ec;
            const boost::json::value* v = doc.find_pointer(boost::json::string_view(p.data(), p.size()), ec);
            if (!v) {
                if (ec == boost::json::error::missing_slash || ec == boost::json::error::invalid_escape)
                    xxgk_c::fail(XXGK_E_INVALID_ARGUMENT, "'" + std::string(p) + "' is not a JSON Pointer");
                xxgk_c::fail(XXGK_E_NOT_FOUND, "'" + std::string(p) + "' names no value of the portal");
            }
            xxgk_c::copy_out(boost::json::serialize(*v), out, out_len);
        });
    });
}

xxgk_status xxgk_portal_validate(const xxgk_portal* portal, const xxgk_validate_options* options, xxgk_issues** out,
                                 xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        xxgk_c::require(portal, "portal");
        xxgk_c::require(out, "out");
        const xxgk::validate_options o = xxgk_c::validate_options_arg(options);
        auto issues = std::make_unique<xxgk_issues>();
        issues->findings = xxgk::validate(portal->value, o);
        issues->errors = xxgk::count_errors(issues->findings);
        *out = issues.release();
    });
}

xxgk_status xxgk_portal_render(const xxgk_portal* portal, int what, const xxgk_render_options* options, char** out,
                               size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        xxgk_c::require(portal, "portal");
        xxgk_c::require(out, "out");
        xxgk::render_options o = xxgk_c::render_options_arg(options);
        if (what != XXGK_RENDER_HTML && what != XXGK_RENDER_HTML_FRAGMENT)
            xxgk_c::fail(XXGK_E_INVALID_ARGUMENT,
                         "what " + std::to_string(what) +
                             " is not XXGK_RENDER_HTML or XXGK_RENDER_HTML_FRAGMENT (portal files)");
        o.standalone = what == XXGK_RENDER_HTML;
        xxgk_c::copy_out(xxgk::render_html(portal->value, o), out, out_len);
    });
}

size_t xxgk_portal_csv_table_count(const xxgk_portal* portal) {
    if (!xxgk_c::live(portal)) return 0;
    try {
        return xxgk::render_csv_tables(portal->value).size();
    } catch (...) {
        return 0;
    }
}

xxgk_status xxgk_portal_csv_table(const xxgk_portal* portal, size_t index, char** name, size_t* name_len, char** csv,
                                  size_t* csv_len, xxgk_error** err) {
    clear_out(name);
    clear_len(name_len);
    clear_out(csv);
    clear_len(csv_len);
    return guarded(err, [&] {
        xxgk_c::require(portal, "portal");
        xxgk_c::require(csv, "csv");
        xxgk_c::csv_table_out(xxgk::render_csv_tables(portal->value), index, name, name_len, csv, csv_len);
    });
}

xxgk_status xxgk_portal_json_schema(char** out, size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        xxgk_c::require(out, "out");
        xxgk_c::copy_out(xxgk::portal_json_schema(), out, out_len);
    });
}

}  // extern "C"
