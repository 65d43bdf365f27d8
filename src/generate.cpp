// The report generator (include/xxgk/generate.hpp). Tables are built so that every identity of
// xxgk::identities (layout.hpp) holds; faults then break exactly one identity or domain each, on cells chosen so
// that no two faults of one report touch the same identity from opposite sides.
#include "xxgk/generate.hpp"
#include "codes.hpp"

#include "csv.hpp"
#include "xxgk/error.hpp"
#include "xxgk/keys.hpp"
#include "xxgk/labels.hpp"
#include "xxgk/layout.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <set>
#include <string_view>

namespace xxgk {
namespace {

// splitmix64: spreads (seed, index) over the seed space of the per-report engine.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// std::mt19937_64 (its output sequence is fixed by the standard) with distributions of our own:
/// the standard's distributions differ between standard libraries.
class random {
public:
    explicit random(std::uint64_t seed) : engine_(seed) {}
    /// Uniform in [0, n); n > 0 (modulo bias is negligible for the small n used here).
    std::uint64_t below(std::uint64_t n) { return engine_() % n; }
    /// Uniform index into a sequence of `n` elements (n > 0): below(n) as a size_t, exact on
    /// 32-bit targets (WebAssembly) too, as the result is below n.
    std::size_t index_below(std::size_t n) { return static_cast<std::size_t>(below(n)); }
    /// Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    /// True with probability p: a uniform 53-bit fraction, exact in a double, compared with p.
    bool chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[index_below(N)];
    }
    /// x × f rounded, for x given in thousandths and f uniform in [lo, hi] per mille: the spread of
    /// figures around an expectation. Integer arithmetic, so no platform's floating point (FMA
    /// contraction) shifts a figure.
    std::int64_t around(std::int64_t x_milli, std::int64_t lo, std::int64_t hi) {
        return (x_milli * between(lo, hi) + 500000) / 1000000;
    }

private:
    std::mt19937_64 engine_;
};

// ---- names and prose

constexpr std::array<std::string_view, 16> name_first{"青", "白", "东", "西", "南", "北", "安", "平",
                                                      "永", "兴", "新", "长", "宁", "丰", "云", "清"};
constexpr std::array<std::string_view, 12> name_second{"山", "水", "阳", "溪", "河", "林",
                                                       "泉", "川", "城", "湖", "源", "江"};
constexpr std::array<std::string_view, 10> departments{
    "人民政府办公室",   "财政局",     "教育局",     "自然资源和规划局",
    "市场监督管理局",   "生态环境局", "卫生健康局", "人力资源和社会保障局",
    "住房和城乡建设局", "交通运输局"};
constexpr std::array<std::string_view, 3> management_text{
    "严格落实公开前保密审查，对拟公开信息逐条审核，动态更新政府信息公开指南和主动公开目录。",
    "建立健全政府信息公开属性认定和源头管理制度，对涉及商业秘密、个人隐私的信息依法作区分处理。",
    "规范公文公开属性标注，做到应公开尽公开，及时清理失效文件并在网站标注。"};
constexpr std::array<std::string_view, 3> platform_text{
    "持续优化门户网站政府信息公开专栏，规范设置法定主动公开内容栏目，提升检索功能。",
    "依托政务新媒体同步发布重要政策文件及解读，拓宽信息公开渠道。",
    "完善政府信息公开查阅点建设，为公众查阅政府信息提供便利。"};
constexpr std::array<std::string_view, 3> oversight_text{
    "将政府信息公开工作纳入年度考核，定期开展栏目内容自查，及时整改发现的问题。",
    "组织开展政府信息公开业务培训，提升工作人员依法公开意识和业务能力。",
    "主动接受社会监督，畅通意见反馈渠道，认真办理群众关于信息公开的意见建议。"};
constexpr std::array<std::string_view, 3> problem_text{
    "政府信息公开工作仍存在一些不足：一是政策解读形式较为单一，图解、视频等解读占比偏低；二是部分栏目更新不够及时。",
    "政府信息公开工作仍存在一些不足：一是依申请公开答复的规范性有待加强；二是基层公开人员业务能力有待提高。",
    "政府信息公开工作仍存在一些不足：一是主动公开的深度和广度不够；二是信息发布的时效性有待提高。"};
constexpr std::array<std::string_view, 3> improvement_text{
    "下一步，将丰富政策解读形式，加强栏目日常维护，确保信息发布及时准确。",
    "下一步，将加强依申请公开答复的法制审核，编制常用告知书范本并组织专题培训。",
    "下一步，将进一步拓展公开内容，完善信息发布审核机制，提升公开工作质量。"};

// Every draw is its own statement: the operands of `a + b` are evaluated in an unspecified order
// (GCC and Clang differ), and the sequence must be the same on every compiler.
std::string place_name(random& rng) {
    const std::string_view second = rng.pick(name_second);
    const std::string_view first = rng.pick(name_first);
    return std::string(first) + std::string(second);
}

std::string num(std::int64_t v) { return std::to_string(v); }

// ---- the tables

std::string key_of(std::string_view section, std::string_view row, std::string_view column) {
    return std::string(section) + "." + std::string(row) + "." + std::string(column);
}

// Share of applicants by column and of outcomes by row, per mille: what published reports look like.
std::int64_t column_weight(std::string_view c) {
    if (c == "natural_person") return 620;
    if (c == "enterprise") return 180;
    if (c == "legal_service") return 90;
    if (c == "other_org") return 70;
    return 20;
}

std::int64_t leaf_weight(std::string_view r) {
    if (r == "granted") return 420;
    if (r == "partially_granted") return 100;
    if (r == "unavailable_not_held") return 200;
    if (r == "other_unpaid_fee") return 0;  // needs fee notices; the fee statement says none were sent
    if (r == "other" || r == "other_misc") return 50;
    if (r.substr(0, 12) == "unavailable_" || r.substr(0, 12) == "not_handled_") return 30;
    return 10;
}

/// The generator of one report: builds valid tables and prose, then injects faults.
class builder {
public:
    builder(const generate_options& o, std::uint64_t index)
        : options_(o), rng_(mix(mix(o.seed) ^ index)), r_(report::make(o.format)), layout_(layout(o.format)) {}

