// Figures stated in the prose of sections 一 and 五, compared with the tables
// (include/xxgk/narrative.hpp, docs/formats.md §9.2, docs/multi.md).
//
// Conservative by design: a figure is read only from a clause that names exactly one measure and
// states exactly one number with a unit; anything else yields nothing rather than a guess.
#include "xxgk/narrative.hpp"
#include "../codes.hpp"

#include "../findings.hpp"
#include "xxgk/keys.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace xxgk {
namespace {

using sv = std::string_view;
using M = narrative_measure;

bool has(sv s, sv word) { return s.find(word) != sv::npos; }

template <std::size_t N>
bool has_any(sv s, const std::array<sv, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](sv w) { return has(s, w); });
}

// Splits `s` at any of `seps` (UTF-8 punctuation); separators are dropped, empty pieces kept out.
template <std::size_t N>
std::vector<sv> split(sv s, const std::array<sv, N>& seps) {
    std::vector<sv> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size();) {
        bool cut = false;
        for (sv sep : seps)
            if (s.compare(i, sep.size(), sep) == 0) {
                if (i > start) out.push_back(s.substr(start, i - start));
                i += sep.size();
                start = i;
                cut = true;
                break;
            }
        if (!cut) ++i;
    }
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}

// The text without parenthesised asides (（…） and (…)): breakdowns such as "（其中…26件）" are
// not figures of the clause.
std::string without_asides(sv s) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 3, "（") == 0 || s[i] == '(') {
            ++depth;
            i += s[i] == '(' ? 1 : 3;
        } else if (depth > 0 && (s.compare(i, 3, "）") == 0 || s[i] == ')')) {
            --depth;
            i += s[i] == ')' ? 1 : 3;
        } else {
            if (depth == 0) out += s[i];
            ++i;
        }
    }
    return out;
}

// Digit value of an ASCII or full-width digit at `i`, and its length in bytes.
std::optional<std::pair<int, std::size_t>> digit_at(sv s, std::size_t i) {
    if (s[i] >= '0' && s[i] <= '9') return std::make_pair(s[i] - '0', std::size_t{1});
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
        const unsigned char c = static_cast<unsigned char>(s[i + 2]);
        if (c >= 0x90 && c <= 0x99) return std::make_pair(c - 0x90, std::size_t{3});
    }
    return std::nullopt;
}

// The numbers followed by a counting unit (件, 个, 份), spaces allowed around the number:
// "36件", "共 226 个". "60余次", "100多人次", "2020年" are not such numbers.
std::vector<std::int64_t> counted_numbers(sv s) {
    static constexpr std::array<sv, 3> units{"件", "个", "份"};
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < s.size();) {
        auto d = digit_at(s, i);
        if (!d) {
            ++i;
            continue;
        }
        std::int64_t v = 0;
        bool overflow = false;
        while (i < s.size() && (d = digit_at(s, i))) {
            if (v > (INT64_MAX - 9) / 10)
                overflow = true;
            else
                v = v * 10 + d->first;
            i += d->second;
        }
        if (i < s.size() && s[i] == '.') continue;  // a decimal: not a count
        std::size_t j = i;
        while (j < s.size() && s[j] == ' ') ++j;
        const bool unit = std::any_of(units.begin(), units.end(), [&](sv u) { return s.compare(j, u.size(), u) == 0; });
        if (unit && !overflow) out.push_back(v);
    }
    return out;
}

// Words that open a part of a split sentence: "县本级…；下属单位…".
constexpr std::array<sv, 14> scope_words{"本级", "本机关", "下属单位", "所属单位", "下属", "各乡镇", "乡镇",
                                         "街道", "各部门", "部门",     "县直",     "市直", "区直",   "各单位"};

bool scoped(sv segment) {
    sv s = segment;
    for (sv lead : {sv("其中"), sv("，"), sv("："), sv(" ")})
        if (s.substr(0, lead.size()) == lead) s.remove_prefix(lead.size());
    // The scope word must come first (allowing a short qualifier such as "县" or "全市" before it).
    for (sv w : scope_words) {
        const std::size_t at = s.find(w);
        if (at != sv::npos && at <= 6) return true;
    }
    return false;
}

