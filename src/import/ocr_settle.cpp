// The arithmetic as the proof-reader of OCR (docs/import.md, "Scanned pages"): after the
// assembler has placed every cell, the number cells read by OCR are kept when their reading was
// certain; the uncertain ones (and certain ones in an identity that fails) are grouped by the
// identities they share, and a group is settled only when exactly one combination of its cells'
// readings satisfies every identity the cells take part in. Everything else is flagged — kept as
// unreadable text, the readings in the log — never a guessed value.
#include "../codes.hpp"
#include "ocr.hpp"
#include "cells.hpp"
#include "log.hpp"
#include "solver.hpp"

#include <xxgk/keys.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace xxgk::import_detail {
namespace {

double as_double(decimal d) { return static_cast<double>(d.coefficient()) / std::pow(10.0, d.scale()); }

decimal hundredths(double v) { return decimal(static_cast<std::int64_t>(std::llround(v * 100)), 2); }

/// The OCR values standing in a cell's box (their centre inside it), on its page.
std::vector<const ocr_value*> values_in(const provenance& p, const std::vector<ocr_value>& values) {
    std::vector<const ocr_value*> out;
    if (!p.page || !p.box) return out;
    for (const ocr_value& v : values) {
        if (v.page != *p.page) continue;
        const decimal cx = hundredths((v.l + v.r) / 2), cy = hundredths((v.t + v.b) / 2);
        if (p.box->left <= cx && cx <= p.box->right && p.box->top <= cy && cy <= p.box->bottom) out.push_back(&v);
    }
    return out;
}

/// The inside of a cell's box in points: a tenth of it in from each rule (at least a point), so
/// that what is left of a rule painted out of the image is not taken for ink in the box.
struct area {
    double l = 0, t = 0, r = 0, b = 0;
};
area inside_of(const page_box& box) {
    const double l = as_double(box.left), t = as_double(box.top), r = as_double(box.right), b = as_double(box.bottom);
    const double mx = std::max(1.0, (r - l) / 10), my = std::max(1.0, (b - t) / 10);
    return {l + mx, t + my, r - mx, b - my};
}

/// The marks of ink whose centre stands inside `a` on `page`.
std::vector<const ocr_ink*> ink_inside(const area& a, std::uint32_t page, const std::vector<ocr_ink>& ink) {
    std::vector<const ocr_ink*> out;
    for (const ocr_ink& m : ink) {
        const double cx = (m.l + m.r) / 2, cy = (m.t + m.b) / 2;
        if (m.page == page && cx > a.l && cx < a.r && cy > a.t && cy < a.b) out.push_back(&m);
    }
    return out;
}

/// True when a mark of ink on `page` reaches into `a` (its box overlaps it, wherever its centre
/// is): a digit that touches a rule is one piece of ink with the whole table's rules when they
/// are not removed, its centre far away, and still ink in the box.
bool ink_reaches(const area& a, std::uint32_t page, const std::vector<ocr_ink>& ink) {
    return std::any_of(ink.begin(), ink.end(), [&](const ocr_ink& m) {
        return m.page == page && m.r > a.l && m.l < a.r && m.b > a.t && m.t < a.b;
    });
}

/// True when ink in the cell's box reaches beyond the value read there by more than a sixth of
/// its line's height: something else is printed in the box (a minus sign or a digit the reading
/// lost), so the value is not certain whatever its confidence.
bool ink_beside(const ocr_value& v, const std::vector<const ocr_ink*>& ink) {
    const double tol = std::max(1.0, (v.b - v.t) / 6);
    return std::any_of(ink.begin(), ink.end(), [&](const ocr_ink* m) {
        return m->l < v.l - tol || m->r > v.r + tol || m->t < v.t - tol || m->b > v.b + tol;
    });
}

/// True when the ink in the cell's box is wider than the value read there could print: more than
/// 0.72 of the ink's height per character, 0.1 per gap between them, and a point. A thin minus
/// the reading lost, touching its digit ("-4" read 4), widens the ink of a lone digit by half.
/// (Digits of the report's faces are 0.45–0.65 of their height wide.)
bool ink_wider_than_reading(const ocr_value& v, const std::vector<const ocr_ink*>& ink) {
    if (ink.empty() || v.text.empty()) return false;
    double l = ink.front()->l, t = ink.front()->t, r = ink.front()->r, b = ink.front()->b;
    for (const ocr_ink* m : ink) {
        l = std::min(l, m->l);
        t = std::min(t, m->t);
        r = std::max(r, m->r);
        b = std::max(b, m->b);
    }
    const double n = static_cast<double>(v.text.size());  // digits, '-' and '.', a byte each
    return r - l > (b - t) * (0.72 * n + 0.1 * (n - 1)) + 1.0;
}

struct ocr_cell {
    std::size_t index = 0;                         ///< in cell_keys(format)
    std::vector<std::pair<cell, int>> candidates;  ///< readings as cells of the column, confidence
    bool certain = false;
    std::string raw;
};

std::string show(const cell& c) { return c.is_number() ? c.value().to_string() : c.raw().value_or(""); }

/// The digits-only readings of an OCR value that are numbers of the column's kind, as cells at
/// `where`, each once, with their confidence (best first).
std::vector<std::pair<cell, int>> candidates_of(const ocr_value& v, value_kind kind,
                                                const std::optional<provenance>& where) {
    std::vector<std::pair<cell, int>> out;
    for (const auto& [text, confidence] : v.readings) {
        cell_reading cr = read_cell(text, kind);
        if (!cr.value.is_number() || cr.unreadable) continue;
        cr.value.set_source(where);
        cr.value.set_raw(text);
        if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.first.value() == cr.value.value(); }))
            out.push_back({cr.value, confidence});
    }
    return out;
}

