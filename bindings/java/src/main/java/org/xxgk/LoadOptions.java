package org.xxgk;

/**
 * How JSON is read ({@code xxgk_load_options}); 0 in a limit means the library's default
 * (docs/security.md). Immutable: start from {@link #DEFAULTS} and change members with the
 * {@code with…} methods.
 *
 * @param keepUnknownMembers false (default): strict, a member the model does not have is
 *                           {@link Status#UNKNOWN_MEMBER}; true: lax, such members are kept and
 *                           written back by {@code toJson()}
 * @param maxInputBytes      larger input is {@link Status#LIMIT_EXCEEDED}; 0 = 64 MiB
 * @param maxDepth           deeper nesting is {@link Status#LIMIT_EXCEEDED}; 0 = 32, above 1000 = 1000
 * @param maxStringBytes     a longer string or member name is {@link Status#LIMIT_EXCEEDED}; 0 = 1 MiB
 * @param maxProblems        problems kept before the list is cut; 0 = 1000
 */
public record LoadOptions(boolean keepUnknownMembers, long maxInputBytes, long maxDepth, long maxStringBytes,
                          long maxProblems) {
    /** Strict decoding with the default limits (what a null {@code options} means in C). */
    public static final LoadOptions DEFAULTS = new LoadOptions(false, 0, 0, 0, 0);

    /**
     * Checks the limits.
     *
     * @param keepUnknownMembers see the record
     * @param maxInputBytes      see the record
     * @param maxDepth           see the record
     * @param maxStringBytes     see the record
     * @param maxProblems        see the record
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for a negative limit
     */
    public LoadOptions {
        Args.size(maxInputBytes, "maxInputBytes");
        Args.size(maxDepth, "maxDepth");
        Args.size(maxStringBytes, "maxStringBytes");
        Args.size(maxProblems, "maxProblems");
    }

    /**
     * These options in lax or strict mode.
     *
     * @param keep true: keep unknown members (lax)
     * @return new options
     */
    public LoadOptions withKeepUnknownMembers(boolean keep) {
        return new LoadOptions(keep, maxInputBytes, maxDepth, maxStringBytes, maxProblems);
    }

    /**
     * These options with another input size limit.
     *
     * @param bytes the limit; 0 = default
     * @return new options
     */
    public LoadOptions withMaxInputBytes(long bytes) {
        return new LoadOptions(keepUnknownMembers, bytes, maxDepth, maxStringBytes, maxProblems);
    }

    /**
     * These options with another nesting limit.
     *
     * @param depth the limit; 0 = default
     * @return new options
     */
    public LoadOptions withMaxDepth(long depth) {
        return new LoadOptions(keepUnknownMembers, maxInputBytes, depth, maxStringBytes, maxProblems);
    }

    /**
     * These options with another string length limit.
     *
     * @param bytes the limit; 0 = default
     * @return new options
     */
    public LoadOptions withMaxStringBytes(long bytes) {
        return new LoadOptions(keepUnknownMembers, maxInputBytes, maxDepth, bytes, maxProblems);
    }

    /**
     * These options with another limit on the problems kept.
     *
     * @param problems the limit; 0 = default
     * @return new options
     */
    public LoadOptions withMaxProblems(long problems) {
        return new LoadOptions(keepUnknownMembers, maxInputBytes, maxDepth, maxStringBytes, problems);
    }

    /** The C struct; null (the C default) for the defaults, which spares building a struct per call. */
    Native.LoadOptions toNative() {
        if (equals(DEFAULTS)) return null;
        Native.LoadOptions o = new Native.LoadOptions();
        o.keep_unknown_members = keepUnknownMembers ? 1 : 0;
        o.max_input_bytes = Native.size(maxInputBytes);
        o.max_depth = Native.size(maxDepth);
        o.max_string_bytes = Native.size(maxStringBytes);
        o.max_problems = Native.size(maxProblems);
        return o;
    }
}
