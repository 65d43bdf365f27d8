// Facts of the preamble (formats.md §3): labelled values, the portal address, the legal bases
// cited; page metadata a crawler kept; the administrative level a body's name tells (assemble.hpp).
#include "assemble.hpp"

#include "fold.hpp"

#include <initializer_list>

namespace xxgk::import_detail {
namespace {
constexpr std::size_t npos = static_cast<std::size_t>(-1);
}  // namespace

std::optional<std::string> labelled_value(std::u32string_view text, std::initializer_list<std::u32string_view> labels) {
    for (std::u32string_view label : labels) {
        std::size_t p = 0;
        while ((p = text.find(label, p)) != std::u32string_view::npos) {
            std::size_t i = p + label.size();
            skip_spaces(text, i);
            if (i < text.size() && (text[i] == U'：' || text[i] == U':')) {
                ++i;
                std::size_t e = i;
                while (e < text.size()) {
                    const char32_t c = text[e];
                    if (c == U'；' || c == U';' || c == U'，' || c == U',' || c == U'）' || c == U')' || c == U'。' ||
                        c == U'\n' || c == U'、')
                        break;
                    ++e;
                }
                std::u32string v = trim(text.substr(i, e - i));
                // A trailing full stop typed as "." belongs to the sentence, not to the value.
                while (!v.empty() && (v.back() == U'.')) v.pop_back();
                if (!v.empty()) return to_u8(v);
            }
            p += label.size();
        }
    }
    return std::nullopt;
}

std::optional<std::string> find_url(std::u32string_view text) {
    std::size_t p = text.find(U"http://");
    const std::size_t q = text.find(U"https://");
    if (p == npos || (q != npos && q < p)) p = q;
    if (p == npos) return std::nullopt;
    std::size_t e = p;
    while (e < text.size()) {
        const char32_t c = text[e];
        if (c >= 0x80 || c <= U' ' || c == U')' || c == U'>' || c == U'"' || c == U'\'' || c == U'<') break;
        ++e;
    }
    std::u32string url(text.substr(p, e - p));
    while (!url.empty() && (url.back() == U'.' || url.back() == U',' || url.back() == U';')) url.pop_back();
    return to_u8(url);
}

/// The 《…》 titles of the preamble's first sentence, each with a document number （…号） that follows it.
std::vector<std::string> legal_bases(std::u32string_view text) {
    std::vector<std::string> out;
    std::size_t end = text.find(U'。');
    if (end == npos) end = text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] != U'《') continue;
        int depth = 0;
        std::size_t j = i;
        for (; j < text.size(); ++j) {
            if (text[j] == U'《') ++depth;
            if (text[j] == U'》' && --depth == 0) break;
        }
        if (j >= text.size()) break;
        std::size_t stop = j + 1;
        std::size_t k = stop;
        skip_spaces(text, k);
        if (k < text.size() && (text[k] == U'（' || text[k] == U'(')) {
            const std::size_t close = text.find_first_of(U"）)", k);
            if (close != npos && close - k < 40 && text.substr(k, close - k).find(U'号') != npos) stop = close + 1;
        }
        out.push_back(to_u8(trim(std::u32string_view(text).substr(i, stop - i))));
        i = j;
    }
    return out;
}

bool is_page_metadata(const block& b) {
    const std::u32string& f = folded_text(b);  // the block's fold, kept
    int hits = 0;
    for (std::u32string_view w : {U"发布时间", U"发布日期", U"来源:", U"浏览次数", U"访问量", U"点击数", U"字号",
                                  U"字体", U"分享到", U"打印", U"关闭窗口", U"阅读次数", U"作者:"})
        if (contains(f, w)) ++hits;
    return hits >= 2 || starts_with(f, U"分享到") || starts_with(f, U"[打印") || starts_with(f, U"[关闭");
}

admin_level level_of(const std::string& body) {
    const std::u32string b = to_u32(body);
    if (contains(b, U"乡人民政府") || contains(b, U"镇人民政府") || contains(b, U"街道办事处"))
        return admin_level::township;
    if (contains(b, U"县") || (b.size() > 5 && b.substr(b.size() - 5) == U"区人民政府")) return admin_level::county;
    if (b.size() > 5 && b.substr(b.size() - 5) == U"省人民政府") return admin_level::provincial;
    return admin_level::unknown;
}

const char* level_name(admin_level l) {
    switch (l) {
        case admin_level::township: return "township";
        case admin_level::county: return "county";
        case admin_level::provincial: return "provincial";
        default: return "unknown";
    }
}

}  // namespace xxgk::import_detail
