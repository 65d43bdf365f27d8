// Fuzz target: the JSON decoder (xxgk::decode_json) and everything a decoded report goes through
// next — encoding, validation, rendering, the long CSV.
//
// Invariants checked for every input:
//   - decode_json (which takes the one-pass reader of src/json_events.hpp when it can) gives
//     exactly what the DOM decoder alone gives: the same report, or the same problems;
//   - decoding never crashes, never throws (only std::bad_alloc may), and reports a value exactly
//     when there is no problem; every problem has a message, a valid JSON Pointer, a position
//     inside the input, and there are at most max_problems + 1 of them;
//   - a decoded report encodes to valid UTF-8 canonical JSON that decodes to an equal report and
//     encodes to the same bytes (the codec is idempotent);
//   - validation never throws; every finding has a catalog code and UTF-8 messages; max_findings
//     holds;
//   - rendered HTML contains only the renderer's own elements (report text never becomes markup).
//
// The options come from the input's length, so that the limits are fuzzed too.
#include "fuzz_check.hpp"

#include "../../src/json_codec.hpp"  // decode_json_with_dom: the oracle of the one-pass reader

#include <xxgk/cells.hpp>
#include <xxgk/json.hpp>
#include <xxgk/render.hpp>
#include <xxgk/validate.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

using xxgk_fuzz::check;

namespace {

void check_problems(const xxgk::decode_result& r, const xxgk::decode_options& o, std::size_t size) {
    check(r.ok() == r.value.has_value(), "a value must be present exactly when there is no problem");
    check(r.problems.size() <= o.max_problems + 1, "more problems than max_problems + 1");
    for (const xxgk::problem& p : r.problems) {
        check(!p.message.empty(), "a problem without a message");
        xxgk_fuzz::check_pointer(p.pointer, "a problem's pointer is not a JSON Pointer");
        xxgk_fuzz::check_utf8(p.message, "a problem's message is not UTF-8");
        check(static_cast<int>(p.code) >= 1 && static_cast<int>(p.code) <= 11, "a problem's code is not an errc");
        if (p.offset) {
            check(*p.offset <= size, "a problem's offset is past the end of the input");
            check(p.line && p.column && *p.line >= 1 && *p.column >= 1, "an offset without line and column");
        }
    }
}

void check_findings(const xxgk::report& r) {
    const std::vector<xxgk::finding> all = xxgk::validate(r);
    for (const xxgk::finding& f : all) {
        check(xxgk::find_rule(f.code) != nullptr, "a finding's code is not in the catalog", f.code);
        xxgk_fuzz::check_utf8(f.message_zh, "a finding's message_zh is not UTF-8");
        xxgk_fuzz::check_utf8(f.message_en, "a finding's message_en is not UTF-8");
        xxgk_fuzz::check_utf8(f.actual, "a finding's actual value is not UTF-8");
        xxgk_fuzz::check_pointer(f.pointer, "a finding's pointer is not a JSON Pointer");
    }
    xxgk_fuzz::check_utf8(xxgk::findings_to_json(all), "findings_to_json is not UTF-8");
    xxgk::validate_options few;
    few.max_findings = 1;
    few.include_info = false;
    const std::vector<xxgk::finding> cut = xxgk::validate(r, few);
    check(cut.size() <= 2, "max_findings does not hold");
    if (cut.size() == 2) check(cut[1].code == "XXGK-L-001", "a cut list does not end with XXGK-L-001");
    xxgk::render_options ro;
    ro.findings = &all;
    xxgk_fuzz::check_inert_html(xxgk::render_html(r, ro));
    ro.standalone = false;
    ro.lang = "en";
    xxgk_fuzz::check_inert_html(xxgk::render_html(r, ro));
    xxgk_fuzz::check_utf8(xxgk::render_markdown(r), "Markdown is not UTF-8");
    for (const xxgk::csv_table& t : xxgk::render_csv_tables(r))
        xxgk_fuzz::check_utf8(t.csv, "a CSV table is not UTF-8");
    xxgk_fuzz::check_utf8(xxgk::to_cells_csv(r), "the cells CSV is not UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    xxgk::decode_options o;
    o.strict = (size & 1) == 0;
    if (size & 2) {  // small limits: the fuzzer reaches every limit_exceeded path
        o.max_depth = 6;
        o.max_string_bytes = 40;
        o.max_problems = 3;
    }
    const xxgk::decode_result r = xxgk::decode_json(text, o);
    check_problems(r, o, size);
    const xxgk::decode_result dom = xxgk::detail::decode_json_with_dom(text, o);
    check(r.ok() == dom.ok(), "the one-pass reader and the DOM decoder disagree on whether the input has problems");
    if (r.ok()) {
        check(*r.value == *dom.value, "the one-pass reader and the DOM decoder decode different reports");
        check(xxgk::to_json(*r.value) == xxgk::to_json(*dom.value), "the one-pass reader's report encodes differently");
    } else {
        check(r.problems.size() == dom.problems.size(), "the problems differ from the DOM decoder's");
    }
    if (!r.ok()) return 0;

    const std::string once = xxgk::to_json(*r.value);
    xxgk_fuzz::check_utf8(once, "to_json is not UTF-8");
    xxgk::decode_options back;
    back.strict = o.strict;
    back.max_input_bytes = back.max_depth = back.max_string_bytes = std::numeric_limits<std::size_t>::max();
    const xxgk::decode_result again = xxgk::decode_json(once, back);
    if (!again.ok())
        xxgk_fuzz::fail("canonical JSON of a decoded report does not decode",
                        again.problems[0].message + " at " + again.problems[0].pointer);
    check(*again.value == *r.value, "decode(to_json(r)) != r", once);
    check(xxgk::to_json(*again.value) == once, "to_json(decode(to_json(r))) != to_json(r)", once);

    check_findings(*r.value);
    return 0;
}
