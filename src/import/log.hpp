// Importer internals: the import log catalog (docs/import.md lists the same codes) and a helper
// that adds an entry with the catalog's severity.
#ifndef XXGK_IMPORT_LOG_HPP
#define XXGK_IMPORT_LOG_HPP

#include <xxgk/import.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::import_detail {

/// Adds an entry; `code` must be in the catalog (its severity is taken from there).
void log_entry(std::vector<import_log_entry>& log, std::string_view code, std::string message, std::string key = {},
               std::optional<provenance> where = std::nullopt, std::vector<std::string> candidates = {});

/// The work of one import, counted in steps (docs/security.md, "Bounded work"): HTML nodes visited,
/// table grid positions filled, alignment and digit-run search steps, readings kept. Deterministic:
/// the same input gives the same count on every machine.
struct work_budget {
    std::size_t limit = 0;  ///< import_options::max_work_steps
    std::size_t used = 0;
    /// Spends `n` steps; false once the budget is exhausted (then the caller stops its search).
    bool spend(std::size_t n = 1) noexcept {
        used += n;
        return used <= limit;
    }
    bool exhausted() const noexcept { return used > limit; }
};

/// The bookkeeping of one import on the calling thread: its work budget and the count of log
/// entries per code. `log_entry` keeps the first `max_per_code` entries of each code and counts the
/// others, which `finish` reports as one XXGK-I-100 entry per code. Sessions nest: an inner one
/// (import_bytes calling import_html) joins the outer one and does nothing of its own.
class import_session {
public:
    explicit import_session(const import_options& options);
    ~import_session();
    import_session(const import_session&) = delete;
    import_session& operator=(const import_session&) = delete;
    /// The session running on this thread (nullptr outside an import).
    static import_session* current() noexcept;
    work_budget& budget() noexcept;
    /// Outermost session only: appends the XXGK-I-100 summaries to `log` and returns the steps used.
    std::size_t finish(std::vector<import_log_entry>& log);
    /// True when an entry of `code` is to be kept; otherwise counts it as suppressed.
    bool admit(std::string_view code);

private:
    import_session* outer_ = nullptr;
    work_budget budget_;
    std::size_t max_per_code_ = 0;
    std::vector<std::pair<std::string, std::size_t>> kept_;  ///< code → entries kept (few codes: a flat list)
    std::vector<std::pair<std::string, std::size_t>> suppressed_;
};

/// The budget of the current import; a budget of its own (unlimited) outside an import.
work_budget& current_budget() noexcept;

/// Provenance helpers.
inline provenance at_line(std::size_t line, std::optional<std::size_t> column = std::nullopt) {
    provenance p;
    p.line = static_cast<std::uint32_t>(line);
    if (column) p.column = static_cast<std::uint32_t>(*column);
    return p;
}

/// "line 12, column 3" / "table 2, row 4, cell 1" for messages.
std::string describe(const provenance& p);

}  // namespace xxgk::import_detail

#endif
