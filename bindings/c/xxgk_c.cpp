// The C ABI (include/xxgk/xxgk.h) over the C++ library: the try/catch wall.
//
// Every exported function validates its arguments, runs its body inside `guarded`, and turns
// every exception into a status and an xxgk_error. Nothing here keeps global mutable state:
// the only statics are immutable tables built once (thread-safe function-local statics) and the
// preallocated out-of-memory error.
#include "xxgk/xxgk.h"

#include <xxgk/render.hpp>
#include <xxgk/schema.hpp>
#include <xxgk/text.hpp>
#include <xxgk/xxgk.hpp>
#include <xxgk/detail/encoding.hpp>
#include <xxgk/detail/traits.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// ---------------------------------------------------------------------------------------------
// The C constants are the C++ enumerators, number for number.

static_assert(sizeof(xxgk_int64) == 8, "xxgk_int64 must be 64 bits");
static_assert(XXGK_E_INVALID_JSON == static_cast<int>(xxgk::errc::invalid_json));
static_assert(XXGK_E_WRONG_TYPE == static_cast<int>(xxgk::errc::wrong_type));
static_assert(XXGK_E_MISSING_MEMBER == static_cast<int>(xxgk::errc::missing_member));
static_assert(XXGK_E_UNKNOWN_MEMBER == static_cast<int>(xxgk::errc::unknown_member));
static_assert(XXGK_E_OUT_OF_RANGE == static_cast<int>(xxgk::errc::out_of_range));
static_assert(XXGK_E_INVALID_VALUE == static_cast<int>(xxgk::errc::invalid_value));
static_assert(XXGK_E_WRONG_FORMAT == static_cast<int>(xxgk::errc::wrong_format));
static_assert(XXGK_E_UNKNOWN_KEY == static_cast<int>(xxgk::errc::unknown_key));
static_assert(XXGK_E_LIMIT_EXCEEDED == static_cast<int>(xxgk::errc::limit_exceeded));
static_assert(XXGK_E_IO == static_cast<int>(xxgk::errc::io_error));
static_assert(XXGK_E_DUPLICATE_MEMBER == static_cast<int>(xxgk::errc::duplicate_member));
static_assert(XXGK_CELL_BLANK == static_cast<int>(xxgk::cell_state::blank));
static_assert(XXGK_CELL_NUMBER == static_cast<int>(xxgk::cell_state::number));
static_assert(XXGK_CELL_NOT_APPLICABLE == static_cast<int>(xxgk::cell_state::not_applicable));
static_assert(XXGK_CELL_TEXT == static_cast<int>(xxgk::cell_state::text));
static_assert(XXGK_CELL_NOT_CAPTURED == static_cast<int>(xxgk::cell_state::not_captured));
static_assert(XXGK_UNIT_NONE == static_cast<int>(xxgk::money_unit::none));
static_assert(XXGK_UNIT_YUAN == static_cast<int>(xxgk::money_unit::yuan));
static_assert(XXGK_UNIT_WAN_YUAN == static_cast<int>(xxgk::money_unit::wan_yuan));
static_assert(XXGK_KIND_COUNT == static_cast<int>(xxgk::value_kind::count));
static_assert(XXGK_KIND_SIGNED_COUNT == static_cast<int>(xxgk::value_kind::signed_count));
static_assert(XXGK_KIND_AMOUNT == static_cast<int>(xxgk::value_kind::amount));
static_assert(XXGK_KIND_AMOUNT_WAN_YUAN == static_cast<int>(xxgk::value_kind::amount_wan_yuan));
static_assert(XXGK_SEVERITY_INFO == static_cast<int>(xxgk::severity::info));
static_assert(XXGK_SEVERITY_WARNING == static_cast<int>(xxgk::severity::warning));
static_assert(XXGK_SEVERITY_ERROR == static_cast<int>(xxgk::severity::error));
static_assert(XXGK_FORMAT_2019 == static_cast<int>(xxgk::format_version::v2019));
static_assert(XXGK_FORMAT_2021 == static_cast<int>(xxgk::format_version::v2021));

namespace {
// Codes 1–99 mirror xxgk::errc; a new errc enumerator passes through unchanged.
constexpr bool errc_fits() {
    bool ok = true;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<xxgk::errc>>(
        [&](auto d) { ok = ok && static_cast<int>(d.value) > 0 && static_cast<int>(d.value) < 100; });
    return ok;
}
static_assert(errc_fits(), "xxgk::errc values must stay within 1..99 (100 and up belong to the C ABI)");
}  // namespace

#include "wall.hpp"

using namespace xxgk_c;  // the handles and the wall (wall.hpp)

// Argument checks shared by every C ABI source (declared in wall.hpp).
namespace xxgk_c {

void check_length(std::size_t len, const char* name) {
    if (len > static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max()))
        fail(XXGK_E_INVALID_ARGUMENT, std::string("argument '") + name + "' has a length of " + std::to_string(len) +
                                          " bytes, more than any object can have");
}

void check_struct_version(unsigned int version, unsigned int current, const char* name, const char* init) {
    if (version == 0)
        fail(XXGK_E_INVALID_ARGUMENT, std::string("'") + name + "->version' is 0: initialise the struct with " + init);
    if (version > current)
        fail(XXGK_E_INVALID_ARGUMENT, std::string("'") + name + "->version' is " + std::to_string(version) +
                                          ", newer than this library knows (" + std::to_string(current) + ")");
}

