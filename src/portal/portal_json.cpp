// Canonical JSON of portal files: the same codec as the report (json_codec.hpp, decode_document),
// with "kind": "portal" first.
#include "xxgk/portal.hpp"

#include "../json_codec.hpp"
#include "xxgk/detail/encoding.hpp"
#include "xxgk/detail/stack.hpp"

#include <boost/json/parse.hpp>

namespace xxgk {

bool is_portal_json(std::string_view json) {
    // Only the top level matters: a shallow parse suffices, and a malformed text is no portal.
    boost::json::parse_options popts;
    popts.max_depth = decode_options{}.max_depth;
    boost::system::error_code ec;
    json = detail::without_utf8_bom(json);  // allowed, as by the decoders
    const boost::json::value v = boost::json::parse(boost::json::string_view(json.data(), json.size()), ec,
                                                    boost::json::storage_ptr(), popts);
    if (ec || !v.is_object()) return false;
    const auto* kind = v.get_object().if_contains("kind");
    return kind && kind->is_string() && kind->get_string() == boost::json::string_view(portal_kind.data(), portal_kind.size());
}

static portal_decode_result decode_portal_json_here(std::string_view json, const decode_options& options) {
    portal_decode_result result;
    portal p;
    detail::decode_document(json, options, result.problems, &p.unknown_members,
                            [&](const boost::json::value& root, detail::decode_context& ctx) {
        if (!root.is_object()) {
            ctx.report(errc::wrong_type, std::string("expected a portal object, found ") + detail::json_kind_name(root));
            return;
        }
        const auto& top = root.get_object();
        const auto it = top.find("kind");
        const std::string expected = "\"" + std::string(portal_kind) + "\"";
        if (it == top.end())
            ctx.report_at("kind", errc::missing_member, "required member 'kind' (" + expected + ") is missing");
        else if (!it->value().is_string())
            ctx.report_at("kind", errc::wrong_type, "expected " + expected + ", found " + detail::json_kind_name(it->value()));
        else if (it->value().get_string() != boost::json::string_view(portal_kind.data(), portal_kind.size()))
            ctx.report_at("kind", errc::invalid_value,
                          "'" + std::string(it->value().get_string()) + "' is not a supported kind (" + expected + ")");
        detail::decode_members(top, p, ctx, it == top.end() ? 0 : 1, [](std::string_view n) { return n == "kind"; });
    });
    if (result.problems.empty()) result.value = std::move(p);
    return result;
}

portal_decode_result decode_portal_json(std::string_view json, const decode_options& options) {
    // Deep input on a stack of its own (detail/stack.hpp).
    return detail::with_bounded_stack(json, options.max_depth, [&] { return decode_portal_json_here(json, options); });
}

portal load_portal_json(std::string_view json, const decode_options& options) {
    portal_decode_result r = decode_portal_json(json, options);
    if (!r.ok()) throw decode_error(std::move(r.problems));
    return std::move(*r.value);
}

portal load_portal_json_file(const std::string& path, const decode_options& options) {
    return load_portal_json(detail::read_file_for_decoding(path), options);
}

std::string to_json(const portal& p) {
    std::string out;
    out.reserve(4096);
    detail::json_writer w(out);
    detail::encode_context ctx;
    ctx.write_back(p.unknown_members);
    w.begin_object();
    w.key("kind");
    w.string(portal_kind);
    detail::encode_members(w, p, ctx);
    ctx.write_unknown_here(w);
    w.end_object();
    return out;
}

}  // namespace xxgk
