package org.xxgk;

/** What {@link Report#render} and {@link Portal#render} write ({@code XXGK_RENDER_*}). */
public enum RenderKind {
    /** A standalone HTML page: doctype, head, stylesheet ({@code XXGK_RENDER_HTML}). */
    HTML,
    /** One {@code <article>} element to embed in a page ({@code XXGK_RENDER_HTML_FRAGMENT}); style it with {@link Xxgk#renderCss()}. */
    HTML_FRAGMENT,
    /** CommonMark with GFM pipe tables ({@code XXGK_RENDER_MARKDOWN}; reports only). */
    MARKDOWN,
    /** Every cell, one line each, as {@link Report#cellsCsv()} ({@code XXGK_RENDER_CSV_LONG}; reports only). */
    CSV_LONG;

    int code() {
        return ordinal();
    }
}
