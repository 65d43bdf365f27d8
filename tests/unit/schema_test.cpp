// xxgk::json_schema: generated from the model, strict, titled from the label tables, and in step
// with the decoder (a member is required by the schema exactly when the decoder requires it).
// Validation of documents against the schema with python3-jsonschema is the ctest test
// schema.validate (tests/data/render/check_schema.py).
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/schema.hpp>

#include <catch2/catch.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <set>
#include <string>
#include <vector>

namespace json = boost::json;
using xxgk::format_version;

namespace {

// A string value as a std::string; anything else as its JSON text.
std::string str(const json::value& v) { return v.is_string() ? std::string(v.get_string()) : json::serialize(v); }

json::object schema_of(format_version f) { return json::parse(xxgk::json_schema(f)).as_object(); }

// Resolves a local "$ref" ("#/$defs/cell").
const json::object& resolve(const json::object& root, const json::object& s) {
    if (const json::value* ref = s.if_contains("$ref")) {
        const std::string r(ref->as_string());
        REQUIRE(r.rfind("#/$defs/", 0) == 0);
        return root.at("$defs").as_object().at(r.substr(8)).as_object();
    }
    return s;
}

// Every schema of an object (type "object", or ["object", "null"]), wherever it is nested.
template <class F>
void each_object_schema(const json::value& v, F&& f) {
    if (const json::object* o = v.if_object()) {
        const json::value* type = o->if_contains("type");
        if (type && (str(*type) == "object" || str(*type) == "[\"object\",\"null\"]")) f(*o);
        for (const auto& kv : *o) each_object_schema(kv.value(), f);
    } else if (const json::array* a = v.if_array()) {
        for (const json::value& e : *a) each_object_schema(e, f);
    }
}

std::set<std::string> names(const json::array& a) {
    std::set<std::string> s;
    for (const json::value& v : a) s.insert(std::string(v.as_string()));
    return s;
}

// The object schema that describes the value at `pointer` tokens of a document.
const json::object* schema_at(const json::object& root, const std::vector<std::string>& tokens) {
    const json::object* s = &root;
    for (const std::string& t : tokens) {
        const json::object& props = s->at("properties").as_object();
        const json::value* p = props.if_contains(t);
        if (!p) return nullptr;
        const json::object* next = &p->as_object();
        if (const json::value* any = next->if_contains("anyOf")) next = &any->as_array()[0].as_object();
        next = &resolve(root, *next);
        s = next;
    }
    return s;
}

}  // namespace

TEST_CASE("json_schema: draft 2020-12, deterministic, strict everywhere", "[schema]") {
    for (format_version f : xxgk::all_formats) {
        INFO(to_string(f));
        const std::string text = xxgk::json_schema(f);
        CHECK(text == xxgk::json_schema(f));
        const json::object s = json::parse(text).as_object();
        CHECK(str(s.at("$schema")) == "https://json-schema.org/draft/2020-12/schema");
        CHECK(str(s.at("type")) == "object");
        CHECK(str(s.at("properties").at("format").at("const")) == to_string(f));
        std::size_t objects = 0;
        each_object_schema(s, [&](const json::object& o) {
            ++objects;
            CHECK(str(o.at("additionalProperties")) == "false");
        });
        CHECK(objects > 40);
        CHECK(names(s.at("required").as_array()) ==
              std::set<std::string>{"format", "header", "proactive", "requests", "review_litigation"});
    }
}

