// xxgk::render_html, render_markdown, render_csv_tables: the tables reproduce the national
// templates cell for cell (parsed back from the HTML and laid out on a grid, merged cells and
// all), every value cell carries its key, and hostile report text renders inert.
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/render.hpp>
#include <xxgk/validate.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using xxgk::format_version;

namespace {

xxgk::report load_example(const std::string& name) {
    return xxgk::load_json_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/" + name);
}

// ---- a small HTML reader, enough for the renderer's own output (well-formed, quoted attributes).
// It reads hostile output the way a browser would where it matters here: a stray "<script" in
// text becomes an element, a stray quote in an attribute value ends it and starts new attributes.

struct node {
    std::string tag;  // "" for a text node
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;  // text nodes: the decoded text
    std::vector<std::unique_ptr<node>> children;

    const std::string* attribute(const std::string& name) const {
        for (const auto& [n, v] : attributes)
            if (n == name) return &v;
        return nullptr;
    }
    std::string attribute_or(const std::string& name, const std::string& fallback = "") const {
        const std::string* v = attribute(name);
        return v ? *v : fallback;
    }
    int span(const char* name) const { return std::stoi(attribute_or(name, "1")); }
    bool has_class(const std::string& c) const {
        const std::string classes = " " + attribute_or("class") + " ";
        return classes.find(" " + c + " ") != std::string::npos;
    }
    std::string inner_text() const {
        if (tag.empty()) return text;
        std::string s;
        for (const auto& c : children) s += c->inner_text();
        return s;
    }
    template <class F>
    void walk(F&& f) const {
        f(*this);
        for (const auto& c : children) c->walk(f);
    }
    std::vector<const node*> find_all(const std::string& t) const {
        std::vector<const node*> out;
        walk([&](const node& n) {
            if (n.tag == t) out.push_back(&n);
        });
        return out;
    }
    std::vector<const node*> elements() const {
        std::vector<const node*> out;
        for (const auto& c : children)
            if (!c->tag.empty()) out.push_back(c.get());
        return out;
    }
};

std::string decode_entities(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        REQUIRE(semi != std::string::npos);
        const std::string e = s.substr(i + 1, semi - i - 1);
        if (e == "amp")
            out += '&';
        else if (e == "lt")
            out += '<';
        else if (e == "gt")
            out += '>';
        else if (e == "quot")
            out += '"';
        else if (e == "#39")
            out += '\'';
        else
            FAIL("unexpected entity &" << e << ";");
        i = semi;
    }
    return out;
}

std::unique_ptr<node> parse_html(const std::string& html) {
    static const std::set<std::string> void_elements = {"meta", "br", "img", "link", "input", "hr"};
    auto root = std::make_unique<node>();
    root->tag = "#root";
    std::vector<node*> open{root.get()};
    std::size_t i = 0;
    auto add_text = [&](const std::string& raw) {
        if (raw.empty()) return;
        auto t = std::make_unique<node>();
        t->text = decode_entities(raw);
        open.back()->children.push_back(std::move(t));
    };
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        add_text(html.substr(i, lt == std::string::npos ? std::string::npos : lt - i));
        if (lt == std::string::npos) break;
        if (html.compare(lt, 2, "<!") == 0) {
            i = html.find('>', lt) + 1;
            continue;
        }
        if (html.compare(lt, 2, "</") == 0) {
            const std::size_t gt = html.find('>', lt);
            const std::string tag = html.substr(lt + 2, gt - lt - 2);
            while (open.size() > 1 && open.back()->tag != tag) open.pop_back();
            if (open.size() > 1) open.pop_back();
            i = gt + 1;
            continue;
        }
        // A start tag: name, then attributes.
        std::size_t p = lt + 1;
        auto e = std::make_unique<node>();
        while (p < html.size() && html[p] != ' ' && html[p] != '>' && html[p] != '/') e->tag += html[p++];
        for (char& c : e->tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        while (p < html.size() && html[p] != '>') {
            if (html[p] == ' ' || html[p] == '/') {
                ++p;
                continue;
            }
            std::string name;
            while (p < html.size() && html[p] != '=' && html[p] != ' ' && html[p] != '>') name += html[p++];
            std::string value;
            if (p < html.size() && html[p] == '=') {
                ++p;
                const char quote = html[p];
                if (quote == '"' || quote == '\'') {
                    const std::size_t end = html.find(quote, p + 1);
                    value = html.substr(p + 1, end - p - 1);
                    p = end + 1;
                } else {
                    while (p < html.size() && html[p] != ' ' && html[p] != '>') value += html[p++];
                }
            }
            e->attributes.emplace_back(name, decode_entities(value));
        }
        i = p + 1;
        node* raw = e.get();
        open.back()->children.push_back(std::move(e));
        if (raw->tag == "style" || raw->tag == "script") {
            const std::size_t end = html.find("</" + raw->tag + ">", i);
            auto t = std::make_unique<node>();
            t->text = html.substr(i, end - i);
            raw->children.push_back(std::move(t));
            i = end + raw->tag.size() + 3;
        } else if (!void_elements.count(raw->tag)) {
            open.push_back(raw);
        }
    }
    return root;
}

