package org.xxgk;

/**
 * Options of validation ({@code xxgk_validate_options}). Immutable: start from {@link #DEFAULTS}.
 *
 * @param omitInfo    false (default): keep findings of severity info; true: drop them
 * @param maxFindings findings kept; when there are more, the list ends with one finding XXGK-L-001
 *                    saying how many were left out; 0 = 1000
 */
public record ValidateOptions(boolean omitInfo, long maxFindings) {
    /** Every finding, up to 1000. */
    public static final ValidateOptions DEFAULTS = new ValidateOptions(false, 0);

    /**
     * Checks the limit.
     *
     * @param omitInfo    see the record
     * @param maxFindings see the record
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for a negative limit
     */
    public ValidateOptions {
        Args.size(maxFindings, "maxFindings");
    }

    /**
     * These options with infos kept or dropped.
     *
     * @param omit true: drop findings of severity info
     * @return new options
     */
    public ValidateOptions withOmitInfo(boolean omit) {
        return new ValidateOptions(omit, maxFindings);
    }

    /**
     * These options with another limit.
     *
     * @param findings findings kept; 0 = default
     * @return new options
     */
    public ValidateOptions withMaxFindings(long findings) {
        return new ValidateOptions(omitInfo, findings);
    }

    /** The C struct; null (the C default) for the defaults, which spares building a struct per call. */
    Native.ValidateOptions toNative() {
        if (equals(DEFAULTS)) return null;
        Native.ValidateOptions o = new Native.ValidateOptions();
        o.omit_info = omitInfo ? 1 : 0;
        o.max_findings = Native.size(maxFindings);
        return o;
    }
}
