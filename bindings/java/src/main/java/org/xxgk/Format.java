package org.xxgk;

/** A report format version: the official template a report follows ({@code XXGK_FORMAT_*}). */
public enum Format {
    /** 国办公开办函〔2019〕60号: report years 2019 and 2020 ({@code XXGK_FORMAT_2019}). */
    F2019(2019),
    /** 国办公开办函〔2021〕30号: report years 2021 onward ({@code XXGK_FORMAT_2021}). */
    F2021(2021);

    private final int number;

    Format(int number) {
        this.number = number;
    }

    /**
     * The C value ({@code XXGK_FORMAT_2019} = 2019, …), also the "format" member of canonical JSON.
     *
     * @return the year of the circular
     */
    public int number() {
        return number;
    }

    /**
     * The format of a C value.
     *
     * @param number 2019 or 2021
     * @return its constant
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for any other number
     */
    public static Format of(int number) {
        for (Format f : values())
            if (f.number == number) return f;
        throw new XxgkException(Status.INVALID_ARGUMENT, "unsupported format " + number + " (2019 or 2021)");
    }
}