// ---- a table laid out on its grid, as a browser does with rowspan and colspan

struct placed {
    const node* cell;
    int row, col, rows, cols;
};

struct laid_out_table {
    int width = 0;
    std::vector<placed> cells;
    std::vector<const node*> part_of_row;  // the thead or tbody of each grid row
    std::vector<std::string> problems;

    // Header texts that name the value cell `v`: th above it in its column (in the thead, or in
    // its own tbody when the table has no thead) and th to its left spanning its row.
    std::vector<std::string> names_of(const placed& v) const {
        const bool has_head =
            std::any_of(part_of_row.begin(), part_of_row.end(), [](const node* p) { return p->tag == "thead"; });
        std::vector<std::string> names;
        for (const placed& h : cells) {
            if (h.cell->tag != "th") continue;
            const node* part = part_of_row[static_cast<std::size_t>(h.row)];
            const bool above = h.row < v.row && h.col <= v.col && v.col < h.col + h.cols &&
                               (has_head ? part->tag == "thead" : part == part_of_row[static_cast<std::size_t>(v.row)]);
            const bool left = h.col < v.col && h.row <= v.row && v.row < h.row + h.rows &&
                              part == part_of_row[static_cast<std::size_t>(v.row)];
            if (above || left) names.push_back(h.cell->inner_text());
        }
        return names;
    }
};

laid_out_table lay_out(const node& table) {
    laid_out_table t;
    int row = 0;
    for (const node* part : table.elements()) {
        const std::vector<const node*> trs = part->elements();
        const int first = row;
        std::vector<std::vector<bool>> taken(trs.size());
        for (std::size_t r = 0; r < trs.size(); ++r, ++row) {
            t.part_of_row.push_back(part);
            int col = 0;
            for (const node* c : trs[r]->elements()) {
                auto& line = taken[r];
                while (static_cast<std::size_t>(col) < line.size() && line[static_cast<std::size_t>(col)]) ++col;
                const int rs = c->span("rowspan"), cs = c->span("colspan");
                if (r + static_cast<std::size_t>(rs) > trs.size())
                    t.problems.push_back("rowspan beyond its table part at row " + std::to_string(row));
                for (std::size_t rr = r; rr < std::min(trs.size(), r + static_cast<std::size_t>(rs)); ++rr) {
                    auto& l = taken[rr];
                    if (l.size() < static_cast<std::size_t>(col + cs))
                        l.resize(static_cast<std::size_t>(col + cs), false);
                    for (int cc = col; cc < col + cs; ++cc) {
                        if (l[static_cast<std::size_t>(cc)])
                            t.problems.push_back("overlap at row " + std::to_string(first + static_cast<int>(rr)));
                        l[static_cast<std::size_t>(cc)] = true;
                    }
                }
                t.cells.push_back({c, row, col, rs, cs});
                col += cs;
            }
        }
        for (const auto& line : taken) {
            const int w = static_cast<int>(std::count(line.begin(), line.end(), true));
            if (t.width == 0) t.width = w;
            if (w != t.width || static_cast<int>(line.size()) != w)
                t.problems.push_back("a row of " + std::to_string(w) + " columns in a table of " +
                                     std::to_string(t.width));
        }
    }
    return t;
}