void check_limit(std::size_t size, std::size_t limit) {
    if (size > limit)
        fail(XXGK_E_LIMIT_EXCEEDED,
             "input of " + std::to_string(size) + " bytes exceeds the limit of " + std::to_string(limit) + " bytes");
}

}  // namespace xxgk_c

namespace {

// Records where `offset` is in `text` (line and column in code points).
void locate(std::string_view text, std::size_t offset, xxgk_error& e) {
    const xxgk::text_position p = xxgk::position_of(text, offset);
    e.offset = offset;
    e.line = p.line;
    e.column = p.column;
}

void check_utf8(std::string_view s, const char* name, bool with_position = false) {
    const std::size_t bad = xxgk::invalid_utf8_offset(s);
    if (bad == xxgk::valid_utf8) return;
    failure f;
    f.error.status = XXGK_E_INVALID_UTF8;
    f.error.message = std::string("argument '") + name + "' is not valid UTF-8 at byte " + std::to_string(bad);
    f.error.offset = bad;
    if (with_position) {  // JSON text: name the encoding when it is evidently another one
        locate(s, bad, f.error);
        const xxgk::detail::foreign_text other = xxgk::detail::foreign_encoding(s);
        if (!other.message.empty()) f.error.message += ": " + other.message;
    }
    throw f;
}

// A string argument: NULL only with length 0 when `null_ok`; valid UTF-8.
std::string_view text_arg(const char* p, std::size_t len, const char* name, bool null_ok = false) {
    if (!p && (len != 0 || !null_ok)) require(p, name);
    check_length(len, name);
    const std::string_view s(p ? p : "", p ? len : 0);
    check_utf8(s, name);
    return s;
}

xxgk::format_version format_arg(int format) {
    for (xxgk::format_version f : xxgk::all_formats)
        if (static_cast<int>(f) == format) return f;
    fail(XXGK_E_INVALID_ARGUMENT, "format " + std::to_string(format) + " is not supported (2019 or 2021)");
}

}  // namespace

xxgk::decode_options xxgk_c::decode_options_arg(const xxgk_load_options* o) {
    xxgk::decode_options d;
    if (!o) return d;
    check_struct_version(o->version, XXGK_LOAD_OPTIONS_VERSION, "options", "XXGK_LOAD_OPTIONS_INIT");
    d.strict = o->keep_unknown_members == 0;
    if (o->max_input_bytes) d.max_input_bytes = o->max_input_bytes;
    if (o->max_depth) d.max_depth = o->max_depth;
    if (o->version >= 2) {  // members of version 2: a version-1 caller did not allocate them
        if (o->max_string_bytes) d.max_string_bytes = o->max_string_bytes;
        if (o->max_problems) d.max_problems = o->max_problems;
    }
    return d;
}

// A buffer the caller releases with xxgk_free.
void xxgk_c::copy_out(std::string_view s, char** out, std::size_t* out_len) {
    // At least a tag's worth of bytes: a buffer passed where a handle belongs has its first 8
    // bytes read as a tag (wall.hpp), which must stay within the allocation.
    const std::size_t size = std::max<std::size_t>(s.size() + 1, sizeof(handle_tag));
    char* buf = static_cast<char*>(std::malloc(size));
    if (!buf) throw std::bad_alloc();
    std::memset(buf + s.size(), 0, size - s.size());
    try {
        register_buffer(buf);
    } catch (...) {
        std::free(buf);
        throw;
    }
    if (!s.empty()) std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = '\0';
    *out = buf;
    if (out_len) *out_len = s.size();
}

// ---------------------------------------------------------------------------------------------
// Misuse detection (wall.hpp): the quarantine of freed handle shells and the set of live buffers.
// The library's only process-wide state; each is behind its own lock and holds no content.

namespace {

struct quarantine_ring {
    std::mutex lock;
    struct entry {
        void* shell = nullptr;
        void (*destroy)(void*) = nullptr;
    };
    std::array<entry, quarantine_size> entries{};
    std::size_t next = 0;
};

// Never destroyed (a host may free handles from its own static destructors); what it holds at
// exit stays reachable, so leak checkers do not count it.
quarantine_ring& the_quarantine() {
    static quarantine_ring* ring = new quarantine_ring;
    return *ring;
}

// The buffers handed out and not yet released, in shards to keep threads apart.
struct buffer_registry {
    static constexpr std::size_t shards = 16;
    struct shard {
        std::mutex lock;
        std::unordered_set<const void*> live;
    };
    std::array<shard, shards> parts;
    shard& of(const void* p) { return parts[(reinterpret_cast<std::uintptr_t>(p) >> 4) % shards]; }
};

buffer_registry& the_buffers() {
    static buffer_registry* registry = new buffer_registry;
    return *registry;
}

// Releases a buffer the library handed out; ignores any other pointer (nothing is read from it).
void release_buffer(void* p) noexcept {
    if (!p) return;
    buffer_registry::shard& s = the_buffers().of(p);
    {
        std::lock_guard<std::mutex> guard(s.lock);
        if (s.live.erase(p) == 0) return;  // not ours, or freed already: misuse, ignored
    }
    std::free(p);
}

}  // namespace

