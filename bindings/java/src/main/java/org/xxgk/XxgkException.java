package org.xxgk;

import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one exception of this package: a call that failed (never a validation finding — those are
 * returned as {@link Finding}s). It carries everything the C library's error object says
 * ({@code xxgk_error}): the {@link Status}, the message, where (JSON Pointer or cell key), the byte
 * offset, line and column when known, and every problem found — decoding JSON does not stop at the
 * first.
 *
 * <p>Unchecked (docs/java.md, "Errors"): a failure here is either bad input, which the caller
 * handles where the input enters (one {@code catch} around the load or import), or misuse (an
 * unknown key, a closed report, a null), which is a bug to fix; checked exceptions would force a
 * {@code catch} around every getter, and they do not cross lambdas and streams.
 *
 * <p>Misuse detected on the Java side carries the status the C library gives for the same misuse:
 * {@link Status#INVALID_ARGUMENT} for a null argument, {@link Status#MISUSE} for an object used
 * after {@code close()}.
 *
 * <p>Immutable; safe to share between threads.
 */
public class XxgkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The status ({@link #status()}). */
    private final Status status;
    /** The C code ({@link #code()}). */
    private final int code;
    /** Where ({@link #location()}). */
    private final String location;
    /** Byte offset, -1 when unknown ({@link #offset()}). */
    private final long offset;
    /** Line, 0 when unknown. */
    private final long line;
    /** Column, 0 when unknown. */
    private final long column;
    /** Every problem ({@link #problems()}). */
    private final List<Problem> problems;

    /**
     * A failure detected on the Java side (a null argument, a closed object), with one problem.
     *
     * @param status  the status the C library gives for the same failure
     * @param message what went wrong, naming the argument
     */
    public XxgkException(Status status, String message) {
        this(status, status.code(), message, "", -1, 0, 0, List.of(new Problem(status, "", message, -1, 0, 0)));
    }

    private XxgkException(Status status, int code, String message, String location, long offset, long line, long column,
                          List<Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.location = location;
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.problems = List.copyOf(problems);
    }

    /** Reads a C error object (not freed here; {@code err} may be NULL: then only the status is known). */
    static XxgkException fromNative(int code, Pointer err) {
        Status status = Status.of(code);
        if (err == null)
            return new XxgkException(status, code, status.cName(), "", -1, 0, 0, List.of());
        com.sun.jna.ptr.NativeLongByReference n = new com.sun.jna.ptr.NativeLongByReference();
        String message = Native.utf8(Native.Lib.xxgk_error_message(err, n), Native.value(n));
        String location = Native.utf8(Native.Lib.xxgk_error_location(err, n), Native.value(n));
        long offset = unsigned(Native.value(Native.Lib.xxgk_error_offset(err)));
        long count = Native.value(Native.Lib.xxgk_error_count(err));
        List<Problem> problems = new ArrayList<>();
        for (long i = 0; i < count; ++i) {
            Native.Problem p = new Native.Problem();
            if (Native.Lib.xxgk_error_problem_at(err, Native.size(i), p) != 0) break;
            problems.add(new Problem(Status.of(p.status), Native.utf8(p.pointer, Native.value(p.pointer_len)),
                                     Native.utf8(p.message, Native.value(p.message_len)),
                                     unsigned(Native.value(p.offset)), Native.value(p.line), Native.value(p.column)));
        }
        return new XxgkException(status, code, message, location == null ? "" : location, offset,
                                 Native.value(Native.Lib.xxgk_error_line(err)), Native.value(Native.Lib.xxgk_error_column(err)), problems);
    }

    /** XXGK_NO_OFFSET becomes -1. */
    private static long unsigned(long offset) {
        return offset == Native.NO_OFFSET ? -1 : offset;
    }

    /**
     * What kind of failure.
     *
     * @return the status; {@link Status#UNKNOWN} for a code newer than this package (see {@link #code()})
     */
    public Status status() {
        return status;
    }

    /**
     * The C status number, also for codes this package does not know.
     *
     * @return the {@code XXGK_E_*} code
     */
    public int code() {
        return code;
    }

    /**
     * Where: a JSON Pointer ("/header/year", "" = the whole document) for JSON and fields, the cell
     * key for cell functions, "/&lt;index&gt;" of the offending report for the functions taking
     * several, "" when not tied to a place.
     *
     * @return the location, never null
     */
    public String location() {
        return location;
    }

    /**
     * The byte offset in the input text where the (first) problem is.
     *
     * @return the offset, or empty when unknown
     */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * The 1-based line of that offset in JSON input.
     *
     * @return the line, 0 when unknown
     */
    public long line() {
        return line;
    }

    /**
     * The 1-based column (in characters) of that offset in JSON input.
     *
     * @return the column, 0 when unknown
     */
    public long column() {
        return column;
    }

    /**
     * Every problem: for JSON that could not be decoded, each one found (problem 0 is the one the
     * other accessors describe); otherwise one.
     *
     * @return an immutable list
     */
    public List<Problem> problems() {
        return problems;
    }
}