struct rendered {
    std::unique_ptr<node> dom;
    std::map<std::string, const node*> tables;  // by data-section
};

rendered render(const xxgk::report& r, const xxgk::render_options& o = {}) {
    rendered out;
    out.dom = parse_html(xxgk::render_html(r, o));
    for (const node* t : out.dom->find_all("table")) out.tables[t->attribute_or("data-section")] = t;
    return out;
}

const node* header_cell(const laid_out_table& t, const std::string& text) {
    for (const placed& p : t.cells)
        if (p.cell->tag == "th" && p.cell->inner_text() == text) return p.cell;
    return nullptr;
}

std::vector<std::string> path_parts(const std::string& path) {
    std::vector<std::string> parts;
    const std::string sep = " › ";
    std::size_t start = 0;
    while (true) {
        const std::size_t at = path.find(sep, start);
        parts.push_back(path.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) break;
        start = at + sep.size();
    }
    return parts;
}

// Everything a table of `format` must satisfy, for any report.
void check_template_layout(const xxgk::report& r) {
    const format_version format = r.format();
    rendered page = render(r);
    REQUIRE(page.tables.size() == 3);
    const std::set<std::string> not_in_label_paths = {
        "信息内容", "申请人情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"};
    std::vector<std::string> keys_in_document;
    for (const node* td : page.dom->find_all("td")) {
        REQUIRE(td->attribute("data-key") != nullptr);
        CHECK(td->has_class("xxgk-value"));
        keys_in_document.push_back(*td->attribute("data-key"));
    }
    // Every cell of the format exactly once, in table order.
    std::vector<std::string> expected_keys;
    for (const xxgk::cell_key& k : xxgk::cell_keys(format)) expected_keys.push_back(k.key);
    CHECK(keys_in_document == expected_keys);

    for (const auto& [section, table] : page.tables) {
        INFO("table " << section);
        const laid_out_table t = lay_out(*table);
        CHECK(t.problems.empty());
        for (const std::string& p : t.problems) INFO(p);
        // Cell for cell: the headers above and to the left of each value cell are exactly the
        // labels of its key.
        for (const placed& v : t.cells) {
            if (v.cell->tag != "td") continue;
            const std::string key = v.cell->attribute_or("data-key");
            const xxgk::cell_key* k = xxgk::find_cell_key(format, key);
            REQUIRE(k != nullptr);
            std::vector<std::string> expected = path_parts(k->label_path(format));
            expected.erase(expected.begin());  // the section heading
            std::vector<std::string> names = t.names_of(v);
            names.erase(std::remove_if(names.begin(), names.end(),
                                       [&](const std::string& n) { return not_in_label_paths.count(n) != 0; }),
                        names.end());
            std::sort(expected.begin(), expected.end());
            std::sort(names.begin(), names.end());
            INFO("cell " << key);
            CHECK(names == expected);
        }
    }
}

std::size_t value_cells(const node& table) { return table.find_all("td").size(); }

}  // namespace

