package org.xxgk;

import com.sun.jna.ptr.PointerByReference;

import java.util.function.Function;

/** What report and portal rendering share: the native options, CSV tables. */
final class Renderer {
    private Renderer() {}

    /** Runs a render call with the native options, holding the findings (when any) for the call. */
    static String render(RenderOptions options, Function<Native.RenderOptions, String> call) {
        if (options.findings() == null && options.language() == Language.ZH) return call.apply(null);  // the C default
        Native.RenderOptions o = new Native.RenderOptions();
        o.lang = options.language().code();
        if (options.findings() == null) return call.apply(o);
        return options.findings().withNative(issues -> {
            o.findings = issues;
            return call.apply(o);
        });
    }

    /** A call writing one CSV table: name and text, both [owned: xxgk_free]. */
    interface TableCall {
        int call(PointerByReference name, com.sun.jna.ptr.NativeLongByReference nameLen, PointerByReference csv,
                 com.sun.jna.ptr.NativeLongByReference csvLen, PointerByReference err);
    }

    static CsvTable csvTable(TableCall call) {
        PointerByReference name = new PointerByReference();
        PointerByReference csv = new PointerByReference();
        com.sun.jna.ptr.NativeLongByReference nameLen = new com.sun.jna.ptr.NativeLongByReference();
        com.sun.jna.ptr.NativeLongByReference csvLen = new com.sun.jna.ptr.NativeLongByReference();
        PointerByReference err = new PointerByReference();
        Native.check(call.call(name, nameLen, csv, csvLen, err), err);
        String n = Native.takeString(name, nameLen);  // both freed even when one read fails
        return new CsvTable(n, Native.takeString(csv, csvLen));
    }
}
