package org.xxgk;

/**
 * Options of rendering ({@code xxgk_render_options}). Immutable: start from {@link #DEFAULTS}.
 *
 * @param language the language of the highlighted findings' messages and of the renderer's notes
 * @param findings HTML: findings to highlight (usually from {@code validate()}), read during the
 *                 render call only (they must not be closed yet); null: none
 */
public record RenderOptions(Language language, Findings findings) {
    /** Chinese, nothing highlighted. */
    public static final RenderOptions DEFAULTS = new RenderOptions(Language.ZH, null);

    /**
     * Checks the language.
     *
     * @param language see the record
     * @param findings see the record
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for a null language
     */
    public RenderOptions {
        Args.notNull(language, "language");
    }

    /**
     * These options in another language.
     *
     * @param language the language
     * @return new options
     */
    public RenderOptions withLanguage(Language language) {
        return new RenderOptions(language, findings);
    }

    /**
     * These options highlighting findings.
     *
     * @param findings the findings, or null for none
     * @return new options
     */
    public RenderOptions withFindings(Findings findings) {
        return new RenderOptions(language, findings);
    }
}