    generated_report run() {
        // Which faults, decided first: the identity faults need every cell of section 三 and 四 printed.
        std::vector<fault_kind> kinds;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<fault_kind>>([&](auto e) {
            if (e.value == fault_kind::published_exceeds_total && options_.format != format_version::v2019) return;
            if (options_.fault_rate > 0 && rng_.chance(options_.fault_rate)) kinds.push_back(e.value);
        });
        const bool arithmetic_faults = std::any_of(kinds.begin(), kinds.end(), [](fault_kind k) {
            return k == fault_kind::row_total || k == fault_kind::blank_row_total || k == fault_kind::outcome_total ||
                   k == fault_kind::conservation || k == fault_kind::case_total;
        });
        // A quarter of the bodies leave rows of zeros blank, as many published tables do.
        blank_zero_rows_ = !arithmetic_faults && rng_.chance(0.25);
        build_header();
        build_requests();
        build_cases();
        build_proactive();
        build_narrative();
        for (fault_kind k : kinds) inject(k);
        return {std::move(r_), std::move(faults_)};
    }

private:
    void set(const std::string& key, std::int64_t v) { cell_at(r_, key) = cell::number(decimal(v)); }
    std::int64_t get(const std::string& key) const {
        const cell& c = cell_at(r_, key);
        return c.is_number() ? c.value().to_integer().value_or(0) : 0;
    }

    // ---- header

