package org.xxgk;

/** What a cell holds ({@code XXGK_CELL_*}). A blank is never a zero. */
public enum CellState {
    /** 空白: printed empty ({@code XXGK_CELL_BLANK}). */
    BLANK,
    /** A number, an explicit 0 included ({@code XXGK_CELL_NUMBER}). */
    NUMBER,
    /** 不适用: "-", "/", "不适用" ({@code XXGK_CELL_NOT_APPLICABLE}). */
    NOT_APPLICABLE,
    /** Printed text that is not a number ({@code XXGK_CELL_TEXT}). */
    TEXT,
    /** An importer could not locate the cell ({@code XXGK_CELL_NOT_CAPTURED}). */
    NOT_CAPTURED;

    /** The C value: the constant's position, as in xxgk.h. */
    int code() {
        return ordinal();
    }

    static CellState of(int code) {
        return Native.constant(values(), code, "cell state");
    }
}
