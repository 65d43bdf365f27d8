// The HTTP/1.1 server of `xxgk serve` on Boost.Beast/Asio (docs/serve.md).
//
// One io_context run by a fixed pool of threads; each connection is a session on its own strand.
// A session reads a request (header, then body) under one deadline timer, answers it, and waits
// for the next one under the idle timeout. Timeouts use a steady_timer of the session rather than
// beast::tcp_stream's expiry, because an expired tcp_stream closes the socket and a 408 could not
// be sent any more: here the timer cancels the read, the session answers 408 and closes.
// Imports run on a separate bounded pool of workers under --import-timeout (the importer has no
// cancellation hook; its work is bounded by import_options::max_work_steps instead).
#include "server.hpp"

#include "metrics.hpp"
#include "problem.hpp"
#include "routes.hpp"

#include <xxgk/version.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

namespace xxgk::serve {

namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using clock = std::chrono::steady_clock;

class session;

/// What every session shares: the limits, the counters, the import workers and the list of
/// open sessions (to close the idle ones at shutdown).
struct shared_state {
    shared_state(const serve::limits& l, bool log)
        : lim(l), access_log(log), import_pool(std::max<std::size_t>(1, l.import_workers)) {}
    const serve::limits lim;
    const bool access_log;
    serve::metrics counters;
    std::atomic<bool> stopping{false};
    net::thread_pool import_pool;
    std::mutex sessions_mutex;
    std::unordered_map<const session*, std::weak_ptr<session>> sessions;
};

constexpr std::string_view continue_response = "HTTP/1.1 100 Continue\r\n\r\n";
/// After an error response the connection is closed; what the client still sends is read and
/// dropped for at most this long and this much, so that it sees the response instead of a reset.
constexpr std::chrono::milliseconds linger_time{2000};
constexpr std::size_t linger_bytes = std::size_t{1} << 20;

class session : public std::enable_shared_from_this<session> {
public:
    session(tcp::socket socket, shared_state& state)
        : socket_(std::move(socket)), deadline_(socket_.get_executor()), import_deadline_(socket_.get_executor()),
          state_(state) {
        state_.counters.connections_open.fetch_add(1);
        state_.counters.connections_total.fetch_add(1);
    }
    session(const session&) = delete;
    session& operator=(const session&) = delete;
    ~session() {
        state_.counters.connections_open.fetch_sub(1);
        std::lock_guard<std::mutex> lock(state_.sessions_mutex);
        state_.sessions.erase(this);
    }

    void start() {
        {
            std::lock_guard<std::mutex> lock(state_.sessions_mutex);
            state_.sessions.emplace(this, weak_from_this());
        }
        net::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->wait_request(); });
    }

    /// At shutdown (on the session's strand): a connection waiting for a request is closed; one
    /// reading or answering a request finishes it and closes after its response.
    void stop() {
        if (phase_ == phase::waiting) close();
    }
    /// `stop` on the session's strand (from the signal handler's thread).
    void stop_on_strand() {
        net::post(socket_.get_executor(), [self = shared_from_this()] { self->stop(); });
    }

