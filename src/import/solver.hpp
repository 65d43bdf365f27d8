// Importer internals: the readings of one printed row of values, and the arithmetic identities
// (formats.md §9: R1, R2, R3, R5 with the blank semantics of §9.1) that choose between them.
//
// A row whose cells line up with its columns has one reading. A row with more or fewer cells than
// columns, a whitespace-separated row whose blank cells vanished, or a flattened digit run has
// several; the importer keeps the reading the identities admit, and reports the row as ambiguous
// when they admit more than one — it never picks one silently.
#ifndef XXGK_IMPORT_SOLVER_HPP
#define XXGK_IMPORT_SOLVER_HPP

#include <xxgk/cell.hpp>
#include <xxgk/format.hpp>
#include <xxgk/layout.hpp>
#include <xxgk/report.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace xxgk::import_detail {

/// One printed cell or token.
struct slot {
    std::string text;
    std::optional<provenance> where;
    /// False when no cell of its own stands at this position: a grid position covered by a
    /// non-empty cell's rowspan/colspan, or a position no cell reaches (a short grid row). Its
    /// empty text is then no printed empty cell, and reading it as `blank` would claim one.
    bool printed = true;
};

/// How the values of a row were printed.
enum class shape {
    positional,  ///< table cells: empty cells are printed (blank)
    tokens,      ///< whitespace-separated: empty cells vanished
};

struct row_values {
    shape kind = shape::positional;
    std::vector<slot> slots;
    std::optional<provenance> row_where;  ///< where the row is (for cells that were not printed)
};

/// A column of the row being read.
struct column_spec {
    value_kind kind;
    std::string label;  ///< official label, for the log
};

/// One reading of a row: a cell per column.
struct reading {
    std::vector<cell> cells;
    /// Per cell: true when the reading put an empty cell where the source printed none (an
    /// inserted blank, a vanished cell of a whitespace-separated row or of a flattened run, an
    /// unprinted grid position). Such a cell is `not_captured` once the reading is chosen — the
    /// trust rule: `blank` only for an empty cell the source shows. Readings equal in value are
    /// merged and their masks or-ed: a position is seen empty only if it is in every one of them.
    std::vector<bool> unseen;
    bool split = false;  ///< came from splitting a flattened digit run
};

struct reading_set {
    std::vector<reading> list;  ///< distinct readings
    bool certain = false;       ///< one reading that needs no decision (cells line up)
    bool truncated = false;     ///< more readings than the search explores
    bool budget_spent = false;  ///< the import's work budget ran out before the search ended (XXGK-I-101)
    std::string how;            ///< why the row needs a decision: "8 value cells, 7 expected"
};

/// Options of `enumerate_readings`.
struct reading_rules {
    /// A flattened run may stand for fewer parts than columns (blank cells vanished): section 三.
    bool parts_may_vanish = false;
    /// For runs: index of the total column the parts must add up to (section 三: R2), or -1.
    int total_column = -1;
    /// For runs: groups of `group_size` columns whose first group_size-1 add up to the last (R5).
    std::size_t group_size = 0;
};

/// Every reading of the printed values for the given columns, deduplicated by value.
/// A single token (or a single non-empty positional cell) that is a run of digits is also tried
/// as a flattened run (`reading::split`).
reading_set enumerate_readings(const row_values& values, const std::vector<column_spec>& columns,
                               const reading_rules& rules);

/// "自然人=9; 总计=9" — the non-blank cells of a reading, for the log.
std::string describe_reading(const reading& r, const std::vector<column_spec>& columns);

/// The equations of R1, R2, R3 (section 三) and R5 (section 四) of a format, over cell indexes
/// of `cell_keys(format)`.
class identity_scorer {
public:
    explicit identity_scorer(format_version format);
    /// The scorer of one format, built once (it depends on nothing else).
    static const identity_scorer& of(format_version format);
    /// Badness of the equations that involve any of `cells`: mismatches and impossible equations
    /// weigh 3, a blank total with non-zero parts 2, "blank implies non-zero" 1 (formats.md §9.1).
    int score(const report& r, const std::vector<std::size_t>& cells) const;
    /// True when every equation that involves any of `cells` has only numbers and blanks in it
    /// and holds (score 0): the identities confirm the cells' values.
    bool hold(const report& r, const std::vector<std::size_t>& cells) const;
    /// True when an equation that involves `cell`, with only numbers and blanks in it, fails.
    bool breaks(const report& r, std::size_t cell) const;
    /// True when an equation that involves `cell`, with only numbers and blanks in it, holds.
    bool confirms(const report& r, std::size_t cell) const;
    /// The cells that share an equation with `cell` (itself excluded); empty when it is in none.
    std::vector<std::size_t> related(std::size_t cell) const;
    /// The equations that involve `cell` (numbers for `cells_of` and `holds`); empty when none.
    const std::vector<std::size_t>& equations_of(std::size_t cell) const;
    /// Every cell of equation `e`, both sides.
    std::vector<std::size_t> cells_of(std::size_t e) const;
    /// True when equation `e` has only numbers and blanks in it and holds.
    bool holds(const report& r, std::size_t e) const;

private:
    /// True when every cell of the identity is a number or blank.
    static bool all_known(const report& r, const table_identity& q);
    /// Badness of one identity (the weights of `score`).
    static int identity_score(const report& r, const table_identity& q);
    const std::vector<table_identity>& identities_;  ///< xxgk::identities(format)
    std::vector<std::vector<std::size_t>> by_cell_;  ///< cell index → identities
};

}  // namespace xxgk::import_detail

#endif
