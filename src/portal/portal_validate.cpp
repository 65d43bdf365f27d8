// validate(portal): the XXGK-P rules (docs/rules.md § Portal files, docs/portal.md).
#include "xxgk/portal.hpp"
#include "../codes.hpp"

#include "../findings.hpp"
#include "../json_codec.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <cstdio>
#include <map>
#include <set>

namespace xxgk {
namespace {

using detail::message_values;

std::string pointer_of(std::initializer_list<std::string_view> tokens) {
    std::string p;
    for (std::string_view t : tokens) detail::push_pointer(p, t);
    return p;
}

std::string index_text(std::size_t i) { return std::to_string(i); }

std::string domain_labels_zh(const std::vector<disclosure_domain>& ds) {
    std::string s;
    for (disclosure_domain d : ds) {
        if (!s.empty()) s += "、";
        s += domain_label(d);
    }
    return s;
}

std::string domain_keys(const std::vector<disclosure_domain>& ds) {
    std::string s;
    for (disclosure_domain d : ds) {
        if (!s.empty()) s += ", ";
        s += boost::describe::enum_to_string(d, "?");
    }
    return s;
}

class portal_checker {
public:
    portal_checker(const portal& p, const validate_options& o) : p_(p), options_(o) {}

    std::vector<finding> run() {
        check_departments();
        check_lists();
        check_catalogs();
        check_items();
        check_listings();
        detail::finish_findings(out_, options_);
        return std::move(out_);
    }

private:
    void add(std::string_view code, std::string key, std::string pointer, std::string expected, std::string actual,
             message_values v) {
        out_.push_back(detail::make_finding(code, std::move(key), std::move(pointer), std::move(expected),
                                            std::move(actual), {}, std::move(v)));
    }

    /// Ids unique within one list (XXGK-P-004).
    template <class T>
    void unique_ids(const std::vector<T>& list, std::string_view member, std::string_view what_zh,
                    std::string_view what_en) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (seen.insert(list[i].id).second) continue;
            message_values v;
            v.detail_zh = std::string(what_zh);
            v.detail_en = std::string(what_en);
            add(codes::P_004, list[i].id, pointer_of({member, index_text(i), "id"}), "", list[i].id, v);
        }
    }

    void check_departments() {
        unique_ids(p_.departments, "departments", "部门", "a department");
        std::map<std::string, std::size_t> first;  // display name → first index
        for (std::size_t i = 0; i < p_.departments.size(); ++i) {
            const department& d = p_.departments[i];
            ids_.insert(d.id);
            const auto [it, inserted] = first.emplace(d.name, i);
            if (inserted) continue;
            const department& earlier = p_.departments[it->second];
            if (d.link && earlier.link && *d.link == *earlier.link) continue;  // the same body, listed twice
            message_values v;
            v.detail_zh = "第 " + std::to_string(it->second + 1) + " 条与第 " + std::to_string(i + 1) + " 条";
            v.detail_en = "entries " + std::to_string(it->second + 1) + " and " + std::to_string(i + 1);
            add(codes::P_003, d.id, pointer_of({"departments", index_text(i)}), "", d.name, v);
        }
    }

    void link(std::string pointer, std::string_view holder_zh, std::string_view holder_en, const std::string& target,
              const std::set<std::string>& known, std::string_view what_zh, std::string_view what_en) {
        if (known.count(target)) return;
        message_values v;
        v.cell_zh = std::string(holder_zh);
        v.cell_en = std::string(holder_en);
        v.detail_zh = std::string(what_zh);
        v.detail_en = std::string(what_en);
        add(codes::P_015, target, std::move(pointer), "", target, v);
    }

