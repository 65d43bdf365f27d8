// The text: narrative sections and the 信息处理费 statement (XXGK-N), hidden characters (XXGK-S-001).
#include "checker.hpp"

#include "../unicode.hpp"

namespace xxgk::validation {

// ---- narrative and the fee statement

// The characters of `s` that are not white space: bytes that start a UTF-8 sequence (not
// 10xxxxxx) other than ' ', '\n', '\t' and '\r'. Eight bytes at a time while none of them is
// below 0x21 (then none is white space, and the count is 8 less the continuation bytes).
std::size_t checker::characters(const std::string& s) {
    auto counts = [](unsigned char c) { return (c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r'; };
    using detail::word_highs, detail::word_ones;
    std::size_t n = 0, i = 0;
    const std::size_t size = s.size();
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (; size - i >= 8; i += 8) {
        const std::uint64_t w = detail::load_word(p + i);
        if (detail::has_byte_below(w, 0x21)) {
            for (std::size_t k = i; k < i + 8; ++k) n += counts(p[k]);
            continue;
        }
        const std::uint64_t continuation = w & ~(w << 1) & word_highs;  // bit 7 of each 10xxxxxx byte
        n += 8 - static_cast<std::size_t>(((continuation >> 7) * word_ones) >> 56);
    }
    for (; i < size; ++i) n += counts(p[i]);
    return n;
}

std::string checker::all_text(const narrative_section& s) {
    std::string text;
    for_each_text(s, [&](const std::string& piece) { text += piece; });
    return text;
}

// Whether the text of `s`, its pieces joined, mentions fees. Each piece alone first (a
// mention within a piece is one in the joined text); the joined text is made only when no
// piece has one, for a mention across two pieces.
bool checker::mentions_fees(const narrative_section& s) {
    auto mentions = [](std::string_view t) {
        return t.find("处理费") != std::string_view::npos || t.find("收费") != std::string_view::npos;
    };
    bool found = false;
    for_each_text(s, [&](const std::string& piece) { found = found || mentions(piece); });
    return found || mentions(all_text(s));
}

void checker::check_narrative() {
    if (format_ != format_version::v2021) return;
    if (r_.overview) {
        std::size_t n = 0;  // characters() of the joined text: a sum over the pieces
        for_each_text(*r_.overview, [&](const std::string& piece) { n += characters(piece); });
        if (n > 1000) add_field(codes::N_001, "/overview", "1000", std::to_string(n));
    }
    const bool fees_mentioned = r_.other_matters && mentions_fees(*r_.other_matters);
    if (!fees_mentioned && !r_.processing_fees) add_field(codes::N_002, "/other_matters", "", "");
    if (!r_.processing_fees) return;
    const processing_fee_statement& fees = *r_.processing_fees;
    if (fees.billed && fees.collected && *fees.billed < *fees.collected)
        add_field(codes::N_003, "/processing_fees/collected", fees.billed->to_string(), fees.collected->to_string());
    if (fees.charged && !*fees.charged) {
        auto contradicts = [&](const std::optional<decimal>& amount, const char* name, const char* zh, const char* en) {
            if (amount && *amount > decimal(0)) {
                message_values v;
                v.detail_zh = zh;
                v.detail_en = en;
                add_field(codes::N_004, std::string("/processing_fees/") + name, "0", amount->to_string(), v);
            }
        };
        contradicts(fees.billed, "billed", "应收金额", "the amount billed");
        contradicts(fees.collected, "collected", "实收金额", "the amount collected");
    }
    const cell& unpaid = *cells_[pack_.unpaid_fee_total];
    if (fees.notices && *fees.notices == 0 && unpaid.is_number() && unpaid.value() > decimal(0))
        add_cell(codes::N_005, keys_[pack_.unpaid_fee_total], "0", unpaid.value().to_string());
}

// ---- S-001: text that does not show what it says. Invisible characters and bidirectional
// controls make a portal page display something other than the report's text (the order of
// characters reversed by U+202E, a name split by U+200B so that a search misses it); C0 and C1
// controls have no business in printed text. Accepted by the decoder, flagged here, once per
// string, in model order.

// Two passes: a bare scan of every string that stops at the first hidden code point (clean
// reports, nearly all, end there), then, only when one was seen, the walk that keeps the path
// and makes the findings.
void checker::check_text() {
    if (!any_hidden(r_)) return;
    text_path_.clear();
    walk_text(r_);
}

std::string checker::text_pointer() const {
    std::string pointer;
    for (const path_token& t : text_path_) {
        if (t.name.empty())
            detail::push_index(pointer, t.index);
        else
            detail::push_name(pointer, t.name);
    }
    return pointer;
}

bool checker::hidden(std::uint32_t cp) {
    // Controls (C0 but tab and line ends, DEL, C1), the line and paragraph separators, and the
    // format characters that show nothing (unicode.hpp, shared with the importer).
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
           cp == 0x2029 || detail::is_invisible_format(cp);
}

void checker::check_string(const std::string& s) {
    std::vector<std::uint32_t> found;
    scan_hidden(s, [&](std::uint32_t cp) {
        if (std::find(found.begin(), found.end(), cp) == found.end()) found.push_back(cp);
        return true;
    });
    if (found.empty()) return;
    std::string actual;
    for (std::size_t k = 0; k < found.size() && k < 8; ++k) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "%sU+%04X", k ? " " : "", static_cast<unsigned>(found[k]));
        actual += buf;
    }
    if (found.size() > 8) actual += " …";
    const std::string pointer = text_pointer();
    message_values v;
    v.detail_zh = v.detail_en = pointer;
    add_field(codes::S_001, pointer, "", actual, v);
}

}  // namespace xxgk::validation
