// Internal to `xxgk serve`: the endpoints (docs/serve.md). Each one is a function of the request
// alone — no state is kept between requests and nothing is written to disk.
#ifndef XXGK_SRC_SERVE_ROUTES_HPP
#define XXGK_SRC_SERVE_ROUTES_HPP

#include "reply.hpp"

#include <string>
#include <string_view>

namespace xxgk::serve {

class metrics;

/// A request read whole: method as sent ("GET", "POST", …), target ("/v1/render?to=html"),
/// the Content-Type field ("" when absent) and the body.
struct request_view {
    std::string_view method;
    std::string_view target;
    std::string_view content_type;
    std::string_view body;
};

/// What the endpoints need from the server: its counters (GET /metrics) and whether it is
/// shutting down (GET /healthz answers 503 then, so that a balancer stops sending).
struct route_context {
    const serve::metrics* counters = nullptr;
    bool stopping = false;
};

/// The endpoint a target names, as the route's template ("/v1/validate", "/v1/schema/{format}",
/// …), or "other": the `endpoint` label of the metrics.
std::string_view endpoint_of(std::string_view target) noexcept;

/// True for the endpoints the server runs on its import workers under --import-timeout.
bool runs_on_import_workers(std::string_view endpoint) noexcept;

/// True for the endpoints that do not count against --max-concurrent and are answered even when
/// it is reached (/healthz, /metrics): a health check must see a busy server as alive.
bool exempt_from_concurrency_limit(std::string_view endpoint) noexcept;

/// Answers one request: the endpoint's result, or a problem document (problem.hpp) — 404 for an
/// unknown path, 405 (with Allow) for a method the path does not take, 415 for a JSON endpoint
/// sent another media type, 400 for a bad query parameter, 400/422/413 for input the library
/// refuses. HEAD is answered like GET (the server leaves out the body). Never throws except
/// std::bad_alloc.
reply handle(const request_view& request, const route_context& context);

/// The OpenAPI document of the service (src/serve/openapi.json, embedded at build time).
std::string_view openapi_document() noexcept;

}  // namespace xxgk::serve

#endif
