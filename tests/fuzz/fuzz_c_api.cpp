// Fuzz target: the C ABI (include/xxgk/xxgk.h) as a host calls it, error paths included.
//
// The input is split at NUL bytes. Part 0 is JSON text for xxgk_report_from_json (the load
// options come from its length: none, lax, strict with small limits, or a version-1 struct whose
// version-2 members hold garbage that must be ignored). Every further part is one call on the
// report: its first byte picks the function, the rest is the argument ("left=right" for two).
// When the JSON does not load, the calls run on a new empty report, so that they are fuzzed
// whatever part 0 is.
//
// Invariants checked: every call returns a known status, sets *err exactly on failure, and its
// error object is consistent (status, count, every problem readable); a failed setter leaves the
// report unchanged; the report always encodes to JSON that loads back equal; every string handed
// out is UTF-8; rendered HTML holds only the renderer's own elements. LeakSanitizer (on in the
// fuzz build) sees every buffer, handle and error object that is not freed.
#include "fuzz_check.hpp"

#include <xxgk/xxgk.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using xxgk_fuzz::check;

namespace {

bool known_status(xxgk_status s) { return s == XXGK_OK || (s >= 1 && s <= 11) || (s >= 100 && s <= 104); }

/// Checks the outcome of a call and releases its error.
void settle(xxgk_status st, xxgk_error* err) {
    check(known_status(st), "unknown status");
    check(st != XXGK_E_INTERNAL, "XXGK_E_INTERNAL: a bug inside the library");
    if (st == XXGK_OK) {
        check(err == nullptr, "*err set on success");
        return;
    }
    check(err != nullptr, "*err not set on failure");
    check(xxgk_error_status(err) == st, "the error's status differs from the returned status");
    std::size_t len = 0;
    const char* message = xxgk_error_message(err, &len);
    check(message && std::strlen(message) == len && len > 0, "error message missing or length wrong");
    xxgk_fuzz::check_utf8(std::string_view(message, len), "error message is not UTF-8");
    const char* location = xxgk_error_location(err, &len);
    check(location && std::strlen(location) == len, "error location missing or length wrong");
    const std::size_t n = xxgk_error_count(err);
    check(n >= 1, "an error with no problem");
    for (std::size_t i = 0; i <= n; ++i) {
        xxgk_problem p = XXGK_PROBLEM_INIT;
        const xxgk_status s = xxgk_error_problem_at(err, i, &p);
        if (i == n) {
            check(s == XXGK_E_NOT_FOUND, "problem_at past the end is not NOT_FOUND");
            break;
        }
        check(s == XXGK_OK, "problem_at fails within the count");
        check(known_status(p.status) && p.status != XXGK_OK, "a problem with a bad status");
        check(p.message && std::strlen(p.message) == p.message_len, "a problem's message length is wrong");
        check(p.pointer && std::strlen(p.pointer) == p.pointer_len, "a problem's pointer length is wrong");
        if (i == 0) check(p.status == st, "problem 0 is not the error's own");
    }
    (void)xxgk_error_offset(err);
    (void)xxgk_error_line(err);
    (void)xxgk_error_column(err);
    xxgk_error_free(err);
}

std::string owned(char* s, std::size_t len) {
    check(s != nullptr && std::strlen(s) == len, "a returned buffer's length is wrong");
    std::string copy(s, len);
    xxgk_free(s);
    return copy;
}

/// The report as JSON (it must always encode).
std::string json_of(const xxgk_report* r) {
    char* out = nullptr;
    std::size_t len = 0;
    xxgk_error* err = nullptr;
    const xxgk_status st = xxgk_report_to_json(r, &out, &len, &err);
    if (st != XXGK_OK) settle(st, err);
    check(st == XXGK_OK, "to_json failed");
    std::string s = owned(out, len);
    xxgk_fuzz::check_utf8(s, "to_json is not UTF-8");
    return s;
}

/// The report's JSON loads back (lax: members kept from a lax load) into an equal report.
void check_round_trip(const xxgk_report* r) {
    const std::string json = json_of(r);
    xxgk_load_options o = XXGK_LOAD_OPTIONS_INIT;
    o.keep_unknown_members = 1;
    o.max_depth = o.max_input_bytes = o.max_string_bytes = static_cast<std::size_t>(-1) / 2;
    xxgk_report* back = nullptr;
    xxgk_error* err = nullptr;
    const xxgk_status st = xxgk_report_from_json(&back, json.data(), json.size(), &o, &err);
    if (st != XXGK_OK) {
        std::size_t len = 0;
        const char* m = xxgk_error_message(err, &len);
        xxgk_fuzz::fail("the report's own JSON does not load", std::string_view(m, len));
    }
    check(xxgk_report_equal(r, back) == 1, "the report's JSON loads back different", json);
    check(json_of(back) == json, "the report's JSON is not stable", json);
    xxgk_report_free(back);
}

void check_issues(const xxgk_issues* issues) {
    const std::size_t n = xxgk_issues_count(issues);
    check(xxgk_issues_error_count(issues) <= n, "more errors than findings");
    for (std::size_t i = 0; i <= n; ++i) {
        std::size_t len = 0;
        const char* code = xxgk_issues_code(issues, i, &len);
        if (i == n) {
            check(code == nullptr && len == 0, "a finding past the end");
            check(xxgk_issues_severity(issues, i) == -1, "a severity past the end");
            break;
        }
        check(code && std::strlen(code) == len, "finding code");
        const int severity = xxgk_issues_severity(issues, i);
        check(severity >= XXGK_SEVERITY_INFO && severity <= XXGK_SEVERITY_ERROR, "finding severity");
        using accessor = const char* (*)(const xxgk_issues*, std::size_t, std::size_t*);
        for (accessor a : {xxgk_issues_rule, xxgk_issues_key, xxgk_issues_pointer, xxgk_issues_expected,
                           xxgk_issues_actual, xxgk_issues_caused_by}) {
            const char* s = a(issues, i, &len);
            check(s && std::strlen(s) == len, "a finding's string length is wrong");
            xxgk_fuzz::check_utf8(std::string_view(s, len), "a finding's string is not UTF-8");
        }
        for (int lang : {XXGK_LANG_ZH, XXGK_LANG_EN}) {
            const char* m = xxgk_issues_message(issues, i, lang, &len);
            check(m && len > 0, "a finding's message is missing");
            xxgk_fuzz::check_utf8(std::string_view(m, len), "a finding's message is not UTF-8");
        }
        check(xxgk_issues_message(issues, i, 7, &len) == nullptr && len == 0, "a message in an unknown language");
        const std::size_t cells = xxgk_issues_cell_count(issues, i);
        for (std::size_t c = 0; c <= cells; ++c)
            check((xxgk_issues_cell_at(issues, i, c, &len) == nullptr) == (c == cells), "finding cells");
    }
    char* out = nullptr;
    std::size_t len = 0;
    xxgk_error* err = nullptr;
    const xxgk_status st = xxgk_issues_to_json(issues, &out, &len, &err);
    settle(st, err);
    if (st == XXGK_OK) xxgk_fuzz::check_utf8(owned(out, len), "issues JSON is not UTF-8");
}

/// Everything that reads a report: validation, rendering, CSV.
void read_everything(const xxgk_report* r, std::size_t seed) {
    xxgk_validate_options vo = XXGK_VALIDATE_OPTIONS_INIT;
    vo.omit_info = static_cast<int>(seed & 1);
    vo.max_findings = seed % 7;  // 0: the default
    xxgk_issues* issues = nullptr;
    xxgk_error* err = nullptr;
    xxgk_status st = xxgk_report_validate(r, &vo, &issues, &err);
    settle(st, err);
    check(st == XXGK_OK, "validation failed");
    if (vo.max_findings) check(xxgk_issues_count(issues) <= vo.max_findings + 1, "max_findings does not hold");
    check_issues(issues);

#ifdef XXGK_RENDER_HTML
    for (int what : {XXGK_RENDER_HTML, XXGK_RENDER_HTML_FRAGMENT, XXGK_RENDER_MARKDOWN, XXGK_RENDER_CSV_LONG, 99}) {
        xxgk_render_options ro = XXGK_RENDER_OPTIONS_INIT;
        ro.lang = static_cast<int>((seed >> 1) % 3);  // 2: not a language
        ro.findings = (seed & 8) ? issues : nullptr;
        char* out = nullptr;
        std::size_t len = 0;
        err = nullptr;
        st = xxgk_report_render(r, what, &ro, &out, &len, &err);
        settle(st, err);
        if (st != XXGK_OK) {
            check(out == nullptr && len == 0, "render failed but returned a buffer");
            continue;
        }
        const std::string text = owned(out, len);
        if (what == XXGK_RENDER_HTML || what == XXGK_RENDER_HTML_FRAGMENT)
            xxgk_fuzz::check_inert_html(text);
        else
            xxgk_fuzz::check_utf8(text, "rendered text is not UTF-8");
    }
    const std::size_t tables = xxgk_csv_table_count(xxgk_report_format(r));
    for (std::size_t i = 0; i <= tables; ++i) {
        char *name = nullptr, *csv = nullptr;
        std::size_t name_len = 0, csv_len = 0;
        err = nullptr;
        st = xxgk_report_csv_table(r, i, &name, &name_len, &csv, &csv_len, &err);
        settle(st, err);
        check((st == XXGK_OK) == (i < tables), "csv_table status");
        if (st == XXGK_OK) {
            owned(name, name_len);
            xxgk_fuzz::check_utf8(owned(csv, csv_len), "a CSV table is not UTF-8");
        }
    }
#endif
    xxgk_issues_free(issues);

    char* csv = nullptr;
    std::size_t len = 0;
    err = nullptr;
    st = xxgk_report_to_cells_csv(r, &csv, &len, &err);
    settle(st, err);
    check(st == XXGK_OK, "cells CSV failed");
    xxgk_fuzz::check_utf8(owned(csv, len), "the cells CSV is not UTF-8");
}

std::pair<std::string_view, std::string_view> split_pair(std::string_view a) {
    const std::size_t eq = a.find('=');
    if (eq == std::string_view::npos) return {a, {}};
    return {a.substr(0, eq), a.substr(eq + 1)};
}

/// Runs one setter; a failure must leave the report as it was.
template <class F>
void set(xxgk_report* r, F&& call) {
    const std::string before = json_of(r);
    xxgk_error* err = nullptr;
    const xxgk_status st = call(&err);
    settle(st, err);
    if (st != XXGK_OK) check(json_of(r) == before, "a failed setter changed the report", before);
}

/// One call on the report, chosen by the first byte of `op`.
void call(xxgk_report* r, std::string_view op) {
    if (op.empty()) return;
    const unsigned char which = static_cast<unsigned char>(op[0]);
    const std::string_view a = op.substr(1);
    const std::pair<std::string_view, std::string_view> args = split_pair(a);
    const std::string_view left = args.first, right = args.second;
    xxgk_error* err = nullptr;
    char* out = nullptr;
    std::size_t len = 0;
    switch (which % 10) {
        case 0: {
            const xxgk_status st = xxgk_report_get_json(r, a.data(), a.size(), &out, &len, &err);
            settle(st, err);
            if (st == XXGK_OK)
                xxgk_fuzz::check_utf8(owned(out, len), "get_json is not UTF-8");
            else
                check(out == nullptr && len == 0, "get_json failed but returned a buffer");
            break;
        }
        case 1:
            set(r, [&](xxgk_error** e) {
                return xxgk_report_set_json(r, left.data(), left.size(), right.data(), right.size(), e);
            });
            break;
        case 2: {
            const xxgk_status st = xxgk_field_get(r, a.data(), a.size(), &out, &len, &err);
            settle(st, err);
            if (st == XXGK_OK && out) xxgk_fuzz::check_utf8(owned(out, len), "field_get is not UTF-8");
            break;
        }
        case 3:
            set(r, [&](xxgk_error** e) {
                return xxgk_field_set(r, left.data(), left.size(), right.data(), right.size(), e);
            });
            break;
        case 4: {
            xxgk_cell c = XXGK_CELL_INIT;
            const xxgk_status st = xxgk_cell_get(r, a.data(), a.size(), &c, &err);
            settle(st, err);
            if (st == XXGK_OK) {
                check(std::strlen(c.value_text) < sizeof c.value_text, "cell value_text");
                if (c.raw) xxgk_fuzz::check_utf8(std::string_view(c.raw, c.raw_len), "cell raw is not UTF-8");
            }
            break;
        }
        case 5:
            set(r, [&](xxgk_error** e) {
                return xxgk_cell_set_decimal(r, left.data(), left.size(), right.data(), right.size(),
                                             static_cast<int>(a.size() % 5) - 1, e);
            });
            break;
        case 6:
            set(r, [&](xxgk_error** e) {
                return xxgk_cell_set_state(r, left.data(), left.size(), static_cast<int>(right.size() % 7) - 1,
                                           right.empty() ? nullptr : right.data(), right.size(), e);
            });
            break;
        case 7: {
            xxgk_int64 v = 0;
            if (!right.empty()) std::memcpy(&v, right.data(), right.size() < sizeof v ? right.size() : sizeof v);
            set(r, [&](xxgk_error** e) { return xxgk_cell_set_integer(r, left.data(), left.size(), v, e); });
            break;
        }
        case 8: {
            // (one statement per call: in settle(call(&err), err) the order in which the two
            // arguments are evaluated is unspecified — GCC reads err first)
            xxgk_key_info k = XXGK_KEY_INFO_INIT;
            xxgk_status st = xxgk_key_find(xxgk_report_format(r), a.data(), a.size(), &k, &err);
            settle(st, err);
            xxgk_rule_info info = XXGK_RULE_INFO_INIT;
            err = nullptr;
            st = xxgk_rule_find(a.data(), a.size(), &info, &err);
            settle(st, err);
            break;
        }
        default: {
            xxgk_report* copy = nullptr;
            const xxgk_status st = xxgk_report_clone(r, &copy, &err);
            settle(st, err);
            check(st == XXGK_OK && xxgk_report_equal(r, copy) == 1, "clone differs");
            xxgk_report_free(copy);
            read_everything(r, a.size());
            break;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t nul = input.find('\0', start);
        parts.push_back(input.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
        if (nul == std::string_view::npos) break;
        start = nul + 1;
    }
    const std::string_view json = parts[0];

    xxgk_load_options o = XXGK_LOAD_OPTIONS_INIT;
    const xxgk_load_options* options = &o;
    switch (json.size() % 4) {
        case 0: options = nullptr; break;
        case 1: o.keep_unknown_members = 1; break;
        case 2:
            o.max_input_bytes = 4096;
            o.max_depth = 6;
            o.max_string_bytes = 40;
            o.max_problems = 3;
            break;
        case 3:  // a caller compiled against version 1: the members of version 2 are not its own
            o.version = 1;
            o.keep_unknown_members = 1;
            o.max_string_bytes = 1;
            o.max_problems = 1;
            break;
    }
    xxgk_report* r = nullptr;
    xxgk_error* err = nullptr;
    const xxgk_status st = xxgk_report_from_json(&r, json.data(), json.size(), options, &err);
    if (st == XXGK_OK) {
        check(r != nullptr, "from_json succeeded without a report");
    } else {
        check(r == nullptr, "from_json failed but returned a report");
        if (options && o.version == 2 && o.max_problems == 3)
            check(xxgk_error_count(err) <= 4, "max_problems does not hold");
        if (options && o.version == 1) {  // its version-2 members (max_string_bytes 1) must be ignored
            std::size_t len = 0;
            const char* m = err ? xxgk_error_message(err, &len) : nullptr;
            check(!m || std::string_view(m, len).find("longer than 1 bytes") == std::string_view::npos,
                  "a version-1 options struct was read past its end");
        }
    }
    settle(st, err);
    if (!r) {
        err = nullptr;
        const xxgk_status made = xxgk_report_new(&r, json.size() & 4 ? XXGK_FORMAT_2021 : XXGK_FORMAT_2019, &err);
        settle(made, err);
        check(made == XXGK_OK, "report_new failed");
    }
    for (std::size_t i = 1; i < parts.size(); ++i) call(r, parts[i]);
    check_round_trip(r);
    read_everything(r, size);
    xxgk_report_free(r);
    return 0;
}
