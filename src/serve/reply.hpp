// Internal to `xxgk serve`: what an endpoint answers, before it becomes an HTTP response.
#ifndef XXGK_SRC_SERVE_REPLY_HPP
#define XXGK_SRC_SERVE_REPLY_HPP

#include <string>
#include <utility>
#include <vector>

namespace xxgk::serve {

/// A response: status, media type, body and the header fields particular to it (Allow,
/// Retry-After, Content-Security-Policy, …). The server adds the fields every response has.
struct reply {
    unsigned status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace xxgk::serve

#endif
