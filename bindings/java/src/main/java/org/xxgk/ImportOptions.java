package org.xxgk;

/**
 * How {@link Importer} reads a published file ({@code xxgk_import_options}). Immutable: start from
 * {@link #DEFAULTS}.
 *
 * @param kind          the kind of source; {@link SourceKind#DETECT} decides from the bytes
 * @param format        null: detected from the table labels; otherwise forced
 * @param year          0: read from the report; otherwise forced
 * @param maxInputBytes larger input is {@link Status#LIMIT_EXCEEDED} before it is read; 0 = 16 MiB
 */
public record ImportOptions(SourceKind kind, Format format, int year, long maxInputBytes) {
    /** Everything detected, the default size limit. */
    public static final ImportOptions DEFAULTS = new ImportOptions(SourceKind.DETECT, null, 0, 0);

    /**
     * Checks the members.
     *
     * @param kind          see the record
     * @param format        see the record
     * @param year          see the record
     * @param maxInputBytes see the record
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for a null kind or a negative limit
     */
    public ImportOptions {
        Args.notNull(kind, "kind");
        Args.size(maxInputBytes, "maxInputBytes");
    }

    /**
     * Options reading this kind of source, everything else detected.
     *
     * @param kind the kind
     * @return new options
     */
    public static ImportOptions of(SourceKind kind) {
        return DEFAULTS.withKind(kind);
    }

    /**
     * These options with another kind.
     *
     * @param kind the kind
     * @return new options
     */
    public ImportOptions withKind(SourceKind kind) {
        return new ImportOptions(kind, format, year, maxInputBytes);
    }

    /**
     * These options with the format forced (or detected, for null).
     *
     * @param format the format, or null
     * @return new options
     */
    public ImportOptions withFormat(Format format) {
        return new ImportOptions(kind, format, year, maxInputBytes);
    }

    /**
     * These options with the year forced (or read, for 0).
     *
     * @param year the year, or 0
     * @return new options
     */
    public ImportOptions withYear(int year) {
        return new ImportOptions(kind, format, year, maxInputBytes);
    }

    /**
     * These options with another size limit.
     *
     * @param bytes the limit; 0 = default
     * @return new options
     */
    public ImportOptions withMaxInputBytes(long bytes) {
        return new ImportOptions(kind, format, year, bytes);
    }

    /** The C struct; null (the C default) for the defaults, which spares building a struct per call. */
    Native.ImportOptions toNative() {
        if (equals(DEFAULTS)) return null;
        Native.ImportOptions o = new Native.ImportOptions();
        o.kind = kind.code();
        o.format = format == null ? 0 : format.number();
        o.year = year;
        o.max_input_bytes = Native.size(maxInputBytes);
        return o;
    }
}