private:
    enum class phase { waiting, reading, processing, writing, lingering, closed };

    // ---- deadlines

    void arm(std::chrono::milliseconds after) {
        const std::uint64_t generation = ++generation_;
        deadline_.expires_after(after);
        deadline_.async_wait([self = shared_from_this(), generation](boost::system::error_code ec) {
            if (!ec && generation == self->generation_) self->on_deadline();
        });
    }
    void disarm() {
        ++generation_;
        deadline_.cancel();
    }
    void on_deadline() {
        switch (phase_) {
            case phase::waiting:
                state_.counters.rejected(rejection::idle_timeout);
                close();
                break;
            case phase::reading: {
                timed_out_ = true;
                boost::system::error_code ignored;
                socket_.cancel(ignored);  // the read ends with operation_aborted: on_read_error answers 408
                break;
            }
            case phase::writing:
                state_.counters.rejected(rejection::write_timeout);
                close();
                break;
            case phase::lingering: close(); break;
            case phase::processing:
            case phase::closed: break;
        }
    }

    // ---- reading a request

    void wait_request() {
        if (state_.stopping.load()) return close();
        phase_ = phase::waiting;
        if (buffer_.size() > 0) return begin_read();  // the next request is already here (pipelined)
        arm(state_.lim.idle_timeout);
        socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](boost::system::error_code ec) {
            if (self->phase_ != phase::waiting) return;
            if (ec) return self->close();
            self->begin_read();
        });
    }

    void begin_read() {
        phase_ = phase::reading;
        timed_out_ = false;
        target_.clear();
        parser_.emplace();
        parser_->header_limit(
            static_cast<std::uint32_t>(std::min<std::size_t>(state_.lim.max_header_bytes, UINT32_MAX)));
        parser_->body_limit(state_.lim.max_body_bytes);
        arm(state_.lim.request_timeout);  // from the first byte to the last, whatever the pace
        http::async_read_header(
            socket_, buffer_, *parser_,
            [self = shared_from_this()](boost::system::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(boost::system::error_code ec) {
        if (ec) return on_read_error(ec);
        target_ = std::string(parser_->get().target());
        endpoint_ = std::string(endpoint_of(target_));
        // A request counts from its header on, body being read included: so at most --max-concurrent
        // bodies are held at once, and memory is bounded by --max-concurrent × --max-body-bytes.
        // /healthz and /metrics neither count nor are refused.
        if (!exempt_from_concurrency_limit(endpoint_)) {
            const std::int64_t before = state_.counters.in_flight.fetch_add(1);
            in_flight_ = true;
            if (before >= static_cast<std::int64_t>(state_.lim.max_concurrent)) {
                disarm();
                started_ = clock::now();
                state_.counters.rejected(rejection::too_many_requests);
                head_ = parser_->get().method() == http::verb::head;
                keep_alive_ = !parser_->is_done() ? false : parser_->get().keep_alive();  // a body left unread: close
                return refuse(429, "too-many-requests", "Too many requests",
                              std::to_string(state_.lim.max_concurrent) +
                                  " requests are in progress (--max-concurrent); retry later");
            }
        }
        const auto expect = parser_->get()[http::field::expect];
        if (!expect.empty() && boost::beast::iequals(expect, "100-continue") && !parser_->is_done()) {
            net::async_write(socket_, net::buffer(continue_response.data(), continue_response.size()),
                             [self = shared_from_this()](boost::system::error_code wec, std::size_t) {
                                 if (wec) return self->close();
                                 self->read_body();
                             });
            return;
        }
        read_body();
    }

    void read_body() {
        http::async_read(socket_, buffer_, *parser_,
                         [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                             if (ec) return self->on_read_error(ec);
                             self->process();
                         });
    }

    void on_read_error(boost::system::error_code ec) {
        if (phase_ == phase::closed) return;
        disarm();
        started_ = clock::now();
        // The request line may have been read even when the header was not (413 for a Content-Length).
        if (target_.empty() && parser_) target_ = std::string(parser_->get().target());
        endpoint_ = target_.empty() ? "other" : std::string(endpoint_of(target_));
        if (timed_out_) {
            state_.counters.rejected(rejection::request_timeout);
            return fail(408, "request-timeout", "Request timeout",
                        "the request was not received whole within " +
                            std::to_string(state_.lim.request_timeout.count()) + " ms (--request-timeout)");
        }
        if (ec == http::error::body_limit) {
            state_.counters.rejected(rejection::body_too_large);
            return fail(413, "body-too-large", "Content too large",
                        "the body is larger than " + std::to_string(state_.lim.max_body_bytes) +
                            " bytes (--max-body-bytes)");
        }
        if (ec == http::error::header_limit) {
            state_.counters.rejected(rejection::header_too_large);
            return fail(431, "header-too-large", "Request header fields too large",
                        "the request line and header fields are larger than " +
                            std::to_string(state_.lim.max_header_bytes) + " bytes (--max-header-bytes)");
        }
        // The client went away, before a request or in the middle of one: nobody to answer.
        if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == net::error::eof ||
            ec == net::error::connection_reset || ec == net::error::operation_aborted)
            return close();
        if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
            state_.counters.rejected(rejection::bad_request);
            return fail(400, "bad-request", "Bad request", "the request is not HTTP/1.1 as it parses: " + ec.message());
        }
        close();
    }

    /// Answers a request that could not be read with a problem document and closes the connection.
    void fail(unsigned status, const char* slug, const char* title, std::string detail) {
        head_ = false;
        keep_alive_ = false;
        send(problem_reply(make_problem(status, slug, title, std::move(detail)), path()), false);
    }

    /// The path of the request being answered ("" when its request line was not read).
    std::string path() const { return target_.substr(0, target_.find('?')); }

    // ---- answering

    void process() {
        disarm();
        phase_ = phase::processing;
        started_ = clock::now();
        const http::request<http::string_body>& req = parser_->get();
        endpoint_ = std::string(endpoint_of(req.target()));
        if (req.version() >= 11 && req.find(http::field::host) == req.end()) {
            state_.counters.rejected(rejection::bad_request);
            return fail(400, "bad-request", "Bad request",
                        "an HTTP/1.1 request needs a Host header field (RFC 9112, section 3.2)");
        }
        head_ = req.method() == http::verb::head;
        keep_alive_ = req.keep_alive();
        if (runs_on_import_workers(endpoint_)) return start_import();
        send(handle(view(), context()), true);
    }

    request_view view() const {
        const http::request<http::string_body>& req = parser_->get();
        const auto content_type = req[http::field::content_type];
        return {std::string_view(req.method_string().data(), req.method_string().size()),
                std::string_view(req.target().data(), req.target().size()),
                std::string_view(content_type.data(), content_type.size()), req.body()};
    }

    route_context context() const { return {&state_.counters, state_.stopping.load()}; }

    /// Answers with a problem document and Retry-After: a limit was reached, the client may retry.
    void refuse(unsigned status, const char* slug, const char* title, std::string detail) {
        reply r = problem_reply(make_problem(status, slug, title, std::move(detail)), path());
        r.headers.emplace_back("Retry-After", "1");
        send(std::move(r), true);
    }

    /// POST /v1/import on the import workers, answered 503 when --import-timeout passes first.
    /// The abandoned import runs to its end (bounded by the importer's work budget) and still
    /// holds its worker and its place in the queue, so abandoned work never exceeds
    /// --import-workers + --import-queue imports.
    void start_import() {
        const std::int64_t pending = state_.counters.imports_pending.fetch_add(1);
        if (pending >= static_cast<std::int64_t>(state_.lim.import_workers + state_.lim.import_queue)) {
            state_.counters.imports_pending.fetch_sub(1);
            state_.counters.rejected(rejection::import_busy);
            return refuse(503, "import-busy", "Every import worker is busy",
                          std::to_string(state_.lim.import_workers) + " imports are running and " +
                              std::to_string(state_.lim.import_queue) +
                              " waiting (--import-workers, --import-queue); retry later");
        }
        auto answered = std::make_shared<bool>(false);  // touched only on this session's strand
        const std::uint64_t request = ++import_request_;
        import_deadline_.expires_after(state_.lim.import_timeout);
        import_deadline_.async_wait([self = shared_from_this(), answered](boost::system::error_code ec) {
            if (ec || *answered) return;
            *answered = true;
            self->state_.counters.imports_abandoned.fetch_add(1);
            self->state_.counters.rejected(rejection::import_timeout);
            self->refuse(503, "import-timeout", "The import took too long",
                         "the import did not finish within " + std::to_string(self->state_.lim.import_timeout.count()) +
                             " ms (--import-timeout)");
        });
        // The worker gets its own copy of the request: the session may answer 503 and read the next one.
        auto job = std::make_shared<http::request<http::string_body>>(parser_->get());
        net::post(state_.import_pool, [weak = weak_from_this(), executor = socket_.get_executor(), job, answered,
                                       request, &state = state_] {
            const auto content_type = (*job)[http::field::content_type];
            const request_view v{std::string_view(job->method_string().data(), job->method_string().size()),
                                 std::string_view(job->target().data(), job->target().size()),
                                 std::string_view(content_type.data(), content_type.size()), job->body()};
            auto result = std::make_shared<reply>(handle(v, {&state.counters, state.stopping.load()}));
            net::post(executor, [weak, answered, result, request, &state] {
                state.counters.imports_pending.fetch_sub(1);
                if (*answered) {
                    state.counters.imports_abandoned.fetch_sub(1);
                    return;
                }
                *answered = true;
                auto self = weak.lock();
                if (!self || self->import_request_ != request) return;
                self->import_deadline_.cancel();
                self->send(std::move(*result), true);
            });
        });
    }

    void send(reply r, bool may_keep_alive) {
        if (phase_ == phase::closed) return;
        status_ = r.status;
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status), 11);
        res->set(http::field::server, std::string("xxgk/") + xxgk::version());
        res->set(http::field::content_type, r.content_type);
        res->set(http::field::cache_control, "no-store");
        res->set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : r.headers) res->set(name, value);
        keep_alive_ = may_keep_alive && keep_alive_ && !state_.stopping.load();
        res->keep_alive(keep_alive_);
        const std::size_t length = r.body.size();
        body_bytes_ = head_ ? 0 : length;
        if (!head_) res->body() = std::move(r.body);
        res->content_length(length);
        response_ = res;
        phase_ = phase::writing;
        arm(state_.lim.request_timeout);
        http::async_write(socket_, *res, [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
            self->on_written(ec);
        });
    }

    void on_written(boost::system::error_code ec) {
        disarm();
        response_.reset();
        const double seconds = std::chrono::duration<double>(clock::now() - started_).count();
        state_.counters.request_done(endpoint_, status_, seconds);
        if (state_.access_log) log_request(seconds, ec);
        if (in_flight_) {
            state_.counters.in_flight.fetch_sub(1);
            in_flight_ = false;
        }
        if (ec) return close();
        if (!keep_alive_) return linger();
        parser_.reset();
        // A large body grew the buffer: give the memory back before waiting (pipelined bytes stay).
        if (buffer_.capacity() > 65536) buffer_.shrink_to_fit();
        wait_request();
    }

    /// One line on standard error per request answered (--access-log): client, request line,
    /// status, body bytes, seconds; "write-failed" when the response did not reach the client.
    /// One fwrite per line, so that lines of several threads do not mix.
    void log_request(double seconds, boost::system::error_code ec) const {
        boost::system::error_code ignored;
        const tcp::endpoint peer = socket_.remote_endpoint(ignored);
        std::string line = peer.address().to_string() + ":" + std::to_string(peer.port()) + " \"";
        const std::string method = parser_ ? std::string(parser_->get().method_string()) : std::string();
        line += method.empty() ? std::string("-") : method;
        line += ' ';
        line += target_.empty() ? std::string("-") : target_.substr(0, 200);
        line += "\" " + std::to_string(status_) + ' ' + std::to_string(body_bytes_) + ' ';
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6f", seconds);
        line += buf;
        if (ec) line += " write-failed";
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stderr);
    }

    /// Closes after a response: sends FIN, then reads and drops what the client still sends for
    /// a short while, so that it reads our response rather than a reset.
    void linger() {
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_send, ignored);
        phase_ = phase::lingering;
        lingered_ = 0;
        arm(linger_time);
        drain();
    }
    void drain() {
        socket_.async_read_some(net::buffer(scratch_),
                                [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                                    if (self->phase_ != phase::lingering) return;
                                    self->lingered_ += n;
                                    if (ec || self->lingered_ > linger_bytes) return self->close();
                                    self->drain();
                                });
    }

    void close() {
        if (phase_ == phase::closed) return;
        phase_ = phase::closed;
        disarm();
        import_deadline_.cancel();
        boost::system::error_code ignored;
        socket_.close(ignored);
        if (in_flight_) {
            state_.counters.in_flight.fetch_sub(1);
            in_flight_ = false;
        }
    }

    tcp::socket socket_;
    net::steady_timer deadline_;
    net::steady_timer import_deadline_;
    shared_state& state_;
    boost::beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<http::response<http::string_body>> response_;
    std::array<char, 4096> scratch_{};
    phase phase_ = phase::waiting;
    std::uint64_t generation_ = 0;
    std::uint64_t import_request_ = 0;
    bool timed_out_ = false;
    bool head_ = false;
    bool keep_alive_ = true;
    bool in_flight_ = false;
    unsigned status_ = 0;
    std::size_t body_bytes_ = 0;
    std::size_t lingered_ = 0;
    std::string target_;
    std::string endpoint_ = "other";
    clock::time_point started_;
};

