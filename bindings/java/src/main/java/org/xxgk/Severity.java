package org.xxgk;

/** Severity of a finding ({@code XXGK_SEVERITY_*}). The caller decides what blocks. */
public enum Severity {
    /** Information, e.g. a finding that follows from another ({@code XXGK_SEVERITY_INFO}). */
    INFO,
    /** Probably wrong ({@code XXGK_SEVERITY_WARNING}). */
    WARNING,
    /** Breaks a rule of the format ({@code XXGK_SEVERITY_ERROR}). */
    ERROR;

    static Severity of(int code) {
        return Native.constant(values(), code, "severity");
    }
}
