// Internal to `xxgk serve` (docs/serve.md): the counters of the service and their Prometheus
// text exposition (GET /metrics).
#ifndef XXGK_SRC_SERVE_METRICS_HPP
#define XXGK_SRC_SERVE_METRICS_HPP

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace xxgk::serve {

/// Why the service refused or cut a request or connection; each is a `reason` label of
/// xxgk_http_rejections_total (docs/serve.md, "Limits").
enum class rejection : std::uint8_t {
    bad_request,           ///< 400: not HTTP/1.1 as it parses (bad request line, bad Content-Length, bad chunk)
    header_too_large,      ///< 431: request line and header fields beyond --max-header-bytes
    body_too_large,        ///< 413: body beyond --max-body-bytes
    request_timeout,       ///< 408: the request not received whole within --request-timeout
    idle_timeout,          ///< a kept-alive connection without a new request within --idle-timeout: closed
    write_timeout,         ///< the response not taken by the client within --request-timeout: closed
    too_many_requests,     ///< 429: --max-concurrent requests already in progress
    import_timeout,        ///< 503: an import not done within --import-timeout
    import_busy,           ///< 503: every import worker busy and the queue full
    too_many_connections,  ///< --max-connections open: the new connection is closed at once
};
inline constexpr std::size_t rejection_count = 10;

/// The name of a rejection, as its metric label: "body_too_large", …
std::string_view to_string(rejection r) noexcept;

/// The service's counters. Thread-safe: gauges and rejection counters are atomics, the
/// per-endpoint series sit behind one mutex (a few map updates per request).
class metrics {
public:
    /// Counts a request answered: its endpoint (the route's template, e.g. "/v1/schema/{format}",
    /// or "other"), status and time from the request's last byte to its response written.
    void request_done(std::string_view endpoint, unsigned status, double seconds);
    /// Counts a rejection.
    void rejected(rejection r) noexcept { rejections_[static_cast<std::size_t>(r)].fetch_add(1); }
    /// The value of a rejection counter (tests of the server read /metrics instead).
    std::uint64_t rejections(rejection r) const noexcept { return rejections_[static_cast<std::size_t>(r)].load(); }

    std::atomic<std::int64_t> in_flight{0};           ///< requests whose header is read, not yet answered
    std::atomic<std::int64_t> connections_open{0};    ///< connections accepted and not yet closed
    std::atomic<std::uint64_t> connections_total{0};  ///< connections accepted since start
    std::atomic<std::int64_t> imports_pending{0};     ///< imports queued or running on the import workers
    std::atomic<std::int64_t> imports_abandoned{0};   ///< of those, imports already answered 503 (still running)

    /// Everything in the Prometheus text exposition format 0.0.4.
    std::string prometheus_text() const;

private:
    /// Upper bounds of the latency histogram's buckets, in seconds (+Inf is implicit).
    static constexpr std::array<double, 12> bounds_ = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,   0.1,   0.25,   0.5,   1.0,  5.0};
    struct latency {
        std::array<std::uint64_t, bounds_.size()> buckets{};  // not cumulative; summed when written
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::string, latency, std::less<>> latency_;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::array<std::atomic<std::uint64_t>, rejection_count> rejections_{};
};

}  // namespace xxgk::serve

#endif