    void build_header() {
        report_header& h = r_.header;
        const std::string county = place_name(rng_) + "县";
        const std::uint64_t shape = rng_.below(10);
        if (shape < 6) {
            h.body = county + std::string(rng_.pick(departments));
            h.scope = report_scope::own;
            h.level = admin_level::county;
        } else if (shape < 8) {
            h.body = county + place_name(rng_) + "镇人民政府";
            h.scope = report_scope::own;
            h.level = admin_level::township;
        } else {
            h.body = county + "人民政府";
            h.scope = report_scope::compiled;
            h.level = admin_level::county;
        }
        h.year = options_.format == format_version::v2019 ? static_cast<int>(rng_.between(2019, 2020))
                                                          : static_cast<int>(rng_.between(2021, 2025));
        char code[8];
        std::snprintf(code, sizeof code, "33%04d", static_cast<int>(rng_.between(1, 9999)));
        h.region_code = code;
        h.title = h.body + std::to_string(h.year) + "年政府信息公开工作年度报告";
        h.statistics_period = date_period{{h.year, 1, 1}, {h.year, 12, 31}};
        // Own reports are due by 1月31日, a county's compiled report by 2月20日 (条例第四十九条).
        const calendar_date published = h.scope == report_scope::own
                                            ? calendar_date{h.year + 1, 1, static_cast<int>(rng_.between(5, 31))}
                                            : calendar_date{h.year + 1, 2, static_cast<int>(rng_.between(1, 20))};
        h.publication_date = published;
        h.portal_url = std::string("https://xxgk") + code + ".example.gov.cn";
        contact_block contact;
        const std::int64_t house_number = rng_.between(1, 300);  // drawn first (see place_name)
        const std::string street = place_name(rng_);
        contact.address = county + street + "路" + num(house_number) + "号";
        contact.postcode = std::string(code, 4) + "00";
        contact.phone = "0577-" + num(rng_.between(50000000, 89999999));
        contact.email = std::string("xxgk") + code + "@example.gov.cn";
        h.contact = contact;
        h.legal_bases = {"《中华人民共和国政府信息公开条例》", "《中华人民共和国政府信息公开工作年度报告格式》（" +
                                                                   std::string(notice_of(options_.format)) + "）"};
        h.preamble = "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（" +
                     std::string(notice_of(options_.format)) + "）要求编制。本报告所列数据的统计期限自" +
                     std::to_string(h.year) + "年1月1日起至" + std::to_string(h.year) +
                     "年12月31日止。本报告为 xxgk 生成的示例数据，机关名称、联系方式及全部数字均为虚构。";
        h.signature = signature_block{h.body, published};
    }

    // ---- section 三: inflows per column, split into outcomes and the carried-forward row

    void build_requests() {
        const std::uint64_t size_class = rng_.below(4);
        const std::int64_t expected = size_class == 0 ? 3 : size_class == 1 ? 25 : size_class == 2 ? 180 : 1500;
        std::vector<std::int64_t> leaf_totals(layout_.outcome_leaf_rows.size());
        for (std::string_view c : layout_.applicant_columns) {
            const std::int64_t received = rng_.around(expected * column_weight(c), 300, 1700);
            const std::int64_t carried_over = rng_.around(received * 1000, 0, 120);
            set(key_of("requests", layout_.inflow_rows[0], c), received);
            set(key_of("requests", layout_.inflow_rows[1], c), carried_over);
            const std::int64_t in = received + carried_over;
            const std::int64_t forward = rng_.around(in * 1000, 0, 100);
            std::int64_t rest = in - forward;
            const std::int64_t concluded = rest;
            std::vector<std::int64_t> shares(layout_.outcome_leaf_rows.size());
            for (std::size_t i = 0; i < layout_.outcome_leaf_rows.size(); ++i) {
                shares[i] = std::min(rest, rng_.around(concluded * leaf_weight(layout_.outcome_leaf_rows[i]), 0, 2000));
                rest -= shares[i];
            }
            shares[0] += rest;  // （一）予以公开 takes what is left
            for (std::size_t i = 0; i < layout_.outcome_leaf_rows.size(); ++i)
                set(key_of("requests", layout_.outcome_leaf_rows[i], c), shares[i]);
            set(key_of("requests", layout_.outcome_total_row, c), concluded);
            set(key_of("requests", layout_.outflow_row, c), forward);
        }
        // The 总计 column: row sums.
        std::vector<std::string_view> rows = layout_.inflow_rows;
        rows.insert(rows.end(), layout_.outcome_leaf_rows.begin(), layout_.outcome_leaf_rows.end());
        rows.push_back(layout_.outcome_total_row);
        rows.push_back(layout_.outflow_row);
        for (std::string_view row : rows) {
            std::int64_t sum = 0;
            for (std::string_view c : layout_.applicant_columns) sum += get(key_of("requests", row, c));
            set(key_of("requests", row, "total"), sum);
            if (blank_zero_rows_ && sum == 0) blank_row("requests", row);
        }
    }