    void check_lists() {
        for (std::size_t i = 0; i < p_.responsibility_lists.size(); ++i)
            link(pointer_of({"responsibility_lists", index_text(i), "department"}), "责任清单", "a responsibility list",
                 p_.responsibility_lists[i].department, ids_, "部门", "department");
        for (std::size_t i = 0; i < p_.power_lists.size(); ++i) {
            const power_list& l = p_.power_lists[i];
            link(pointer_of({"power_lists", index_text(i), "department"}), "权力清单", "a power list", l.department,
                 ids_, "部门", "department");
            for (std::size_t j = 0; j < l.items.size(); ++j)
                check_power_item(l.items[j], pointer_of({"power_lists", index_text(i), "items", index_text(j)}));
        }
    }

    void check_power_item(const power_item& item, const std::string& pointer) {
        message_values v;
        v.cell_zh = "权力事项“" + item.name + "”";
        v.cell_en = "power item '" + item.name + "'";
        const std::optional<power_type> named = parse_power_type(item.type_label);
        if (!named) {
            add(codes::P_013, item.name, pointer + "/type_label", "", item.type_label, v);
        } else if (*named != item.type) {
            v.detail_zh = v.detail_en = boost::describe::enum_to_string(*named, "?");
            add(codes::P_014, item.name, pointer + "/type", boost::describe::enum_to_string(item.type, "?"),
                item.type_label, v);
        }
    }

    // ---- catalogs

    void check_catalogs() {
        unique_ids(p_.catalogs, "catalogs", "目录", "a catalog");
        for (std::size_t i = 0; i < p_.catalogs.size(); ++i)
            check_catalog(p_.catalogs[i], pointer_of({"catalogs", index_text(i)}));
    }

    void check_catalog(const catalog& c, const std::string& pointer) {
        message_values named;
        named.cell_zh = "目录“" + c.title.value_or(c.owner) + "”";
        named.cell_en = "catalog " + c.id;
        std::set<disclosure_domain> domains_seen;
        for (std::size_t s = 0; s < c.sections.size(); ++s) {
            const catalog_section& sec = c.sections[s];
            const std::string sp = pointer + "/sections/" + index_text(s);
            check_section_label(sec, sp);
            if (sec.domain && !domains_seen.insert(*sec.domain).second) {
                message_values v = named;
                v.detail_zh = "领域";
                v.detail_en = "domain";
                add(codes::P_005, c.id, sp + "/domain", "", std::string(domain_label(*sec.domain)), v);
            }
            check_entries(sec, sp);
        }
        if (c.sections_state == capture_state::not_captured) return;  // nothing to say about coverage
        if (c.level != admin_level::county && c.level != admin_level::township) {
            add(codes::P_017, c.id, pointer + "/level", "county | township",
                boost::describe::enum_to_string(c.level, "?"), named);
            return;
        }
        const auto cov = coverage(c);
        std::vector<disclosure_domain> silent;
        for (std::size_t d = 0; d < domain_count; ++d)
            if (cov[d] == domain_coverage::silent) silent.push_back(static_cast<disclosure_domain>(d));
        if (silent.empty()) return;
        message_values v = named;
        v.detail_zh = domain_labels_zh(silent);
        v.detail_en = domain_keys(silent);
        add(c.level == admin_level::county ? codes::P_001 : codes::P_002, c.id, pointer + "/sections", "0",
            std::to_string(silent.size()), v);
    }

    void check_section_label(const catalog_section& sec, const std::string& pointer) {
        const domain_resolution r = resolve_domain(sec.label);
        message_values v;
        v.cell_zh = "领域“" + sec.label + "”";
        v.cell_en = "section '" + sec.label + "'";
        if (r.match == domain_match::unresolved) {
            if (sec.domain) return;  // the producer resolved it: the key is authoritative
            char sim[16];
            std::snprintf(sim, sizeof sim, "%.2f", r.similarity);
            v.detail_zh = v.detail_en = sim;
            add(codes::P_010, sec.label, pointer + "/label", r.closest ? std::string(domain_label(*r.closest)) : "",
                sec.label, v);
            return;
        }
        if (sec.domain && *sec.domain != *r.domain) {
            v.detail_zh = std::string(domain_label(*r.domain));
            v.detail_en = boost::describe::enum_to_string(*r.domain, "?");
            add(codes::P_012, sec.label, pointer + "/domain", std::string(domain_label(*sec.domain)), sec.label, v);
            return;
        }
        if (r.match == domain_match::low_confidence)
            add(codes::P_011, sec.label, pointer + "/label", std::string(domain_label(*r.domain)), sec.label, v);
    }

