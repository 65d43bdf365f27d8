package org.xxgk;

import java.util.OptionalLong;

/**
 * One problem of a failed call ({@code xxgk_problem}): decoding JSON reports every problem it finds,
 * each with its place; other failures carry one problem. Immutable.
 *
 * @param status  what kind of problem
 * @param pointer the JSON Pointer ("/header/year") or cell key concerned; "" for the whole input
 * @param message what went wrong, in English
 * @param offset  byte offset in the input text, or -1 when unknown (0 is a real offset)
 * @param line    1-based line of that offset in JSON input, 0 when unknown
 * @param column  1-based column (in characters) of that offset, 0 when unknown
 */
public record Problem(Status status, String pointer, String message, long offset, long line, long column)
    implements java.io.Serializable {
    /**
     * The byte offset when known.
     *
     * @return the offset, or empty
     */
    public OptionalLong byteOffset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
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
