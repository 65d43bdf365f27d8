package org.xxgk;

/** The kind of a published file to import ({@code XXGK_SOURCE_*} of {@code xxgk_import_options.kind}). */
public enum SourceKind {
    /**
     * Decide from the bytes: %PDF- is PDF, a zip with word/document.xml is Word, PNG/JPEG/TIFF is an image, markup is
     * HTML, anything else text.
     */
    DETECT,
    /** Plain text (UTF-8, UTF-16 with a byte order mark, GB18030/GBK). */
    TEXT,
    /** An HTML page (its meta charset is honoured). */
    HTML,
    /** A PDF (pages without a text layer are read by OCR). */
    PDF,
    /** A Word document (.docx). */
    DOCX,
    /** A scanned page or a picture of one (PNG, JPEG, TIFF), read by OCR. Since 0.4. */
    IMAGE;

    int code() {
        return ordinal();
    }
}
