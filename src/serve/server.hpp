// Internal to `xxgk serve` (docs/serve.md): the HTTP/1.1 server on Boost.Beast/Asio — a fixed
// pool of threads running one io_context, every limit of the service, and graceful shutdown.
#ifndef XXGK_SRC_SERVE_SERVER_HPP
#define XXGK_SRC_SERVE_SERVER_HPP

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace xxgk::serve {

/// The limits of the service; every one is a flag of `xxgk serve` (docs/serve.md, "Limits").
struct limits {
    std::size_t max_body_bytes = std::size_t{16} << 20;    ///< 413 beyond (the importer's own input limit)
    std::size_t max_header_bytes = std::size_t{16} << 10;  ///< 431 beyond: request line and header fields
    /// From a request's first byte to its last (408 after), and for a response to be taken by
    /// the client (the connection is closed after).
    std::chrono::milliseconds request_timeout{30000};
    /// A connection waiting for its next request is closed after this.
    std::chrono::milliseconds idle_timeout{60000};
    std::size_t max_concurrent = 64;                  ///< requests in progress (from their header on); 429 beyond
    std::size_t max_connections = 4096;               ///< open connections; a new one beyond is closed at once
    std::chrono::milliseconds import_timeout{20000};  ///< POST /v1/import answers 503 after this
    std::size_t import_workers = 2;                   ///< threads that run imports
    std::size_t import_queue = 8;  ///< imports waiting for a worker; 503 beyond (abandoned ones count)
};

/// Where and how to serve.
struct server_options {
    std::string listen = "127.0.0.1:8080";  ///< ADDRESS:PORT; port 0 takes a free one; [v6]:port for IPv6
    std::size_t threads = 2;                ///< threads running the connections (and every endpoint but import)
    serve::limits limits;
    /// One line per request answered on standard error (client, request line, status, body
    /// bytes, seconds): for journald behind systemd.
    bool access_log = false;
};

/// Serves until SIGTERM or SIGINT, then stops accepting, answers /healthz with 503, closes the
/// connections waiting for a request, lets the requests in progress finish (their connections
/// are closed after their response) and returns 0. `bound` is called once the socket listens,
/// with the address and port bound ("127.0.0.1:41237"). Throws std::system_error when the
/// address cannot be bound, std::invalid_argument for a malformed `listen`.
int run(const server_options& options, const std::function<void(const std::string&)>& bound);

}  // namespace xxgk::serve

#endif
