package org.xxgk;

/**
 * A report imported from a published file, with the log of whatever could not be read with
 * certainty. Closing it closes the report.
 *
 * @param report  the report, owned by the caller; cells not located are {@link CellState#NOT_CAPTURED}
 * @param logJson the import log: a JSON array of {"level", "code", "message", "key", "where",
 *                "candidates"} (docs/import.md)
 */
public record ImportResult(Report report, String logJson) implements AutoCloseable {
    /** Closes the report. */
    @Override
    public void close() {
        report.close();
    }
}
