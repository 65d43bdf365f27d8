/*
 * c_api_stack_test — every entry point that reads nested input keeps to a small, fixed stack
 * (docs/security.md, "Nesting depth"): each call runs on a thread with a 64 KiB stack (half of
 * musl's default) and reads input nested to the maximum depth the library accepts (1000):
 * arrays, objects, both inside a report or portal file, and — in lax mode, where an unknown
 * member is kept — through everything that then handles the kept value (encode, clone, compare,
 * set, validate, render, free). HTML nested 1000 elements deep goes through the importer.
 *
 *   xxgk_c_api_stack_test DIR [STACK_KIB]
 *
 * DIR: a writable directory for the file entry points. STACK_KIB (default 64): the thread stack;
 * the sanitizer builds pass more, since instrumentation enlarges every frame.
 */
#define _POSIX_C_SOURCE 200809L

#include "check.h"

#include <pthread.h>

#define DEPTH 1000 /* the cap of xxgk_load_options.max_depth */
#define SHALLOW 32 /* the default max_depth: read on the caller's stack */

static size_t depth; /* the depth of this round: max_depth, and how deep the input nests */

static const char* dir;

/* A malloc'ed string: prefix, `levels` times open, middle, `levels` times close, suffix. */
static char* nest(const char* prefix, const char* open, const char* middle, const char* close, const char* suffix,
                  size_t levels, size_t* len) {
    size_t lp = strlen(prefix), lo = strlen(open), lm = strlen(middle), lc = strlen(close), ls = strlen(suffix);
    size_t n = lp + levels * (lo + lc) + lm + ls, i;
    char *s = malloc(n + 1), *p = s;
    if (!s) exit(2);
    memcpy(p, prefix, lp), p += lp;
    for (i = 0; i < levels; ++i) memcpy(p, open, lo), p += lo;
    memcpy(p, middle, lm), p += lm;
    for (i = 0; i < levels; ++i) memcpy(p, close, lc), p += lc;
    memcpy(p, suffix, ls), p += ls;
    *p = '\0';
    *len = n;
    return s;
}