class listener : public std::enable_shared_from_this<listener> {
public:
    listener(net::io_context& ioc, const tcp::endpoint& at, shared_state& state)
        : ioc_(ioc), acceptor_(net::make_strand(ioc)), retry_(acceptor_.get_executor()), state_(state) {
        acceptor_.open(at.protocol());
        acceptor_.set_option(net::socket_base::reuse_address(true));
        acceptor_.bind(at);
        acceptor_.listen(net::socket_base::max_listen_connections);
    }
    tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }
    void start() { accept(); }
    /// Stops accepting (posted to the acceptor's strand).
    void stop() {
        net::post(acceptor_.get_executor(), [self = shared_from_this()] {
            boost::system::error_code ignored;
            self->acceptor_.close(ignored);
            self->retry_.cancel();
        });
    }

private:
    void accept() {
        acceptor_.async_accept(net::make_strand(ioc_),
                               [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
                                   self->on_accept(ec, std::move(socket));
                               });
    }
    void on_accept(boost::system::error_code ec, tcp::socket socket) {
        if (!acceptor_.is_open() || state_.stopping.load()) return;
        if (ec) {
            // Out of file descriptors (EMFILE) or memory: wait a little instead of spinning.
            retry_.expires_after(std::chrono::milliseconds(100));
            retry_.async_wait([self = shared_from_this()](boost::system::error_code tec) {
                if (!tec) self->accept();
            });
            return;
        }
        if (state_.counters.connections_open.load() >= static_cast<std::int64_t>(state_.lim.max_connections)) {
            state_.counters.rejected(rejection::too_many_connections);
            boost::system::error_code ignored;
            socket.close(ignored);
        } else {
            std::make_shared<session>(std::move(socket), state_)->start();
        }
        accept();
    }

    net::io_context& ioc_;
    tcp::acceptor acceptor_;
    net::steady_timer retry_;
    shared_state& state_;
};