/// The measure a clause states, if it names exactly one. `topic` is the last case topic named
/// earlier in the segment (for "纠错2件" after "涉及行政复议9件").
std::optional<M> measure_of(std::string clause, bool sentence_about_requests, std::optional<M> topic) {
    static constexpr std::array<sv, 5> forward{"结转下年", "结转到下年", "结转至下年", "转入下年", "结转下一年"};
    static constexpr std::array<sv, 4> over{"上年结转", "上年度结转", "上一年度结转", "上一年结转"};
    static constexpr std::array<sv, 8> litigation{"行政诉讼", "涉及诉讼", "提起诉讼", "复议后起诉",
                                                  "直接起诉", "被起诉",   "被诉",     "诉讼案件"};
    static constexpr std::array<sv, 8> outcome_words{"驳回", "胜诉", "败诉", "撤诉",
                                                     "维持", "请求", "撤回", "尚未审结"};
    static constexpr std::array<sv, 6> received{"收到", "受理", "新收", "接收", "接到", "共收"};
    static constexpr std::array<sv, 6> publish{"公开", "发布", "制发", "印发", "出台", "制定"};
    static constexpr std::array<sv, 14> not_publish{"解读", "清理", "废止", "失效", "备案", "审查", "审核",
                                                    "起草", "征求", "修订", "修改", "宣传", "培训", "规章"};
    std::vector<M> found;
    auto mask = [&](sv word) {
        for (std::size_t at; (at = clause.find(word)) != std::string::npos;) clause.replace(at, word.size(), " ");
    };
    auto take = [&](auto words, M m) {
        bool any = false;
        for (sv w : words)
            if (has(clause, w)) {
                any = true;
                mask(w);
            }
        if (any) found.push_back(m);
    };
    take(forward, M::requests_carried_forward);
    take(over, M::requests_carried_over);
    const bool corrected = has(clause, "纠错") || has(clause, "纠正");
    mask("纠错");
    mask("纠正");
    const bool about_litigation = has_any(clause, litigation);
    for (sv w : litigation) mask(w);
    const bool about_review = has(clause, "复议");
    mask("行政复议");
    mask("复议");
    if (corrected) {
        if (about_litigation && about_review) return std::nullopt;
        const std::optional<M> t = about_litigation ? M::lawsuits : about_review ? M::reviews : topic;
        if (!t) return std::nullopt;
        found.push_back(*t == M::lawsuits ? M::lawsuits_corrected : M::reviews_corrected);
    } else {
        if (about_litigation) {
            if (has_any(clause, outcome_words)) return std::nullopt;  // "驳回诉讼请求1件" counts an outcome
            found.push_back(M::lawsuits);
        }
        if (about_review) {
            if (has_any(clause, outcome_words)) return std::nullopt;
            found.push_back(M::reviews);
        }
    }
    if (has(clause, "办结")) {
        mask("办结");
        found.push_back(M::requests_concluded);
    }
    if (sentence_about_requests && has_any(clause, received)) {
        for (sv w : received) mask(w);
        found.push_back(M::requests_received);
    }
    if (has(clause, "办理") && has(clause, "申请")) found.push_back(M::requests_handled);
    if (has(clause, "规范性文件") && has_any(clause, publish) && !has_any(clause, not_publish))
        found.push_back(M::normative_documents);
    if (found.size() != 1) return std::nullopt;
    return found.front();
}

// The clauses of a part of a sentence: pieces between "，" and "：". A piece is cut further at "、"
// only when every item states its own count ("复议4件、诉讼3件"); in "行政复议、行政诉讼案件共5件" the
// one count belongs to the whole list, which then names two measures and yields nothing.
std::vector<sv> clauses(sv segment) {
    std::vector<sv> out;
    for (sv piece : split(segment, std::array<sv, 4>{"，", "：", ",", ":"})) {
        const std::vector<sv> items = split(piece, std::array<sv, 1>{"、"});
        const bool each_counted =
            std::all_of(items.begin(), items.end(), [](sv item) { return !counted_numbers(item).empty(); });
        if (each_counted)
            out.insert(out.end(), items.begin(), items.end());
        else
            out.push_back(piece);
    }
    return out;
}