void xxgk_c::quarantine(void* shell, void (*destroy)(void*)) noexcept {
    quarantine_ring& q = the_quarantine();
    quarantine_ring::entry evicted;
    {
        std::lock_guard<std::mutex> guard(q.lock);
        quarantine_ring::entry& slot = q.entries[q.next];
        evicted = slot;
        slot = {shell, destroy};
        q.next = (q.next + 1) % q.entries.size();
    }
    if (evicted.shell) evicted.destroy(evicted.shell);
}

void xxgk_c::register_buffer(void* buffer) {
    buffer_registry::shard& s = the_buffers().of(buffer);
    std::lock_guard<std::mutex> guard(s.lock);
    s.live.insert(buffer);
}

namespace {

const char* borrowed(const std::string& s, std::size_t* out_len) noexcept {
    if (out_len) *out_len = s.size();
    return s.c_str();
}

// ---------------------------------------------------------------------------------------------
// Loading

void decode_into(xxgk_report** out, std::string_view json, const xxgk::decode_options& options) {
    check_limit(json.size(), options.max_input_bytes);
    check_utf8(json, "json", true);
    xxgk::decode_result r = xxgk::decode_json(json, options);
    if (!r.ok()) throw failure{error_from_problems(r.problems, true)};
    *out = new xxgk_report(std::move(*r.value));
}

// ---------------------------------------------------------------------------------------------
// Members of the model, addressed by JSON Pointer (xxgk/pointer.hpp) or by dotted field key.

// The tokens of a dotted field key: "header.contact.phone" → {"header", "contact", "phone"}.
std::vector<std::string> split_key(std::string_view key) {
    std::vector<std::string> segs;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= key.size(); ++i)
        if (i == key.size() || key[i] == '.') {
            segs.emplace_back(key.substr(start, i - start));
            start = i + 1;
        }
    return segs;
}

// Runs a call of xxgk/pointer.hpp with the C statuses of its pointer errors, at `location`: a
// malformed pointer is XXGK_E_INVALID_ARGUMENT, a list index past the end XXGK_E_NOT_FOUND.
template <class F>
auto pointer_call(const std::string& location, F&& body) {
    try {
        return body();
    } catch (const std::invalid_argument& e) {
        fail(XXGK_E_INVALID_ARGUMENT, e.what(), location);
    } catch (const std::out_of_range& e) {
        fail(XXGK_E_NOT_FOUND, e.what(), location);
    }
}

// The pointer of a dotted field key, after checking that it names a scalar field of the model.
std::string scalar_field(const xxgk::report& r, std::string_view key, xxgk::member_kind& kind,
                         const char* cell_function, const char* json_function) {
    const std::string where = xxgk::make_pointer(split_key(key));
    kind = pointer_call(where, [&] { return xxgk::member_at(r, where); });
    if (kind == xxgk::member_kind::cell)
        fail(XXGK_E_WRONG_TYPE, "'" + std::string(key) + "' is a cell: use " + cell_function, where);
    if (kind == xxgk::member_kind::object || kind == xxgk::member_kind::array)
        fail(XXGK_E_WRONG_TYPE,
             "'" + std::string(key) + "' is not a scalar field: use " + json_function + " with \"" + where + "\"",
             where);
    return where;
}

// ---------------------------------------------------------------------------------------------
// Static tables: every string of xxgk_key_info and xxgk_rule_info, NUL-terminated, built once.

struct key_strings {
    std::string section, row, column, section_label, row_groups, row_label, column_group, column_label, label_path;
};

std::vector<key_strings> build_key_strings(xxgk::format_version f) {
    std::vector<key_strings> out;
    const xxgk::label_table& t = xxgk::labels(f);
    for (const xxgk::cell_key& k : xxgk::cell_keys(f)) {
        key_strings s;
        s.section = std::string(k.section);
        s.row = std::string(k.row);
        s.column = std::string(k.column);
        s.section_label = std::string(t.section(k.section)->label);
        s.row_groups = t.row_group_path(k.section, k.row);
        s.row_label = std::string(k.row_info->label);
        s.column_group = std::string(k.column_info->group);
        s.column_label = std::string(k.column_info->label);
        s.label_path = k.label_path(f);
        out.push_back(std::move(s));
    }
    return out;
}

const std::vector<key_strings>& key_table(xxgk::format_version f) {
    static const std::vector<key_strings> t2019 = build_key_strings(xxgk::format_version::v2019);
    static const std::vector<key_strings> t2021 = build_key_strings(xxgk::format_version::v2021);
    return f == xxgk::format_version::v2019 ? t2019 : t2021;
}

void fill_key_info(xxgk::format_version f, const xxgk::cell_key& k, xxgk_key_info* out) {
    const key_strings& s = key_table(f).at(k.index);
    out->index = k.index;
    out->kind = static_cast<int>(k.kind);
    out->key = k.key.c_str();
    out->pointer = k.pointer.c_str();
    out->section = s.section.c_str();
    out->row = s.row.c_str();
    out->column = s.column.c_str();
    out->section_label = s.section_label.c_str();
    out->row_groups = s.row_groups.c_str();
    out->row_label = s.row_label.c_str();
    out->column_group = s.column_group.c_str();
    out->column_label = s.column_label.c_str();
    out->label_path = s.label_path.c_str();
}

