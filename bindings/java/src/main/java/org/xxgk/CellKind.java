package org.xxgk;

/** What values a cell's key admits ({@code XXGK_KIND_*}). */
public enum CellKind {
    /** An integer &gt;= 0 ({@code XXGK_KIND_COUNT}). */
    COUNT,
    /** An integer of any sign: 本年增/减 ({@code XXGK_KIND_SIGNED_COUNT}). */
    SIGNED_COUNT,
    /** Money &gt;= 0, unit (元 or 万元) written in the cell ({@code XXGK_KIND_AMOUNT}). */
    AMOUNT,
    /** Money &gt;= 0 in 万元, fixed by the column ({@code XXGK_KIND_AMOUNT_WAN_YUAN}). */
    AMOUNT_WAN_YUAN;

    static CellKind of(int code) {
        return Native.constant(values(), code, "cell kind");
    }
}
