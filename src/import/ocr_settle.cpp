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
#include <map>
#include <set>

namespace xxgk::import_detail {
namespace {

/// Most combinations tried for one group of uncertain cells; a larger group is flagged.
constexpr std::size_t max_combinations = 100000;

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

/// True when ink in the cell's box reaches beyond the value read there by more than a sixth of
/// its line's height: something else is printed in the box (a minus sign or a digit the reading
/// lost), so the value is not certain whatever its confidence.
bool ink_beside(const ocr_value& v, const std::vector<const ocr_ink*>& ink) {
    const double tol = std::max(1.0, (v.b - v.t) / 6);
    return std::any_of(ink.begin(), ink.end(), [&](const ocr_ink* m) {
        return m->l < v.l - tol || m->r > v.r + tol || m->t < v.t - tol || m->b > v.b + tol;
    });
}

struct ocr_cell {
    std::size_t index = 0;                         ///< in cell_keys(format)
    std::vector<std::pair<cell, int>> candidates;  ///< readings as cells of the column, confidence
    bool certain = false;
    std::string raw;
};

std::string show(const cell& c) { return c.is_number() ? c.value().to_string() : c.raw().value_or(""); }

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
    std::set<std::uint32_t> ruled;  // the tables read from their rules, box by box (XXGK-I-075)
    for (const import_log_entry& e : log)
        if (e.code == codes::I_075 && e.where && e.where->table) ruled.insert(*e.where->table);
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
        if (c.is_blank() && (!where->box || !where->table || ruled.count(*where->table) == 0)) {
            // Emptiness is seen in a box drawn by the table's rules. A table rebuilt from the
            // words' positions places an empty cell where its header says a column is: the
            // value printed there may stand just beside that box.
            c = cell::not_captured();
            c.set_source(where);
            ++flagged;
            log_entry(log, codes::I_112,
                      std::string("read empty by OCR ") +
                          (where->box ? "in a table rebuilt from the words' positions (its rules not seen)"
                                      : "where no box of the table is known (placed by alignment alone)") +
                          ": emptiness is seen only in a ruled box; not captured, not blank",
                      k.key, where);
            continue;
        }
        const std::vector<const ocr_ink*> ink = where->box
                                                    ? ink_inside(inside_of(*where->box), *where->page, read_doc.ocr_ink)
                                                    : std::vector<const ocr_ink*>{};
        if (c.is_blank()) {
            // The box's inside must hold no ink.
            if (!ink.empty()) {
                c = cell::not_captured();
                c.set_source(where);
                ++flagged;
                log_entry(log, codes::I_112,
                          "the table reader saw this box empty, but ink stands in it (no word was read there, or "
                          "a mark too faint to tell, a thin \"-\" say); not captured, not blank",
                          k.key, where);
                continue;
            }
            ++seen_empty;
            log_entry(log, codes::I_110, "box seen empty by OCR (no ink in it once the rules are removed)", k.key,
                      where);
            continue;
        }
        if (!c.is_number()) {
            if (c.state() == cell_state::text) ++flagged;
            log_entry(log, codes::I_110, "read by OCR as \"" + c.raw().value_or("") + "\" (not a number)", k.key,
                      where);
            continue;
        }
        ocr_cell oc;
        oc.index = k.index;
        oc.raw = c.raw().value_or(show(c));
        // One OCR value whose best reading is what the cell shows: its readings are the cell's.
        if (in.size() == 1 && in.front()->text == value_form(oc.raw)) {
            oc.certain = in.front()->certain && where->box && !ink_beside(*in.front(), ink);
            for (const auto& [text, confidence] : in.front()->readings) {
                cell_reading cr = read_cell(text, k.kind);
                if (!cr.value.is_number() || cr.unreadable) continue;
                cr.value.set_source(where);
                cr.value.set_raw(text);
                if (std::none_of(oc.candidates.begin(), oc.candidates.end(),
                                 [&](const auto& x) { return x.first.value() == cr.value.value(); }))
                    oc.candidates.push_back({cr.value, confidence});
            }
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
    // Groups of uncertain cells linked by the identities they share.
    std::set<std::size_t> open;
    for (const auto& [index, oc] : read)
        if (!oc.certain) open.insert(index);
    std::vector<std::vector<std::size_t>> groups;
    while (!open.empty()) {
        std::vector<std::size_t> group{*open.begin()};
        open.erase(open.begin());
        for (std::size_t g = 0; g < group.size(); ++g)
            for (std::size_t i : ids.related(group[g]))
                if (open.erase(i)) group.push_back(i);
        std::sort(group.begin(), group.end());
        groups.push_back(std::move(group));
    }
    for (const std::vector<std::size_t>& group : groups) {
        const bool identities_apply =
            std::all_of(group.begin(), group.end(), [&](std::size_t i) { return !ids.related(i).empty(); });
        std::size_t combinations = 1;
        for (std::size_t i : group) {
            combinations *= read.at(i).candidates.size();
            if (combinations > max_combinations) break;
        }
        std::vector<cell> saved;
        for (std::size_t i : group) saved.push_back(cell_at(r, i));
        std::vector<std::size_t> solution;
        std::size_t found = 0;
        if (identities_apply && combinations <= max_combinations) {
            std::vector<std::size_t> choice(group.size(), 0);
            for (std::size_t n = 0; n < combinations && found < 2; ++n) {
                for (std::size_t g = 0; g < group.size(); ++g)
                    cell_at(r, group[g]) = read.at(group[g]).candidates[choice[g]].first;
                if (ids.hold(r, group)) {
                    ++found;
                    solution = choice;
                }
                for (std::size_t g = 0; g < group.size(); ++g) {  // next combination
                    if (++choice[g] < read.at(group[g]).candidates.size()) break;
                    choice[g] = 0;
                }
            }
        }
        for (std::size_t g = 0; g < group.size(); ++g) cell_at(r, group[g]) = saved[g];
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
            if (found == 1 && was_certain.at(i) && oc.candidates[solution[g]].first.value() == c.value()) {
                // Certain, proof-read with an uncertain neighbour, and confirmed.
                ++certain;
                log_entry(log, codes::I_110,
                          "read by OCR as " + show(c) + " (confidence " + std::to_string(oc.candidates.front().second) +
                              ", certain; confirmed by the identities)",
                          key, c.source());
            } else if (found == 1) {
                const cell& chosen = oc.candidates[solution[g]].first;
                const bool changed = !(chosen.value() == c.value());
                c = chosen;
                ++settled;
                log_entry(log, codes::I_111,
                          "read by OCR as \"" + oc.raw + "\"; settled as " + show(chosen) +
                              (changed ? " (a misread the identities caught)" : std::string()) +
                              ": the only combination of the readings" + others +
                              " that satisfies every identity they take part in",
                          key, c.source(), candidates);
            } else if (was_certain.at(i) && identities_apply && found == 0) {
                // Read with certainty, yet an identity fails with every reading: the report's own
                // defect, or a misread the readings do not hold. Flagged either way.
                const std::optional<provenance> where = c.source();
                c = cell::text(oc.raw);
                c.set_source(where);
                ++flagged;
                log_entry(log, codes::I_113,
                          "read by OCR with certainty as " + oc.raw +
                              ", but an identity it takes part in fails with every reading" + others +
                              " (a defect of the report, or a misread): kept as unreadable text",
                          key, where, candidates);
            } else {
                const std::string why = !identities_apply                 ? "it takes part in no identity"
                                        : combinations > max_combinations ? "too many combinations to try"
                                        : found == 0 ? "no combination of the readings satisfies the identities"
                                                     : "several combinations of the readings satisfy the identities";
                const std::optional<provenance> where = c.source();
                c = cell::text(oc.raw);
                c.set_source(where);
                ++flagged;
                log_entry(log, codes::I_112,
                          "read by OCR as \"" + oc.raw + "\", not certain and not settled (" + why +
                              "); kept as unreadable text",
                          key, where, candidates);
            }
        }
    }
    // A certain value that takes part in identities, none of which can check it (each has a cell
    // not read: flagged, not captured), is flagged too: a value read with confidence but placed
    // in the wrong box (a row taken for its neighbour) is caught only by the arithmetic.
    for (auto& [index, oc] : read) {
        if (!oc.certain || ids.related(index).empty() || ids.confirms(r, index)) continue;
        oc.certain = false;
        cell& c = cell_at(r, index);
        const std::optional<provenance> where = c.source();
        c = cell::text(oc.raw);
        c.set_source(where);
        ++flagged;
        log_entry(
            log, codes::I_112,
            "read by OCR with certainty as \"" + oc.raw +
                "\", but no identity it takes part in can check it (each has a cell not read); kept as unreadable text",
            keys[index].key, where);
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
