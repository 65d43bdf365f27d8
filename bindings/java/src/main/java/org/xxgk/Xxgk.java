package org.xxgk;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.util.ArrayList;
import java.util.List;

/**
 * What the library says about itself and its formats: versions, formats, the JSON Schema, the
 * stylesheet of rendered pages. Static and safe from any thread.
 */
public final class Xxgk {
    private Xxgk() {}

    /**
     * The version of the native library actually loaded ({@code xxgk_version_string}), e.g. "0.4.0".
     *
     * @return the version
     */
    public static String versionString() {
        return Native.Lib.xxgk_version_string();
    }

    /**
     * The version of the native library loaded as a number, major × 10000 + minor × 100 + patch
     * ({@code xxgk_version_number}).
     *
     * @return the number
     */
    public static long versionNumber() {
        return Native.Lib.xxgk_version_number().longValue();
    }

    /**
     * Every supported format, oldest first ({@code xxgk_formats}).
     *
     * @return an immutable list
     */
    public static List<Format> formats() {
        PointerByReference out = new PointerByReference();
        long n = Native.value(Native.Lib.xxgk_formats(out));
        Pointer p = out.getValue();
        List<Format> formats = new ArrayList<>();
        for (int i = 0; i < n; ++i) formats.add(Format.of(p.getInt(4L * i)));
        return List.copyOf(formats);
    }

    /**
     * Whether the library supports a format number ({@code xxgk_format_supported}).
     *
     * @param format a format number such as 2019
     * @return true when supported
     */
    public static boolean formatSupported(int format) {
        return Native.Lib.xxgk_format_supported(format) == 1;
    }

    /**
     * The JSON Schema (draft 2020-12) of canonical JSON reports of a format, generated from the
     * model ({@code xxgk_json_schema}).
     *
     * @param format the format
     * @return the schema as JSON text
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null
     */
    public static String jsonSchema(Format format) {
        int f = Args.notNull(format, "format").number();
        return Native.string((out, len, err) -> Native.Lib.xxgk_json_schema(f, out, len, err));
    }

    /**
     * How many official CSV tables a report of a format has ({@code xxgk_csv_table_count}).
     *
     * @param format the format
     * @return 7 for 2019, 6 for 2021
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null
     */
    public static long csvTableCount(Format format) {
        return Native.value(Native.Lib.xxgk_csv_table_count(Args.notNull(format, "format").number()));
    }

    /**
     * The stylesheet of the standalone page, to serve beside fragments rendered with
     * {@link RenderKind#HTML_FRAGMENT} ({@code xxgk_render_css}).
     *
     * @return the CSS text
     */
    public static String renderCss() {
        PointerByReference out = new PointerByReference();
        com.sun.jna.ptr.NativeLongByReference len = new com.sun.jna.ptr.NativeLongByReference();
        Native.check(Native.Lib.xxgk_render_css(out, len), new PointerByReference());
        return Native.utf8(out.getValue(), Native.value(len));  // [static]: never freed
    }
}
