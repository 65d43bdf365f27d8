#include "solver.hpp"

#include "cells.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>

#include <algorithm>
#include <map>

namespace xxgk::import_detail {
namespace {

constexpr std::size_t max_readings = 20000;  // distinct readings kept before giving up
constexpr std::size_t max_steps = 500000;    // search steps for a flattened run, or for alignments
constexpr std::size_t max_run_length = 24;   // longer digit runs are not split (too many readings)

std::string reading_key(const std::vector<cell>& cells) {
    std::string k;
    for (const cell& c : cells) {
        k += static_cast<char>('0' + static_cast<int>(c.state()));
        if (c.is_number()) {
            k += c.value().to_string();
            k += static_cast<char>('0' + static_cast<int>(c.unit()));
        } else if (c.raw()) {
            k += *c.raw();
        }
        k += '\x1f';
    }
    return k;
}

struct collector {
    reading_set& out;
    std::map<std::string, std::size_t> seen;  ///< reading key → index in out.list
    bool add(std::vector<cell> cells, std::vector<bool> unseen, bool split) {
        if (!current_budget().spend(cells.size() + 1)) {
            out.truncated = true;
            out.budget_spent = true;
            return false;
        }
        if (out.list.size() >= max_readings) {
            out.truncated = true;
            return false;
        }
        unseen.resize(cells.size(), false);
        const auto [it, fresh] = seen.emplace(reading_key(cells), out.list.size());
        if (fresh) {
            out.list.push_back({std::move(cells), std::move(unseen), split});
        } else {
            // The same values with the empty cells taken from other positions: a cell is seen
            // empty only when every such reading takes it from a printed empty cell.
            std::vector<bool>& mask = out.list[it->second].unseen;
            for (std::size_t i = 0; i < mask.size() && i < unseen.size(); ++i) mask[i] = mask[i] || unseen[i];
        }
        return true;
    }
};

/// Calls f(chosen) for every k-subset of {0..n-1} in lexicographic order; stops when f returns
/// false or after max_steps subsets (then returns false).
template <class F>
bool combinations(std::size_t n, std::size_t k, F&& f) {
    if (k > n) return true;
    std::vector<std::size_t> idx(k);
    for (std::size_t i = 0; i < k; ++i) idx[i] = i;
    for (std::size_t steps = 0;; ++steps) {
        if (steps >= max_steps || !current_budget().spend(k + 1)) return false;
        if (!f(idx)) return true;
        std::size_t i = k;
        while (i > 0 && idx[i - 1] == n - k + i - 1) --i;
        if (i == 0) return true;
        ++idx[i - 1];
        for (std::size_t j = i; j < k; ++j) idx[j] = idx[j - 1] + 1;
    }
}

cell read_slot(const slot& s, value_kind kind) {
    cell c = read_cell(s.text, kind).value;
    c.set_source(s.where);
    return c;
}

cell missing_cell(const row_values& v) {
    cell c = cell::blank();
    c.set_raw(std::string());
    c.set_source(v.row_where);
    return c;
}

bool is_empty_slot(const slot& s) { return is_blank(s.text); }

/// An empty slot that is no printed cell (see slot::printed).
bool is_unprinted(const slot& s) { return !s.printed && is_empty_slot(s); }

/// Splits of a flattened run (formats.md §12): the parts must read strictly (no leading zeros,
/// signs only in signed columns, decimals and 元/万元 only in amounts).
class run_splitter {
public:
    run_splitter(const slot& run, const std::vector<column_spec>& columns, const reading_rules& rules, collector& out,
                 const row_values& values)
        : columns_(columns), rules_(rules), out_(out), values_(values), where_(run.where) {
        text_ = to_u32(value_form(run.text));
    }

