// Hand-run measurement of OCR import (docs/import.md, "Scanned pages"): every PDF given is scanned
// in every style of tests/unit/ocr_scans.hpp (or those named with --styles), imported with OCR,
// and compared cell by cell with what it prints — FILE.json (a generated report) or
// FILE.cells.json (cells read by eye, hongze-2023). Prints per variant and in total: cells exact,
// flagged (not captured, or kept as unreadable text), wrong (a definite value that differs: a
// number, a blank, a not-applicable mark), misreads caught by the identities (XXGK-I-111 entries
// that changed the page reading), OCR time per page. Not a test (no timing in tests); run:
//
//   build/tests/xxgk_ocr_measure tests/data/import/pdf/hongze-2023.pdf tests/data/import/pdf/generated/*.pdf
//   build/tests/xxgk_ocr_measure --styles clean-200,noisy-150 --pages 3 FILE.pdf
//
// --without deskew,otsu,rules,join_rules,remove_rules,zoom turns those preprocessing steps off (ocr.hpp,
// `ocr_steps`), to measure what each one is worth.
#include "../../src/import/ocr.hpp"
#include "../unit/ocr_scans.hpp"

#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace {

struct counts {
    std::size_t cells = 0, exact = 0, flagged = 0, wrong = 0, settled = 0, caught = 0, kept_failing = 0, pages = 0,
                format_wrong = 0;
    double seconds = 0;
    void add(const counts& o) {
        cells += o.cells;
        exact += o.exact;
        flagged += o.flagged;
        wrong += o.wrong;
        settled += o.settled;
        caught += o.caught;
        kept_failing += o.kept_failing;
        format_wrong += o.format_wrong;
        pages += o.pages;
        seconds += o.seconds;
    }
};

std::string show(const xxgk::cell& c) {
    switch (c.state()) {
        case xxgk::cell_state::number: return c.value().to_string();
        case xxgk::cell_state::blank: return "blank";
        case xxgk::cell_state::not_applicable: return "n/a " + c.raw().value_or("");
        case xxgk::cell_state::text: return "text " + c.raw().value_or("");
        case xxgk::cell_state::not_captured: return "not_captured";
    }
    return "?";
}

/// The expected report: FILE.json, or the cells of FILE.cells.json put into a report of `like`'s format.
xxgk::report expected_for(const std::filesystem::path& pdf, const xxgk::report& like) {
    std::filesystem::path json = pdf;
    json.replace_extension(".json");
    if (std::filesystem::exists(json)) return xxgk::load_json(xxgk::read_file(json.string()));
    std::filesystem::path cells = pdf;
    cells.replace_extension(".cells.json");
    xxgk::report r = like;
    for (const xxgk::cell_key& k : xxgk::cell_keys(r.format())) xxgk::cell_at(r, k.index) = xxgk::cell::not_captured();
    const boost::json::object o =
        boost::json::parse(xxgk::read_file(cells.string())).as_object().at("cells").as_object();
    for (const auto& kv : o) {
        const std::string key(kv.key());
        const boost::json::value& v = kv.value();
        xxgk::cell& c = xxgk::cell_at(r, key);
        if (v.is_int64()) {
            c = xxgk::cell::number(xxgk::decimal(v.as_int64()));
        } else if (v.as_object().contains("deduced")) {
            c = xxgk::cell::number(xxgk::decimal(v.as_object().at("deduced").as_int64()));
        } else {
            c = xxgk::cell::number(*xxgk::decimal::parse(v.as_object().at("decimal").as_string().c_str()),
                                   xxgk::money_unit::wan_yuan);
        }
    }
    return r;
}

counts compare(const xxgk::report& want, const xxgk::import_result& got, const std::string& name, bool verbose) {
    counts n;
    for (const xxgk::import_log_entry& e : got.log)
        if (e.code == "XXGK-I-116" ||
            (got.value.format() != want.format() && e.code >= "XXGK-I-001" && e.code <= "XXGK-I-006"))
            std::cout << "  " << e.code << " " << name << ": " << e.message << "\n";
    if (got.value.format() != want.format()) {
        // The format misread, or uncertain (XXGK-I-116): the cells are compared by key; a value
        // in a cell the other format labels otherwise is wrong like any other.
        ++n.format_wrong;
        std::cout << "  FORMAT " << name << ": read as the other format version\n";
    }
    for (const xxgk::cell_key& k : xxgk::cell_keys(want.format())) {
        const xxgk::cell& w = xxgk::cell_at(want, k.index);
        if (w.state() == xxgk::cell_state::not_captured) continue;  // not known
        ++n.cells;
        const xxgk::cell_key* gk = xxgk::find_cell_key(got.value.format(), k.key);
        if (!gk) {  // a cell of the other format (the import said the format was uncertain)
            ++n.flagged;
            continue;
        }
        const xxgk::cell& g = xxgk::cell_at(got.value, gk->index);
        const bool same = g.state() == w.state() && (!w.is_number() || g.value() == w.value()) &&
                          (w.state() != xxgk::cell_state::text || g.raw() == w.raw());
        if (same) {
            ++n.exact;
        } else if (g.state() == xxgk::cell_state::not_captured || g.state() == xxgk::cell_state::text) {
            ++n.flagged;
            if (verbose)
                std::cout << "  flagged " << name << " " << k.key << ": " << show(g) << " (printed " << show(w)
                          << ")\n";
        } else {
            ++n.wrong;
            std::cout << "  WRONG " << name << " " << k.key << ": " << show(g) << " (printed " << show(w) << ")\n";
            // How the import came to it: its log entries, and the row's.
            for (const xxgk::import_log_entry& e : got.log)
                if (!e.key.empty() && k.key.compare(0, e.key.size(), e.key) == 0)
                    std::cout << "    " << e.code << " " << e.key << ": " << e.message << "\n";
        }
    }
    for (const xxgk::import_log_entry& e : got.log) {
        if (e.code == "XXGK-I-111") {
            ++n.settled;
            if (e.message.find("misread") != std::string::npos) ++n.caught;
        }
        if (e.code == "XXGK-I-113") ++n.kept_failing;
    }
    return n;
}