    void blank_row(std::string_view section, std::string_view row) {
        for (const cell_key& k : cell_keys(options_.format))
            if (k.section == section && k.row == row) cell_at(r_, k.index) = cell::blank();
    }

    // ---- section 四

    void build_cases() {
        const bool any = rng_.chance(0.6);
        for (std::string_view g : layout_.case_groups) {
            std::int64_t total = 0;
            for (std::string_view c : layout_.case_outcome_columns) {
                const std::int64_t v = any ? rng_.between(0, c == "upheld" ? 6 : 2) : 0;
                set(key_of("review_litigation", g, c), v);
                total += v;
            }
            set(key_of("review_litigation", g, "total"), total);
            if (blank_zero_rows_ && total == 0) blank_row("review_litigation", g);
        }
    }

    // ---- section 二

    void build_proactive() {
        if (options_.format == format_version::v2019) {
            for (const char* row : {"regulations", "normative_documents"}) {
                const std::string base = std::string("proactive.") + row + ".";
                const bool makes =
                    std::string_view(row) == "normative_documents" || r_.header.level <= admin_level::prefectural;
                const std::int64_t made = makes ? rng_.between(0, 12) : 0;
                const std::int64_t published = made == 0 ? 0 : rng_.between(made / 2, made);
                set(base + "new_made", made);
                set(base + "new_published", published);
                set(base + "total_published", published + (makes ? rng_.between(0, 80) : 0));
            }
            for (const char* row : {"licensing", "other_services", "penalties", "compulsory_measures"}) {
                const std::string base = std::string("proactive.") + row + ".";
                const std::int64_t prior = rng_.between(0, 300);
                set(base + "prior_items", prior);
                set(base + "change", rng_.between(-prior / 5, prior / 5 + 3));
                set(base + "decisions", rng_.between(0, 800));
            }
            const std::int64_t fee_items = rng_.between(0, 30);
            set("proactive.fees.prior_items", fee_items);
            set("proactive.fees.change", rng_.between(-fee_items / 3, 2));
            set("proactive.procurement.projects", rng_.between(0, 60));
            cell_at(r_, "proactive.procurement.amount") =
                cell::number(decimal(rng_.between(0, 50000000), 2), money_unit::wan_yuan);
        } else {
            for (const char* row : {"regulations", "normative_documents"}) {
                const std::string base = std::string("proactive.") + row + ".";
                const bool makes =
                    std::string_view(row) == "normative_documents" || r_.header.level <= admin_level::prefectural;
                const std::int64_t issued = makes ? rng_.between(0, 10) : 0;
                set(base + "issued", issued);
                set(base + "repealed", makes ? rng_.between(0, 4) : 0);
                set(base + "in_force", issued + (makes ? rng_.between(0, 60) : 0));
            }
            for (const char* row : {"licensing", "penalties", "compulsory_measures"})
                set(std::string("proactive.") + row + ".decisions", rng_.between(0, 900));
            cell_at(r_, "proactive.fees.amount") = cell::number(decimal(rng_.between(0, 9000000), 4));
        }
    }

    // ---- narrative: the prose states figures of the tables, in the phrasings reports use

    std::int64_t requests_total(std::string_view row) const { return get(key_of("requests", row, "total")); }

    std::int64_t rows_total(std::string_view prefix) const {
        std::int64_t sum = 0;
        for (std::string_view row : layout_.outcome_leaf_rows)
            if (row.substr(0, prefix.size()) == prefix) sum += requests_total(row);
        return sum;
    }