/// Uncertain cells tied together by the identities that can check them: every cell of such an
/// identity is either among the cells to decide or a number or blank already (an identity with a
/// cell not read, or flagged, checks nothing and is left out).
struct puzzle {
    std::vector<std::size_t> cells;      ///< the cells to decide, in the order they are tried
    std::vector<std::size_t> equations;  ///< the identities that check them
    /// True when an identity holds a cell read with certainty (or from the text layer): a
    /// solution resting on uncertain readings alone proves nothing.
    bool anchored = false;
};

/// The puzzles of the cells `open` (read by OCR, not certain): connected by the identities that
/// can check them (`trusted` ones only); a cell in no such identity is a puzzle of its own with
/// no equation.
std::vector<puzzle> puzzles_of(const std::set<std::size_t>& open, const report& r, const identity_scorer& ids,
                               const std::function<bool(std::size_t)>& trusted) {
    const auto known = [&](std::size_t i) {
        const cell& c = cell_at(r, i);
        return c.is_blank() || (c.is_number() && c.value().to_integer());
    };
    const auto checkable = [&](std::size_t e) {
        if (!trusted(e)) return false;
        const std::vector<std::size_t> cells = ids.cells_of(e);
        return std::all_of(cells.begin(), cells.end(), [&](std::size_t i) { return open.count(i) > 0 || known(i); });
    };
    std::vector<puzzle> out;
    std::set<std::size_t> left = open;
    while (!left.empty()) {
        puzzle p;
        std::set<std::size_t> equations;
        p.cells.push_back(*left.begin());
        left.erase(left.begin());
        // Breadth first, so that an identity's cells are tried one after another and it is
        // checked as soon as they all have a reading.
        for (std::size_t g = 0; g < p.cells.size(); ++g)
            for (std::size_t e : ids.equations_of(p.cells[g])) {
                if (equations.count(e) || !checkable(e)) continue;
                equations.insert(e);
                for (std::size_t i : ids.cells_of(e)) {
                    if (left.erase(i)) p.cells.push_back(i);
                    if (!open.count(i)) p.anchored = true;
                }
            }
        p.equations.assign(equations.begin(), equations.end());
        out.push_back(std::move(p));
    }
    return out;
}

/// True when the puzzle's identities fix every one of its cells by themselves: as many independent
/// identities as cells (the rank of their equations over the puzzle's cells). One identity over
/// three uncertain cells admits many combinations; that only one of the candidates' fits is an
/// accident of the readings (three zeros misread 1, 4 and 5 add up), not a proof.
bool determined(const puzzle& p, const identity_scorer& ids) {
    const std::size_t n = p.cells.size();
    std::vector<std::vector<double>> rows;
    for (std::size_t e : p.equations) {
        std::vector<double> row(n, 0.0);
        for (std::size_t i : ids.cells_of(e)) {
            const auto at = std::find(p.cells.begin(), p.cells.end(), i);
            if (at != p.cells.end()) row[static_cast<std::size_t>(at - p.cells.begin())] = 1.0;
        }
        rows.push_back(std::move(row));
    }
    // Gaussian elimination (the signs of the two sides do not change the rank: each cell stands
    // on one side of an identity, and which side only scales its column).
    std::size_t rank = 0;
    for (std::size_t col = 0; col < n && rank < rows.size(); ++col) {
        std::size_t pivot = rank;
        for (std::size_t r = rank; r < rows.size(); ++r)
            if (std::abs(rows[r][col]) > std::abs(rows[pivot][col])) pivot = r;
        if (std::abs(rows[pivot][col]) < 1e-9) continue;
        std::swap(rows[pivot], rows[rank]);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (r == rank || std::abs(rows[r][col]) < 1e-12) continue;
            const double f = rows[r][col] / rows[rank][col];
            for (std::size_t c = col; c < n; ++c) rows[r][c] -= f * rows[rank][c];
        }
        ++rank;
    }
    return rank == n;
}