/// "ADDRESS:PORT", "[IPv6]:PORT" or "localhost:PORT" as an endpoint. No name is resolved.
tcp::endpoint parse_listen(const std::string& listen) {
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size())
        throw std::invalid_argument("--listen '" + listen + "': expected ADDRESS:PORT, e.g. 127.0.0.1:8080");
    std::string host = listen.substr(0, colon);
    const std::string port_text = listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    unsigned long port = 0;
    if (port_text.size() > 5 ||
        !std::all_of(port_text.begin(), port_text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        (port = std::stoul(port_text)) > 65535)
        throw std::invalid_argument("--listen '" + listen + "': the port must be a number from 0 to 65535");
    boost::system::error_code ec;
    const net::ip::address address = net::ip::make_address(host, ec);
    if (ec)
        throw std::invalid_argument("--listen '" + listen + "': '" + host +
                                    "' is not an IP address (names are not resolved; use 0.0.0.0 or :: for every one)");
    return {address, static_cast<unsigned short>(port)};
}

/// Raises the soft limit of open files to the hard limit: every connection is a descriptor, and
/// the default soft limit (1024) is below what a busy service keeps open.
void raise_file_limit() {
    rlimit l{};
    if (getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
        l.rlim_cur = l.rlim_max;
        setrlimit(RLIMIT_NOFILE, &l);
    }
}

}  // namespace