    void build_narrative() {
        const report_header& h = r_.header;
        const std::string year = std::to_string(h.year);
        narrative_section overview;
        overview.heading = std::string(section_heading("overview")->label);
        overview.paragraphs.push_back(
            year + "年，" + h.body +
            "坚持“以公开为常态、不公开为例外”，扎实推进政府信息公开工作，现将有关情况报告如下。");
        std::string proactive = "全年通过门户网站主动公开政府信息" + num(rng_.between(50, 3000)) + "条。";
        if (options_.format == format_version::v2021)
            proactive += "制发行政规范性文件" + num(get("proactive.normative_documents.issued")) + "件，废止" +
                         num(get("proactive.normative_documents.repealed")) + "件，现行有效" +
                         num(get("proactive.normative_documents.in_force")) + "件。";
        const std::int64_t outcomes_other = rows_total("other");
        const std::int64_t review = get("review_litigation.review.total");
        const std::int64_t lawsuits =
            get("review_litigation.litigation_direct.total") + get("review_litigation.litigation_after_review.total");
        std::string requests =
            "全年新收政府信息公开申请" + num(requests_total(layout_.inflow_rows[0])) + "件，上年结转" +
            num(requests_total(layout_.inflow_rows[1])) + "件。办结" + num(requests_total(layout_.outcome_total_row)) +
            "件，其中予以公开" + num(requests_total("granted")) + "件、部分公开" +
            num(requests_total("partially_granted")) + "件、不予公开" + num(rows_total("withheld_")) + "件、无法提供" +
            num(rows_total("unavailable_")) + "件、不予处理" + num(rows_total("not_handled_")) + "件、其他处理" +
            num(outcomes_other) + "件，" + num(requests_total(layout_.outflow_row)) + "件结转下年度继续办理。";
        if (review + lawsuits == 0)
            requests += "本年度未发生因政府信息公开引起的行政复议、行政诉讼。";
        else
            requests += "因政府信息公开被申请行政复议" + num(review) + "件、提起行政诉讼" + num(lawsuits) + "件。";
        const std::pair<const char*, std::string> parts[] = {
            {"主动公开", proactive},
            {"依申请公开", requests},
            {"政府信息管理", std::string(rng_.pick(management_text))},
            {"政府信息公开平台建设", std::string(rng_.pick(platform_text))},
            {"监督保障", std::string(rng_.pick(oversight_text))},
        };
        const char* ordinals[] = {"（一）", "（二）", "（三）", "（四）", "（五）"};
        for (std::size_t i = 0; i < 5; ++i)
            overview.subsections.push_back({std::string(ordinals[i]), parts[i].first, {parts[i].second}});
        r_.overview = std::move(overview);

        narrative_section problems;
        problems.heading = std::string(section_heading("problems")->label);
        problems.paragraphs = {year + "年，" + std::string(rng_.pick(problem_text)),
                               std::string(rng_.pick(improvement_text))};
        r_.problems = std::move(problems);

        narrative_section other;
        other.heading = std::string(section_heading("other_matters")->label);
        if (options_.format == format_version::v2021) {
            processing_fee_statement fees;
            if (rng_.chance(0.05)) {
                const std::int64_t notices = rng_.between(1, 3);
                const std::int64_t billed = notices * rng_.between(10, 400);
                const std::int64_t collected = billed - rng_.between(0, billed / 4);
                fees.raw = "本年度共发出收费通知" + num(notices) + "件，应收信息处理费" + num(billed) + "元，实收" +
                           num(collected) + "元。";
                fees.charged = true;
                fees.notices = notices;
                fees.billed = decimal(billed);
                fees.collected = decimal(collected);
            } else {
                fees.raw = "本年度未收取信息处理费。";
                fees.charged = false;
                fees.notices = 0;
                fees.billed = decimal(0);
                fees.collected = decimal(0);
            }
            other.paragraphs.push_back(*fees.raw);
            r_.processing_fees = std::move(fees);
        } else {
            other.paragraphs.push_back("本年度无其他需要报告的事项。");
        }
        r_.other_matters = std::move(other);
        const auto heading = [](std::string_view member) { return std::string(section_heading(member)->label); };
        r_.table_headings =
            table_section_headings{heading("proactive"), heading("requests"), heading("review_litigation")};
    }