/// Most readings tried for one puzzle (each a step of the search); a larger search gives up.
constexpr std::size_t max_steps = 200000;

/// What the search of a puzzle found: how many combinations of the readings satisfy its
/// identities (counted up to 2), and the first.
struct solution {
    std::size_t count = 0;
    std::vector<std::size_t> choice;  ///< per cell of the puzzle: its candidate
    bool gave_up = false;             ///< more than max_steps tried
};

/// Every combination of the cells' readings tried against the puzzle's identities, each identity
/// checked as soon as its last cell has a reading (a depth-first search that prunes there).
/// The report's cells are restored before it returns.
solution solve(const puzzle& p, const std::map<std::size_t, ocr_cell>& read, report& r, const identity_scorer& ids) {
    solution out;
    const std::size_t n = p.cells.size();
    if (p.equations.empty()) return out;
    // The identities to check once cell k (in the puzzle's order) has its reading.
    std::vector<std::vector<std::size_t>> check_at(n);
    for (std::size_t e : p.equations) {
        std::size_t last = 0;
        for (std::size_t i : ids.cells_of(e)) {
            const auto at = std::find(p.cells.begin(), p.cells.end(), i);
            if (at != p.cells.end()) last = std::max(last, static_cast<std::size_t>(at - p.cells.begin()));
        }
        check_at[last].push_back(e);
    }
    std::vector<cell> saved;
    for (std::size_t i : p.cells) saved.push_back(cell_at(r, i));
    std::vector<std::size_t> choice(n, 0);
    std::size_t steps = 0;
    // Iterative depth-first search: k is the cell being given its next reading.
    std::size_t k = 0;
    bool backtrack = false;
    while (true) {
        if (backtrack) {
            if (k == 0) break;
            --k;
            ++choice[k];
        }
        backtrack = false;
        const std::vector<std::pair<cell, int>>& candidates = read.at(p.cells[k]).candidates;
        if (choice[k] >= candidates.size()) {
            choice[k] = 0;
            backtrack = true;
            continue;
        }
        if (++steps > max_steps) {
            out.gave_up = true;
            break;
        }
        cell_at(r, p.cells[k]) = candidates[choice[k]].first;
        const bool fits =
            std::all_of(check_at[k].begin(), check_at[k].end(), [&](std::size_t e) { return ids.holds(r, e); });
        if (!fits) {
            ++choice[k];
            continue;
        }
        if (k + 1 < n) {
            ++k;
            choice[k] = 0;
            continue;
        }
        if (++out.count == 1) out.choice = choice;
        if (out.count >= 2) break;
        ++choice[k];
    }
    for (std::size_t g = 0; g < n; ++g) cell_at(r, p.cells[g]) = saved[g];
    return out;
}

}  // namespace

