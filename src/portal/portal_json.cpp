// Canonical JSON of portal files: the same codec as the report (json_codec.hpp, decode_document),
// with "kind": "portal" first.
#include "xxgk/portal.hpp"

#include "../json_codec.hpp"
#include "xxgk/detail/encoding.hpp"
#include "xxgk/detail/stack.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace xxgk {

namespace {

using json_error_code = boost::system::error_code;

// The handler of `is_portal_json`'s scan: no value is built; the scan stops as soon as the kind is
// known: at the value of the first top-level member named "kind", at a top level that is not an
// object, or at the end of the top-level object (no "kind": not a portal).
struct kind_scanner {
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();
    static constexpr std::string_view kind_name = "kind";

    std::size_t depth = 0;
    bool at_kind = false;  // the next value is the one of the top-level "kind"
    std::string part;      // the start of a top-level member name or of the kind's value
    std::optional<bool> verdict;

    bool decide(bool portal, json_error_code& ec) {
        verdict = portal;
        ec = boost::json::error::exception;  // stops the parser: the rest is not looked at
        return false;
    }
    // A value other than a string: at the top level, or as the kind, it decides (no portal).
    bool scalar(json_error_code& ec) { return depth == 0 || (depth == 1 && at_kind) ? decide(false, ec) : true; }
    bool keep_part(std::string_view s, std::size_t limit) {
        if (part.size() <= limit) part.append(s.data(), std::min(s.size(), limit + 1 - part.size()));
        return true;
    }

    bool on_document_begin(json_error_code&) { return true; }
    bool on_document_end(json_error_code&) { return true; }
    bool on_object_begin(json_error_code& ec) {
        if (depth == 1 && at_kind) return decide(false, ec);
        ++depth;
        return true;
    }
    bool on_object_end(std::size_t, json_error_code& ec) { return --depth == 0 ? decide(false, ec) : true; }
    bool on_array_begin(json_error_code& ec) {
        if (depth == 0 || (depth == 1 && at_kind)) return decide(false, ec);
        ++depth;
        return true;
    }
    bool on_array_end(std::size_t, json_error_code&) { return --depth, true; }
    bool on_key_part(boost::json::string_view s, std::size_t, json_error_code&) {
        return depth == 1 ? keep_part({s.data(), s.size()}, kind_name.size()) : true;
    }
    bool on_key(boost::json::string_view s, std::size_t, json_error_code&) {
        if (depth != 1) return true;
        keep_part({s.data(), s.size()}, kind_name.size());
        at_kind = part == kind_name;
        part.clear();
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t, json_error_code&) {
        return depth == 1 && at_kind ? keep_part({s.data(), s.size()}, portal_kind.size()) : true;
    }
    bool on_string(boost::json::string_view s, std::size_t, json_error_code& ec) {
        if (depth == 0) return decide(false, ec);
        if (depth != 1 || !at_kind) return true;
        keep_part({s.data(), s.size()}, portal_kind.size());
        return decide(part == portal_kind, ec);
    }
    bool on_number_part(boost::json::string_view, json_error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, json_error_code& ec) { return scalar(ec); }
    bool on_uint64(std::uint64_t, boost::json::string_view, json_error_code& ec) { return scalar(ec); }
    bool on_double(double, boost::json::string_view, json_error_code& ec) { return scalar(ec); }
    bool on_bool(bool, json_error_code& ec) { return scalar(ec); }
    bool on_null(json_error_code& ec) { return scalar(ec); }
    bool on_comment_part(boost::json::string_view, json_error_code&) { return true; }
    bool on_comment(boost::json::string_view, json_error_code&) { return true; }
};

}  // namespace

bool is_portal_json(std::string_view json, const decode_options& options) {
    // The limits first: a text the decoder would refuse is no portal, whatever it starts with.
    if (json.size() > options.max_input_bytes) return false;
    json = detail::without_utf8_bom(json);  // allowed, as by the decoders
    boost::json::parse_options popts;
    popts.max_depth = std::min(options.max_depth, decode_options::max_depth_cap);
    boost::json::basic_parser<kind_scanner> parser(popts);
    json_error_code ec;
    parser.write_some(false, json.data(), json.size(), ec);
    return parser.handler().verdict.value_or(false);
}

static portal_decode_result decode_portal_json_here(std::string_view json, const decode_options& options) {
    portal_decode_result result;
    portal p;
    detail::decode_document(
        json, options, result.problems, &p.unknown_members,
        [&](const boost::json::value& root, detail::decode_context& ctx) {
            if (!root.is_object()) {
                ctx.report(errc::wrong_type,
                           std::string("expected a portal object, found ") + detail::json_kind_name(root));
                return;
            }
            const auto& top = root.get_object();
            const auto it = top.find("kind");
            const std::string expected = "\"" + std::string(portal_kind) + "\"";
            if (it == top.end())
                ctx.report_at("kind", errc::missing_member, "required member 'kind' (" + expected + ") is missing");
            else if (!it->value().is_string())
                ctx.report_at("kind", errc::wrong_type,
                              "expected " + expected + ", found " + detail::json_kind_name(it->value()));
            else if (it->value().get_string() != boost::json::string_view(portal_kind.data(), portal_kind.size()))
                ctx.report_at("kind", errc::invalid_value,
                              "'" + std::string(it->value().get_string()) + "' is not a supported kind (" + expected +
                                  ")");
            detail::decode_members(top, p, ctx, it == top.end() ? 0 : 1,
                                   [](std::string_view n) { return n == "kind"; });
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
    return load_portal_json(detail::read_file_for_decoding(path, options.max_input_bytes), options);
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
