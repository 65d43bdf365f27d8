// The format signals of the table labels (formats.md §8): the labels that tell the 2019 format
// from the 2021 format, derived by comparing the two label tables, and the ones a document shows.
#include "assemble.hpp"

#include "fold.hpp"

#include <xxgk/labels.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::import_detail {

namespace {

/// A table label of a format, folded, without a leading ordinal.
struct folded_label {
    std::u32string text;
    bool row;  ///< a row label (rows get abbreviated: 规范性文件 for 行政规范性文件)
};

std::vector<folded_label> folded_labels(format_version format) {
    std::vector<folded_label> out;
    const auto add = [&](std::string_view label, bool row) {
        std::u32string f = fold(label);
        const ordinal o = leading_ordinal(f);
        if (o.kind != ordinal::none && o.length < f.size()) f.erase(0, o.length);
        if (std::none_of(out.begin(), out.end(), [&](const folded_label& x) { return x.text == f; }))
            out.push_back({std::move(f), row});
    };
    const label_table& t = labels(format);
    for (const row_label& r : t.rows) add(r.label, true);
    for (const column_label& c : t.columns) add(c.label, false);
    for (const group_label& g : t.groups) add(g.label, false);
    return out;
}

/// A label that tells the formats apart (formats.md §8), with the other format's labels that
/// contain it ("处理决定数量" of 2019 inside "本年处理决定数量" of 2021): an occurrence inside one
/// of those is the other format's label.
struct format_signal {
    std::u32string text;
    bool v2021;
    std::vector<std::pair<std::u32string, std::size_t>> inside;  // (other label, offset of text in it)
};

/// Derived by comparing the label sets of the two formats: every label of one format that is no
/// label of the other. A row label that is part of a row label of the other format, or holds one
/// (规范性文件 / 行政规范性文件), is left out: printed rows are abbreviated, so it only supports.
std::vector<format_signal> make_format_signals() {
    const std::vector<folded_label> l2019 = folded_labels(format_version::v2019);
    const std::vector<folded_label> l2021 = folded_labels(format_version::v2021);
    std::vector<format_signal> out;
    for (const bool v2021 : {false, true}) {
        const auto& own = v2021 ? l2021 : l2019;
        const auto& other = v2021 ? l2019 : l2021;
        for (const folded_label& label : own) {
            bool shared = false, abbreviation = false;
            format_signal sig{label.text, v2021, {}};
            for (const folded_label& o : other) {
                shared = shared || o.text == label.text;
                if (label.row && o.row && (contains(o.text, label.text) || contains(label.text, o.text)))
                    abbreviation = true;
                for (std::size_t p = o.text.find(label.text); p != std::u32string::npos;
                     p = o.text.find(label.text, p + 1))
                    sig.inside.emplace_back(o.text, p);
            }
            if (!shared && !abbreviation) out.push_back(std::move(sig));
        }
    }
    return out;
}

}  // namespace

format_signals table_signals(const std::vector<const block*>& blocks) {
    static const std::vector<format_signal> signals = make_format_signals();
    format_signals out;
    std::vector<bool> seen(signals.size(), false);
    const auto check = [&](const std::string& text) {
        const std::u32string f = fold(text);
        for (std::size_t i = 0; i < signals.size(); ++i) {
            if (seen[i]) continue;
            const format_signal& s = signals[i];
            for (std::size_t p = f.find(s.text); p != std::u32string::npos && !seen[i]; p = f.find(s.text, p + 1)) {
                const bool part_of_other = std::any_of(s.inside.begin(), s.inside.end(), [&](const auto& in) {
                    return p >= in.second && f.compare(p - in.second, in.first.size(), in.first) == 0;
                });
                if (part_of_other) continue;
                seen[i] = true;
                (s.v2021 ? out.v2021 : out.v2019).push_back(to_u8(s.text));
            }
        }
    };
    for (const block* b : blocks) {
        if (b->type == block::kind::row) {
            for (const src_cell& c : b->cells)
                if (c.present && !c.span_copy && !c.text.empty()) check(c.text);
        } else {
            check(b->text);
        }
    }
    return out;
}

}  // namespace xxgk::import_detail
