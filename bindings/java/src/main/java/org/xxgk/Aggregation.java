package org.xxgk;

import java.util.List;

/**
 * The result of {@link Reports#aggregate}: the 汇总 report and the provenance of each of its cells.
 * Closing it closes the report.
 *
 * @param report  the compiled report, owned by the caller (its header holds only the year)
 * @param sources one entry per cell, in the order of {@link Keys#all}
 */
public record Aggregation(Report report, List<CellSources> sources) implements AutoCloseable {
    /** Closes the report. */
    @Override
    public void close() {
        report.close();
    }
}
