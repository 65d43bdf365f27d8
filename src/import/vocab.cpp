#include "vocab.hpp"

#include <xxgk/labels.hpp>

#include <algorithm>

namespace xxgk::import_detail {
namespace {

std::u32string ordinal_prefix(const ordinal& o, std::u32string_view numeral) {
    switch (o.kind) {
        case ordinal::paren_chinese: return U"(" + std::u32string(numeral) + U")";
        case ordinal::dun_chinese: return std::u32string(numeral) + U"、";
        case ordinal::digit: {
            std::u32string s;
            for (char c : std::to_string(o.value)) s += static_cast<char32_t>(c);
            return s + U".";
        }
        case ordinal::none: break;
    }
    return {};
}

term make_term(std::string_view section, term_kind kind, std::string_view id, std::string_view official) {
    term t{section, kind, id, official, {}, {}, {}, {}};
    t.full = canonical(fold(official), &t.ord);
    t.body = t.full.substr(leading_ordinal(t.full).length);
    t.bare = strip_notes(t.body);
    return t;
}

std::size_t allowed_distance(std::size_t length) {
    if (length <= 2) return 0;
    if (length <= 5) return 1;
    if (length <= 12) return 2;
    return 3;
}

}  // namespace

std::u32string canonical(std::u32string_view f, ordinal* out) {
    const ordinal o = leading_ordinal(f);
    if (out) *out = o;
    if (o.kind == ordinal::none) return std::u32string(f);
    std::u32string numeral;
    if (o.kind == ordinal::paren_chinese) numeral = std::u32string(f.substr(1, o.length - 2));
    if (o.kind == ordinal::dun_chinese) numeral = std::u32string(f.substr(0, o.length - 1));
    return ordinal_prefix(o, numeral) + std::u32string(f.substr(o.length));
}

vocabulary::vocabulary(format_version format) : format_(format) {
    const label_table& l = labels(format);
    for (const row_label& r : l.rows) terms_.push_back(make_term(r.section, term_kind::row, r.id, r.label));
    for (const group_label& g : l.groups) terms_.push_back(make_term(g.section, term_kind::group, g.id, g.label));
    for (const column_label& c : l.columns) terms_.push_back(make_term(c.section, term_kind::column, c.id, c.label));
    // Header cells of the templates that are not columns.
    terms_.push_back(make_term("proactive", term_kind::header_word, "", "信息内容"));
    terms_.push_back(make_term("requests", term_kind::header_word, "", "申请人情况"));
    terms_.push_back(make_term("requests", term_kind::header_word, "", "法人或其他组织"));
}

label_match vocabulary::find(std::string_view printed, std::string_view section,
                             std::initializer_list<term_kind> kinds) const {
    label_match m;
    bool converted = false;
    ordinal o;
    const std::u32string full = canonical(fold(printed, &converted), &o);
    m.converted = converted;
    const std::u32string body = full.substr(leading_ordinal(full).length);
    const std::u32string bare = strip_notes(body);
    m.had_note = bare.size() != body.size();
    if (bare.empty()) return m;

    // The pool is made at its largest size at once (growing it cost a reallocation per doubling),
    // its kinds tested as bits.
    unsigned kind_bits = 0;
    for (term_kind k : kinds) kind_bits |= 1u << static_cast<unsigned>(k);
    std::vector<const term*> pool;
    pool.reserve(terms_.size());
    for (const term& t : terms_) {
        if (!((kind_bits >> static_cast<unsigned>(t.kind)) & 1u)) continue;
        if (!section.empty() && t.section != section) continue;
        pool.push_back(&t);
    }
    const auto settle = [&](std::vector<const term*> found, match_quality q) {
        if (found.empty()) return false;
        // Prefer the term whose ordinal agrees with the printed one.
        if (found.size() > 1 && o.kind != ordinal::none) {
            std::vector<const term*> same;
            for (const term* t : found)
                if (t->ord.value == o.value) same.push_back(t);
            if (!same.empty()) found = same;
        }
        m.t = found.front();
        m.quality = q;
        m.ties.assign(found.begin() + 1, found.end());
        return true;
    };
    std::vector<const term*> found;
    for (const term* t : pool)
        if (t->full == full) found.push_back(t);
    if (settle(found, match_quality::exact)) return m;
    for (const term* t : pool)
        if (t->body == body) found.push_back(t);
    if (settle(found, match_quality::ordinal)) return m;
    for (const term* t : pool)
        if (t->bare == bare) found.push_back(t);
    if (settle(found, match_quality::note)) return m;

    std::size_t best = static_cast<std::size_t>(-1);
    for (const term* t : pool) {
        const std::size_t allowed = allowed_distance(t->bare.size());
        if (allowed == 0) continue;
        // Cheap bound before the quadratic distance.
        const std::size_t gap =
            t->bare.size() > bare.size() ? t->bare.size() - bare.size() : bare.size() - t->bare.size();
        if (gap > allowed) continue;
        const std::size_t d = edit_distance(bare, t->bare);
        if (d > allowed) continue;
        if (d < best) {
            best = d;
            found.assign(1, t);
        } else if (d == best) {
            found.push_back(t);
        }
    }
    if (settle(found, match_quality::fuzzy)) return m;

    // Containment: 行政规范性文件 ⊃ 规范性文件; a truncated 本年新公开 ⊂ 本年新公开数量.
    std::size_t longest = 0;
    for (const term* t : pool) {
        bool hit = false;
        if (t->bare.size() >= 4 && contains(bare, t->bare)) hit = true;
        if (bare.size() >= 4 && contains(t->bare, bare) && bare.size() * 10 >= t->bare.size() * 6) hit = true;
        if (!hit) continue;
        if (t->bare.size() > longest) {
            longest = t->bare.size();
            found.assign(1, t);
        } else if (t->bare.size() == longest) {
            found.push_back(t);
        }
    }
    if (settle(found, match_quality::contains)) return m;

    // Characters left out (a typo of the printed report, "2.其他法律行政止公开" for
    // 2.其他法律行政法规禁止公开): the printed label is the official one with a few characters
    // missing, at least 70% of it kept, and its printed ordinal is the term's. Only a unique
    // term is taken (settle keeps ties in m.ties; the caller logs the weak match).
    if (o.kind != ordinal::none && bare.size() >= 6) {
        for (const term* t : pool) {
            if (t->ord.value != o.value || bare.size() >= t->bare.size() || bare.size() * 10 < t->bare.size() * 7)
                continue;
            std::size_t k = 0;
            for (char32_t c : t->bare)
                if (k < bare.size() && bare[k] == c) ++k;
            if (k == bare.size()) found.push_back(t);
        }
        if (found.size() == 1) settle(found, match_quality::contains);
    }
    return m;
}

const vocabulary& vocab(format_version format) {
    static const vocabulary v2019(format_version::v2019);
    static const vocabulary v2021(format_version::v2021);
    return format == format_version::v2019 ? v2019 : v2021;
}

ocr_ordinal read_ocr_ordinal(std::u32string_view f) noexcept {
    ocr_ordinal out;
    const ordinal o = leading_ordinal(f);
    if (o.kind != ordinal::none) {
        out.parses = true;
        out.value = o.value;
        out.length = o.length;
    } else {
        std::size_t i = 0;
        while (i < f.size() && f[i] >= U'0' && f[i] <= U'9') ++i;
        if (i == 0) return out;
        out.parses = true;
        out.value = -1;
        if (i <= 2) {
            out.value = 0;
            for (std::size_t k = 0; k < i; ++k) out.value = out.value * 10 + static_cast<int>(f[k] - U'0');
        }
        out.length = i;
    }
    // The digits and punctuation OCR leaves around it ("2.2", "5-", "3.、") belong to no label.
    const auto stray = [](char32_t c) {
        return (c >= U'0' && c <= U'9') || c == U'.' || c == U'-' || c == U'、' || c == U',' || c == U'·' ||
               c == U':' || c == U';' || c == U'_' || c == U'。';
    };
    while (out.length < f.size() && stray(f[out.length])) ++out.length;
    return out;
}

place_resemblance resemble_by_place(std::u32string_view f, const term& t) {
    const std::u32string body(f.substr(std::min(f.size(), read_ocr_ordinal(f).length)));
    const auto compare = [](std::u32string_view printed, std::u32string_view official) {
        place_resemblance r;
        r.common = common_subsequence(printed, official);
        r.of = official.size();
        // Half of each (tuned on hongze-2023 scanned at 100–200 dpi: "5-三内部于务信息" keeps 6 of
        // the 10 characters of 属于三类内部事务信息, "2.2没有现成信息需要另行币" 10 of the 12 of
        // 没有现成信息需要另行制作). Half of the printed characters too: a longer label of
        // another row that happens to hold the official characters is no misreading of it.
        r.resembles = !official.empty() && r.common * 2 >= official.size() && r.common * 2 >= printed.size();
        return r;
    };
    place_resemblance r = compare(body, t.body);
    if (!r.resembles) {
        const place_resemblance bare = compare(strip_notes(body), t.bare);
        if (bare.resembles) r = bare;
    }
    return r;
}

int article_20_item(std::string_view printed) { return article_20_item_folded(fold(printed)); }

int article_20_item_folded(std::u32string_view f) {
    if (!starts_with(f, U"第二十条")) return 0;
    std::u32string_view rest = f.substr(4);
    if (starts_with(rest, U"第")) rest.remove_prefix(1);
    std::u32string numeral;
    std::size_t i = 0;
    if (!rest.empty() && rest[0] == U'(') ++i;
    while (i < rest.size() && chinese_number(std::u32string_view(&rest[i], 1)) > 0) numeral += rest[i++];
    return chinese_number(numeral);
}

bool is_requests_caption(std::string_view printed, bool* exact) {
    return is_requests_caption_folded(fold(printed), exact);
}

bool is_requests_caption_folded(std::u32string_view f, bool* exact) {
    // 勾稽, or 第一项加第二项 and 第三项: one pass over the text (every block is asked), the words
    // compared only where a 勾 or a 第 stands.
    static constexpr std::u32string_view sum = U"第一项加第二项", third = U"第三项";
    bool hit = false, has_sum = false, has_third = false;
    for (std::size_t i = 0; i < f.size() && !hit; ++i) {
        if (f[i] == U'勾') {
            hit = i + 1 < f.size() && f[i + 1] == U'稽';
        } else if (f[i] == U'第') {
            const std::u32string_view rest = f.substr(i);
            has_sum = has_sum || starts_with(rest, sum);
            has_third = has_third || starts_with(rest, third);
        }
    }
    hit = hit || (has_sum && has_third);
    if (exact) {
        static const std::u32string caption = fold(requests_caption);
        *exact = hit && f == caption;
    }
    return hit;
}

}  // namespace xxgk::import_detail