struct rule_strings {
    std::string code, rule, title_zh, title_en, template_zh, template_en;
    int severity;
};

const std::vector<rule_strings>& rule_table() {
    static const std::vector<rule_strings> table = [] {
        std::vector<rule_strings> t;
        for (const xxgk::rule_info& r : xxgk::rule_catalog())
            t.push_back({std::string(r.code), std::string(r.rule), std::string(r.title_zh), std::string(r.title_en),
                         std::string(r.template_zh), std::string(r.template_en), static_cast<int>(r.severity)});
        return t;
    }();
    return table;
}

void fill_rule_info(const rule_strings& r, xxgk_rule_info* out) {
    out->code = r.code.c_str();
    out->rule = r.rule.c_str();
    out->severity = r.severity;
    out->title_zh = r.title_zh.c_str();
    out->title_en = r.title_en.c_str();
    out->template_zh = r.template_zh.c_str();
    out->template_en = r.template_en.c_str();
}

const xxgk::finding* finding_at(const xxgk_issues* issues, std::size_t index) noexcept {
    return live(issues) && index < issues->findings.size() ? &issues->findings[index] : nullptr;
}

const char* finding_string(const xxgk_issues* issues, std::size_t index, std::size_t* out_len,
                           std::string xxgk::finding::*member) noexcept {
    const xxgk::finding* f = finding_at(issues, index);
    if (!f) {
        clear_len(out_len);
        return nullptr;
    }
    return borrowed(f->*member, out_len);
}

std::string key_text(std::string_view key) { return std::string(key); }

}  // namespace

// =============================================================================================
// The argument helpers shared with the other files of bindings/c (wall.hpp)

std::string_view xxgk_c::json_arg(const char* json, std::size_t json_len, const xxgk::decode_options& o) {
    require(json, "json");
    check_length(json_len, "json");
    check_limit(json_len, o.max_input_bytes);  // before a single byte is read
    const std::string_view text(json, json_len);
    check_utf8(text, "json", true);
    return text;
}

std::string xxgk_c::file_arg(const char* path, const xxgk::decode_options& o) {
    require(path, "path");
    return xxgk::read_file(path, o.max_input_bytes);
}

void xxgk_c::fail_with(const std::vector<xxgk::problem>& problems) {
    throw failure{error_from_problems(problems, true)};
}

xxgk::validate_options xxgk_c::validate_options_arg(const xxgk_validate_options* options) {
    xxgk::validate_options o;
    if (options) {
        check_struct_version(options->version, XXGK_VALIDATE_OPTIONS_VERSION, "options", "XXGK_VALIDATE_OPTIONS_INIT");
        o.include_info = options->omit_info == 0;
        if (options->version >= 2 && options->max_findings) o.max_findings = options->max_findings;
    }
    return o;
}

xxgk::render_options xxgk_c::render_options_arg(const xxgk_render_options* options) {
    xxgk::render_options o;
    if (options) {
        check_struct_version(options->version, XXGK_RENDER_OPTIONS_VERSION, "options", "XXGK_RENDER_OPTIONS_INIT");
        if (options->lang == XXGK_LANG_EN)
            o.lang = "en";
        else if (options->lang != XXGK_LANG_ZH)
            fail(XXGK_E_INVALID_ARGUMENT,
                 "options->lang " + std::to_string(options->lang) + " is not XXGK_LANG_ZH or XXGK_LANG_EN");
        if (options->findings) {
            require(options->findings, "options->findings");
            o.findings = &options->findings->findings;
        }
    }
    return o;
}

void xxgk_c::csv_table_out(const std::vector<xxgk::csv_table>& tables, std::size_t index, char** name,
                           std::size_t* name_len, char** csv, std::size_t* csv_len) {
    if (index >= tables.size())
        fail(XXGK_E_NOT_FOUND, "index " + std::to_string(index) + " is past the last table (" +
                                   std::to_string(tables.size()) + " tables)");
    char* n = nullptr;
    if (name) copy_out(tables[index].name, &n, name_len);
    try {
        copy_out(tables[index].csv, csv, csv_len);
    } catch (...) {
        release_buffer(n);
        clear_len(name_len);
        throw;
    }
    if (name) *name = n;
}

// =============================================================================================
// The exported functions

