// Problem documents of `xxgk serve` (RFC 9457; docs/serve.md, "Errors").
#include "problem.hpp"

#include "../json_codec.hpp"

#include <algorithm>

namespace xxgk::serve {

problem_doc make_problem(unsigned status, std::string slug, std::string title, std::string detail) {
    problem_doc p;
    p.status = status;
    p.slug = std::move(slug);
    p.title = std::move(title);
    p.detail = std::move(detail);
    return p;
}

reply problem_reply(const problem_doc& p, std::string_view path) {
    reply r;
    r.status = p.status;
    r.content_type = "application/problem+json";
    detail::json_writer w(r.body);
    w.begin_object();
    w.key("type");
    w.string("urn:xxgk:problem:" + p.slug);
    w.key("title");
    w.string(p.title);
    w.key("status");
    w.integer(p.status);
    w.key("detail");
    w.string(p.detail);
    w.key("instance");
    w.string(path);
    w.key("code");
    w.string(p.code.empty() ? p.slug : p.code);
    if (!p.pointer.empty()) {
        w.key("pointer");
        w.string(p.pointer);
    }
    if (!p.parameter.empty()) {
        w.key("parameter");
        w.string(p.parameter);
    }
    if (!p.problems.empty()) {
        // The library's own Describe-driven encoder: the members of xxgk::problem, by their names.
        w.key("problems");
        detail::encode_context ctx;
        detail::encode_value(w, p.problems, ctx);
    }
    w.end_object();
    return r;
}

problem_doc problem_of(std::vector<xxgk::problem> problems) {
    problem_doc p;
    const bool syntax = std::any_of(problems.begin(), problems.end(),
                                    [](const xxgk::problem& q) { return q.code == errc::invalid_json; });
    p.status = syntax ? 400 : 422;
    p.slug = syntax ? "invalid-json" : "invalid-document";
    p.title = syntax ? "The body is not well-formed JSON" : "The document does not match the model";
    p.detail = problems.empty() ? std::string("the document has problems")
                                : std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
                                      "; the first: " + problems.front().message;
    p.code = problems.empty() ? std::string() : xxgk::to_string(problems.front().code);
    if (!problems.empty()) p.pointer = problems.front().pointer;
    p.problems = std::move(problems);
    return p;
}

problem_doc problem_of(const xxgk::error& e, std::string_view parts_pointer) {
    if (const auto* d = dynamic_cast<const xxgk::decode_error*>(&e)) return problem_of(d->problems());
    problem_doc p;
    switch (e.code()) {
        case errc::limit_exceeded: p.status = 413; break;
        case errc::unsupported_kind: p.status = 415; break;
        case errc::unavailable: p.status = 501; break;
        default: p.status = 422; break;
    }
    p.slug = "input-refused";
    p.title = "The library refused the input";
    p.detail = e.what();
    p.code = xxgk::to_string(e.code());
    if (const auto* i = dynamic_cast<const xxgk::incompatible_reports_error*>(&e))
        p.pointer = std::string(parts_pointer) + "/" + std::to_string(i->index());
    return p;
}

}  // namespace xxgk::serve
