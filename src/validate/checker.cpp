// Runs the checks of xxgk::validate (checker.hpp) and builds the rule packs.
#include "checker.hpp"

namespace xxgk {
namespace validation {
namespace {

rule_pack make_pack(format_version format) {
    const auto& keys = cell_keys(format);
    auto index = [&](std::string_view section, std::string_view row, std::string_view column) {
        const cell_key* k =
            find_cell_key(format, std::string(section) + "." + std::string(row) + "." + std::string(column));
        return k->index;
    };
    rule_pack pack;
    for (const cell_key& k : keys)
        if (format == format_version::v2019 && k.section == "proactive" &&
            (k.column == "change" || k.column == "new_published"))
            pack.proactive.push_back(
                {k.column == "change", k.index,
                 index("proactive", k.row, k.column == "change" ? "prior_items" : "total_published")});
    if (format == format_version::v2021) pack.unpaid_fee_total = index("requests", "other_unpaid_fee", "total");
    return pack;
}

}  // namespace

const rule_pack& pack_of(format_version format) {
    static const rule_pack p2019 = make_pack(format_version::v2019);
    static const rule_pack p2021 = make_pack(format_version::v2021);
    return format == format_version::v2019 ? p2019 : p2021;
}

}  // namespace validation

std::vector<finding> validate(const report& r, const validate_options& options) {
    return validation::checker(r, options).run();
}

std::size_t count_errors(const std::vector<finding>& findings) noexcept {
    std::size_t n = 0;
    for (const finding& f : findings) n += f.severity == severity::error;
    return n;
}

std::string findings_to_json(const std::vector<finding>& findings) {
    std::string out;
    detail::json_writer w(out);
    detail::encode_context ctx;
    detail::encode_value(w, findings, ctx);
    return out;
}

}  // namespace xxgk
