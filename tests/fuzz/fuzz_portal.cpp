// Fuzz target: portal files (docs/portal.md) — xxgk::decode_portal_json and everything a decoded
// portal goes through next: encoding, validation, HTML and CSV rendering.
//
// Invariants checked for every input:
//   - is_portal_json and decoding never crash or throw (only std::bad_alloc may); a value exactly
//     when there is no problem; every problem with a message and a valid JSON Pointer;
//   - is_portal_json decides from the first members: once true, no text appended changes it;
//     a text that decodes as a portal is recognised as one;
//   - a decoded portal encodes to UTF-8 canonical JSON that decodes to an equal portal and
//     encodes to the same bytes;
//   - validation never throws; every finding has a catalog code, a JSON Pointer and UTF-8 messages;
//   - rendered HTML contains only the renderer's own elements; every CSV table is UTF-8.
#include "fuzz_check.hpp"

#include <xxgk/portal.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

using xxgk_fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (xxgk::is_portal_json(text))
        check(xxgk::is_portal_json(std::string(text) + "\x01]}garbage"), "is_portal_json looked past the kind");
    xxgk::decode_options o;
    o.strict = (size & 1) == 0;
    if (size & 2) {  // small limits: the fuzzer reaches every limit_exceeded path
        o.max_depth = 6;
        o.max_string_bytes = 40;
        o.max_problems = 3;
    }
    const xxgk::portal_decode_result r = xxgk::decode_portal_json(text, o);
    check(r.ok() == r.value.has_value(), "a value must be present exactly when there is no problem");
    check(r.problems.size() <= o.max_problems + 1, "more problems than max_problems + 1");
    for (const xxgk::problem& p : r.problems) {
        check(!p.message.empty(), "a problem without a message");
        xxgk_fuzz::check_pointer(p.pointer, "a problem's pointer is not a JSON Pointer");
    }
    if (!r.ok()) return 0;
    check(xxgk::is_portal_json(text, o), "a text that decodes as a portal is not recognised as one");

    const std::string once = xxgk::to_json(*r.value);
    xxgk_fuzz::check_utf8(once, "to_json is not UTF-8");
    check(xxgk::is_portal_json(once), "the canonical JSON of a portal is not recognised as one");
    xxgk::decode_options back;
    back.strict = o.strict;
    back.max_input_bytes = back.max_depth = back.max_string_bytes = std::numeric_limits<std::size_t>::max();
    const xxgk::portal_decode_result again = xxgk::decode_portal_json(once, back);
    if (!again.ok()) xxgk_fuzz::fail("canonical JSON of a decoded portal does not decode", again.problems[0].message);
    check(*again.value == *r.value, "decode(to_json(p)) != p", once);
    check(xxgk::to_json(*again.value) == once, "to_json(decode(to_json(p))) != to_json(p)", once);

    const std::vector<xxgk::finding> all = xxgk::validate(*r.value);
    for (const xxgk::finding& f : all) {
        check(xxgk::find_rule(f.code) != nullptr, "a finding's code is not in the catalog", f.code);
        xxgk_fuzz::check_pointer(f.pointer, "a finding's pointer is not a JSON Pointer");
        xxgk_fuzz::check_utf8(f.message_zh, "a finding's message_zh is not UTF-8");
        xxgk_fuzz::check_utf8(f.message_en, "a finding's message_en is not UTF-8");
    }
    xxgk::render_options ro;
    ro.findings = &all;
    xxgk_fuzz::check_inert_html(xxgk::render_html(*r.value, ro));
    for (const xxgk::csv_table& t : xxgk::render_csv_tables(*r.value))
        xxgk_fuzz::check_utf8(t.csv, "a CSV table is not UTF-8");
    return 0;
}
