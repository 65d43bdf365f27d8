// Load a report, validate it, read and change a cell by its key.
#include <xxgk/xxgk.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: example_validate REPORT.json\n";
        return 2;
    }
    try {
        xxgk::report r = xxgk::load_json_file(argv[1]);
        for (const xxgk::finding& f : xxgk::validate(r))
            std::cout << f.code << ' ' << f.key << ": " << f.message_en << '\n';
        const xxgk::cell& total = xxgk::cell_at(r, "requests.total.total");
        std::cout << "concluded requests: " << (total.is_number() ? total.value().to_string() : "blank") << '\n';
        xxgk::set_cell(r, "requests.carried_forward.total", xxgk::cell::number(7));
        return 0;
    } catch (const xxgk::error& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
}