TEST_CASE("json_schema: every cell key is a property, titled with its official labels", "[schema]") {
    for (format_version f : xxgk::all_formats) {
        INFO(to_string(f));
        const json::object s = schema_of(f);
        const xxgk::label_table& t = xxgk::labels(f);
        std::set<std::string> rows;
        for (const xxgk::cell_key& k : xxgk::cell_keys(f)) {
            INFO(k.key);
            const json::object& section = s.at("properties").at(k.section).as_object();
            CHECK(str(section.at("title")) == t.section(k.section)->label);
            const json::object& row = section.at("properties").at(k.row).as_object();
            CHECK(str(row.at("title")) == k.row_info->label);
            CHECK(names(row.at("required").as_array()).count(std::string(k.column)) == 1);
            const json::object& c = row.at("properties").at(k.column).as_object();
            std::string title(k.column_info->group);
            if (!title.empty()) title += " › ";
            title += k.column_info->label;
            CHECK(str(c.at("title")) == title);
            CHECK(str(c.at("description")) == k.key + ": " + k.label_path(f));
            CHECK(str(c.at("$ref")) == "#/$defs/" + std::string(boost::describe::enum_to_string(k.kind, "")) + "_cell");
            rows.insert(std::string(k.section) + "." + std::string(k.row));
        }
        // No row or cell beyond the keys (the optional 法人或其他组织 subtotal aside).
        std::size_t schema_rows = 0, schema_cells = 0;
        for (std::string_view section : {"proactive", "requests", "review_litigation"}) {
            for (const auto& row : s.at("properties").at(section).at("properties").as_object()) {
                ++schema_rows;
                for (const auto& c : row.value().at("properties").as_object())
                    if (c.key() != "organizations_subtotal") ++schema_cells;
            }
        }
        CHECK(schema_rows == rows.size());
        CHECK(schema_cells == xxgk::cell_keys(f).size());
        CHECK(str(s.at("properties").at("overview").at("title")) == "一、总体情况");
    }
    CHECK(schema_of(format_version::v2019).at("properties").as_object().contains("processing_fees") == false);
    CHECK(schema_of(format_version::v2021).at("properties").as_object().contains("processing_fees"));
    CHECK(schema_of(format_version::v2021)
              .at("properties")
              .at("requests")
              .at("properties")
              .as_object()
              .contains("other") == false);
}

TEST_CASE("json_schema: enumerations are the described enumerators", "[schema]") {
    const json::object s = schema_of(format_version::v2019);
    const json::object& header = s.at("properties").at("header").at("properties").as_object();
    CHECK(names(header.at("scope").at("enum").as_array()) == std::set<std::string>{"unknown", "own", "compiled"});
    CHECK(names(header.at("level").at("enum").as_array()) ==
          std::set<std::string>{"unknown", "central", "provincial", "prefectural", "county", "township"});
    const json::object& cell = s.at("$defs").at("cell").as_object();
    const json::object& object = cell.at("oneOf").as_array()[2].as_object();
    CHECK(names(object.at("properties").at("state").at("enum").as_array()) ==
          std::set<std::string>{"blank", "number", "not_applicable", "text", "not_captured"});
    CHECK(names(object.at("properties").at("unit").at("enum").as_array()) ==
          std::set<std::string>{"none", "yuan", "wan_yuan"});
    CHECK(str(header.at("year").at("maximum")) == "2147483647");
}

// Removing a member from a valid document makes the decoder fail exactly when the schema lists
// it as required: walked over every object of both example reports.
TEST_CASE("json_schema: required members are those the decoder requires", "[schema]") {
    for (const char* name : {"cangnan-2020.json", "sample-2021.json"}) {
        INFO(name);
        const std::string text = xxgk::read_file(std::string(XXGK_SOURCE_DIR) + "/examples/data/" + name);
        const json::value doc = json::parse(text);
        const xxgk::report r = xxgk::load_json(text);
        const json::object s = schema_of(r.format());
        std::size_t checked = 0;
        // Depth-first over the document's objects, with the path of each.
        std::vector<std::pair<std::vector<std::string>, const json::object*>> todo{{{}, &doc.as_object()}};
        while (!todo.empty()) {
            auto [path, object] = todo.back();
            todo.pop_back();
            const json::object* schema = schema_at(s, path);
            if (!schema || !schema->contains("properties")) continue;  // a cell object or an array
            std::set<std::string> required;
            if (const json::value* req = schema->if_contains("required")) required = names(req->as_array());
            for (const auto& kv : *object) {
                const std::string member(kv.key());
                std::vector<std::string> child = path;
                child.push_back(member);
                if (kv.value().is_object()) todo.push_back({child, &kv.value().as_object()});
                // The document without this member.
                json::value copy = doc;
                json::object* parent = &copy.as_object();
                for (const std::string& t : path) parent = &parent->at(t).as_object();
                parent->erase(member);
                const bool decodes = xxgk::decode_json(json::serialize(copy)).ok();
                INFO("/" << [&] {
                    std::string p;
                    for (const std::string& t : child) p += t + "/";
                    return p;
                }());
                CHECK(decodes == (required.count(member) == 0));
                ++checked;
            }
        }
        CHECK(checked > 250);
    }
}
