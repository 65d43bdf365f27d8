// The counters of `xxgk serve` and their Prometheus text exposition (docs/serve.md, "Metrics").
#include "metrics.hpp"

#include <xxgk/version.hpp>

#include <cstdio>

namespace xxgk::serve {

std::string_view to_string(rejection r) noexcept {
    switch (r) {
        case rejection::bad_request: return "bad_request";
        case rejection::header_too_large: return "header_too_large";
        case rejection::body_too_large: return "body_too_large";
        case rejection::request_timeout: return "request_timeout";
        case rejection::idle_timeout: return "idle_timeout";
        case rejection::write_timeout: return "write_timeout";
        case rejection::too_many_requests: return "too_many_requests";
        case rejection::import_timeout: return "import_timeout";
        case rejection::import_busy: return "import_busy";
        case rejection::too_many_connections: return "too_many_connections";
    }
    return "unknown";
}

void metrics::request_done(std::string_view endpoint, unsigned status, double seconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++requests_[{std::string(endpoint), status}];
    auto it = latency_.find(endpoint);
    if (it == latency_.end()) it = latency_.emplace(std::string(endpoint), latency{}).first;
    latency& l = it->second;
    std::size_t b = 0;
    while (b < bounds_.size() && seconds > bounds_[b]) ++b;
    if (b < bounds_.size()) ++l.buckets[b];
    ++l.count;
    l.sum += seconds;
}

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

void head(std::string& out, const char* name, const char* type, const char* help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

}  // namespace

std::string metrics::prometheus_text() const {
    std::string out;
    head(out, "xxgk_build_info", "gauge", "The xxgk version serving.");
    out += "xxgk_build_info{version=\"";
    out += xxgk::version();
    out += "\"} 1\n";

    head(out, "xxgk_http_requests_total", "counter", "Requests answered, by endpoint and status.");
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [labels, count] : requests_)
        out += "xxgk_http_requests_total{endpoint=\"" + labels.first + "\",status=\"" + std::to_string(labels.second) +
               "\"} " + std::to_string(count) + '\n';

    head(out, "xxgk_http_request_duration_seconds", "histogram",
         "Time from a request read whole to its response written, by endpoint.");
    for (const auto& [endpoint, l] : latency_) {
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < bounds_.size(); ++b) {
            cumulative += l.buckets[b];
            out += "xxgk_http_request_duration_seconds_bucket{endpoint=\"" + endpoint + "\",le=\"" +
                   number(bounds_[b]) + "\"} " + std::to_string(cumulative) + '\n';
        }
        out += "xxgk_http_request_duration_seconds_bucket{endpoint=\"" + endpoint + "\",le=\"+Inf\"} " +
               std::to_string(l.count) + '\n';
        out += "xxgk_http_request_duration_seconds_sum{endpoint=\"" + endpoint + "\"} " + number(l.sum) + '\n';
        out +=
            "xxgk_http_request_duration_seconds_count{endpoint=\"" + endpoint + "\"} " + std::to_string(l.count) + '\n';
    }

    head(out, "xxgk_http_rejections_total", "counter",
         "Requests and connections refused or cut by a limit, by reason.");
    for (std::size_t i = 0; i < rejection_count; ++i)
        out += "xxgk_http_rejections_total{reason=\"" + std::string(to_string(static_cast<rejection>(i))) + "\"} " +
               std::to_string(rejections_[i].load()) + '\n';

    const auto gauge = [&](const char* name, const char* help, std::int64_t v) {
        head(out, name, "gauge", help);
        out += name;
        out += ' ' + std::to_string(v) + '\n';
    };
    gauge("xxgk_http_in_flight_requests",
          "Requests whose header is read and that are not yet answered (/healthz, /metrics not counted).",
          in_flight.load());
    gauge("xxgk_http_open_connections", "Connections open.", connections_open.load());
    head(out, "xxgk_http_connections_total", "counter", "Connections accepted.");
    out += "xxgk_http_connections_total " + std::to_string(connections_total.load()) + '\n';
    gauge("xxgk_import_pending", "Imports queued or running on the import workers.", imports_pending.load());
    gauge("xxgk_import_abandoned", "Imports answered 503 after --import-timeout and still running.",
          imports_abandoned.load());
    return out;
}

}  // namespace xxgk::serve
