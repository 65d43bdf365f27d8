/*
 * c_files_test.c — the C ABI's file and size guards (issue 16, items 1 and 2; docs/security.md §3):
 * xxgk_is_portal_json checks the input limit before looking at a byte, and decides from the first
 * members; the _from_file functions refuse devices, FIFOs and directories before reading, and
 * files over the limit before reading them.
 *
 *   xxgk_c_files_test SCRATCH_DIR
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static void test_is_portal_json_limits(void) {
    const size_t limit = (size_t)64 << 20; /* the default max_input_bytes */
    static const char head[] = "{\"kind\":\"portal\"}";
    char* text = malloc(limit + 1);
    CHECK(text != NULL);
    if (!text) return;
    memcpy(text, head, sizeof head - 1);
    memset(text + sizeof head - 1, ' ', limit + 1 - (sizeof head - 1));
    CHECK(xxgk_is_portal_json(text, limit) == 1);     /* at the limit: a portal */
    CHECK(xxgk_is_portal_json(text, limit + 1) == 0); /* one byte more: refused before it is parsed */
    /* The kind is decided by the first members: what follows is not looked at (decoding reports it). */
    CHECK(xxgk_is_portal_json(S("{\"kind\":\"portal\", \x01 garbage")) == 1);
    CHECK(xxgk_is_portal_json(S("{\"kind\":\"report\",\"kind\":\"portal\"}")) == 0);
    /* Not an object: decided at the first byte, whatever the size. */
    memset(text, '[', limit);
    CHECK(xxgk_is_portal_json(text, limit) == 0);
    free(text);
}

static void test_from_file_refuses_what_is_not_a_file(const char* scratch) {
    xxgk_report* r = NULL;
    xxgk_portal* p = NULL;
    xxgk_error* err = NULL;
    char fifo[4096], big[4096];
    FILE* f;

    CHECK_STATUS(xxgk_report_from_file(&r, "/dev/zero", NULL, &err), XXGK_E_IO, err);
    CHECK(err && strstr(xxgk_error_message(err, NULL), "character device") != NULL);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_portal_from_file(&p, "/dev/zero", NULL, &err), XXGK_E_IO, err);
    xxgk_error_free(err);
    err = NULL;
    CHECK_STATUS(xxgk_report_from_file(&r, scratch, NULL, &err), XXGK_E_IO, err);
    CHECK(err && strstr(xxgk_error_message(err, NULL), "a directory") != NULL);
    xxgk_error_free(err);
    err = NULL;

    snprintf(fifo, sizeof fifo, "%s/pipe.json", scratch);
    unlink(fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    CHECK_STATUS(xxgk_report_from_file(&r, fifo, NULL, &err), XXGK_E_IO, err); /* no writer: would hang if opened */
    CHECK(err && strstr(xxgk_error_message(err, NULL), "FIFO") != NULL);
    xxgk_error_free(err);
    err = NULL;
    unlink(fifo);

    /* A sparse file one byte over the limit: refused by its size, before a byte is read. */
    snprintf(big, sizeof big, "%s/big.json", scratch);
    f = fopen(big, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fseek(f, (long)(((size_t)64 << 20)), SEEK_SET) == 0);
        CHECK(fputc(' ', f) == ' ');
        fclose(f);
        CHECK_STATUS(xxgk_report_from_file(&r, big, NULL, &err), XXGK_E_LIMIT_EXCEEDED, err);
        CHECK(err && strstr(xxgk_error_message(err, NULL), "67108865 bytes") != NULL);
        xxgk_error_free(err);
        err = NULL;
        CHECK_STATUS(xxgk_portal_from_file(&p, big, NULL, &err), XXGK_E_LIMIT_EXCEEDED, err);
        xxgk_error_free(err);
        unlink(big);
    }
    CHECK(r == NULL && p == NULL);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: xxgk_c_files_test SCRATCH_DIR\n");
        return 2;
    }
    mkdir(argv[1], 0700);
    test_is_portal_json_limits();
    test_from_file_refuses_what_is_not_a_file(argv[1]);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
