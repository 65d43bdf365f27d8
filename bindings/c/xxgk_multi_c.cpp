// The C ABI of the many-report functions (include/xxgk/xxgk.h, "Many reports"; docs/multi.md):
// 汇总 aggregation with provenance, the reverse check, cross-year series, narrative figures.
#include "wall.hpp"

#include <xxgk/aggregate.hpp>
#include <xxgk/narrative.hpp>
#include <xxgk/series.hpp>

using namespace xxgk_c;

namespace {

// The reports behind an array of handles (copies: the C++ API takes a vector of values).
std::vector<xxgk::report> reports_arg(const xxgk_report* const* handles, std::size_t count, const char* name) {
    if (count) require(handles, name);
    std::vector<xxgk::report> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (!handles[i])
            fail(XXGK_E_INVALID_ARGUMENT,
                 std::string("argument '") + name + "[" + std::to_string(i) + "]' must not be NULL",
                 "/" + std::to_string(i));
        if (!live(handles[i]))
            fail(XXGK_E_MISUSE, misuse_message(handles[i], (std::string(name) + "[" + std::to_string(i) + "]").c_str()),
                 "/" + std::to_string(i));
        out.push_back(handles[i]->value);
    }
    return out;
}

// Runs `body`; an incompatible_reports_error becomes its status with the offending index as location.
template <class F>
void combining(F&& body) {
    try {
        body();
    } catch (const xxgk::incompatible_reports_error& e) {
        fail(status_of(e.code()), e.what(), "/" + std::to_string(e.index()));
    }
}

void deliver_issues(std::vector<xxgk::finding> findings, xxgk_issues** out) {
    auto issues = std::make_unique<xxgk_issues>();
    issues->errors = xxgk::count_errors(findings);
    issues->findings = std::move(findings);
    *out = issues.release();
}

const std::vector<std::size_t>* source_list(const xxgk_sources* s, std::size_t cell, int which) noexcept {
    if (!live(s) || cell >= s->cells.size()) return nullptr;
    switch (which) {
        case XXGK_SOURCE_SUMMED: return &s->cells[cell].summed;
        case XXGK_SOURCE_BLANK: return &s->cells[cell].blank;
        case XXGK_SOURCE_UNKNOWN: return &s->cells[cell].unknown;
        default: return nullptr;
    }
}

}  // namespace

extern "C" {

xxgk_status xxgk_aggregate(const xxgk_report* const* parts, size_t count, xxgk_report** out, xxgk_sources** sources,
                           xxgk_error** err) {
    clear_out(out);
    clear_out(sources);
    return guarded(err, [&] {
        require(out, "out");
        const std::vector<xxgk::report> reports = reports_arg(parts, count, "parts");
        combining([&] {
            xxgk::aggregation a = xxgk::aggregate(reports, xxgk::report_header{});
            auto report = std::make_unique<xxgk_report>(std::move(a.report));
            std::unique_ptr<xxgk_sources> provenance;
            if (sources) {
                provenance = std::make_unique<xxgk_sources>();
                provenance->cells = std::move(a.sources);
            }
            *out = report.release();
            if (sources) *sources = provenance.release();
        });
    });
}

void xxgk_sources_free(xxgk_sources* sources) { retire(sources); }

size_t xxgk_sources_count(const xxgk_sources* sources) { return live(sources) ? sources->cells.size() : 0; }

const char* xxgk_sources_key(const xxgk_sources* sources, size_t cell, size_t* out_len) {
    clear_len(out_len);
    if (!live(sources) || cell >= sources->cells.size()) return nullptr;
    const std::string& k = sources->cells[cell].key;
    if (out_len) *out_len = k.size();
    return k.c_str();
}

size_t xxgk_sources_part_count(const xxgk_sources* sources, size_t cell, int which) {
    const std::vector<std::size_t>* list = source_list(sources, cell, which);
    return list ? list->size() : 0;
}

size_t xxgk_sources_part_at(const xxgk_sources* sources, size_t cell, int which, size_t i) {
    const std::vector<std::size_t>* list = source_list(sources, cell, which);
    return list && i < list->size() ? (*list)[i] : static_cast<size_t>(-1);
}

xxgk_status xxgk_check_aggregate(const xxgk_report* published, const xxgk_report* const* parts, size_t count,
                                 xxgk_issues** out, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(published, "published");
        require(out, "out");
        const std::vector<xxgk::report> reports = reports_arg(parts, count, "parts");
        combining([&] { deliver_issues(xxgk::check_aggregate(published->value, reports), out); });
    });
}

xxgk_status xxgk_validate_series(const xxgk_report* const* reports, size_t count, xxgk_issues** out, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(out, "out");
        const std::vector<xxgk::report> series = reports_arg(reports, count, "reports");
        combining([&] { deliver_issues(xxgk::validate_series(series), out); });
    });
}

xxgk_status xxgk_check_narrative(const xxgk_report* report, xxgk_issues** out, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        deliver_issues(xxgk::check_narrative_figures(report->value), out);
    });
}

}  // extern "C"
