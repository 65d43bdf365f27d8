package org.xxgk;

/** The unit written with a money value ({@code XXGK_UNIT_*}). */
public enum Unit {
    /** No unit: a count, or money whose unit the column fixes ({@code XXGK_UNIT_NONE}). */
    NONE,
    /** 元 ({@code XXGK_UNIT_YUAN}). */
    YUAN,
    /** 万元 ({@code XXGK_UNIT_WAN_YUAN}). */
    WAN_YUAN;

    int code() {
        return ordinal();
    }

    static Unit of(int code) {
        return Native.constant(values(), code, "unit");
    }
}
