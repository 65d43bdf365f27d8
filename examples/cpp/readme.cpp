#include <xxgk/xxgk.hpp>
#include <iostream>

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "examples/data/cangnan-2020.json";
    xxgk::report r = xxgk::load_json(xxgk::read_file(path));  // throws xxgk::decode_error listing every problem
    for (const xxgk::finding& f : xxgk::validate(r))          // every finding; validation never throws for one
        std::cout << f.code << ' ' << f.key << ": " << f.message_en << '\n';
    const xxgk::cell& total = xxgk::cell_at(r, "requests.total.total");  // 三（七）总计 › 总计
    std::cout << "requests.total.total = " << total.value().to_string() << '\n';
}