extern "C" {

const char* xxgk_status_name(xxgk_status status) {
    switch (status) {
        case XXGK_OK: return "ok";
        case XXGK_E_INVALID_ARGUMENT: return "invalid_argument";
        case XXGK_E_INVALID_UTF8: return "invalid_utf8";
        case XXGK_E_NOT_FOUND: return "not_found";
        case XXGK_E_NO_MEMORY: return "no_memory";
        case XXGK_E_INTERNAL: return "internal";
        case XXGK_E_MISUSE: return "misuse";
        default: break;
    }
    if (status > 0 && status < 100)
        if (const char* name = boost::describe::enum_to_string(static_cast<xxgk::errc>(status), nullptr)) return name;
    return "unknown";
}

unsigned long xxgk_version_number(void) { return XXGK_VERSION_NUMBER; }

const char* xxgk_version_string(void) { return XXGK_VERSION_STRING; }

int xxgk_format_supported(int format) {
    for (xxgk::format_version f : xxgk::all_formats)
        if (static_cast<int>(f) == format) return 1;
    return 0;
}

size_t xxgk_formats(const int** out) {
    static const auto list = [] {
        std::array<int, xxgk::all_formats.size()> l{};
        for (std::size_t i = 0; i < l.size(); ++i) l[i] = static_cast<int>(xxgk::all_formats[i]);
        return l;
    }();
    if (out) *out = list.data();
    return list.size();
}

void xxgk_free(void* buffer) { release_buffer(buffer); }

// ---- errors

void xxgk_error_free(xxgk_error* err) {
    if (err != &out_of_memory_error) retire(err);
}

xxgk_status xxgk_error_status(const xxgk_error* err) {
    if (!err) return XXGK_E_INVALID_ARGUMENT;
    return live(err) ? err->status : XXGK_E_MISUSE;
}

const char* xxgk_error_message(const xxgk_error* err, size_t* out_len) {
    if (!live(err)) {
        clear_len(out_len);
        return nullptr;
    }
    return borrowed(err->message, out_len);
}

const char* xxgk_error_location(const xxgk_error* err, size_t* out_len) {
    if (!live(err)) {
        clear_len(out_len);
        return nullptr;
    }
    return borrowed(err->location, out_len);
}

size_t xxgk_error_offset(const xxgk_error* err) { return live(err) ? err->offset : XXGK_NO_OFFSET; }
size_t xxgk_error_line(const xxgk_error* err) { return live(err) ? err->line : 0; }
size_t xxgk_error_column(const xxgk_error* err) { return live(err) ? err->column : 0; }

size_t xxgk_error_count(const xxgk_error* err) {
    if (!live(err)) return 0;
    return err->problems.empty() ? 1 : err->problems.size();
}

xxgk_status xxgk_error_problem_at(const xxgk_error* err, size_t index, xxgk_problem* out) {
    if (!err || !out || out->version == 0 || out->version > XXGK_PROBLEM_VERSION) return XXGK_E_INVALID_ARGUMENT;
    if (!live(err)) return XXGK_E_MISUSE;
    if (index >= xxgk_error_count(err)) return XXGK_E_NOT_FOUND;
    if (err->problems.empty()) {
        out->status = err->status;
        out->pointer = err->location.c_str();
        out->pointer_len = err->location.size();
        out->message = err->message.c_str();
        out->message_len = err->message.size();
        out->offset = err->offset;
        out->line = err->line;
        out->column = err->column;
    } else {
        const xxgk_error::item& p = err->problems[index];
        out->status = p.status;
        out->pointer = p.pointer.c_str();
        out->pointer_len = p.pointer.size();
        out->message = p.message.c_str();
        out->message_len = p.message.size();
        out->offset = p.offset;
        out->line = p.line;
        out->column = p.column;
    }
    return XXGK_OK;
}

// ---- reports

xxgk_status xxgk_report_new(xxgk_report** out, int format, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(out, "out");
        const xxgk::format_version f = format_arg(format);
        *out = new xxgk_report(xxgk::report::make(f));
    });
}

xxgk_status xxgk_report_from_json(xxgk_report** out, const char* json, size_t json_len,
                                  const xxgk_load_options* options, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(out, "out");
        require(json, "json");
        const xxgk::decode_options o = decode_options_arg(options);
        check_length(json_len, "json");
        check_limit(json_len, o.max_input_bytes);  // before a single byte is read
        decode_into(out, std::string_view(json, json_len), o);
    });
}

xxgk_status xxgk_report_from_file(xxgk_report** out, const char* path, const xxgk_load_options* options,
                                  xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(out, "out");
        require(path, "path");
        const xxgk::decode_options o = decode_options_arg(options);
        const std::string text = xxgk::read_file(path, o.max_input_bytes);
        decode_into(out, text, o);
    });
}

xxgk_status xxgk_report_to_json(const xxgk_report* report, char** out, size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        copy_out(xxgk::to_json(report->value), out, out_len);
    });
}

xxgk_status xxgk_report_to_cells_csv(const xxgk_report* report, char** out, size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        copy_out(xxgk::to_cells_csv(report->value), out, out_len);
    });
}

void xxgk_report_free(xxgk_report* report) { retire(report); }

int xxgk_report_format(const xxgk_report* report) {
    return live(report) ? static_cast<int>(report->value.format()) : 0;
}

xxgk_status xxgk_report_clone(const xxgk_report* report, xxgk_report** out, xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        *out = new xxgk_report(report->value);
    });
}

int xxgk_report_equal(const xxgk_report* a, const xxgk_report* b) {
    if (!live(a) || !live(b)) return 0;
    try {
        return a->value == b->value ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

xxgk_status xxgk_report_get_json(const xxgk_report* report, const char* pointer, size_t pointer_len, char** out,
                                 size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        const std::string p(text_arg(pointer, pointer_len, "pointer", true));
        with_stack_for(report->value.unknown_members, [&] {
            copy_out(pointer_call(p, [&] { return xxgk::get_json(report->value, p); }), out, out_len);
        });
    });
}

