// xxgk serve — the library as an HTTP service (docs/serve.md). The server itself lives in
// src/serve (the xxgk_serve library); this file only turns the command line into its options.
//
// Registered by add_serve_command (called from main.cpp). Like render, it runs in its CLI11
// callback and ends the program by throwing CLI::RuntimeError with its exit code.
#include "cli_common.hpp"

#include "../serve/server.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>
#include <memory>
#include <thread>

namespace {

struct serve_settings {
    xxgk::serve::server_options options;
    double request_timeout = 30, idle_timeout = 60, import_timeout = 20;  // seconds
};

std::chrono::milliseconds millis(double seconds) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000)));
}

int run_serve(serve_settings& s) {
    s.options.limits.request_timeout = millis(s.request_timeout);
    s.options.limits.idle_timeout = millis(s.idle_timeout);
    s.options.limits.import_timeout = millis(s.import_timeout);
    try {
        return xxgk::serve::run(s.options, [](const std::string& address) {
            // The first line on standard output: where to connect (port 0 took a free one).
            std::cout << "xxgk serve: listening on http://" << address << std::endl;
        });
    } catch (const std::exception& e) {
        std::cerr << "xxgk: serve: " << e.what() << '\n';
        return xxgk_cli::exit_unusable;
    }
}

}  // namespace

/// Adds `serve` to the command line.
void add_serve_command(CLI::App& app) {
    auto s = std::make_shared<serve_settings>();
    xxgk::serve::limits& l = s->options.limits;
    s->options.threads = std::max(2u, std::thread::hardware_concurrency());
    auto* sc = app.add_subcommand("serve", "Serve validate, import, render, aggregate and series over HTTP");
    sc->add_option("--listen", s->options.listen, "ADDRESS:PORT to listen on; port 0 takes a free one")
        ->capture_default_str();
    sc->add_option("--threads", s->options.threads, "threads serving connections (default: the cores, at least 2)")
        ->check(CLI::Range(1, 1024));
    sc->add_option("--max-body-bytes", l.max_body_bytes, "largest request body; 413 beyond")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
    sc->add_option("--max-header-bytes", l.max_header_bytes, "largest request line and header fields; 431 beyond")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{256}, std::size_t{1} << 20));
    sc->add_option("--request-timeout", s->request_timeout,
                   "seconds to receive a request whole (408 after) and for the client to take a response")
        ->capture_default_str()
        ->check(CLI::Range(0.01, 3600.0));
    sc->add_option("--idle-timeout", s->idle_timeout, "seconds a connection may wait for its next request")
        ->capture_default_str()
        ->check(CLI::Range(0.01, 3600.0));
    sc->add_option("--max-concurrent", l.max_concurrent,
                   "requests in progress (from their header on) at once; 429 beyond")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
    sc->add_option("--max-connections", l.max_connections, "open connections; a new one beyond is closed")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24));
    sc->add_option("--import-timeout", s->import_timeout, "seconds an import may take; 503 after")
        ->capture_default_str()
        ->check(CLI::Range(0.01, 3600.0));
    sc->add_option("--import-workers", l.import_workers, "threads running imports")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
    sc->add_option("--import-queue", l.import_queue, "imports that may wait for a worker; 503 beyond")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{0}, std::size_t{4096}));
    sc->add_flag("--access-log", s->options.access_log,
                 "one line per request on standard error: client, request line, status, bytes, seconds");
    sc->callback([s] { xxgk_cli::finish([&] { return run_serve(*s); }); });
}
