// A fixed amount of one operation, for profilers whose counts are repeatable on a noisy machine:
//
//   valgrind --tool=callgrind build/bench/xxgk_profile OPERATION FILE [N]
//
// runs OPERATION N times (default 100) on FILE. Operations: floor (boost::json::parse, reused
// parser, monotonic resource), serialize (boost::json::serialize of the DOM), decode,
// decode_validate, validate, encode, render_html (FILE is a report's JSON), import_text,
// import_html (FILE is a published text or page). The instructions of one operation are
// (Ir(N) - Ir(0)) / N: the run with N = 0 counts the setup (reading, the one-time tables).
#include <xxgk/xxgk.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: xxgk_profile OPERATION FILE [N]\n";
        return 2;
    }
    const std::string_view op = argv[1];
    const std::size_t n = argc > 3 ? std::stoul(argv[3]) : 100;
    try {
        const std::string text = xxgk::read_file(argv[2]);
        const bool from_json = op != "import_text" && op != "import_html";
        // The one-time tables (keys, labels, rule packs) are built here, outside the N runs.
        const xxgk::report loaded = from_json ? xxgk::load_json(text) : xxgk::report();
        if (from_json)
            xxgk::validate(loaded);
        else if (op == "import_text")
            xxgk::import_text(text);  // the importer's one-time tables too
        else
            xxgk::import_html(text);
        const boost::json::value dom = from_json ? boost::json::parse(text) : boost::json::value();
        std::size_t sink = 0;
        boost::json::parser parser;
        std::vector<unsigned char> arena(std::size_t{1} << 20);
        for (std::size_t i = 0; i < n; ++i) {
            if (op == "floor") {
                boost::json::monotonic_resource mr(arena.data(), arena.size());
                parser.reset(&mr);
                parser.write(text.data(), text.size());
                sink += parser.release().is_object();
            } else if (op == "serialize") {
                sink += boost::json::serialize(dom).size();
            } else if (op == "decode") {
                sink += xxgk::load_json(text).header.year;
            } else if (op == "decode_validate") {
                sink += xxgk::validate(xxgk::load_json(text)).size();
            } else if (op == "validate") {
                sink += xxgk::validate(loaded).size();
            } else if (op == "encode") {
                sink += xxgk::to_json(loaded).size();
            } else if (op == "render_html") {
                sink += xxgk::render_html(loaded).size();
            } else if (op == "import_text") {
                sink += xxgk::import_text(text).log.size();
            } else if (op == "import_html") {
                sink += xxgk::import_html(text).log.size();
            } else {
                std::cerr << "xxgk_profile: unknown operation '" << op << "'\n";
                return 2;
            }
        }
        std::cout << sink << '\n';
    } catch (const std::exception& e) {
        std::cerr << "xxgk_profile: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
