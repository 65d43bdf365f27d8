// Shared body of the importer fuzz targets (fuzz_import_text.cpp, fuzz_import_html.cpp,
// fuzz_import_docx.cpp).
//
// Invariants checked for every input:
//   - the importer never crashes and throws only xxgk::error with errc::invalid_value ("not a
//     report at all"; for Word files also encrypted, unsupported_kind, limit_exceeded) or
//     std::bad_alloc;
//   - the report it returns encodes to canonical JSON that decodes back to an equal report (so an
//     imported report can always be stored, sent and loaded again), and every string of it and
//     of its log is valid UTF-8 — whatever bytes came in;
//   - validation and rendering of the imported report hold the invariants of fuzz_json.cpp.
#ifndef XXGK_FUZZ_IMPORT_HPP
#define XXGK_FUZZ_IMPORT_HPP

#include "fuzz_check.hpp"

#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/render.hpp>
#include <xxgk/validate.hpp>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

namespace xxgk_fuzz {

/// `refusals`: the error codes the importer may throw for this input kind (a PDF may also be
/// encrypted or have no text layer).
template <class Import>
int import_one(std::string_view input, Import&& import,
               std::initializer_list<xxgk::errc> refusals = {xxgk::errc::invalid_value}) {
    xxgk::import_options o;
    if (input.size() % 3 == 1) o.format = xxgk::format_version::v2019;
    if (input.size() % 3 == 2) o.format = xxgk::format_version::v2021;
    xxgk::import_result r;
    try {
        r = import(input, o);
    } catch (const xxgk::error& e) {
        check(std::find(refusals.begin(), refusals.end(), e.code()) != refusals.end(),
              "the importer threw an error code it does not document for this input", e.what());
        check_utf8(e.what(), "the importer's error message is not UTF-8");
        return 0;
    }
    for (const xxgk::import_log_entry& e : r.log) {
        check(!e.code.empty(), "an import log entry without a code");
        check_utf8(e.message, "an import log message is not UTF-8");
        check_utf8(e.key, "an import log key is not UTF-8");
        for (const std::string& c : e.candidates) check_utf8(c, "an import log candidate is not UTF-8");
    }
    check_utf8(xxgk::import_log_to_json(r.log), "import_log_to_json is not UTF-8");

    const std::string once = xxgk::to_json(r.value);
    check_utf8(once, "to_json of an imported report is not UTF-8");
    xxgk::decode_options back;
    back.strict = false;
    back.max_input_bytes = back.max_depth = back.max_string_bytes = std::numeric_limits<std::size_t>::max();
    const xxgk::decode_result again = xxgk::decode_json(once, back);
    if (!again.ok())
        fail("an imported report's JSON does not decode",
             again.problems[0].message + " at " + again.problems[0].pointer);
    check(*again.value == r.value, "an imported report does not survive JSON", once);

    const std::vector<xxgk::finding> findings = xxgk::validate(r.value);
    for (const xxgk::finding& f : findings) check_utf8(f.message_zh, "a finding's message is not UTF-8");
    xxgk::render_options ro;
    ro.findings = &findings;
    check_inert_html(xxgk::render_html(r.value, ro));
    return 0;
}

}  // namespace xxgk_fuzz

#endif
