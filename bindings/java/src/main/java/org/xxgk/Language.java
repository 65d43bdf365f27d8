package org.xxgk;

/** Language of a message ({@code XXGK_LANG_*}). */
public enum Language {
    /** 中文: names cells by their official labels ({@code XXGK_LANG_ZH}). */
    ZH,
    /** English ({@code XXGK_LANG_EN}). */
    EN;

    int code() {
        return ordinal();
    }
}