xxgk_status xxgk_report_set_json(xxgk_report* report, const char* pointer, size_t pointer_len, const char* json,
                                 size_t json_len, xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        require(json, "json");
        const std::string p(text_arg(pointer, pointer_len, "pointer", true));
        const std::string_view text(json, json_len);
        check_length(text.size(), "json");
        check_limit(text.size(), xxgk::decode_options{}.max_input_bytes);  // before a byte is read
        check_utf8(text, "json", true);
        pointer_call(p, [&] { xxgk::set_json(report->value, p, text); });
    });
}

// ---- cells

xxgk_status xxgk_cell_get(const xxgk_report* report, const char* key, size_t key_len, xxgk_cell* out,
                          xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        check_struct_version(out->version, XXGK_CELL_VERSION, "out", "XXGK_CELL_INIT");
        const std::string_view k = text_arg(key, key_len, "key");
        const xxgk::cell& c = xxgk::cell_at(report->value, k);
        out->state = static_cast<int>(c.state());
        out->kind = static_cast<int>(xxgk::find_cell_key(report->value.format(), k)->kind);
        out->unit = static_cast<int>(c.unit());
        out->coefficient = c.is_number() ? c.value().coefficient() : 0;
        out->scale = c.is_number() ? c.value().scale() : 0;
        out->value_text[0] = '\0';
        if (c.is_number()) {
            const std::string text = c.value().to_string();
            if (text.size() >= sizeof out->value_text) fail(XXGK_E_INTERNAL, "decimal text too long", key_text(k));
            std::memcpy(out->value_text, text.c_str(), text.size() + 1);
        }
        out->raw = c.raw() ? c.raw()->c_str() : nullptr;
        out->raw_len = c.raw() ? c.raw()->size() : 0;
    });
}

xxgk_status xxgk_cell_set_integer(xxgk_report* report, const char* key, size_t key_len, xxgk_int64 value,
                                  xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        const std::string_view k = text_arg(key, key_len, "key");
        xxgk::set_cell(report->value, k, xxgk::cell::number(xxgk::decimal(static_cast<std::int64_t>(value))));
    });
}

xxgk_status xxgk_cell_set_decimal(xxgk_report* report, const char* key, size_t key_len, const char* text,
                                  size_t text_len, int unit, xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        const std::string_view k = text_arg(key, key_len, "key");
        const std::string_view t = text_arg(text, text_len, "text");
        if (unit < XXGK_UNIT_NONE || unit > XXGK_UNIT_WAN_YUAN)
            fail(XXGK_E_INVALID_ARGUMENT, "unit " + std::to_string(unit) + " is not one of XXGK_UNIT_*");
        xxgk::cell& c = xxgk::cell_at(report->value, k);
        const std::optional<xxgk::decimal> d = xxgk::decimal::parse(t);
        if (!d)
            fail(XXGK_E_INVALID_VALUE,
                 "'" + std::string(t) +
                     "' is not a decimal such as 17424.88 ([+-]digits[.digits], at most 18 digits "
                     "after the point, 64-bit range)",
                 key_text(k));
        c = xxgk::cell::number(*d, static_cast<xxgk::money_unit>(unit));
    });
}

xxgk_status xxgk_cell_set_state(xxgk_report* report, const char* key, size_t key_len, int state, const char* raw,
                                size_t raw_len, xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        const std::string_view k = text_arg(key, key_len, "key");
        const std::string_view r = text_arg(raw, raw_len, "raw", true);
        if (state == XXGK_CELL_NUMBER)
            fail(XXGK_E_INVALID_ARGUMENT, "state XXGK_CELL_NUMBER needs a value: use xxgk_cell_set_integer or "
                                          "xxgk_cell_set_decimal");
        if (state < XXGK_CELL_BLANK || state > XXGK_CELL_NOT_CAPTURED)
            fail(XXGK_E_INVALID_ARGUMENT, "state " + std::to_string(state) + " is not one of XXGK_CELL_*");
        xxgk::cell& c = xxgk::cell_at(report->value, k);
        xxgk::cell fresh;
        fresh.set_state(static_cast<xxgk::cell_state>(state));
        if (raw) fresh.set_raw(std::string(r));
        c = std::move(fresh);
    });
}

// A printed cell, read as the importer reads one (xxgk::read_printed_cell).
xxgk_status xxgk_cell_set_text(xxgk_report* report, const char* key, size_t key_len, const char* text, size_t text_len,
                               xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        const std::string_view k = text_arg(key, key_len, "key");
        const std::string_view printed = text_arg(text, text_len, "text", true);
        xxgk::cell& c = xxgk::cell_at(report->value, k);  // throws key_error for a key of no cell
        c = xxgk::read_printed_cell(printed, xxgk::find_cell_key(report->value.format(), k)->kind);
    });
}

// ---- keys

size_t xxgk_key_count(int format) {
    if (!xxgk_format_supported(format)) return 0;
    return xxgk::cell_keys(static_cast<xxgk::format_version>(format)).size();
}

xxgk_status xxgk_key_at(int format, size_t index, xxgk_key_info* out, xxgk_error** err) {
    return guarded(err, [&] {
        const xxgk::format_version f = format_arg(format);
        require(out, "out");
        check_struct_version(out->version, XXGK_KEY_INFO_VERSION, "out", "XXGK_KEY_INFO_INIT");
        const auto& keys = xxgk::cell_keys(f);
        if (index >= keys.size())
            fail(XXGK_E_NOT_FOUND, "index " + std::to_string(index) + " is past the last key of the " +
                                       std::string(xxgk::to_string(f)) + " format (" + std::to_string(keys.size()) +
                                       " keys)");
        fill_key_info(f, keys[index], out);
    });
}