    void check_entries(const catalog_section& sec, const std::string& pointer) {
        std::set<std::pair<std::string, std::string>> items;
        for (std::size_t e = 0; e < sec.entries.size(); ++e) {
            const catalog_entry& en = sec.entries[e];
            const std::string ep = pointer + "/entries/" + index_text(e);
            message_values v;
            v.cell_zh = "领域“" + sec.label + "”第 " + en.seq + " 项";
            v.cell_en = "entry " + en.seq + " of '" + sec.label + "'";
            auto required = [&](bool present, std::string_view label, std::string path) {
                if (present) return;
                message_values m = v;
                m.detail_zh = m.detail_en = std::string(label);
                add(codes::P_009, en.seq, ep + path, "", "", m);
            };
            required(!en.seq.empty(), "序号", "/seq");
            required(!en.item_level1.empty(), "一级事项", "/item_level1");
            required(!en.content_elements.empty(), "公开内容（要素）", "/content_elements");
            required(!en.basis.empty(), "公开依据", "/basis");
            required(!en.publisher.empty(), "公开主体", "/publisher");
            required(!en.phases.empty(), "公开时限/公开渠道和载体/公开对象/公开方式", "/phases");
            for (std::size_t k = 0; k < en.phases.size(); ++k) {
                const disclosure_phase& ph = en.phases[k];
                const std::string pp = "/phases/" + index_text(k);
                required(!ph.time_limit.empty(), "公开时限", pp + "/time_limit");
                required(!ph.channels.empty(), "公开渠道和载体", pp + "/channels");
                required(!ph.audiences.empty(), "公开对象", pp + "/audiences");
                required(!ph.modes.empty(), "公开方式", pp + "/modes");
            }
            const auto key = std::make_pair(en.item_level1, en.item_level2.value_or(""));
            if (!items.insert(key).second) {
                message_values m;
                m.cell_zh = "领域“" + sec.label + "”";
                m.cell_en = "section '" + sec.label + "'";
                m.detail_zh = "公开事项";
                m.detail_en = "item";
                add(codes::P_005, en.seq, ep, "", key.second.empty() ? key.first : key.first + " › " + key.second, m);
            }
        }
    }

    // ---- items

    void check_time(const std::optional<portal_time>& t, const std::string& pointer, std::string_view what_zh,
                    std::string_view what_en, const message_values& named, const std::string& key) {
        if (!t) return;
        bool ok = t->date.has_value();
        if (t->raw) {
            const auto parsed = parse_portal_time(*t->raw);
            ok = ok && parsed && parsed->date == t->date && parsed->time == t->time;
        }
        if (ok && t->time) {
            // the time member alone: the same reading as a printed time
            ok = parse_portal_time(t->date->to_string() + " " + *t->time).has_value();
        }
        if (ok) return;
        message_values v = named;
        v.detail_zh = std::string(what_zh);
        v.detail_en = std::string(what_en);
        std::string actual = t->raw ? *t->raw : t->date ? t->date->to_string() + (t->time ? " " + *t->time : "") : "";
        add(codes::P_007, key, pointer, "YYYY-MM-DD [HH:MM[:SS]] / YYYY年M月D日", actual, v);
    }

