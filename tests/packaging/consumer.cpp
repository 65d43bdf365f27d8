// A program that uses xxgk the way a user's project does. The packaging tests build it against an
// installed xxgk (find_package, pkg-config) and against the source tree (add_subdirectory).
#include <xxgk/xxgk.hpp>

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer REPORT.json\n";
        return 2;
    }
    // The headers found and the library linked must come from the same release.
    if (std::strcmp(xxgk::version(), XXGK_VERSION_STRING) != 0) {
        std::cerr << "headers " << XXGK_VERSION_STRING << " but library " << xxgk::version() << '\n';
        return 3;
    }
    try {
        const xxgk::report r = xxgk::load_json_file(argv[1]);
        const std::vector<xxgk::finding> findings = xxgk::validate(r);
        const xxgk::cell& total = xxgk::cell_at(r, "requests.total.total");
        std::cout << "xxgk " << xxgk::version() << ": " << xxgk::count_errors(findings) << " errors; "
                  << "requests.total.total = " << (total.is_number() ? total.value().to_string() : "blank") << '\n';
        return 0;
    } catch (const xxgk::error& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
}
