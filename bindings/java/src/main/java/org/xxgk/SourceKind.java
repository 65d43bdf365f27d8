package org.xxgk;

/** The kind of a published file to import ({@code XXGK_SOURCE_*} of {@code xxgk_import_options.kind}). */
public enum SourceKind {
    /** Decide from the bytes: %PDF- is PDF, a zip with word/document.xml is Word, markup is HTML, anything else text. */
    DETECT,
    /** Plain text (UTF-8, UTF-16 with a byte order mark, GB18030/GBK). */
    TEXT,
    /** An HTML page (its meta charset is honoured). */
    HTML,
    /** A PDF with a text layer. */
    PDF,
    /** A Word document (.docx). */
    DOCX;

    int code() {
        return ordinal();
    }
}