struct mention {
    M measure;
    std::int64_t value;
    std::size_t segment;
    bool head;  // before 其中
    sv phrase;
};

void read_sentence(sv sentence, const std::string& pointer, std::vector<stated_figure>& out) {
    const std::string plain = without_asides(sentence);
    const bool about_requests = has(plain, "申请");
    const std::size_t where = plain.find("其中");
    const sv all(plain);
    const sv head = where == std::string::npos ? sv() : all.substr(0, where);
    const sv tail = where == std::string::npos ? all : all.substr(where);
    std::vector<sv> segments;
    if (!head.empty()) segments.push_back(head);
    for (sv s : split(tail, std::array<sv, 2>{"；", ";"})) segments.push_back(s);
    std::vector<mention> mentions;
    std::vector<bool> segment_scoped(segments.size());
    for (std::size_t si = 0; si < segments.size(); ++si) {
        const bool is_head = !head.empty() && si == 0;
        segment_scoped[si] = !is_head && scoped(segments[si]);
        std::optional<M> topic;
        for (sv clause : clauses(segments[si])) {
            const std::vector<std::int64_t> numbers = counted_numbers(clause);
            const std::optional<M> m = measure_of(std::string(clause), about_requests, topic);
            if (m == M::reviews || m == M::lawsuits) topic = m;
            if (m && numbers.size() == 1) mentions.push_back({*m, numbers.front(), si, is_head, clause});
        }
    }
    const std::size_t scoped_segments = std::count(segment_scoped.begin(), segment_scoped.end(), true);
    // Combine the mentions of each measure (docs/multi.md, "Narrative checks").
    std::vector<M> measures;
    for (const mention& m : mentions)
        if (std::find(measures.begin(), measures.end(), m.measure) == measures.end()) measures.push_back(m.measure);
    for (M measure : measures) {
        std::vector<const mention*> in_head, in_tail;
        for (const mention& m : mentions)
            if (m.measure == measure) (m.head ? in_head : in_tail).push_back(&m);
        stated_figure f;
        f.measure = measure;
        f.sentence = std::string(sentence);
        f.pointer = pointer;
        if (!in_head.empty()) {
            if (in_head.size() != 1) continue;  // stated twice before 其中: ambiguous
            f.value = in_head.front()->value;
            f.parts.emplace_back(in_head.front()->phrase);
        } else {
            bool distinct = true, all_scoped = true;
            for (std::size_t i = 0; i < in_tail.size(); ++i) {
                all_scoped = all_scoped && segment_scoped[in_tail[i]->segment];
                for (std::size_t j = 0; j < i; ++j) distinct = distinct && in_tail[j]->segment != in_tail[i]->segment;
            }
            if (!distinct || (in_tail.size() > 1 && !all_scoped)) continue;  // two figures, no split: ambiguous
            decimal sum;
            bool ok = true;
            for (const mention* m : in_tail) {
                const auto next = decimal::add(sum, m->value);
                ok = ok && next;
                if (next) sum = *next;
                f.parts.emplace_back(m->phrase);
            }
            if (!ok) continue;
            f.value = sum;
            f.complete = !all_scoped || in_tail.size() == scoped_segments;
        }
        out.push_back(std::move(f));
    }
}

void read_paragraph(sv text, const std::string& pointer, std::vector<stated_figure>& out) {
    for (sv sentence : split(text, std::array<sv, 6>{"。", "！", "？", "\n", "!", "?"})) {
        while (!sentence.empty() && (sentence.front() == ' ' || sentence.front() == '\t')) sentence.remove_prefix(1);
        if (!sentence.empty()) read_sentence(sentence, pointer, out);
    }
}

