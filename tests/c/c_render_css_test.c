/* xxgk_render_css (issue 17): the stylesheet of the standalone page, for hosts that embed fragments. */
#include "check.h"

int main(int argc, char** argv) {
    const char* css = NULL;
    size_t len = 0;
    xxgk_report* report = NULL;
    xxgk_render_options o = XXGK_RENDER_OPTIONS_INIT;
    char* page = NULL;
    size_t page_len = 0;
    char path[4096];
    (void)argc;
    CHECK_STATUS(xxgk_render_css(NULL, &len), XXGK_E_INVALID_ARGUMENT, (xxgk_error*)NULL);
    CHECK_OK(xxgk_render_css(&css, &len), (xxgk_error*)NULL);
    CHECK(css != NULL && len > 1000 && strlen(css) == len);
    CHECK(css != NULL && strstr(css, ".xxgk-table") != NULL && strstr(css, ".xxgk-findings") != NULL);
    CHECK_OK(xxgk_render_css(&css, NULL), (xxgk_error*)NULL);
    /* The same stylesheet as the standalone page carries. */
    snprintf(path, sizeof path, "%s/cangnan-2020.json", argc > 1 ? argv[1] : "examples/data");
    CHECK_OK(xxgk_report_from_file(&report, path, NULL, NULL), (xxgk_error*)NULL);
    CHECK_OK(xxgk_report_render(report, XXGK_RENDER_HTML, &o, &page, &page_len, NULL), (xxgk_error*)NULL);
    CHECK(page != NULL && css != NULL && strstr(page, css) != NULL);
    xxgk_free(page);
    xxgk_report_free(report);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