    void check_items() {
        unique_ids(p_.items, "items", "信息", "an item");
        std::set<std::string> item_ids;
        for (const published_item& it : p_.items) item_ids.insert(it.id);
        std::map<std::string, std::size_t> index_numbers;
        for (std::size_t i = 0; i < p_.items.size(); ++i) {
            const published_item& it = p_.items[i];
            const std::string ip = pointer_of({"items", index_text(i)});
            message_values named;
            named.cell_zh = "信息“" + it.title + "”";
            named.cell_en = "item " + it.id;
            check_time(it.written_date, ip + "/written_date", "成文日期", "written date", named, it.id);
            check_time(it.published_at, ip + "/published_at", "发布日期", "publication date", named, it.id);
            check_time(it.effective_date, ip + "/effective_date", "实施日期", "effective date", named, it.id);
            check_time(it.repeal_date, ip + "/repeal_date", "废止日期", "repeal date", named, it.id);
            if (it.written_date && it.written_date->date && it.published_at && it.published_at->date &&
                *it.published_at->date < *it.written_date->date)
                add(codes::P_008, it.id, ip + "/written_date", it.published_at->date->to_string(),
                    it.written_date->date->to_string(), named);
            if (it.index_number) {
                const auto [found, inserted] = index_numbers.emplace(*it.index_number, i);
                if (!inserted) {
                    message_values v;
                    v.detail_zh = p_.items[found->second].id + "、" + it.id;
                    v.detail_en = p_.items[found->second].id + ", " + it.id;
                    add(codes::P_006, *it.index_number, ip + "/index_number", "", *it.index_number, v);
                }
            }
            if (it.interpretation)
                for (std::size_t k = 0; k < it.interpretation->explains.size(); ++k)
                    link(ip + "/interpretation/explains/" + index_text(k), named.cell_zh, named.cell_en,
                         it.interpretation->explains[k], item_ids, "政策文件", "policy document");
        }
    }

    void check_listings() {
        std::map<std::string, const published_item*> by_id;
        for (const published_item& it : p_.items) by_id.emplace(it.id, &it);
        std::set<std::string> ids;
        for (const auto& kv : by_id) ids.insert(kv.first);
        for (std::size_t l = 0; l < p_.listings.size(); ++l) {
            for (std::size_t e = 0; e < p_.listings[l].entries.size(); ++e) {
                const listing_entry& en = p_.listings[l].entries[e];
                if (!en.item) continue;
                const std::string ep = pointer_of({"listings", index_text(l), "entries", index_text(e)});
                message_values named;
                named.cell_zh = "列表“" + p_.listings[l].heading + "”第 " + std::to_string(e + 1) + " 条";
                named.cell_en = "entry " + std::to_string(e + 1) + " of list '" + p_.listings[l].heading + "'";
                link(ep + "/item", named.cell_zh, named.cell_en, *en.item, ids, "信息", "item");
                const auto found = by_id.find(*en.item);
                if (found == by_id.end()) continue;
                const published_item& it = *found->second;
                // A list title is a display string: it matches when it is the item's title, or a
                // prefix of it followed by "..." (spec/portal.md §5.6).
                std::string_view shown = en.title;
                constexpr std::string_view ellipsis = "...";
                const bool cut =
                    shown.size() >= ellipsis.size() && shown.substr(shown.size() - ellipsis.size()) == ellipsis;
                if (cut) shown.remove_suffix(ellipsis.size());
                const bool title_ok =
                    cut ? std::string_view(it.title).substr(0, shown.size()) == shown : shown == it.title;
                if (!title_ok) {
                    message_values v = named;
                    v.detail_zh = "标题";
                    v.detail_en = "title";
                    add(codes::P_016, *en.item, ep + "/title", it.title, en.title, v);
                }
                if (en.date && it.published_at && it.published_at->date && *en.date != *it.published_at->date) {
                    message_values v = named;
                    v.detail_zh = "日期";
                    v.detail_en = "date";
                    add(codes::P_016, *en.item, ep + "/date", it.published_at->date->to_string(), en.date->to_string(),
                        v);
                }
            }
        }
    }

    const portal& p_;
    validate_options options_;
    std::vector<finding> out_;
    std::set<std::string> ids_;  // department ids
};

}  // namespace

std::vector<finding> validate(const portal& p, const validate_options& options) {
    return portal_checker(p, options).run();
}

}  // namespace xxgk
