// Internal to `xxgk serve`: error responses as RFC 9457 problem documents
// (application/problem+json), carrying the library's codes, JSON Pointers and messages.
#ifndef XXGK_SRC_SERVE_PROBLEM_HPP
#define XXGK_SRC_SERVE_PROBLEM_HPP

#include "reply.hpp"

#include <xxgk/error.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::serve {

/// A problem document. `type` is "urn:xxgk:problem:" + `slug` (docs/serve.md lists every slug),
/// `title` the short English summary of the slug, `detail` what happened in this request.
/// Extension members: `code` (the library's errc name when the library refused the input, else
/// the slug), `pointer` (where in the input, when known), `parameter` (a query parameter at fault) and `problems` (every problem the
/// library reported, with its code, JSON Pointer, message and, for syntax errors, line/column).
struct problem_doc {
    unsigned status = 400;
    std::string slug;
    std::string title;
    std::string detail;
    std::string code;       ///< "" → the slug
    std::string pointer;    ///< "" → left out
    std::string parameter;  ///< the query parameter at fault; "" → left out
    std::vector<xxgk::problem> problems;
};

/// A problem document of the service itself (no library problems): `code` is the slug.
problem_doc make_problem(unsigned status, std::string slug, std::string title, std::string detail);

/// The problem document as a reply: its JSON (members in the order above, `instance` = `path`)
/// and media type application/problem+json.
reply problem_reply(const problem_doc& p, std::string_view path);

/// The document for an exception of the library: the status that its errc calls for (413
/// limit_exceeded, 415 unsupported_kind, 501 unavailable, 422 otherwise), slug "input-refused",
/// `code` its errc name; a decode_error carries its problems (400 "invalid-json" when one of them
/// is errc::invalid_json, 422 "invalid-document" otherwise); an incompatible_reports_error points at
/// "<parts_pointer>/<index>".
problem_doc problem_of(const xxgk::error& e, std::string_view parts_pointer = "");

/// The document for the library's decode problems of a document (`decode_json`'s result): 400
/// "invalid-json" when one of them is errc::invalid_json, 422 "invalid-document" otherwise.
problem_doc problem_of(std::vector<xxgk::problem> problems);

}  // namespace xxgk::serve

#endif