static void write_file(const char* path, const char* s, size_t len) {
    FILE* f = fopen(path, "wb");
    if (!f || fwrite(s, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
}

/* Decodes `json` as a report and as a portal file through every entry point, with max_depth =
 * the round's depth, strict and lax. `expect`: the status every call must fail with; 0: any failure. */
static void decode_everywhere(const char* json, size_t len, xxgk_status expect) {
    xxgk_load_options o = XXGK_LOAD_OPTIONS_INIT;
    xxgk_report* r = NULL;
    xxgk_portal* p = NULL;
    xxgk_error* e = NULL;
    xxgk_status s[4];
    char path[4096];
    int lax, k;
    snprintf(path, sizeof path, "%s/c_api_stack_test.json", dir);
    write_file(path, json, len);
    o.max_depth = depth;
    for (lax = 0; lax <= 1; ++lax) {
        o.keep_unknown_members = lax;
        s[0] = xxgk_report_from_json(&r, json, len, &o, &e);
        xxgk_report_free(r), xxgk_error_free(e), r = NULL, e = NULL;
        s[1] = xxgk_report_from_file(&r, path, &o, &e);
        xxgk_report_free(r), xxgk_error_free(e), r = NULL, e = NULL;
        s[2] = xxgk_portal_from_json(&p, json, len, &o, &e);
        xxgk_portal_free(p), xxgk_error_free(e), p = NULL, e = NULL;
        s[3] = xxgk_portal_from_file(&p, path, &o, &e);
        xxgk_portal_free(p), xxgk_error_free(e), p = NULL, e = NULL;
        for (k = 0; k < 4; ++k) {
            CHECK(s[k] != XXGK_OK && s[k] != XXGK_E_INTERNAL);
            if (expect) CHECK(s[k] == expect);
        }
    }
    CHECK(xxgk_is_portal_json(json, len) == 0);
    remove(path);
}

/* A report (lax) carrying a kept value nested `depth` deep: everything that handles the report. */
static void handle_kept_report(const char* json, size_t len) {
    xxgk_load_options o = XXGK_LOAD_OPTIONS_INIT;
    xxgk_report *r = NULL, *c = NULL;
    xxgk_issues* i = NULL;
    xxgk_error* e = NULL;
    char* out = NULL;
    size_t out_len = 0;
    o.max_depth = depth;
    o.keep_unknown_members = 1;
    CHECK_OK(xxgk_report_from_json(&r, json, len, &o, &e), e);
    if (!r) return;
    CHECK_OK(xxgk_report_to_json(r, &out, &out_len, &e), e);
    CHECK(out != NULL && out_len == len && memcmp(out, json, len) == 0);
    xxgk_free(out), out = NULL;
    CHECK_OK(xxgk_report_get_json(r, S(""), &out, &out_len, &e), e);
    xxgk_free(out), out = NULL;
    CHECK_OK(xxgk_report_clone(r, &c, &e), e);
    CHECK(xxgk_report_equal(r, c) == 1);
    CHECK_OK(xxgk_report_validate(r, NULL, &i, &e), e);
    xxgk_issues_free(i), i = NULL;
    CHECK_OK(xxgk_report_render(r, XXGK_RENDER_HTML, NULL, &out, &out_len, &e), e);
    xxgk_free(out), out = NULL;
    CHECK_OK(xxgk_report_set_json(c, S("/header/body"), S("\"x\""), &e), e);
    /* set_json re-decodes the whole report (with the kept value) */
    CHECK(xxgk_report_equal(r, c) == 0);
    xxgk_report_free(c);
    xxgk_report_free(r);
}

/* A portal (lax) carrying a kept value nested deep. */
static void handle_kept_portal(const char* json, size_t len) {
    xxgk_load_options o = XXGK_LOAD_OPTIONS_INIT;
    xxgk_portal* p = NULL;
    xxgk_issues* i = NULL;
    xxgk_error* e = NULL;
    char* out = NULL;
    size_t out_len = 0;
    o.max_depth = depth;
    o.keep_unknown_members = 1;
    CHECK_OK(xxgk_portal_from_json(&p, json, len, &o, &e), e);
    if (!p) return;
    CHECK_OK(xxgk_portal_to_json(p, &out, &out_len, &e), e);
    xxgk_free(out), out = NULL;
    CHECK_OK(xxgk_portal_get_json(p, S(""), &out, &out_len, &e), e);
    xxgk_free(out), out = NULL;
    CHECK_OK(xxgk_portal_validate(p, NULL, &i, &e), e);
    xxgk_issues_free(i);
    CHECK_OK(xxgk_portal_render(p, XXGK_RENDER_HTML, NULL, &out, &out_len, &e), e);
    xxgk_free(out);
    xxgk_portal_free(p);
}

static void import_everywhere(const char* bytes, size_t len) {
    xxgk_import_options o = XXGK_IMPORT_OPTIONS_INIT;
    xxgk_report* r = NULL;
    xxgk_error* e = NULL;
    char* log = NULL;
    int kind;
    for (kind = XXGK_SOURCE_DETECT; kind <= XXGK_SOURCE_HTML; ++kind) {
        xxgk_status s;
        o.kind = kind;
        s = xxgk_import_bytes(&r, &log, NULL, bytes, len, &o, &e);
        CHECK(s == XXGK_OK || s == XXGK_E_INVALID_VALUE || s == XXGK_E_LIMIT_EXCEEDED);
        xxgk_report_free(r), xxgk_free(log), xxgk_error_free(e), r = NULL, log = NULL, e = NULL;
    }
}

static void round_at_depth(void);

static void* run(void* arg) {
    (void)arg;
    for (depth = SHALLOW; depth <= DEPTH; depth += DEPTH - SHALLOW) round_at_depth();
    return NULL;
}

static void round_at_depth(void) {
    size_t len;
    char* s;

    /* Bare nesting: well-formed at the cap, one level past it, never closed. */
    s = nest("", "[", "", "]", "", depth, &len);
    decode_everywhere(s, len, XXGK_E_WRONG_TYPE);
    free(s);
    s = nest("", "[", "", "]", "", depth + 1, &len);
    decode_everywhere(s, len, XXGK_E_LIMIT_EXCEEDED);
    free(s);
    s = nest("", "[", "", "", "", depth, &len);
    decode_everywhere(s, len, XXGK_E_INVALID_JSON);
    free(s);
    s = nest("", "{\"a\":", "1", "}", "", depth, &len);
    decode_everywhere(s, len, 0);
    free(s);

    /* Inside a member the model has: a wrong type at depth 2, the rest of the value skipped. */
    s = nest("{\"format\":\"2021\",\"header\":", "[", "", "]", "}", depth - 1, &len);
    decode_everywhere(s, len, 0);
    free(s);

    /* Kept by lax decoding (an unknown member of a new report), then handled by every function. */
    {
        xxgk_report* r = NULL;
        char *base = NULL, *prefix;
        size_t base_len = 0;
        CHECK_OK(xxgk_report_new(&r, XXGK_FORMAT_2021, NULL), NULL);
        CHECK_OK(xxgk_report_to_json(r, &base, &base_len, NULL), NULL);
        xxgk_report_free(r);
        if (!base) return;
        prefix = malloc(base_len + 8);
        if (!prefix) exit(2);
        memcpy(prefix, base, base_len - 1); /* without the closing brace */
        memcpy(prefix + base_len - 1, ",\"x\":", 6);
        prefix[base_len + 5] = '\0';
        xxgk_free(base);
        s = nest(prefix, "[", "", "]", "}", depth - 1, &len);
        handle_kept_report(s, len);
        free(s);
        s = nest(prefix, "{\"a\":", "1", "}", "}", depth - 1, &len);
        handle_kept_report(s, len);
        free(s);
        free(prefix);
    }
    s = nest("{\"kind\":\"portal\",\"x\":", "[", "", "]", "}", depth - 1, &len);
    handle_kept_portal(s, len);
    free(s);

    /* HTML nested 1000 elements deep, with and without a table inside. */
    s = nest("<html><body>", "<div>", "一、总体情况", "</div>", "</body></html>", depth, &len);
    import_everywhere(s, len);
    free(s);
    s = nest("<html><body>", "<table><tr><td>", "1", "</td></tr></table>", "</body></html>", depth, &len);
    import_everywhere(s, len);
    free(s);
}

int main(int argc, char** argv) {
    pthread_attr_t attr;
    pthread_t thread;
    size_t kib = 64;
    if (argc < 2) {
        fprintf(stderr, "usage: xxgk_c_api_stack_test DIR [STACK_KIB]\n");
        return 2;
    }
    dir = argv[1];
    if (argc > 2) kib = (size_t)strtoul(argv[2], NULL, 10);
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, kib * 1024) != 0 ||
        pthread_create(&thread, &attr, run, NULL) != 0 || pthread_join(thread, NULL) != 0) {
        fprintf(stderr, "cannot run a thread with a %zu KiB stack\n", kib);
        return 2;
    }
    pthread_attr_destroy(&attr);
    printf("%d checks, %d failures (stack %zu KiB, depths %d and %d)\n", checks, failures, kib, SHALLOW, DEPTH);
    return failures ? 1 : 0;
}
