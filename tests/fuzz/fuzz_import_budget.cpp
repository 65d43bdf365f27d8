// Fuzz target: bounded work of the importers (docs/security.md, "Bounded work"; issue 16).
//
// Every input is imported as HTML and as text with a work budget of 2^22 steps. Invariants:
//   - the work counted (import_result::work_steps) never exceeds the budget by more than the
//     cost of one step (a grid span of 1000 rows × 256 columns, or a reading of 17 cells);
//   - the work grows at most linearly with the input: at most 4096 steps per input byte plus
//     2^20 (a table row costs at most its bounded alignment search);
//   - a spent budget is said in the log (XXGK-I-101 for rows left not captured) and the log keeps
//     at most max_log_entries_per_code entries of each code plus one XXGK-I-100 per code;
//   - an element with too many attributes is refused (limit_exceeded) before libxml2 sees it.
// Time and memory per input are bounded by libFuzzer's -timeout and -rss_limit_mb (scripts/run-fuzz).
#include "fuzz_check.hpp"

#include <xxgk/error.hpp>
#include <xxgk/import.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace {

template <class Import>
void one(std::string_view input, Import&& import) {
    xxgk::import_options o;
    o.max_work_steps = std::size_t{1} << 22;
    o.max_log_entries_per_code = 20;
    xxgk::import_result r;
    try {
        r = import(input, o);
    } catch (const xxgk::error& e) {
        xxgk_fuzz::check(e.code() == xxgk::errc::invalid_value || e.code() == xxgk::errc::limit_exceeded,
                         "the importer threw an error code it does not document", e.what());
        return;
    }
    const std::size_t slack = std::size_t{1000} * 256 + 4096;
    xxgk_fuzz::check(r.work_steps <= o.max_work_steps + slack, "the import worked past its budget",
                     std::to_string(r.work_steps));
    xxgk_fuzz::check(r.work_steps <= 4096 * input.size() + (std::size_t{1} << 20),
                     "the import's work is out of proportion to its input", std::to_string(r.work_steps));
    std::map<std::string, std::size_t> per_code;
    for (const xxgk::import_log_entry& e : r.log)
        if (e.code != "XXGK-I-100") ++per_code[e.code];
    for (const auto& [code, n] : per_code)
        xxgk_fuzz::check(n <= o.max_log_entries_per_code, "the log kept more entries of one code than its cap", code);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    one(input, [](std::string_view s, const xxgk::import_options& o) { return xxgk::import_html(s, o); });
    one(input, [](std::string_view s, const xxgk::import_options& o) { return xxgk::import_text(s, o); });
    return 0;
}
