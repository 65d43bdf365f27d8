package org.xxgk;

/**
 * The status of a failed call: the C library's {@code XXGK_E_*} codes, number for number
 * ({@link #code()}), with the names the C++ library, the CLI and {@code xxgk_status_name} use
 * ({@link #cName()}). Carried by every {@link XxgkException}.
 */
public enum Status {
    /** {@code XXGK_OK}: success (never carried by an exception). */
    OK(0),
    /** {@code XXGK_E_INVALID_JSON}: not well-formed JSON. */
    INVALID_JSON(1),
    /** {@code XXGK_E_WRONG_TYPE}: a value of the wrong JSON type; a field that is not a scalar. */
    WRONG_TYPE(2),
    /** {@code XXGK_E_MISSING_MEMBER}: a required member is absent. */
    MISSING_MEMBER(3),
    /** {@code XXGK_E_UNKNOWN_MEMBER}: a member the model does not have (strict loading). */
    UNKNOWN_MEMBER(4),
    /** {@code XXGK_E_OUT_OF_RANGE}: a number beyond what the member admits. */
    OUT_OF_RANGE(5),
    /** {@code XXGK_E_INVALID_VALUE}: a malformed date, decimal, enum name; not a report at all. */
    INVALID_VALUE(6),
    /** {@code XXGK_E_WRONG_FORMAT}: a row or member of the other format version; reports of different formats. */
    WRONG_FORMAT(7),
    /** {@code XXGK_E_UNKNOWN_KEY}: a cell key, field key or JSON Pointer that names nothing. */
    UNKNOWN_KEY(8),
    /** {@code XXGK_E_LIMIT_EXCEEDED}: input larger or deeper than the configured limits. */
    LIMIT_EXCEEDED(9),
    /** {@code XXGK_E_IO}: a file could not be read. */
    IO(10),
    /** {@code XXGK_E_DUPLICATE_MEMBER}: a member name repeated within one JSON object. */
    DUPLICATE_MEMBER(11),
    /** {@code XXGK_E_NO_TEXT_LAYER}: import of a PDF with no text to read (a scan). */
    NO_TEXT_LAYER(12),
    /** {@code XXGK_E_ENCRYPTED}: import of a password-protected PDF or Word file. */
    ENCRYPTED(13),
    /** {@code XXGK_E_UNSUPPORTED_KIND}: import of a kind of file not read (legacy .doc/.wps …). */
    UNSUPPORTED_KIND(14),
    /** {@code XXGK_E_INVALID_ARGUMENT}: null where a value is required, a bad option, a closed object's misuse. */
    INVALID_ARGUMENT(100),
    /** {@code XXGK_E_INVALID_UTF8}: a string argument is not valid UTF-8 (a lone surrogate in a Java string). */
    INVALID_UTF8(101),
    /** {@code XXGK_E_NOT_FOUND}: an index past the end, a rule code not in the catalog. */
    NOT_FOUND(102),
    /** {@code XXGK_E_NO_MEMORY}: out of memory. */
    NO_MEMORY(103),
    /** {@code XXGK_E_INTERNAL}: a bug in xxgk: please report it. */
    INTERNAL(104),
    /** {@code XXGK_E_MISUSE}: an object used after {@code close()}. */
    MISUSE(105),
    /** A code this version of the Java package does not know (a newer library): treat it as a failure. */
    UNKNOWN(-1);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /**
     * The C status number ({@code XXGK_E_*}).
     *
     * @return the code; -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The status's name as the C library gives it ({@code xxgk_status_name}): "invalid_json",
     * "io_error", "unknown_key" …, the names the CLI and the C++ library print.
     *
     * @return the name; "unknown" for {@link #UNKNOWN}
     */
    public String cName() {
        return Native.Lib.xxgk_status_name(code);
    }

    /**
     * The status of a C code.
     *
     * @param code an {@code XXGK_E_*} number
     * @return its constant; {@link #UNKNOWN} for a code this package does not know
     */
    public static Status of(int code) {
        for (Status s : values())
            if (s.code == code) return s;
        return UNKNOWN;
    }
}