    void run() {
        const std::size_t m = columns_.size();
        if (text_.size() < 2) return;
        if (text_.size() > max_run_length) {
            out_.out.truncated = true;
            return;
        }
        if (!rules_.parts_may_vanish) {
            parts_.clear();
            exact(0, m);
            return;
        }
        // Section 三: k parts, the last one the row total, the others placed in order among the
        // remaining columns; blank cells vanished.
        for (std::size_t k = 2; k <= m && k <= text_.size(); ++k) {
            parts_.clear();
            vanish(0, k);
        }
    }

private:
    value_kind kind_at(std::size_t part, std::size_t total_parts) const {
        if (!rules_.parts_may_vanish) return columns_[part].kind;
        (void)total_parts;
        return value_kind::count;
    }

    bool step() {
        if (!current_budget().spend()) out_.out.budget_spent = true;
        if (++steps_ > max_steps || out_.out.budget_spent) {
            out_.out.truncated = true;
            return false;
        }
        return true;
    }

    cell part_cell(std::size_t from, std::size_t to, value_kind kind, bool& ok) const {
        cell c;
        ok = read_run_part(to_u8(std::u32string_view(text_).substr(from, to - from)), kind, c);
        if (ok && where_) {
            provenance p = *where_;
            if (p.column) p.column = *p.column + static_cast<std::uint32_t>(from);
            c.set_source(p);
        }
        return c;
    }

    static std::optional<std::int64_t> integer(const cell& c) {
        return c.is_number() ? c.value().to_integer() : std::nullopt;
    }

    bool group_ok() const {
        const std::size_t g = rules_.group_size;
        if (g == 0 || parts_.empty() || parts_.size() % g != 0) return true;
        std::int64_t sum = 0;
        for (std::size_t i = parts_.size() - g; i + 1 < parts_.size(); ++i) {
            const auto v = integer(parts_[i]);
            if (!v) return false;
            sum += *v;
        }
        const auto total = integer(parts_.back());
        return total && *total == sum;
    }

    void exact(std::size_t pos, std::size_t m) {
        if (out_.out.truncated || !step()) return;
        const std::size_t index = parts_.size();
        if (index == m) {
            if (pos == text_.size()) out_.add(parts_, {}, true);
            return;
        }
        const std::size_t left = m - index;
        for (std::size_t end = pos + 1; end + (left - 1) <= text_.size(); ++end) {
            bool ok = false;
            cell c = part_cell(pos, end, kind_at(index, m), ok);
            if (!ok) continue;
            parts_.push_back(std::move(c));
            if (group_ok()) exact(end, m);
            parts_.pop_back();
            if (out_.out.truncated) return;
        }
    }

    void vanish(std::size_t pos, std::size_t k) {
        if (out_.out.truncated || !step()) return;
        if (parts_.size() == k) {
            if (pos != text_.size()) return;
            std::int64_t sum = 0;
            for (std::size_t i = 0; i + 1 < k; ++i) sum += *integer(parts_[i]);
            if (sum != *integer(parts_.back())) return;
            place(k);
            return;
        }
        const std::size_t left = k - parts_.size();
        for (std::size_t end = pos + 1; end + (left - 1) <= text_.size(); ++end) {
            bool ok = false;
            cell c = part_cell(pos, end, value_kind::count, ok);
            if (!ok) continue;
            parts_.push_back(std::move(c));
            vanish(end, k);
            parts_.pop_back();
            if (out_.out.truncated) return;
        }
    }

    /// Places the first k-1 parts among the non-total columns, in order; the last on the total.
    void place(std::size_t k) {
        const std::size_t m = columns_.size();
        const std::size_t total = static_cast<std::size_t>(rules_.total_column);
        std::vector<std::size_t> others;
        for (std::size_t c = 0; c < m; ++c)
            if (c != total) others.push_back(c);
        if (!combinations(others.size(), k - 1, [&](const std::vector<std::size_t>& chosen) {
                std::vector<cell> cells(m, missing_cell(values_));
                std::vector<bool> unseen(m, true);  // the run's vanished cells were never printed
                for (std::size_t i = 0; i < chosen.size(); ++i) {
                    cells[others[chosen[i]]] = parts_[i];
                    unseen[others[chosen[i]]] = false;
                }
                cells[total] = parts_.back();
                unseen[total] = false;
                return out_.add(std::move(cells), std::move(unseen), true);
            }))
            out_.out.truncated = true;
    }

