#include "findings.hpp"
#include "codes.hpp"

#include <algorithm>
#include <stdexcept>

namespace xxgk::detail {

std::string fill_message(std::string_view tmpl, const message_values& v, bool zh) {
    std::string out;
    // Room for the template and every value it may name: one allocation per message.
    out.reserve(tmpl.size() +
                (zh ? v.cell_zh.size() + v.unknown_zh.size() + v.detail_zh.size()
                    : v.cell_en.size() + v.unknown_en.size() + v.detail_en.size()) +
                v.expected.size() + v.actual.size() + v.difference.size());
    for (std::size_t i = 0; i < tmpl.size();) {
        if (tmpl[i] != '{') {  // the text up to the next placeholder, in one piece
            const std::size_t open = std::min(tmpl.find('{', i), tmpl.size());
            out.append(tmpl.data() + i, open - i);
            i = open;
            continue;
        }
        const std::size_t close = tmpl.find('}', i);
        if (close != std::string_view::npos) {
            const std::string_view name = tmpl.substr(i + 1, close - i - 1);
            const std::string* value = nullptr;
            if (name == "cell")
                value = zh ? &v.cell_zh : &v.cell_en;
            else if (name == "expected")
                value = &v.expected;
            else if (name == "actual")
                value = &v.actual;
            else if (name == "difference")
                value = &v.difference;
            else if (name == "unknown")
                value = zh ? &v.unknown_zh : &v.unknown_en;
            else if (name == "detail")
                value = zh ? &v.detail_zh : &v.detail_en;
            if (value) {
                out += *value;
                i = close + 1;
                continue;
            }
        }
        out += tmpl[i++];
    }
    return out;
}

finding make_finding(std::string_view code, std::string key, std::string pointer, std::string expected,
                     std::string actual, std::vector<std::string> cells, message_values v) {
    // Every caller names its code by a constant of codes.hpp, made from the same catalog: a code
    // without an entry is a bug of the library, never of the input.
    const rule_info* info = find_rule(code);
    if (!info)
        throw std::logic_error("finding code " + std::string(code) + " is not in the rule catalog (src/rules.def)");
    finding f;
    f.code = std::string(code);
    f.severity = info->severity;
    f.rule = std::string(info->rule);
    f.key = std::move(key);
    f.pointer = std::move(pointer);
    f.cells = std::move(cells);
    v.expected = std::move(expected);
    v.actual = std::move(actual);
    f.message_zh = fill_message(info->template_zh, v, true);
    f.message_en = fill_message(info->template_en, v, false);
    f.expected = std::move(v.expected);
    f.actual = std::move(v.actual);
    return f;
}

void finish_findings(std::vector<finding>& out, const validate_options& options) {
    // Roots first, each group in the order found; consequences after their roots.
    std::stable_partition(out.begin(), out.end(), [](const finding& f) { return f.caused_by.empty(); });
    if (!options.include_info)
        out.erase(std::remove_if(out.begin(), out.end(), [](const finding& f) { return f.severity == severity::info; }),
                  out.end());
    if (out.size() <= options.max_findings) return;
    // validate_options::max_findings: keep the first findings, and say that the list was cut.
    const std::size_t total = out.size();
    out.resize(options.max_findings);
    message_values v;
    v.detail_zh = v.detail_en = std::to_string(total - options.max_findings);
    out.push_back(
        make_finding(codes::L_001, "", "", std::to_string(options.max_findings), std::to_string(total), {}, v));
}

}  // namespace xxgk::detail