void read_section(const narrative_section& s, const std::string& base, std::vector<stated_figure>& out) {
    for (std::size_t i = 0; i < s.paragraphs.size(); ++i)
        read_paragraph(s.paragraphs[i], base + "/paragraphs/" + std::to_string(i), out);
    for (std::size_t i = 0; i < s.subsections.size(); ++i)
        for (std::size_t j = 0; j < s.subsections[i].paragraphs.size(); ++j)
            read_paragraph(s.subsections[i].paragraphs[j],
                           base + "/subsections/" + std::to_string(i) + "/paragraphs/" + std::to_string(j), out);
}

// The cell sums a measure's wording can mean, most likely first.
std::vector<std::vector<std::string>> readings(M m, format_version f) {
    switch (m) {
        case M::requests_received:
            return {{"requests.received.total"}, {"requests.received.total", "requests.carried_over.total"}};
        case M::requests_handled:
            return {{"requests.received.total"},
                    {"requests.received.total", "requests.carried_over.total"},
                    {"requests.total.total"}};
        case M::requests_concluded: return {{"requests.total.total"}};
        case M::requests_carried_over: return {{"requests.carried_over.total"}};
        case M::requests_carried_forward: return {{"requests.carried_forward.total"}};
        case M::reviews: return {{"review_litigation.review.total"}};
        case M::reviews_corrected: return {{"review_litigation.review.corrected"}};
        case M::lawsuits:
            return {{"review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"}};
        case M::lawsuits_corrected:
            return {{"review_litigation.litigation_direct.corrected",
                     "review_litigation.litigation_after_review.corrected"}};
        case M::normative_documents:
            if (f == format_version::v2019)
                return {{"proactive.normative_documents.total_published"},
                        {"proactive.normative_documents.new_published"},
                        {"proactive.normative_documents.new_made"}};
            return {{"proactive.normative_documents.issued"}, {"proactive.normative_documents.in_force"}};
    }
    return {};
}

}  // namespace

std::vector<stated_figure> extract_figures(const report& r) {
    std::vector<stated_figure> out;
    if (r.overview) read_section(*r.overview, "/overview", out);
    if (r.problems) read_section(*r.problems, "/problems", out);
    return out;
}

std::vector<finding> check_narrative_figures(const report& r) {
    std::vector<finding> out;
    const format_version format = r.format();
    for (const stated_figure& f : extract_figures(r)) {
        struct reading {
            std::vector<std::string> keys;
            decimal value;
        };
        std::vector<reading> known;
        for (auto& keys : readings(f.measure, format)) {
            reading rd{keys, decimal()};
            bool ok = true;
            for (const std::string& k : keys) {
                const cell& c = cell_at(r, k);
                const auto next = c.is_number() ? decimal::add(rd.value, c.value()) : std::nullopt;
                ok = ok && next;
                if (next) rd.value = *next;
            }
            if (ok) known.push_back(std::move(rd));
        }
        if (known.empty()) continue;  // the cells do not all hold numbers: nothing to compare
        const bool consistent = std::any_of(known.begin(), known.end(), [&](const reading& rd) {
            return f.complete ? rd.value == f.value : rd.value >= f.value;  // a lower bound is consistent with more
        });
        if (consistent) continue;
        const reading& best = known.front();
        detail::message_values v;
        for (const std::string& k : best.keys) {
            const cell_key& ck = *find_cell_key(format, k);
            if (!v.cell_en.empty()) v.cell_zh += " + ", v.cell_en += " + ";
            v.cell_zh += detail::cell_name_zh(format, ck);
            v.cell_en += k;
        }
        v.detail_zh = v.detail_en = f.sentence;
        std::string parts;
        for (const std::string& p : f.parts) parts += (parts.empty() ? "" : " + ") + p;
        v.difference = parts;
        std::vector<std::string> cells;
        for (const reading& rd : known)
            for (const std::string& k : rd.keys)
                if (std::find(cells.begin(), cells.end(), k) == cells.end()) cells.push_back(k);
        out.push_back(detail::make_finding(codes::N_006, "", f.pointer, best.value.to_string(),
                                           (f.complete ? "" : "≥ ") + f.value.to_string(), std::move(cells),
                                           std::move(v)));
    }
    return out;
}

}  // namespace xxgk
