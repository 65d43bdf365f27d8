package org.xxgk;

import com.sun.jna.ptr.PointerByReference;

import java.util.function.Function;

/** What report and portal rendering share: the native options, CSV tables. */
final class Renderer {
    private Renderer() {}

    /** Runs a render call with the native options, holding the findings (when any) for the call. */
    static String render(RenderOptions options, Function<Native.RenderOptions, String> call) {
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
        int call(PointerByReference name, org.xxgk.jna.SizeTByReference nameLen, PointerByReference csv,
                 org.xxgk.jna.SizeTByReference csvLen, PointerByReference err);
    }

    static CsvTable csvTable(TableCall call) {
        PointerByReference name = new PointerByReference();
        PointerByReference csv = new PointerByReference();
        org.xxgk.jna.SizeTByReference nameLen = new org.xxgk.jna.SizeTByReference();
        org.xxgk.jna.SizeTByReference csvLen = new org.xxgk.jna.SizeTByReference();
        PointerByReference err = new PointerByReference();
        Native.check(call.call(name, nameLen, csv, csvLen, err), err);
        String n = Native.takeString(name, nameLen);  // both freed even when one read fails
        return new CsvTable(n, Native.takeString(csv, csvLen));
    }
}