xxgk_status xxgk_key_find(int format, const char* key, size_t key_len, xxgk_key_info* out, xxgk_error** err) {
    return guarded(err, [&] {
        const xxgk::format_version f = format_arg(format);
        require(out, "out");
        check_struct_version(out->version, XXGK_KEY_INFO_VERSION, "out", "XXGK_KEY_INFO_INIT");
        const std::string_view k = text_arg(key, key_len, "key");
        const xxgk::cell_key* ck = xxgk::find_cell_key(f, k);
        if (!ck) {
            // The same message as the C++ lookups (it says when the key belongs to the other format).
            const xxgk::report probe = xxgk::report::make(f);
            (void)xxgk::cell_at(probe, k);
            fail(XXGK_E_INTERNAL, "key lookup disagrees with cell_at", std::string(k));
        }
        fill_key_info(f, *ck, out);
    });
}

// ---- fields

xxgk_status xxgk_field_get(const xxgk_report* report, const char* key, size_t key_len, char** out, size_t* out_len,
                           xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        const std::string_view k = text_arg(key, key_len, "key");
        xxgk::member_kind kind;
        const std::string where = scalar_field(report->value, k, kind, "xxgk_cell_get", "xxgk_report_get_json");
        const boost::json::value v =
            boost::json::parse(pointer_call(where, [&] { return xxgk::get_json(report->value, where); }));
        if (v.is_null()) return;  // left out by the report: *out stays NULL
        if (v.is_string())
            copy_out(std::string_view(v.get_string().data(), v.get_string().size()), out, out_len);
        else if (v.is_int64())
            copy_out(std::to_string(v.get_int64()), out, out_len);
        else if (v.is_uint64())
            copy_out(std::to_string(v.get_uint64()), out, out_len);
        else if (v.is_bool())
            copy_out(v.get_bool() ? "true" : "false", out, out_len);
        else
            copy_out(boost::json::serialize(v), out, out_len);
    });
}

xxgk_status xxgk_field_set(xxgk_report* report, const char* key, size_t key_len, const char* value, size_t value_len,
                           xxgk_error** err) {
    return guarded(err, [&] {
        require(report, "report");
        const std::string_view k = text_arg(key, key_len, "key");
        const std::string_view v = text_arg(value, value_len, "value", true);
        xxgk::member_kind kind;
        const std::string where = scalar_field(report->value, k, kind, "xxgk_cell_set_*", "xxgk_report_set_json");
        boost::json::value jv;
        switch (kind) {
            case xxgk::member_kind::integer: {
                std::int64_t n = 0;
                const char* first = v.data();
                const char* last = v.data() + v.size();
                const auto [end, ec] = std::from_chars(first, last, n);
                if (ec == std::errc::result_out_of_range)
                    fail(XXGK_E_OUT_OF_RANGE, "integer '" + std::string(v) + "' is out of the 64-bit range", where);
                if (v.empty() || ec != std::errc() || end != last)
                    fail(XXGK_E_INVALID_VALUE, "'" + std::string(v) + "' is not an integer", where);
                jv = n;
                break;
            }
            case xxgk::member_kind::boolean:
                if (v == "true")
                    jv = true;
                else if (v == "false")
                    jv = false;
                else
                    fail(XXGK_E_INVALID_VALUE, "'" + std::string(v) + "' is not true or false", where);
                break;
            default: jv = boost::json::string(boost::json::string_view(v.data(), v.size())); break;
        }
        const std::string text = boost::json::serialize(jv);
        try {
            pointer_call(where, [&] { xxgk::set_json(report->value, where, text); });
        } catch (const xxgk::decode_error& e) {
            throw failure{error_from_problems(e.problems(), false)};  // positions in our own text: none
        }
    });
}

// ---- validation

xxgk_status xxgk_report_validate(const xxgk_report* report, const xxgk_validate_options* options, xxgk_issues** out,
                                 xxgk_error** err) {
    clear_out(out);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        const xxgk::validate_options o = xxgk_c::validate_options_arg(options);
        auto issues = std::make_unique<xxgk_issues>();
        issues->findings = xxgk::validate(report->value, o);
        issues->errors = xxgk::count_errors(issues->findings);
        *out = issues.release();
    });
}

void xxgk_issues_free(xxgk_issues* issues) { retire(issues); }

size_t xxgk_issues_count(const xxgk_issues* issues) { return live(issues) ? issues->findings.size() : 0; }

size_t xxgk_issues_error_count(const xxgk_issues* issues) { return live(issues) ? issues->errors : 0; }

const char* xxgk_issues_code(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::code);
}

int xxgk_issues_severity(const xxgk_issues* issues, size_t index) {
    const xxgk::finding* f = finding_at(issues, index);
    return f ? static_cast<int>(f->severity) : -1;
}

const char* xxgk_issues_rule(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::rule);
}

const char* xxgk_issues_key(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::key);
}

const char* xxgk_issues_pointer(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::pointer);
}

const char* xxgk_issues_expected(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::expected);
}

const char* xxgk_issues_actual(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::actual);
}

