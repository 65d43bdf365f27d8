package org.xxgk;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One problem of a failed call ({@code xxgk_problem}): decoding JSON reports every problem it finds,
 * each with its place; other failures carry one problem. Immutable and serializable, like the
 * {@link XxgkException} that carries it. (A class rather than a record: javadoc 17 cannot document
 * the serialized form of a record.)
 */
public final class Problem implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of problem. */
    private final Status status;
    /** The JSON Pointer or cell key concerned; "" for the whole input. */
    private final String pointer;
    /** What went wrong, in English. */
    private final String message;
    /** Byte offset in the input, -1 when unknown. */
    private final long offset;
    /** 1-based line, 0 when unknown. */
    private final long line;
    /** 1-based column, 0 when unknown. */
    private final long column;

    /**
     * A problem.
     *
     * @param status  what kind of problem
     * @param pointer the JSON Pointer ("/header/year") or cell key concerned; "" for the whole input
     * @param message what went wrong, in English
     * @param offset  byte offset in the input text, or -1 when unknown (0 is a real offset)
     * @param line    1-based line of that offset in JSON input, 0 when unknown
     * @param column  1-based column (in characters) of that offset, 0 when unknown
     */
    public Problem(Status status, String pointer, String message, long offset, long line, long column) {
        this.status = status;
        this.pointer = pointer;
        this.message = message;
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /**
     * What kind of problem.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }

    /**
     * The JSON Pointer ("/header/year") or cell key concerned.
     *
     * @return the place; "" for the whole input
     */
    public String pointer() {
        return pointer;
    }

    /**
     * What went wrong, in English.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /**
     * The byte offset in the input text.
     *
     * @return the offset, -1 when unknown (0 is a real offset)
     */
    public long offset() {
        return offset;
    }

    /**
     * The byte offset when known.
     *
     * @return the offset, or empty
     */
    public OptionalLong byteOffset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * The 1-based line of the offset in JSON input.
     *
     * @return the line, 0 when unknown
     */
    public long line() {
        return line;
    }

    /**
     * The 1-based column (in characters) of the offset in JSON input.
     *
     * @return the column, 0 when unknown
     */
    public long column() {
        return column;
    }

    /**
     * Equal when every member is.
     *
     * @param o another object
     * @return true for a problem with the same members
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && status == p.status && Objects.equals(pointer, p.pointer)
            && Objects.equals(message, p.message) && offset == p.offset && line == p.line && column == p.column;
    }

    /**
     * A hash of every member.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, pointer, message, offset, line, column);
    }

    /**
     * "unknown_key at 'requests.x' (line 3, column 7): message" — the form the C example prints.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        return status.cName() + " at '" + pointer + "'" + (line != 0 ? " (line " + line + ", column " + column + ")" : "")
            + ": " + message;
    }
}
