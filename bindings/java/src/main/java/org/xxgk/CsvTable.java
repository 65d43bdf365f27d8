package org.xxgk;

/**
 * One CSV table: an official table of a report ({@link Report#csvTables()}) or a table of a portal
 * ({@link Portal#csvTables()}).
 *
 * @param name "proactive.article_20_1", "requests", "review_litigation"; "departments", … for a portal
 * @param csv  the CSV text (RFC 4180, "\n" line ends, a header line)
 */
public record CsvTable(String name, String csv) {}