TEST_CASE("render_html: 2019 tables reproduce the template (苍南 2020)", "[render]") {
    const xxgk::report r = load_example("cangnan-2020.json");
    check_template_layout(r);
    rendered page = render(r);
    const node& proactive = *page.tables.at("proactive");
    const node& requests = *page.tables.at("requests");
    const node& review = *page.tables.at("review_litigation");
    CHECK(value_cells(proactive) == 22);
    CHECK(value_cells(requests) == 161);
    CHECK(value_cells(review) == 15);

    SECTION("二: five blocks, each caption, 信息内容 header, rows; narrow blocks stretch their last column") {
        const std::vector<const node*> blocks = proactive.elements();
        REQUIRE(blocks.size() == 5);
        const std::vector<std::string> captions = {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                                                   "第二十条第（八）项", "第二十条第（九）项"};
        const std::vector<std::size_t> cells = {6, 6, 6, 2, 2};
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const std::vector<const node*> rows = blocks[b]->elements();
            const node* caption = rows[0]->elements().at(0);
            CHECK(caption->inner_text() == captions[b]);
            CHECK(caption->span("colspan") == 4);
            CHECK(rows[1]->elements().at(0)->inner_text() == "信息内容");
            CHECK(blocks[b]->find_all("td").size() == cells[b]);
        }
        const laid_out_table t = lay_out(proactive);
        CHECK(t.width == 4);
        const node* amount = nullptr;
        for (const node* td : proactive.find_all("td"))
            if (td->attribute_or("data-key") == "proactive.procurement.amount") amount = td;
        REQUIRE(amount != nullptr);
        CHECK(amount->span("colspan") == 2);
        CHECK(amount->inner_text() == "17424.88万元");
        CHECK(header_cell(t, "采购总金额")->span("colspan") == 2);
        CHECK(header_cell(t, "本年新制作数量")->span("colspan") == 1);
    }

    SECTION("三: caption over three header rows, 申请人情况 over seven columns, group labels as rowspans") {
        const laid_out_table t = lay_out(requests);
        CHECK(t.width == 10);
        const node* corner = header_cell(t, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        REQUIRE(corner != nullptr);
        CHECK(corner->span("rowspan") == 3);
        CHECK(corner->span("colspan") == 3);
        CHECK(header_cell(t, "申请人情况")->span("colspan") == 7);
        CHECK(header_cell(t, "自然人")->span("rowspan") == 2);
        CHECK(header_cell(t, "总计")->span("rowspan") == 2);
        CHECK(header_cell(t, "法人或其他组织")->span("colspan") == 5);
        CHECK(header_cell(t, "三、本年度办理结果")->span("rowspan") == 20);
        CHECK(header_cell(t, "（三）不予公开")->span("rowspan") == 8);
        CHECK(header_cell(t, "（四）无法提供")->span("rowspan") == 3);
        CHECK(header_cell(t, "（五）不予处理")->span("rowspan") == 5);
        CHECK(header_cell(t, "（六）其他处理")->span("colspan") == 2);  // a leaf row in 2019
        CHECK(header_cell(t, "（七）总计")->span("colspan") == 2);
        CHECK(header_cell(t, "一、本年新收政府信息公开申请数量")->span("colspan") == 3);
        CHECK(header_cell(t, "四、结转下年度继续办理")->span("colspan") == 3);
        const std::vector<const node*> head = requests.elements().at(0)->elements();
        REQUIRE(head.size() == 3);
        std::vector<std::string> third;
        for (const node* th : head[2]->elements()) third.push_back(th->inner_text());
        CHECK(third == std::vector<std::string>{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"});
        CHECK(requests.elements().at(1)->elements().size() == 23);
    }

    SECTION("四: 行政复议 over 5, 行政诉讼 over 10, one line of 15 cells") {
        const laid_out_table t = lay_out(review);
        CHECK(t.width == 15);
        CHECK(header_cell(t, "行政复议")->span("colspan") == 5);
        CHECK(header_cell(t, "行政诉讼")->span("colspan") == 10);
        CHECK(header_cell(t, "未经复议直接起诉")->span("colspan") == 5);
        CHECK(header_cell(t, "复议后起诉")->span("colspan") == 5);
        const std::vector<const node*> head = review.elements().at(0)->elements();
        REQUIRE(head.size() == 3);
        CHECK(head[1]->elements().at(0)->inner_text() == "结果维持");
        CHECK(head[1]->elements().at(0)->span("rowspan") == 2);
        CHECK(head[2]->elements().size() == 10);
        const std::vector<const node*> body = review.elements().at(1)->elements();
        REQUIRE(body.size() == 1);
        std::string line;
        for (const node* td : body[0]->elements()) line += td->inner_text() + ",";
        CHECK(line == "6,2,0,1,9,33,5,0,3,41,4,0,0,0,4,");
    }

    SECTION("values: blank stays empty, explicit 0 shows 0, signs and units as printed") {
        std::map<std::string, std::string> text;
        for (const node* td : page.dom->find_all("td")) text[td->attribute_or("data-key")] = td->inner_text();
        CHECK(text["requests.withheld_prohibited_by_law.total"].empty());
        CHECK(text["requests.received.research_institute"].empty());
        CHECK(text["proactive.regulations.new_made"] == "0");
        CHECK(text["proactive.penalties.change"] == "-58");
        CHECK(text["requests.total.total"] == "228");
        for (const node* td : page.dom->find_all("td")) {
            const xxgk::cell& c = xxgk::cell_at(r, td->attribute_or("data-key"));
            CHECK(td->has_class(c.is_blank() ? "xxgk-blank" : "xxgk-number"));
        }
    }
}

TEST_CASE("render_html: 2021 tables reproduce the template", "[render]") {
    const xxgk::report r = load_example("sample-2021.json");
    check_template_layout(r);
    rendered page = render(r);
    CHECK(value_cells(*page.tables.at("proactive")) == 10);
    CHECK(value_cells(*page.tables.at("requests")) == 175);
    CHECK(value_cells(*page.tables.at("review_litigation")) == 15);
    const laid_out_table proactive = lay_out(*page.tables.at("proactive"));
    CHECK(proactive.width == 4);
    CHECK(header_cell(proactive, "本年收费金额（单位：万元）")->span("colspan") == 3);
    CHECK(page.tables.at("proactive")->elements().size() == 4);
    const laid_out_table requests = lay_out(*page.tables.at("requests"));
    CHECK(header_cell(requests, "三、本年度办理结果")->span("rowspan") == 22);
    CHECK(header_cell(requests, "（六）其他处理")->span("rowspan") == 3);  // a group of three in 2021
    CHECK(header_cell(requests, "3.其他")->span("colspan") == 1);
    CHECK(page.tables.at("requests")->elements().at(1)->elements().size() == 25);
}

TEST_CASE("render_html: an empty report of each format has the template layout", "[render]") {
    for (format_version f : xxgk::all_formats) check_template_layout(xxgk::report::make(f));
}

TEST_CASE("render_html: cell states, page and fragment, findings", "[render]") {
    xxgk::report r = load_example("cangnan-2020.json");
    xxgk::set_cell(r, "requests.granted.research_institute", xxgk::cell::not_applicable("/"));
    xxgk::set_cell(r, "requests.granted.nonprofit", xxgk::cell::text("不详"));
    xxgk::set_cell(r, "requests.granted.legal_service", xxgk::cell::not_captured());
    xxgk::set_cell(r, "requests.carried_over.enterprise", xxgk::cell::not_applicable(""));
    rendered page = render(r);
    std::map<std::string, const node*> td;
    for (const node* n : page.dom->find_all("td")) td[n->attribute_or("data-key")] = n;
    CHECK(td["requests.granted.research_institute"]->inner_text() == "/");
    CHECK(td["requests.granted.research_institute"]->has_class("xxgk-not-applicable"));
    CHECK(td["requests.carried_over.enterprise"]->inner_text() == "-");
    CHECK(td["requests.granted.nonprofit"]->inner_text() == "不详");
    CHECK(td["requests.granted.nonprofit"]->has_class("xxgk-text"));
    CHECK(td["requests.granted.legal_service"]->inner_text().empty());
    CHECK(td["requests.granted.legal_service"]->has_class("xxgk-not-captured"));

    SECTION("a page has a head, a title and a restrictive CSP; a fragment is one article") {
        const std::string html = xxgk::render_html(r);
        CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
        CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
        CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
        CHECK(page.dom->find_all("title").at(0)->inner_text() == "苍南县人民政府 2020 年政府信息公开工作 年度报告");
        xxgk::render_options o;
        o.standalone = false;
        const std::string fragment = xxgk::render_html(r, o);
        CHECK(fragment.rfind("<article class=\"xxgk-report\"", 0) == 0);
        CHECK(fragment.find("<style>") == std::string::npos);
        const auto dom = parse_html(fragment);
        CHECK(dom->elements().size() == 1);
        CHECK(dom->find_all("td").size() == 198);
    }

    SECTION("findings highlight their cell with class, codes and messages") {
        const std::vector<xxgk::finding> findings = xxgk::validate(r);
        xxgk::render_options o;
        o.findings = &findings;
        const rendered highlighted = render(r, o);
        const node* blank_total = nullptr;
        std::size_t marked = 0;
        for (const node* n : highlighted.dom->find_all("td")) {
            if (n->has_class("xxgk-finding")) ++marked;
            if (n->attribute_or("data-key") == "requests.withheld_prohibited_by_law.total") blank_total = n;
        }
        REQUIRE(blank_total != nullptr);
        CHECK(blank_total->has_class("xxgk-finding"));
        CHECK(blank_total->has_class("xxgk-severity-error"));
        CHECK(blank_total->attribute_or("data-findings") == "XXGK-T3-004");
        const xxgk::finding* f = nullptr;
        for (const xxgk::finding& x : findings)
            if (x.key == "requests.withheld_prohibited_by_law.total") f = &x;
        REQUIRE(f != nullptr);
        CHECK(blank_total->attribute_or("title") == f->message_zh);
        std::set<std::string> keys;
        for (const xxgk::finding& x : findings)
            if (!x.key.empty()) keys.insert(x.key);
        CHECK(marked == keys.size());
        o.lang = "en";
        const rendered english = render(r, o);
        for (const node* n : english.dom->find_all("td"))
            if (n->attribute_or("data-key") == "requests.withheld_prohibited_by_law.total")
                CHECK(n->attribute_or("title") == f->message_en);
        o.lang = "fr";
        CHECK_THROWS_AS(xxgk::render_html(r, o), xxgk::error);
    }

    SECTION("narrative: headings, subsections, foreign blocks in a marked aside, signature") {
        std::vector<std::string> h2;
        for (const node* n : page.dom->find_all("h2")) h2.push_back(n->inner_text());
        CHECK(h2 == std::vector<std::string>{"一、总体情况", "二、主动公开政府信息情况",
                                             "三、收到和处理政府信息公开申请情况",
                                             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                             "六、其他需要报告的事项"});
        CHECK(page.dom->find_all("h3").size() == r.overview->subsections.size());
        const std::vector<const node*> asides = page.dom->find_all("aside");
        REQUIRE(asides.size() == 2);
        CHECK(asides[0]->attribute_or("data-after-subsection") == "1");
        CHECK(asides[1]->attribute_or("data-after-subsection") == "2");
        CHECK(asides[0]->find_all("p").at(0)->has_class("xxgk-foreign-note"));
        CHECK(page.dom->find_all("h4").size() == r.overview->foreign_blocks.size());
        const node* date = page.dom->find_all("time").at(0);
        CHECK(date->attribute_or("datetime") == "2021-01-29");
        CHECK(date->inner_text() == "2021年1月29日");
        // No link anywhere, not even for the report's own portal URL.
        CHECK(page.dom->find_all("a").empty());
    }
}

TEST_CASE("render_html: hostile report text renders inert", "[render][security]") {
    const std::string payload =
        "<script>document.title='pwned'</script><img src=x onerror=\"alert(1)\">"
        "<a href='javascript:alert(2)'>link</a>\" onmouseover=\"alert(3)\" x='<svg onload=alert(4)>&amp;";
    xxgk::report r = xxgk::report::make(format_version::v2021);
    r.header.body = payload;
    r.header.year = 2022;
    r.header.portal_url = "javascript:alert(5)";
    r.header.contact = xxgk::contact_block{payload, payload, std::nullopt, std::nullopt, payload};
    r.header.legal_bases = {payload};
    r.header.signature = xxgk::signature_block{payload, std::nullopt};
    xxgk::narrative_section s;
    s.heading = payload;
    s.paragraphs = {payload, "line one\n" + payload};
    s.subsections = {xxgk::subsection{payload, payload, {payload}}};
    s.foreign_blocks = {xxgk::foreign_block{1, payload, {payload}}};
    r.overview = s;
    r.problems = s;
    r.table_headings = xxgk::table_section_headings{payload, payload, payload};
    r.processing_fees = xxgk::processing_fee_statement{true, 1, std::nullopt, std::nullopt, payload};
    xxgk::set_cell(r, "requests.granted.total", xxgk::cell::text(payload));
    xxgk::set_cell(r, "requests.granted.enterprise", xxgk::cell::not_applicable(payload));
    xxgk::finding f;
    f.code = "XXGK-T3-004";
    f.key = "requests.granted.total";
    f.message_zh = payload;
    f.message_en = payload;
    const std::vector<xxgk::finding> findings = {f};

    for (const bool standalone : {true, false}) {
        // Without a preamble the header's facts are listed: the contact fields are report text too.
        for (const bool with_preamble : {false, true}) {
            if (with_preamble) r.header.preamble = payload + "\n" + payload;
            xxgk::render_options o;
            o.standalone = standalone;
            o.findings = &findings;
            const std::string html = xxgk::render_html(r, o);
            INFO("standalone " << standalone << ", preamble " << with_preamble);
            // Nothing of the payload survives as markup.
            CHECK(html.find("<script") == std::string::npos);
            CHECK(html.find("<img") == std::string::npos);
            CHECK(html.find("<svg") == std::string::npos);
            CHECK(html.find("<a ") == std::string::npos);
            CHECK(html.find("onerror=\"") == std::string::npos);
            CHECK(html.find("onmouseover=\"") == std::string::npos);
            CHECK(html.find("href=\"") == std::string::npos);
            CHECK(html.find("href='") == std::string::npos);
            const auto dom = parse_html(html);
            const std::set<std::string> allowed_tags = {
                "#root", "html", "head", "meta",   "title", "style",   "body",  "article", "header", "h1",    "h2",
                "h3",    "h4",   "div",  "p",      "br",    "section", "aside", "span",    "table",  "thead", "tbody",
                "tr",    "th",   "td",   "footer", "time",  "dl",      "dt",    "dd",      "ol",     "li",    "code"};
            const std::set<std::string> allowed_attributes = {
                "class",        "lang",       "rowspan",  "colspan",  "scope",         "title",
                "datetime",     "charset",    "name",     "content",  "http-equiv",    "data-format",
                "data-section", "data-block", "data-row", "data-key", "data-findings", "data-after-subsection"};
            std::size_t payload_texts = 0;
            dom->walk([&](const node& n) {
                if (n.tag.empty()) {
                    if (n.text.find(payload) != std::string::npos) ++payload_texts;
                    return;
                }
                CHECK(allowed_tags.count(n.tag) == 1);
                for (const auto& [name, value] : n.attributes) {
                    INFO(n.tag << " " << name << "=" << value);
                    CHECK(allowed_attributes.count(name) == 1);
                    if (name != "title") CHECK(value.find('<') == std::string::npos);
                }
            });
            // The payload is shown as the text it is, character for character.
            CHECK(payload_texts >= 10);
            bool title_kept = false;
            dom->walk([&](const node& n) {
                if (n.tag == "td" && n.attribute_or("data-key") == "requests.granted.total")
                    title_kept = n.attribute_or("title") == payload;
            });
            CHECK(title_kept);
            if (!with_preamble) CHECK(html.find("javascript:alert(5)") != std::string::npos);  // text, not a link
        }
        r.header.preamble.reset();
    }
}

TEST_CASE("render_markdown: pipe tables and escaped text", "[render]") {
    const xxgk::report cangnan = load_example("cangnan-2020.json");
    const std::string md = xxgk::render_markdown(cangnan);
    CHECK(md.rfind("# 苍南县人民政府 2020 年政府信息公开工作 年度报告\n", 0) == 0);
    CHECK(md.find("\n**第二十条第（九）项**\n\n| 信息内容 | 采购项目数量 | 采购总金额 |\n| --- | --- | --- |\n"
                  "| 政府集中采购 | 4944 | 17424.88万元 |\n") != std::string::npos);
    CHECK(md.find("| 三、本年度办理结果 › （三）不予公开 › 2.其他法律行政法规禁止公开 | 2 |  |  |  |  |  |  |\n") !=
          std::string::npos);
    CHECK(md.find("\n| 6 | 2 | 0 | 1 | 9 | 33 | 5 | 0 | 3 | 41 | 4 | 0 | 0 | 0 | 4 |\n") != std::string::npos);
    CHECK(md.find("> **以下内容不属于年度报告正文") != std::string::npos);
    CHECK(md.find("## 六、其他需要报告的事项\n\n无。\n") != std::string::npos);

    xxgk::report r = xxgk::report::make(format_version::v2019);
    r.header.body = "机关";
    r.header.year = 2020;
    xxgk::narrative_section s;
    s.paragraphs = {"<script>alert(1)</script> *bold* [x](javascript:alert(2)) a|b `code` &amp;",
                    "# not a heading\n- not a list\n1. not a list\n===", "    not code"};
    r.problems = s;
    xxgk::set_cell(r, "requests.granted.total", xxgk::cell::text("1|2"));
    const std::string hostile = xxgk::render_markdown(r);
    CHECK(hostile.find(
              "\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](javascript:alert(2)) a\\|b \\`code\\` \\&amp;\n") !=
          std::string::npos);
    CHECK(hostile.find("\\# not a heading\\\n\\- not a list\\\n1\\. not a list\\\n\\===\n") != std::string::npos);
    CHECK(hostile.find("\nnot code\n") != std::string::npos);
    CHECK(hostile.find("| 1\\|2 |") != std::string::npos);
    // No raw HTML at all: every "<" is escaped.
    for (std::size_t i = hostile.find('<'); i != std::string::npos; i = hostile.find('<', i + 1))
        CHECK(hostile[i - 1] == '\\');
}

TEST_CASE("render_csv_tables: one CSV per official table, official labels as header", "[render]") {
    const xxgk::report r = load_example("cangnan-2020.json");
    const std::vector<xxgk::csv_table> tables = xxgk::render_csv_tables(r);
    std::vector<std::string> names;
    for (const auto& t : tables) names.push_back(t.name);
    CHECK(names == std::vector<std::string>{"proactive.article_20_1", "proactive.article_20_5",
                                            "proactive.article_20_6", "proactive.article_20_8",
                                            "proactive.article_20_9", "requests", "review_litigation"});
    CHECK(tables[0].csv == "信息内容,本年新制作数量,本年新公开数量,对外公开总数量\n规章,0,0,0\n规范性文件,28,28,226\n");
    CHECK(tables[4].csv == "信息内容,采购项目数量,采购总金额\n政府集中采购,4944,17424.88万元\n");
    CHECK(tables[5].csv.rfind("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,自然人,"
                              "法人或其他组织 › 商业企业,法人或其他组织 › 科研机构,法人或其他组织 › 社会公益组织,"
                              "法人或其他组织 › 法律服务机构,法人或其他组织 › 其他,总计\n"
                              "一、本年新收政府信息公开申请数量,228,3,,,,3,234\n",
                              0) == 0);
    CHECK(std::count(tables[5].csv.begin(), tables[5].csv.end(), '\n') == 24);
    CHECK(tables[6].csv ==
          "行政复议 › 结果维持,行政复议 › 结果纠正,行政复议 › 其他结果,行政复议 › 尚未审结,行政复议 › 总计,"
          "行政诉讼 › 未经复议直接起诉 › 结果维持,行政诉讼 › 未经复议直接起诉 › 结果纠正,行政诉讼 › 未经复议直接起诉 › "
          "其他结果,"
          "行政诉讼 › 未经复议直接起诉 › 尚未审结,行政诉讼 › 未经复议直接起诉 › 总计,"
          "行政诉讼 › 复议后起诉 › 结果维持,行政诉讼 › 复议后起诉 › 结果纠正,行政诉讼 › 复议后起诉 › 其他结果,"
          "行政诉讼 › 复议后起诉 › 尚未审结,行政诉讼 › 复议后起诉 › 总计\n"
          "6,2,0,1,9,33,5,0,3,41,4,0,0,0,4\n");
    CHECK(xxgk::render_csv_tables(load_example("sample-2021.json")).size() == 6);

    xxgk::report quoted = r;
    xxgk::set_cell(quoted, "requests.granted.total", xxgk::cell::text("1,\"2\"\n3"));
    CHECK(xxgk::render_csv_tables(quoted)[5].csv.find(",\"1,\"\"2\"\"\n3\"\n") != std::string::npos);
}
