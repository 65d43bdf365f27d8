package org.xxgk;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.util.ArrayList;
import java.util.List;

/**
 * Many reports at once (docs/multi.md): 汇总 aggregation, its reverse check, and the cross-year
 * rules. Each call reads its reports under their read locks, so other threads may read them too.
 */
public final class Reports {
    private Reports() {}

    /** The handles of the reports, checking for nulls ("parts[2] is null"). */
    private static List<Handle> handles(List<Report> reports, String name) {
        Args.notNull(reports, name);
        List<Handle> handles = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); ++i) handles.add(Args.notNull(reports.get(i), name + "[" + i + "]").handle());
        return handles;
    }

    /** A C array of the handles ({@code const xxgk_report *const *}); NULL for none. */
    private static Pointer array(Pointer[] pointers) {
        if (pointers.length == 0) return null;
        Memory m = new Memory((long) com.sun.jna.Native.POINTER_SIZE * pointers.length);
        for (int i = 0; i < pointers.length; ++i) m.setPointer((long) com.sun.jna.Native.POINTER_SIZE * i, pointers[i]);
        return m;
    }

    /**
     * Builds the 汇总 (compiled) report of the parts ({@code xxgk_aggregate}): every cell summed,
     * blanks kept blank when no part holds a number, money summed exactly (元 and 万元 mixed: in 万元).
     * The new report's header holds only the year; narrative sections are not summed.
     *
     * @param parts the reports of one format and year
     * @return the report and where each cell came from
     * @throws XxgkException {@link Status#WRONG_FORMAT} (formats differ), {@link Status#INVALID_VALUE}
     *                       (years differ, no parts), location "/&lt;index&gt;" of the offending part;
     *                       {@link Status#INVALID_ARGUMENT} for null
     */
    public static Aggregation aggregate(List<Report> parts) {
        List<Handle> handles = handles(parts, "parts");
        return Handle.readAll(handles, p -> {
            PointerByReference out = new PointerByReference();
            PointerByReference sources = new PointerByReference();
            PointerByReference err = new PointerByReference();
            Native.check(Native.Lib.xxgk_aggregate(array(p), Native.size(p.length), out, sources, err), err);
            Report report = Report.take(out.getValue());
            Pointer s = sources.getValue();
            try {
                return new Aggregation(report, readSources(s));
            } catch (RuntimeException | Error e) {
                report.close();
                throw e;
            } finally {
                Native.Lib.xxgk_sources_free(s);
            }
        });
    }

    private static List<CellSources> readSources(Pointer s) {
        long cells = Native.value(Native.Lib.xxgk_sources_count(s));
        List<CellSources> all = new ArrayList<>((int) cells);
        com.sun.jna.ptr.NativeLongByReference n = new com.sun.jna.ptr.NativeLongByReference();
        for (long c = 0; c < cells; ++c) {
            com.sun.jna.NativeLong cell = Native.size(c);
            String key = Native.utf8(Native.Lib.xxgk_sources_key(s, cell, n), Native.value(n));
            List<List<Integer>> lists = new ArrayList<>(3);
            for (int which = 0; which < 3; ++which) {  // XXGK_SOURCE_SUMMED, _BLANK, _UNKNOWN
                long count = Native.value(Native.Lib.xxgk_sources_part_count(s, cell, which));
                List<Integer> parts = new ArrayList<>((int) count);
                for (long i = 0; i < count; ++i)
                    parts.add((int) Native.value(Native.Lib.xxgk_sources_part_at(s, cell, which, Native.size(i))));
                lists.add(List.copyOf(parts));
            }
            all.add(new CellSources(key, lists.get(0), lists.get(1), lists.get(2)));
        }
        return List.copyOf(all);
    }

    /**
     * The reverse 汇总 check ({@code xxgk_check_aggregate}): a finding (XXGK-A-001…003) for every
     * cell where {@code published} differs from the sum of the parts.
     *
     * @param published the published compiled report
     * @param parts     the reports it compiles (same format and year)
     * @return the findings
     * @throws XxgkException as {@link #aggregate}
     */
    public static Findings checkAggregate(Report published, List<Report> parts) {
        Args.notNull(published, "published");
        List<Handle> handles = new ArrayList<>(handles(parts, "parts"));
        handles.add(0, published.handle());
        return Handle.readAll(handles, p -> {
            Pointer[] rest = java.util.Arrays.copyOfRange(p, 1, p.length);
            return Findings.take(Native.make((out, err) -> Native.Lib.xxgk_check_aggregate(p[0], array(rest), Native.size(rest.length), out, err)));
        });
    }

    /**
     * The cross-year rules R8, R9, R10 over the reports of one body and scope, any order
     * ({@code xxgk_validate_series}; XXGK-Y-001…005). Cells are named "&lt;key&gt;@&lt;year&gt;".
     *
     * @param reports the reports
     * @return the findings
     * @throws XxgkException {@link Status#INVALID_VALUE} (none, bodies or scopes differ, a year
     *                       twice; location "/&lt;index&gt;"), {@link Status#INVALID_ARGUMENT} for null
     */
    public static Findings validateSeries(List<Report> reports) {
        List<Handle> handles = handles(reports, "reports");
        return Handle.readAll(handles, p -> {
            return Findings.take(Native.make((out, err) -> Native.Lib.xxgk_validate_series(array(p), Native.size(p.length), out, err)));
        });
    }
}