    // ---- faults

    static std::string shown(const cell& c) {
        if (c.is_number()) return c.value().to_string();
        return boost::describe::enum_to_string(c.state(), "?");
    }

    void record(fault_kind kind, std::string_view code, const std::string& key, const std::string& before,
                const std::string& after, std::string pointer = {}) {
        if (pointer.empty()) pointer = find_cell_key(options_.format, key)->pointer;
        faults_.push_back(
            {boost::describe::enum_to_string(kind, "?"), std::string(code), key, std::move(pointer), before, after});
    }

    /// Raises the cell at `key` by 1–9 and records the fault.
    void raise(fault_kind kind, std::string_view code, const std::string& key) {
        cell& c = cell_at(r_, key);
        const std::string before = shown(c);
        c = cell::number(decimal(get(key) + rng_.between(1, 9)));
        record(kind, code, key, before, shown(c));
    }

    /// A section 二 count no other fault of this report uses (T2 and item-chain cells excluded, so
    /// that a fault there trips no second rule).
    std::string free_proactive_count() {
        std::vector<std::string> candidates;
        for (const cell_key& k : cell_keys(options_.format))
            if (k.section == "proactive" && k.kind == value_kind::count && k.column != "new_published" &&
                k.column != "total_published" && k.column != "prior_items" && !used_.count(k.key))
                candidates.push_back(k.key);
        std::string key = candidates[rng_.index_below(candidates.size())];
        used_.insert(key);
        return key;
    }

    /// A leaf row of section 三 no other row fault uses; with `nonzero`, one whose total is > 0.
    std::optional<std::string_view> free_leaf(bool nonzero) {
        std::vector<std::string_view> candidates;
        for (std::string_view row : layout_.outcome_leaf_rows)
            if (!used_.count(std::string(row)) && (!nonzero || requests_total(row) > 0)) candidates.push_back(row);
        if (candidates.empty()) return std::nullopt;
        const std::string_view row = candidates[rng_.index_below(candidates.size())];
        used_.insert(std::string(row));
        return row;
    }