const char* xxgk_issues_message(const xxgk_issues* issues, size_t index, int lang, size_t* out_len) {
    if (lang == XXGK_LANG_ZH) return finding_string(issues, index, out_len, &xxgk::finding::message_zh);
    if (lang == XXGK_LANG_EN) return finding_string(issues, index, out_len, &xxgk::finding::message_en);
    clear_len(out_len);
    return nullptr;
}

const char* xxgk_issues_caused_by(const xxgk_issues* issues, size_t index, size_t* out_len) {
    return finding_string(issues, index, out_len, &xxgk::finding::caused_by);
}

size_t xxgk_issues_cell_count(const xxgk_issues* issues, size_t index) {
    const xxgk::finding* f = finding_at(issues, index);
    return f ? f->cells.size() : 0;
}

const char* xxgk_issues_cell_at(const xxgk_issues* issues, size_t index, size_t cell, size_t* out_len) {
    const xxgk::finding* f = finding_at(issues, index);
    if (!f || cell >= f->cells.size()) {
        clear_len(out_len);
        return nullptr;
    }
    return borrowed(f->cells[cell], out_len);
}

xxgk_status xxgk_issues_to_json(const xxgk_issues* issues, char** out, size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(issues, "issues");
        require(out, "out");
        copy_out(xxgk::findings_to_json(issues->findings), out, out_len);
    });
}

// ---- rule catalog

size_t xxgk_rule_count(void) {
    try {
        return rule_table().size();
    } catch (...) {
        return 0;
    }
}

xxgk_status xxgk_rule_at(size_t index, xxgk_rule_info* out, xxgk_error** err) {
    return guarded(err, [&] {
        require(out, "out");
        check_struct_version(out->version, XXGK_RULE_INFO_VERSION, "out", "XXGK_RULE_INFO_INIT");
        const auto& table = rule_table();
        if (index >= table.size())
            fail(XXGK_E_NOT_FOUND, "index " + std::to_string(index) + " is past the last rule (" +
                                       std::to_string(table.size()) + " rules)");
        fill_rule_info(table[index], out);
    });
}

xxgk_status xxgk_rule_find(const char* code, size_t code_len, xxgk_rule_info* out, xxgk_error** err) {
    return guarded(err, [&] {
        require(out, "out");
        check_struct_version(out->version, XXGK_RULE_INFO_VERSION, "out", "XXGK_RULE_INFO_INIT");
        const std::string_view c = text_arg(code, code_len, "code");
        for (const rule_strings& r : rule_table())
            if (r.code == c) {
                fill_rule_info(r, out);
                return;
            }
        fail(XXGK_E_NOT_FOUND, "'" + std::string(c) + "' is not a code of the rule catalog", std::string(c));
    });
}

// ---- rendering and the JSON Schema

static_assert(XXGK_LANG_ZH == 0, "a zeroed xxgk_render_options.lang must mean Chinese");

xxgk_status xxgk_report_render(const xxgk_report* report, int what, const xxgk_render_options* options, char** out,
                               size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(report, "report");
        require(out, "out");
        xxgk::render_options o = xxgk_c::render_options_arg(options);
        switch (what) {
            case XXGK_RENDER_HTML:
            case XXGK_RENDER_HTML_FRAGMENT:
                o.standalone = what == XXGK_RENDER_HTML;
                copy_out(xxgk::render_html(report->value, o), out, out_len);
                break;
            case XXGK_RENDER_MARKDOWN: copy_out(xxgk::render_markdown(report->value), out, out_len); break;
            case XXGK_RENDER_CSV_LONG: copy_out(xxgk::to_cells_csv(report->value), out, out_len); break;
            default:
                fail(XXGK_E_INVALID_ARGUMENT,
                     "what " + std::to_string(what) + " is not one of the XXGK_RENDER_* constants");
        }
    });
}

size_t xxgk_csv_table_count(int format) {
    for (xxgk::format_version f : xxgk::all_formats)
        if (static_cast<int>(f) == format) {
            try {
                return xxgk::render_csv_tables(xxgk::report::make(f)).size();
            } catch (...) {
                return 0;
            }
        }
    return 0;
}

xxgk_status xxgk_report_csv_table(const xxgk_report* report, size_t index, char** name, size_t* name_len, char** csv,
                                  size_t* csv_len, xxgk_error** err) {
    clear_out(name);
    clear_len(name_len);
    clear_out(csv);
    clear_len(csv_len);
    return guarded(err, [&] {
        require(report, "report");
        require(csv, "csv");
        xxgk_c::csv_table_out(xxgk::render_csv_tables(report->value), index, name, name_len, csv, csv_len);
    });
}

xxgk_status xxgk_json_schema(int format, char** out, size_t* out_len, xxgk_error** err) {
    clear_out(out);
    clear_len(out_len);
    return guarded(err, [&] {
        require(out, "out");
        copy_out(xxgk::json_schema(format_arg(format)), out, out_len);
    });
}

xxgk_status xxgk_render_css(const char** out, size_t* out_len) {
    if (!out) return XXGK_E_INVALID_ARGUMENT;
    const std::string_view css = xxgk::render_css();
    *out = css.data();
    if (out_len) *out_len = css.size();
    return XXGK_OK;
}

}  // extern "C"
