// Input nested deeper than the caller's stack allows is handled on a stack of its own
// (include/xxgk/detail/stack.hpp).
#include "xxgk/detail/stack.hpp"

#include "xxgk/error.hpp"

#include <pthread.h>

#include <cstring>
#include <string>

namespace xxgk::detail {

bool nested_deeper_than(std::string_view json, std::size_t levels) noexcept {
    std::size_t depth = 0;
    const char* p = json.data();
    const char* const end = p + json.size();
    while (p < end) {
        const char c = *p++;
        if (c == '[' || c == '{') {
            if (++depth > levels) return true;
        } else if (c == ']' || c == '}') {
            if (depth) --depth;
        } else if (c == '"') {  // skip the string: brackets inside do not nest
            while (p < end) {
                const void* q = std::memchr(p, '"', static_cast<std::size_t>(end - p));
                if (!q) return false;
                const char* quote = static_cast<const char*>(q);
                std::size_t backslashes = 0;
                for (const char* b = quote; b > p && b[-1] == '\\'; --b) ++backslashes;
                p = quote + 1;
                if (backslashes % 2 == 0) break;  // not escaped: the string ends here
            }
        }
    }
    return false;
}

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
// WebAssembly without threads (bindings/js, docs/web.md): there is no thread to create, so the
// body runs on the caller's stack. Nested JSON comes here only when the caller raised max_depth
// above caller_stack_levels, which the JavaScript API does not offer; the importers come here for
// every input, and text import (the one reader in that build) recurses only a bounded number of levels.
void run_on_own_stack(void (*body)(void*) noexcept, void* arg) { body(arg); }
#else
namespace {
struct start {
    void (*body)(void*) noexcept;
    void* arg;
};
extern "C" void* run_start(void* p) {
    const start& s = *static_cast<const start*>(p);
    s.body(s.arg);
    return nullptr;
}
}  // namespace

void run_on_own_stack(void (*body)(void*) noexcept, void* arg) {
    start s{body, arg};
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0)
        throw error(errc::limit_exceeded, "cannot set up a thread for deeply nested input");
    pthread_t thread;
    int rc = pthread_attr_setstacksize(&attr, own_stack_bytes);
    if (rc == 0) rc = pthread_create(&thread, &attr, run_start, &s);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        throw error(errc::limit_exceeded, "input nested deeper than " + std::to_string(caller_stack_levels) +
                                              " levels is read on a thread of its own, which could not be created (" +
                                              "error " + std::to_string(rc) + ")");
    pthread_join(thread, nullptr);
}
#endif

}  // namespace xxgk::detail