    void inject(fault_kind kind) {
        const auto& columns = layout_.applicant_columns;
        switch (kind) {
            case fault_kind::row_total:
                if (auto row = free_leaf(false)) raise(kind, codes::T3_003, key_of("requests", *row, "total"));
                break;
            case fault_kind::blank_row_total:
                if (auto row = free_leaf(true)) {
                    const std::string key = key_of("requests", *row, "total");
                    const std::string before = shown(cell_at(r_, key));
                    cell_at(r_, key) = cell::blank();
                    record(kind, codes::T3_004, key, before, "blank");
                }
                break;
            case fault_kind::outcome_total:
                raise(kind, codes::T3_006,
                      key_of("requests", layout_.outcome_total_row, columns[rng_.index_below(columns.size())]));
                break;
            case fault_kind::conservation: {
                // Raising 结转下年度继续办理 breaks R1 of its column, reported at that column's （七）总计.
                const std::string_view c = columns[rng_.index_below(columns.size())];
                const std::string key = key_of("requests", layout_.outflow_row, c);
                const std::string before = shown(cell_at(r_, key));
                cell_at(r_, key) = cell::number(decimal(get(key) + rng_.between(1, 9)));
                record(kind, codes::T3_001, key_of("requests", layout_.outcome_total_row, c), before,
                       shown(cell_at(r_, key)));
                faults_.back().before = key + "=" + before;
                faults_.back().after = key + "=" + faults_.back().after;
                break;
            }
            case fault_kind::case_total:
                raise(kind, codes::T4_001,
                      key_of("review_litigation", layout_.case_groups[rng_.index_below(layout_.case_groups.size())],
                             "total"));
                break;
            case fault_kind::negative_count: {
                const std::string key = free_proactive_count();
                const std::string before = shown(cell_at(r_, key));
                cell_at(r_, key) = cell::number(decimal(-rng_.between(1, 50)));
                record(kind, codes::V_001, key, before, shown(cell_at(r_, key)));
                break;
            }
            case fault_kind::fractional_count: {
                const std::string key = free_proactive_count();
                const std::string before = shown(cell_at(r_, key));
                cell_at(r_, key) = cell::number(decimal(get(key) * 10 + 5, 1));
                record(kind, codes::V_002, key, before, shown(cell_at(r_, key)));
                break;
            }
            case fault_kind::unreadable_cell: {
                const std::string key = free_proactive_count();
                const std::string before = shown(cell_at(r_, key));
                cell_at(r_, key) = cell::text("若干");
                record(kind, codes::V_007, key, before, "若干");
                break;
            }
            case fault_kind::amount_unit:
                if (options_.format == format_version::v2019) {
                    const std::string key = "proactive.procurement.amount";
                    cell& c = cell_at(r_, key);
                    const std::string before = c.value().to_string() + "万元";
                    c.set_value(c.value(), money_unit::none);
                    record(kind, codes::V_004, key, before, c.value().to_string());
                } else {
                    const std::string key = "proactive.fees.amount";
                    cell& c = cell_at(r_, key);
                    const std::string before = c.value().to_string();
                    c.set_value(c.value(), money_unit::yuan);
                    record(kind, codes::V_005, key, before, c.value().to_string() + "元");
                }
                break;
            case fault_kind::published_exceeds_total: {
                const std::string row = rng_.chance(0.5) ? "regulations" : "normative_documents";
                const std::string key = "proactive." + row + ".new_published";
                const std::string before = shown(cell_at(r_, key));
                set(key, get("proactive." + row + ".total_published") + rng_.between(1, 9));
                record(kind, codes::T2_002, key, before, shown(cell_at(r_, key)));
                break;
            }
            case fault_kind::statistics_period: {
                date_period& p = *r_.header.statistics_period;
                const std::string before = p.start.to_string() + "/" + p.end.to_string();
                p.end = {r_.header.year, 12, static_cast<int>(rng_.between(1, 30))};
                record(kind, codes::H_004, "", before, p.start.to_string() + "/" + p.end.to_string(),
                       "/header/statistics_period");
                break;
            }
            case fault_kind::early_publication: {
                calendar_date& d = *r_.header.publication_date;
                const std::string before = d.to_string();
                d = {r_.header.year, static_cast<int>(rng_.between(1, 12)), static_cast<int>(rng_.between(1, 28))};
                record(kind, codes::H_007, "", before, d.to_string(), "/header/publication_date");
                break;
            }
        }
    }

    const generate_options& options_;
    random rng_;
    report r_;
    const table_layout& layout_;
    bool blank_zero_rows_ = false;
    std::vector<injected_fault> faults_;
    std::set<std::string> used_;  // keys and rows already faulted
};

void check(const generate_options& options) {
    if (!(options.fault_rate >= 0.0 && options.fault_rate <= 1.0))
        throw error(errc::invalid_value, "fault_rate must be in [0, 1], got " + std::to_string(options.fault_rate));
}

}  // namespace

generated_report generate_report(const generate_options& options, std::uint64_t index) {
    check(options);
    return builder(options, index).run();
}

std::vector<generated_report> generate(const generate_options& options, std::size_t count) {
    check(options);
    if (count > max_generate_count)
        throw error(errc::out_of_range,
                    "count must be in [0, " + std::to_string(max_generate_count) + "], got " + std::to_string(count));
    std::vector<generated_report> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(builder(options, i).run());
    return out;
}

std::string faults_to_csv(const std::vector<std::string>& names, const std::vector<generated_report>& reports) {
    std::string out = "file,";
    detail::csv_header_fields<injected_fault>(out);
    out += '\n';
    for (std::size_t i = 0; i < reports.size() && i < names.size(); ++i)
        for (const injected_fault& f : reports[i].faults) {
            detail::csv_field(out, names[i]);
            out += ',';
            detail::csv_record_fields(out, f);
            out += '\n';
        }
    return out;
}

}  // namespace xxgk
