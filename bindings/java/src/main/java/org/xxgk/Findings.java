package org.xxgk;

import com.sun.jna.Pointer;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The findings of one validation ({@code xxgk_issues}): an immutable {@code List<Finding>}, roots
 * first in table order, that also keeps the C library's findings object so that
 * {@link RenderOptions#withFindings} can highlight them in rendered HTML.
 *
 * <p>The list is copied into Java when the findings are made: it stays readable after
 * {@link #close()}, which releases only the native object (as the {@link java.lang.ref.Cleaner}
 * does once this object is unreachable). Close it (try-with-resources) when validating many
 * reports in a loop, so native memory does not wait for the garbage collector.
 *
 * <p>Thread safety: immutable; share it between threads freely. {@link #close()} waits for a render
 * using it on another thread.
 */
public final class Findings extends AbstractList<Finding> implements RandomAccess, AutoCloseable {
    private final List<Finding> list;
    private final long errorCount;
    private final Handle handle;

    private Findings(Pointer issues) {
        long count = Native.value(Native.Lib.xxgk_issues_count(issues));
        List<Finding> found = new ArrayList<>((int) Math.min(count, 1 << 20));
        com.sun.jna.ptr.NativeLongByReference n = new com.sun.jna.ptr.NativeLongByReference();
        for (long i = 0; i < count; ++i) {
            com.sun.jna.NativeLong at = Native.size(i);
            long cellCount = Native.value(Native.Lib.xxgk_issues_cell_count(issues, at));
            List<String> cells = new ArrayList<>((int) cellCount);
            for (long c = 0; c < cellCount; ++c)
                cells.add(Native.utf8(Native.Lib.xxgk_issues_cell_at(issues, at, Native.size(c), n), Native.value(n)));
            found.add(new Finding(Native.utf8(Native.Lib.xxgk_issues_code(issues, at, n), Native.value(n)),
                                  Severity.of(Native.Lib.xxgk_issues_severity(issues, at)),
                                  Native.utf8(Native.Lib.xxgk_issues_rule(issues, at, n), Native.value(n)),
                                  Native.utf8(Native.Lib.xxgk_issues_key(issues, at, n), Native.value(n)),
                                  Native.utf8(Native.Lib.xxgk_issues_pointer(issues, at, n), Native.value(n)),
                                  Native.utf8(Native.Lib.xxgk_issues_expected(issues, at, n), Native.value(n)),
                                  Native.utf8(Native.Lib.xxgk_issues_actual(issues, at, n), Native.value(n)), List.copyOf(cells),
                                  Native.utf8(Native.Lib.xxgk_issues_message(issues, at, Language.ZH.code(), n), Native.value(n)),
                                  Native.utf8(Native.Lib.xxgk_issues_message(issues, at, Language.EN.code(), n), Native.value(n)),
                                  Native.utf8(Native.Lib.xxgk_issues_caused_by(issues, at, n), Native.value(n))));
        }
        this.list = List.copyOf(found);
        this.errorCount = Native.value(Native.Lib.xxgk_issues_error_count(issues));
        // Owned from here on (take() frees the issues itself when reading them failed above).
        this.handle = new Handle(issues, Native.Lib::xxgk_issues_free, "findings object");
    }

    /** Takes ownership of the issues a successful call handed out. */
    static Findings take(Pointer p) {
        try {
            return new Findings(p);
        } catch (RuntimeException | Error e) {
            Native.Lib.xxgk_issues_free(p);
            throw e;
        }
    }

    /**
     * Finding {@code index}.
     *
     * @param index 0-based, below {@link #size()}
     * @return the finding
     * @throws IndexOutOfBoundsException past the end (the {@link List} contract)
     */
    @Override
    public Finding get(int index) {
        return list.get(index);
    }

    /**
     * The number of findings.
     *
     * @return the count
     */
    @Override
    public int size() {
        return list.size();
    }

    /**
     * The number of findings of severity {@link Severity#ERROR}: a report with none passes.
     *
     * @return the count
     */
    public long errorCount() {
        return errorCount;
    }

    /**
     * Every finding as a JSON array of objects with members code, severity, rule, key, pointer,
     * expected, actual, cells, message_zh, message_en, caused_by; deterministic.
     *
     * @return the JSON text
     * @throws XxgkException {@link Status#MISUSE} after {@link #close()}
     */
    public String toJson() {
        return handle.read(p -> Native.string((out, len, err) -> Native.Lib.xxgk_issues_to_json(p, out, len, err)));
    }

    /** Runs f with the native findings under the read lock (render options). */
    <T> T withNative(java.util.function.Function<Pointer, T> f) {
        return handle.read(f);
    }

    /**
     * Releases the native findings object now (the list stays readable). Closing twice is a no-op.
     */
    @Override
    public void close() {
        handle.close();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return handle.isClosed();
    }
}