void settle_ocr(import_result& result, const document& read_doc) {
    const std::vector<ocr_value>& values = read_doc.ocr_values;
    const std::size_t text_layer_pages = read_doc.text_layer_pages;
    report& r = result.value;
    const format_version format = r.format();
    const std::vector<cell_key>& keys = cell_keys(format);
    const identity_scorer& ids = identity_scorer::of(format);
    std::set<std::uint32_t> ocr_pages;
    for (const ocr_value& v : values) ocr_pages.insert(v.page);
    std::size_t from_text = 0, certain = 0, settled = 0, flagged = 0, seen_empty = 0;
    std::map<std::size_t, ocr_cell> read;  // the number cells read by OCR, by index
    std::vector<import_log_entry>& log = result.log;
    // Flags a cell: it becomes `replacement` (unreadable text holding what was read, or not
    // captured), keeps where it was read, and the log says why (XXGK-I-112 or I-113).
    const auto flag = [&](cell& c, cell replacement, std::string_view code, std::string message, const std::string& key,
                          std::vector<std::string> candidates = {}) {
        const std::optional<provenance> where = c.source();
        c = std::move(replacement);
        c.set_source(where);
        ++flagged;
        log_entry(log, code, std::move(message), key, where, std::move(candidates));
    };
    // Flags a value read where it may not belong: kept as the unreadable text that was read.
    const auto flag_misplaced = [&](cell& c, const std::string& key, std::string_view why) {
        const std::string raw = c.raw().value_or(show(c));
        flag(c, cell::text(raw), codes::I_112,
             "read by OCR as \"" + raw + "\" " + std::string(why) + "; kept as unreadable text", key);
    };
    std::set<std::uint32_t> ruled;  // the tables read from their rules, box by box (XXGK-I-075)
    // The rows whose cells did not line up with the columns: placed by an alignment the reader
    // chose (XXGK-I-050, a flattened run split: XXGK-I-060), or with empty cells placed where
    // none is printed (XXGK-I-043) or positions no cell of its own stands at (XXGK-I-044) — by
    // their key ("requests.granted", or the section for 四's one row).
    std::vector<std::string> realigned;
    for (const import_log_entry& e : log) {
        if (e.code == codes::I_075 && e.where && e.where->table) ruled.insert(*e.where->table);
        const bool misaligned =
            e.code == codes::I_043 || e.code == codes::I_044 || e.code == codes::I_050 || e.code == codes::I_060;
        if (misaligned && !e.key.empty()) realigned.push_back(e.key);
    }
    const auto placed_by_alignment = [&](const std::string& key) {
        return std::any_of(realigned.begin(), realigned.end(), [&](const std::string& row) {
            return key.size() > row.size() && key.compare(0, row.size(), row) == 0 && key[row.size()] == '.';
        });
    };
    for (const cell_key& k : keys) {
        cell& c = cell_at(r, k.index);
        const std::optional<provenance> where = c.source();  // a copy: the cell is replaced below
        if (c.state() == cell_state::not_captured || !where || !where->page) continue;
        const std::vector<const ocr_value*> in = values_in(*where, values);
        const bool scanned = !in.empty() || ocr_pages.count(*where->page) > 0;
        if (!scanned) {
            ++from_text;
            if (!values.empty())
                log_entry(log, codes::I_110, "read from the text layer (page " + std::to_string(*where->page) + ")",
                          k.key, where);
            continue;
        }
        if (c.is_number() && placed_by_alignment(k.key)) {
            // On a scanned page a row that printed more or fewer cells than columns was misread;
            // a value placed by the alignment chosen may stand in its neighbour's box, and a sum
            // cannot tell (two values swapped add up alike).
            flag_misplaced(c, k.key,
                           "in a row whose cells did not line up with the columns: placed by an alignment the "
                           "reader chose, where a value in its neighbour's box adds up alike");
            continue;
        }
        if (c.is_blank() && (!where->box || !where->table || ruled.count(*where->table) == 0)) {
            // Emptiness is seen in a box drawn by the table's rules. A table rebuilt from the
            // words' positions places an empty cell where its header says a column is: the
            // value printed there may stand just beside that box.
            flag(c, cell::not_captured(), codes::I_112,
                 std::string("read empty by OCR ") +
                     (where->box ? "in a table rebuilt from the words' positions (its rules not seen)"
                                 : "where no box of the table is known (placed by alignment alone)") +
                     ": emptiness is seen only in a ruled box; not captured, not blank",
                 k.key);
            continue;
        }
        const std::vector<const ocr_ink*> ink = where->box
                                                    ? ink_inside(inside_of(*where->box), *where->page, read_doc.ocr_ink)
                                                    : std::vector<const ocr_ink*>{};
        if (c.is_blank()) {
            // The box's inside must hold no ink: no mark stands in it, nor reaches into it.
            if (!ink.empty() || ink_reaches(inside_of(*where->box), *where->page, read_doc.ocr_ink)) {
                flag(c, cell::not_captured(), codes::I_112,
                     "the table reader saw this box empty, but ink stands in it (no word was read there, or "
                     "a mark too faint to tell, a thin \"-\" say); not captured, not blank",
                     k.key);
                continue;
            }
            ++seen_empty;
            log_entry(log, codes::I_110, "box seen empty by OCR (no ink in it once the rules are removed)", k.key,
                      where);
            continue;
        }
        // Text where a number belongs, read from one lone glyph whose digits-only readings are
        // numbers ("侍" for a 0 in a serif face): those readings are its candidates, uncertain.
        if (c.state() == cell_state::text && in.size() == 1 && !in.front()->readings.empty() &&
            in.front()->text == c.raw().value_or("")) {
            ocr_cell oc;
            oc.index = k.index;
            oc.raw = *c.raw();
            oc.candidates = candidates_of(*in.front(), k.kind, where);
            if (!oc.candidates.empty()) {
                read.emplace(k.index, std::move(oc));
                continue;
            }
        }
        const bool in_ruled_box = where->box && where->table && ruled.count(*where->table) > 0;
        if (c.state() == cell_state::not_applicable &&
            (!in_ruled_box || std::any_of(ink.begin(), ink.end(), [](const ocr_ink* m) {
                return (m->b - m->t) * 2 > (m->r - m->l);  // not a dash: a digit, or more
            }))) {
            // "-" (not applicable) is a mark as definite as a number: seen only in a ruled box
            // holding nothing but dashes. A dash left of digits OCR lost ("-4") is not one.
            const std::string raw = c.raw().value_or("-");
            flag(c, cell::text(raw), codes::I_112,
                 "read by OCR as the mark \"" + raw + "\" " +
                     (in_ruled_box ? "with more ink in its box than a dash (digits the reading lost?)"
                                   : "outside a box drawn by the table's rules") +
                     ": kept as unreadable text, not as not applicable",
                 k.key);
            continue;
        }
        if (!c.is_number()) {
            if (c.state() == cell_state::text) ++flagged;
            log_entry(log, codes::I_110, "read by OCR as \"" + c.raw().value_or("") + "\" (not a number)", k.key,
                      where);
            continue;
        }
        if (!in_ruled_box && ids.related(k.index).empty()) {
            // A value no identity can check stands where the reader placed it by the words'
            // positions alone (no box drawn around it): a value of the neighbouring box, or of
            // the next row, reads just as well there.
            flag_misplaced(c, k.key,
                           "outside a box drawn by the table's rules, and no identity can check where it stands");
            continue;
        }
        ocr_cell oc;
        oc.index = k.index;
        oc.raw = c.raw().value_or(show(c));
        // One OCR value whose best reading is what the cell shows: its readings are the cell's.
        if (in.size() == 1 && in.front()->text == value_form(oc.raw)) {
            oc.certain = in.front()->certain && where->box && !ink_beside(*in.front(), ink) &&
                         !ink_wider_than_reading(*in.front(), ink);
            oc.candidates = candidates_of(*in.front(), k.kind, where);
        }
        if (oc.candidates.empty()) {  // a number the digits-only pass did not confirm
            oc.certain = false;
            oc.candidates.push_back({c, 0});
        }
        read.emplace(k.index, std::move(oc));
    }
    // What each cell was before any decision: certain values of a failing identity keep it.
    std::map<std::size_t, bool> was_certain;
    for (const auto& [index, oc] : read) was_certain[index] = oc.certain;
    // Certain values in an identity that fails are proof-read too.
    for (auto& [index, oc] : read)
        if (oc.certain && ids.breaks(r, index)) oc.certain = false;
    // A row's own sum (R2) checks its digits, not its place: in a table rebuilt from the words'
    // positions (no rules), the values of the next row, taken for this one's with that row lost,
    // add up as well. There it checks nothing; the sums across rows (R1, R3) and 四's (R5) do.
    const std::vector<table_identity>& all_identities = identities(format);
    const std::function<bool(std::size_t)> trusted = [&](std::size_t e) {
        if (all_identities[e].rule != "R2") return true;
        const std::optional<provenance> at = cell_at(r, all_identities[e].lhs.front()).source();
        return at && at->table && ruled.count(*at->table) > 0;
    };
    std::set<std::size_t> open;  // the cells to decide
    for (const auto& [index, oc] : read)
        if (!oc.certain) open.insert(index);
    for (const puzzle& p : puzzles_of(open, r, ids, trusted)) {
        const solution found = solve(p, read, r, ids);
        const bool fixed = determined(p, ids);
        const std::vector<std::size_t>& group = p.cells;
        for (std::size_t g = 0; g < group.size(); ++g) {
            const std::size_t i = group[g];
            const ocr_cell& oc = read.at(i);
            cell& c = cell_at(r, i);
            std::vector<std::string> candidates;
            for (const auto& [value, confidence] : oc.candidates)
                candidates.push_back(show(value) + " (confidence " + std::to_string(confidence) + ")");
            const std::string& key = keys[i].key;
            const std::string others = group.size() > 1
                                           ? " with " + std::to_string(group.size() - 1) + " other uncertain cell(s)"
                                           : std::string();
            const bool unique = found.count == 1 && !found.gave_up && p.anchored && fixed;
            if (unique && was_certain.at(i) && oc.candidates[found.choice[g]].first.value() == c.value()) {
                // Certain, proof-read with an uncertain neighbour, and confirmed.
                ++certain;
                log_entry(log, codes::I_110,
                          "read by OCR as " + show(c) + " (confidence " + std::to_string(oc.candidates.front().second) +
                              ", certain; confirmed by the identities)",
                          key, c.source());
            } else if (unique) {
                const cell& chosen = oc.candidates[found.choice[g]].first;
                const bool changed = !(chosen.value() == c.value());
                c = chosen;
                ++settled;
                log_entry(log, codes::I_111,
                          "read by OCR as \"" + oc.raw + "\"; settled as " + show(chosen) +
                              (changed ? " (a misread the identities caught)" : std::string()) +
                              ": the only combination of the readings" + others +
                              " that satisfies every identity that can check them",
                          key, c.source(), candidates);
            } else if (was_certain.at(i) && !p.equations.empty() && found.count == 0 && !found.gave_up) {
                // Read with certainty, yet an identity fails with every reading: the report's own
                // defect, or a misread the readings do not hold. Flagged either way.
                flag(c, cell::text(oc.raw), codes::I_113,
                     "read by OCR with certainty as " + oc.raw +
                         ", but an identity it takes part in fails with every reading" + others +
                         " (a defect of the report, or a misread): kept as unreadable text",
                     key, candidates);
            } else {
                const std::string why =
                    ids.related(i).empty() ? "it takes part in no identity"
                    : p.equations.empty()  ? "no identity it takes part in can be checked (each has a cell not read)"
                    : found.gave_up        ? "too many combinations to try"
                    : found.count == 0     ? "no combination of the readings satisfies the identities"
                    : found.count > 1      ? "several combinations of the readings satisfy the identities"
                    : !p.anchored          ? "the identities that check it hold only uncertain readings"
                                           : "the identities that check it do not fix it: fewer of them than "
                                             "uncertain cells, so only one reading fitting is no proof";
                flag(c, cell::text(oc.raw), codes::I_112,
                     "read by OCR as \"" + oc.raw + "\", not certain and not settled (" + why +
                         "); kept as unreadable text",
                     key, candidates);
            }
        }
    }
    // A certain value that takes part in identities, none of which can check it (each has a cell
    // not read: flagged, not captured), is flagged too: a value read with confidence but placed
    // in the wrong box (a row taken for its neighbour) is caught only by the arithmetic.
    for (auto& [index, oc] : read) {
        const std::vector<std::size_t>& equations = ids.equations_of(index);
        const bool confirmed = std::any_of(equations.begin(), equations.end(),
                                           [&](std::size_t e) { return trusted(e) && ids.holds(r, e); });
        if (!oc.certain || ids.related(index).empty() || confirmed) continue;
        oc.certain = false;
        flag(
            cell_at(r, index), cell::text(oc.raw), codes::I_112,
            "read by OCR with certainty as \"" + oc.raw +
                "\", but no identity it takes part in can check it (each has a cell not read); kept as unreadable text",
            keys[index].key);
    }
    for (const auto& [index, oc] : read) {
        if (!oc.certain) continue;
        ++certain;
        log_entry(log, codes::I_110,
                  "read by OCR as " + show(cell_at(r, index)) + " (confidence " +
                      std::to_string(oc.candidates.front().second) + ", certain)",
                  keys[index].key, cell_at(r, index).source());
    }
    log_entry(log, codes::I_114,
              std::to_string(from_text) + " cell(s) from the text layer (" + std::to_string(text_layer_pages) +
                  " page(s)), " + std::to_string(certain) + " OCR certain, " + std::to_string(settled) +
                  " OCR settled by the identities, " + std::to_string(flagged) + " flagged, " +
                  std::to_string(seen_empty) + " box(es) seen empty by OCR");
}

}  // namespace xxgk::import_detail
