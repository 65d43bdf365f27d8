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
        if (code < 0 || code >= values().length)
            throw new XxgkException(Status.UNKNOWN, "the library returned unit " + code + ", unknown to this version of the Java package");
        return values()[code];
    }
}