    const std::vector<column_spec>& columns_;
    const reading_rules& rules_;
    collector& out_;
    const row_values& values_;
    std::optional<provenance> where_;
    std::u32string text_;
    std::vector<cell> parts_;
    std::size_t steps_ = 0;
};

/// The readings of a positional row of n > m cells that drop n-m of its empty cells, in the order,
/// with the provenance and with the masks that the search over every set of dropped cells gives
/// (each distinct reading as first met in lexicographic order, its mask or-ed over all), in work
/// linear in n: a reading is fixed by how many empty cells each gap between the non-empty cells
/// keeps, so the gaps' counts are enumerated (at most C(m, values) of them), not the cells. Met
/// first, a reading keeps the last cells of each gap. Returns false when this does not apply (a
/// non-empty cell that reads as blank): the caller then searches the combinations.
bool drop_empty_cells(const row_values& v, const std::vector<column_spec>& columns, collector& col) {
    const std::size_t n = v.slots.size(), m = columns.size();
    std::vector<std::size_t> values;  // the non-empty cells
    for (std::size_t i = 0; i < n; ++i) {
        if (is_empty_slot(v.slots[i])) continue;
        if (value_form(trim(v.slots[i].text)).empty()) return false;
        values.push_back(i);
    }
    const std::size_t p = values.size();
    current_budget().spend(n);
    if (p > m || n - p < m - p) return true;  // no reading keeps every value
    std::vector<std::size_t> gap_start(p + 1), gap_size(p + 1);
    for (std::size_t i = 0, from = 0; i <= p; ++i) {
        const std::size_t end = i < p ? values[i] : n;
        gap_start[i] = from;
        gap_size[i] = end - from;
        from = end + 1;
    }
    std::vector<std::size_t> unprinted_before(n + 1, 0);  // unprinted empty cells before each index
    for (std::size_t i = 0; i < n; ++i)
        unprinted_before[i + 1] = unprinted_before[i] + (is_unprinted(v.slots[i]) ? 1 : 0);
    std::vector<std::size_t> room(p + 2, 0);  // empty cells in gaps i and after
    for (std::size_t i = p + 1; i-- > 0;) room[i] = room[i + 1] + gap_size[i];
    std::vector<std::size_t> kept(p + 1, 0);  // empty cells each gap keeps
    const auto emit = [&] {
        std::vector<cell> cells;
        std::vector<bool> unseen;
        cells.reserve(m);
        unseen.reserve(m);
        for (std::size_t g = 0; g <= p; ++g) {
            const std::size_t r = kept[g], from = gap_start[g], size = gap_size[g];
            for (std::size_t t = 0; t < r; ++t) {
                const std::size_t at = from + size - r + t;
                cells.push_back(read_slot(v.slots[at], columns[cells.size()].kind));
                // Any of the gap's cells from+t … from+size-r+t may stand at this column.
                unseen.push_back(unprinted_before[from + size - r + t + 1] - unprinted_before[from + t] > 0);
            }
            if (g < p) {
                unseen.push_back(is_unprinted(v.slots[values[g]]));
                cells.push_back(read_slot(v.slots[values[g]], columns[cells.size()].kind));
            }
        }
        return col.add(std::move(cells), std::move(unseen), false);
    };
    // Lexicographic order of the counts (gap 0 first) is the order in which the search meets them.
    const std::function<bool(std::size_t, std::size_t)> counts = [&](std::size_t g, std::size_t left) -> bool {
        if (g == p) {
            if (left > gap_size[p]) return true;
            kept[p] = left;
            return emit();
        }
        const std::size_t low = left > room[g + 1] ? left - room[g + 1] : 0;
        const std::size_t high = std::min(gap_size[g], left);
        for (std::size_t x = low; x <= high; ++x) {
            kept[g] = x;
            if (!counts(g + 1, left - x)) return false;
        }
        return true;
    };
    counts(0, m - p);
    return true;
}

bool is_run_candidate(const slot& s) {
    const std::string v = value_form(s.text);
    std::size_t digits = 0;
    for (char c : v)
        if (c >= '0' && c <= '9') ++digits;
    return digits >= 2;
}

}  // namespace

reading_set enumerate_readings(const row_values& v, const std::vector<column_spec>& columns,
                               const reading_rules& rules) {
    reading_set out;
    collector col{out, {}};
    const std::size_t m = columns.size();
    const std::size_t n = v.slots.size();
    if (m == 0) return out;

    const auto in_order = [&](const std::vector<std::size_t>& picked) {  // slots → columns 0..m-1
        std::vector<cell> cells;
        cells.reserve(m);
        for (std::size_t i = 0; i < m; ++i) cells.push_back(read_slot(v.slots[picked[i]], columns[i].kind));
        return cells;
    };
    const auto unseen_of = [&](const std::vector<std::size_t>& picked) {
        std::vector<bool> unseen(m);
        for (std::size_t i = 0; i < m; ++i) unseen[i] = is_unprinted(v.slots[picked[i]]);
        return unseen;
    };

    if (n == m) {
        // Cells that line up need no search: read even when the work budget is spent.
        std::vector<std::size_t> all(n);
        for (std::size_t i = 0; i < n; ++i) all[i] = i;
        current_budget().spend(m);
        out.list.push_back({in_order(all), unseen_of(all), false});
        out.certain = true;
        return out;
    }
    if (current_budget().exhausted()) {
        out.truncated = true;
        out.budget_spent = true;
        return out;
    }

    std::size_t non_empty = 0;
    const slot* only = nullptr;
    for (const slot& s : v.slots)
        if (!is_empty_slot(s)) {
            ++non_empty;
            only = &s;
        }

    if (v.kind == shape::positional) {
        if (n > m) {
            // Windows of m consecutive cells dropping only empty cells: label spans and padding. A
            // window must hold every non-empty cell, so only windows from last-m+1 to first count.
            std::size_t first = n, last = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (!is_empty_slot(v.slots[i])) {
                    first = std::min(first, i);
                    last = i;
                }
            std::size_t k_from = 0, k_to = n - m;
            if (first != n) {
                k_from = last + 1 > m ? last + 1 - m : 0;
                k_to = std::min(first, n - m);
            }
            for (std::size_t k = k_from; k <= k_to; ++k) {
                std::vector<std::size_t> picked(m);
                for (std::size_t i = 0; i < m; ++i) picked[i] = k + i;
                if (!col.add(in_order(picked), unseen_of(picked), false)) break;
            }
            if (out.list.size() == 1 && !out.budget_spent) {
                out.certain = true;
                return out;
            }
            if (out.budget_spent) return out;
            out.list.clear();
            col.seen.clear();
            out.how = std::to_string(n) + " value cells, " + std::to_string(m) + " expected";
            if (!drop_empty_cells(v, columns, col)) {
                // Drop any n-m empty cells.
                std::vector<std::size_t> empties;
                for (std::size_t i = 0; i < n; ++i)
                    if (is_empty_slot(v.slots[i])) empties.push_back(i);
                if (!combinations(empties.size(), n - m, [&](const std::vector<std::size_t>& drop) {
                        std::vector<std::size_t> picked;
                        std::size_t d = 0;
                        for (std::size_t i = 0; i < n; ++i) {
                            if (d < drop.size() && empties[drop[d]] == i) {
                                ++d;
                                continue;
                            }
                            picked.push_back(i);
                        }
                        return col.add(in_order(picked), unseen_of(picked), false);
                    }))
                    out.truncated = true;
            }
        } else {
            out.how = std::to_string(n) + " value cells, " + std::to_string(m) + " expected";
            // Insert m-n cells that were not printed, as blanks.
            if (!combinations(m, m - n, [&](const std::vector<std::size_t>& inserted) {
                    std::vector<cell> cells;
                    std::vector<bool> unseen(m, false);
                    std::size_t next = 0, ins = 0;
                    for (std::size_t i = 0; i < m; ++i) {
                        if (ins < inserted.size() && inserted[ins] == i) {
                            cells.push_back(missing_cell(v));
                            unseen[i] = true;
                            ++ins;
                        } else {
                            unseen[i] = is_unprinted(v.slots[next]);
                            cells.push_back(read_slot(v.slots[next++], columns[i].kind));
                        }
                    }
                    return col.add(std::move(cells), std::move(unseen), false);
                }))
                out.truncated = true;
        }
    } else {
        out.how = std::to_string(n) + " values printed, " + std::to_string(m) + " columns";
        // A token such as "000", or digits beyond any count, is no printed number: only a flattened
        // run explains it.
        // In a row of counts only (sections 三 and 四), seven digits and more are no count a report
        // prints (millions of requests or cases): a run of several cells, never one value.
        const bool counts_only = std::all_of(columns.begin(), columns.end(), [](const column_spec& c) {
            return c.kind == value_kind::count || c.kind == value_kind::signed_count;
        });
        const bool plausible = std::all_of(v.slots.begin(), v.slots.end(), [&](const slot& s) {
            const std::string t = value_form(s.text);
            const std::size_t d = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
            if (t.size() > d + 1 && t[d] == '0' && t[d + 1] >= '0' && t[d + 1] <= '9') return false;
            const bool digits = t.size() > d && std::all_of(t.begin() + static_cast<std::ptrdiff_t>(d), t.end(),
                                                            [](char c) { return c >= '0' && c <= '9'; });
            if (digits && counts_only && m > 1 && t.size() - d >= 7) return false;
            return !digits || decimal::parse(t).has_value();
        });
        if (n < m && plausible) {
            // Blank cells vanished with their separators: place the tokens in order.
            if (!combinations(m, n, [&](const std::vector<std::size_t>& at) {
                    // Tokens print no empty cells: every position without a token is unseen.
                    std::vector<cell> cells(m, missing_cell(v));
                    std::vector<bool> unseen(m, true);
                    for (std::size_t i = 0; i < n; ++i) {
                        cells[at[i]] = read_slot(v.slots[i], columns[at[i]].kind);
                        unseen[at[i]] = false;
                    }
                    return col.add(std::move(cells), std::move(unseen), false);
                }))
                out.truncated = true;
        }
    }

    // One printed value where several columns are expected: also a flattened digit run.
    if (non_empty == 1 && m > 1 && is_run_candidate(*only)) {
        run_splitter splitter(*only, columns, rules, col, v);
        splitter.run();
        if (out.how.empty()) out.how = "one digit run for " + std::to_string(m) + " columns";
    }
    return out;
}

std::string describe_reading(const reading& r, const std::vector<column_spec>& columns) {
    std::string s;
    for (std::size_t i = 0; i < r.cells.size() && i < columns.size(); ++i) {
        const cell& c = r.cells[i];
        if (c.is_blank()) continue;
        if (!s.empty()) s += "; ";
        s += columns[i].label;
        s += '=';
        if (c.is_number())
            s += c.value().to_string() + (c.unit() == money_unit::wan_yuan ? "万元"
                                          : c.unit() == money_unit::yuan   ? "元"
                                                                           : "");
        else
            s += c.raw() ? *c.raw() : std::string("?");
    }
    return s.empty() ? std::string("all blank") : s;
}

const identity_scorer& identity_scorer::of(format_version format) {
    static const identity_scorer v2019(format_version::v2019);
    static const identity_scorer v2021(format_version::v2021);
    return format == format_version::v2019 ? v2019 : v2021;
}

identity_scorer::identity_scorer(format_version format) : identities_(identities(format)) {
    by_cell_.resize(cell_keys(format).size());
    for (std::size_t e = 0; e < identities_.size(); ++e) {
        for (std::size_t i : identities_[e].lhs) by_cell_[i].push_back(e);
        for (std::size_t i : identities_[e].rhs) by_cell_[i].push_back(e);
    }
}

int identity_scorer::score(const report& r, const std::vector<std::size_t>& cells) const {
    std::vector<std::size_t> eqs;
    for (std::size_t c : cells)
        if (c < by_cell_.size()) eqs.insert(eqs.end(), by_cell_[c].begin(), by_cell_[c].end());
    std::sort(eqs.begin(), eqs.end());
    eqs.erase(std::unique(eqs.begin(), eqs.end()), eqs.end());
    int bad = 0;
    for (std::size_t e : eqs) bad += identity_score(r, identities_[e]);
    return bad;
}

int identity_scorer::identity_score(const report& r, const table_identity& q) {
    // Side 0 holds the parts, side 1 the total side (for R1: （七）总计 + 四).
    std::int64_t known[2] = {0, 0};
    int unknown[2] = {0, 0};
    bool total_blank = false;
    for (int side = 0; side < 2; ++side)
        for (std::size_t i : (side == 0) == q.total_rule ? q.rhs : q.lhs) {
            const cell& c = cell_at(r, i);
            const auto v = c.is_number() ? c.value().to_integer() : std::nullopt;
            if (v) {
                known[side] += *v;
            } else {
                ++unknown[side];
                if (side == 1 && c.is_blank()) total_blank = true;
            }
        }
    if (unknown[0] == 0 && unknown[1] == 0) return known[0] != known[1] ? 3 : 0;
    bool feasible = true;
    if (unknown[0] > 0 && unknown[1] == 0) feasible = known[1] >= known[0];
    if (unknown[1] > 0 && unknown[0] == 0) feasible = known[0] >= known[1];
    if (!feasible) return 3;
    if (q.total_rule && total_blank && unknown[1] > 0 && known[0] > 0) return 2;
    return known[0] != known[1] ? 1 : 0;
}

bool identity_scorer::hold(const report& r, const std::vector<std::size_t>& cells) const {
    for (std::size_t c : cells)
        if (c < by_cell_.size())
            for (std::size_t e : by_cell_[c])
                if (!all_known(r, identities_[e])) return false;
    return score(r, cells) == 0;
}

bool identity_scorer::all_known(const report& r, const table_identity& q) {
    for (const auto* side : {&q.lhs, &q.rhs})
        for (std::size_t i : *side) {
            const xxgk::cell& x = cell_at(r, i);
            if (!(x.is_blank() || (x.is_number() && x.value().to_integer()))) return false;
        }
    return true;
}

bool identity_scorer::breaks(const report& r, std::size_t cell) const {
    if (cell >= by_cell_.size()) return false;
    return std::any_of(by_cell_[cell].begin(), by_cell_[cell].end(), [&](std::size_t e) {
        return all_known(r, identities_[e]) && identity_score(r, identities_[e]) > 0;
    });
}

bool identity_scorer::confirms(const report& r, std::size_t cell) const {
    if (cell >= by_cell_.size()) return false;
    return std::any_of(by_cell_[cell].begin(), by_cell_[cell].end(), [&](std::size_t e) {
        return all_known(r, identities_[e]) && identity_score(r, identities_[e]) == 0;
    });
}

const std::vector<std::size_t>& identity_scorer::equations_of(std::size_t cell) const {
    static const std::vector<std::size_t> none;
    return cell < by_cell_.size() ? by_cell_[cell] : none;
}

std::vector<std::size_t> identity_scorer::cells_of(std::size_t e) const {
    std::vector<std::size_t> out(identities_[e].lhs.begin(), identities_[e].lhs.end());
    out.insert(out.end(), identities_[e].rhs.begin(), identities_[e].rhs.end());
    return out;
}

bool identity_scorer::holds(const report& r, std::size_t e) const {
    return all_known(r, identities_[e]) && identity_score(r, identities_[e]) == 0;
}

std::vector<std::size_t> identity_scorer::related(std::size_t cell) const {
    std::vector<std::size_t> out;
    if (cell >= by_cell_.size()) return out;
    for (std::size_t e : by_cell_[cell])
        for (const auto* side : {&identities_[e].lhs, &identities_[e].rhs})
            for (std::size_t i : *side)
                if (i != cell) out.push_back(i);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace xxgk::import_detail
