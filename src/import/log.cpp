#include "log.hpp"
#include "../codes.hpp"

#include "../json_writer.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <cassert>

namespace xxgk {
namespace {

using S = severity;

// Every code the importer can log. Stable: never renumbered, never reused (docs/import.md).
const std::vector<import_code_info> catalog{
#define XXGK_IMPORT_CODE(code, severity, meaning) {codes::code, S::severity, meaning},
#include "import_codes.def"
#undef XXGK_IMPORT_CODE
};

}  // namespace

const std::vector<import_code_info>& import_code_catalog() noexcept { return catalog; }

std::string import_log_to_json(const std::vector<import_log_entry>& log) {
    std::string out;
    detail::json_writer w(out);
    w.begin_array();
    for (const import_log_entry& e : log) {
        w.begin_object();
        w.key("level");
        w.string(boost::describe::enum_to_string(e.level, "info"));
        w.key("code");
        w.string(e.code);
        w.key("message");
        w.string(e.message);
        w.key("key");
        w.string(e.key);
        if (e.where) {
            w.key("where");
            w.begin_object();
            const provenance& p = *e.where;
            const auto member = [&](const char* name, const std::optional<std::uint32_t>& v) {
                if (!v) return;
                w.key(name);
                w.integer(*v);
            };
            member("line", p.line);
            member("column", p.column);
            member("table", p.table);
            member("row", p.row);
            member("cell", p.cell);
            w.end_object();
        }
        w.key("candidates");
        w.begin_array();
        for (const std::string& c : e.candidates) w.string(c);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    return out;
}

namespace import_detail {

namespace {
thread_local import_session* current_session = nullptr;
}  // namespace

import_session::import_session(const import_options& options) : outer_(current_session) {
    budget_.limit = options.max_work_steps;
    max_per_code_ = options.max_log_entries_per_code;
    current_session = this;
}

import_session::~import_session() { current_session = outer_; }

import_session* import_session::current() noexcept { return current_session; }

work_budget& import_session::budget() noexcept { return outer_ ? outer_->budget() : budget_; }

bool import_session::admit(std::string_view code) {
    if (outer_) return outer_->admit(code);
    for (auto& [c, n] : kept_)
        if (c == code) {
            if (n < max_per_code_) {
                ++n;
                return true;
            }
            for (auto& [s, m] : suppressed_)
                if (s == code) {
                    ++m;
                    return false;
                }
            suppressed_.emplace_back(std::string(code), 1);
            return false;
        }
    if (max_per_code_ == 0) {
        kept_.emplace_back(std::string(code), 0);
        suppressed_.emplace_back(std::string(code), 1);
        return false;
    }
    kept_.emplace_back(std::string(code), 1);
    return true;
}

std::size_t import_session::finish(std::vector<import_log_entry>& log) {
    if (outer_) return 0;
    import_session* self = current_session;
    current_session = nullptr;  // the summaries themselves are never suppressed
    for (const auto& [code, n] : suppressed_)
        log_entry(log, codes::I_100,
                  std::to_string(n) + " more entries of " + code + " not listed (the first " +
                      std::to_string(max_per_code_) + " are; import_options::max_log_entries_per_code)",
                  code);
    current_session = self;
    return budget_.used;
}

work_budget& current_budget() noexcept {
    if (current_session) return current_session->budget();
    thread_local work_budget unlimited;
    unlimited.limit = static_cast<std::size_t>(-1);
    unlimited.used = 0;
    return unlimited;
}

void log_entry(std::vector<import_log_entry>& log, std::string_view code, std::string message, std::string key,
               std::optional<provenance> where, std::vector<std::string> candidates) {
    if (current_session && !current_session->admit(code)) return;
    const auto it =
        std::find_if(catalog.begin(), catalog.end(), [&](const import_code_info& i) { return i.code == code; });
    assert(it != catalog.end());
    import_log_entry e;
    e.level = it != catalog.end() ? it->level : severity::warning;
    e.code = std::string(code);
    e.message = std::move(message);
    e.key = std::move(key);
    e.where = std::move(where);
    e.candidates = std::move(candidates);
    log.push_back(std::move(e));
}

std::string describe(const provenance& p) {
    std::string s;
    const auto part = [&](const char* name, const std::optional<std::uint32_t>& v) {
        if (!v) return;
        if (!s.empty()) s += ", ";
        s += name;
        s += ' ';
        s += std::to_string(*v);
    };
    part("line", p.line);
    part("column", p.column);
    part("table", p.table);
    part("row", p.row);
    part("cell", p.cell);
    return s;
}

}  // namespace import_detail
}  // namespace xxgk