void print(const std::string& what, const counts& n) {
    std::cout << what << ": " << n.cells << " cells, " << n.exact << " exact, " << n.flagged << " flagged, " << n.wrong
              << " wrong; " << n.settled << " settled by the identities (" << n.caught << " misreads caught), "
              << n.kept_failing << " certain flagged by a failing identity; " << n.pages << " pages, "
              << (n.pages ? n.seconds / static_cast<double>(n.pages) : 0.0) << " s OCR per page"
              << (n.format_wrong ? "; FORMAT MISREAD in " + std::to_string(n.format_wrong) + " variant(s)"
                                 : std::string())
              << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files, only;
    int pages = 1 << 20;
    bool verbose = false;
    std::string save;  // directory: the scanned PDFs are written there too
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--styles" && i + 1 < argc) {
            std::stringstream ss(argv[++i]);
            for (std::string s; std::getline(ss, s, ',');) only.push_back(s);
        } else if (a == "--pages" && i + 1 < argc) {
            pages = std::stoi(argv[++i]);
        } else if (a == "--without" && i + 1 < argc) {
            xxgk::import_detail::ocr_steps& steps = xxgk::import_detail::ocr_steps_in_use();
            std::stringstream ss(argv[++i]);
            for (std::string s; std::getline(ss, s, ',');) {
                bool* step = s == "deskew"         ? &steps.deskew
                             : s == "otsu"         ? &steps.otsu
                             : s == "rules"        ? &steps.rules
                             : s == "join_rules"   ? &steps.join_rules
                             : s == "remove_rules" ? &steps.remove_rules
                             : s == "zoom"         ? &steps.zoom
                                                   : nullptr;
                if (!step) {
                    std::cerr << "--without: no step \"" << s
                              << "\" (deskew, otsu, rules, join_rules, remove_rules, zoom)\n";
                    return 2;
                }
                *step = false;
            }
        } else if (a == "--save" && i + 1 < argc) {
            save = argv[++i];
        } else if (a == "-v") {
            verbose = true;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        std::cerr << "usage: xxgk_ocr_measure [--styles a,b] [--pages N] [--without step,...] [--save DIR] [-v] "
                     "FILE.pdf...\n";
        return 2;
    }
    std::cout.setf(std::ios::unitbuf);  // each line as it comes (a run takes minutes)
    counts total;
    const std::vector<xxgk_test::scan_style> styles = xxgk_test::scan_styles();
    for (std::size_t f = 0; f < files.size(); ++f) {
        const std::string& file = files[f];
        const std::string pdf = xxgk::read_file(file);
        const xxgk::report want = expected_for(file, xxgk::import_pdf(pdf).value);
        for (std::size_t k = 0; k < styles.size(); ++k) {
            const xxgk_test::scan_style& s = styles[k];
            if (!only.empty() && std::find(only.begin(), only.end(), s.name) == only.end()) continue;
            // The noise's seed: the file's place and the style's, so that --styles repeats a variant.
            const auto seed = static_cast<std::uint32_t>(1 + f * styles.size() + k);
            const std::string scan = xxgk_test::scanned_pdf(pdf, s, seed, 0, pages - 1);
            const std::string name = std::filesystem::path(file).stem().string() + "/" + s.name;
            if (!save.empty())
                xxgk::write_file(save + "/" + std::filesystem::path(file).stem().string() + "-" + s.name + ".pdf",
                                 scan);
            const auto t0 = std::chrono::steady_clock::now();
            xxgk::import_result r;
            try {
                r = xxgk::import_pdf(scan);
            } catch (const xxgk::error& e) {  // refused (too little read to be a report): every cell flagged
                std::cout << "  REFUSED " << name << ": " << e.what() << "\n";
                r.value = xxgk::report::make(want.format());
                for (const xxgk::cell_key& key : xxgk::cell_keys(want.format()))
                    xxgk::cell_at(r.value, key.index) = xxgk::cell::not_captured();
            }
            const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            counts n = compare(want, r, name, verbose);
            n.seconds = secs;
            for (const xxgk::import_log_entry& e : r.log)
                if (e.code == "XXGK-I-115") ++n.pages;
            print(name, n);
            total.add(n);
        }
    }
    print("total", total);
    return total.wrong == 0 ? 0 : 1;
}