int run(const server_options& options, const std::function<void(const std::string&)>& bound) {
    const tcp::endpoint at = parse_listen(options.listen);
    raise_file_limit();
    shared_state state(options.limits, options.access_log);
    const std::size_t threads = std::max<std::size_t>(1, options.threads);
    net::io_context ioc(static_cast<int>(threads));
    std::shared_ptr<listener> accepting;
    try {
        accepting = std::make_shared<listener>(ioc, at, state);
    } catch (const boost::system::system_error& e) {
        throw std::system_error(std::error_code(e.code().value(), std::generic_category()),
                                "cannot listen on " + options.listen);
    }
    const tcp::endpoint local = accepting->local_endpoint();
    const std::string address =
        local.address().is_v6() ? "[" + local.address().to_string() + "]" : local.address().to_string();
    bound(address + ":" + std::to_string(local.port()));

    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (ec) return;
        state.stopping.store(true);
        accepting->stop();
        std::vector<std::shared_ptr<session>> open;
        {
            std::lock_guard<std::mutex> lock(state.sessions_mutex);
            for (auto& [key, weak] : state.sessions)
                if (auto s = weak.lock()) open.push_back(std::move(s));
        }
        for (auto& s : open) s->stop_on_strand();
        // A second signal is not caught: it ends the process at once.
        signals.clear();
    });
    accepting->start();

    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (std::thread& t : pool) t.join();
    state.import_pool.join();
    return 0;
}

}  // namespace xxgk::serve
