package org.xxgk;

import com.sun.jna.ptr.PointerByReference;

import java.nio.file.Path;

/**
 * Imports published reports — plain text, HTML pages, PDF and Word files — into reports
 * ({@code xxgk_import_bytes}, {@code xxgk_import_file}; docs/import.md). It never guesses
 * silently: what could not be read with certainty is in the log, a cell not located is
 * {@link CellState#NOT_CAPTURED}, and a cell is blank only when the source shows it empty.
 * Stateless: safe from any thread.
 */
public final class Importer {
    private Importer() {}

    /**
     * Imports a file, its kind detected from the bytes.
     *
     * @param path the file
     * @return the report and the log
     * @throws XxgkException as {@link #importFile(Path, ImportOptions)}
     */
    public static ImportResult importFile(Path path) {
        return importFile(path, ImportOptions.DEFAULTS);
    }

    /**
     * Imports a file ({@code xxgk_import_file}; only regular files, at most maxInputBytes).
     *
     * @param path    the file
     * @param options kind, format, year, size limit
     * @return the report and the log
     * @throws XxgkException {@link Status#IO} (missing file, a directory), {@link Status#LIMIT_EXCEEDED},
     *                       {@link Status#INVALID_VALUE} (not a report; a damaged PDF or Word file),
     *                       {@link Status#NO_TEXT_LAYER} (a scan), {@link Status#ENCRYPTED},
     *                       {@link Status#UNSUPPORTED_KIND} (legacy .doc/.wps: the message names the
     *                       conversion), {@link Status#INVALID_ARGUMENT} for null
     */
    public static ImportResult importFile(Path path, ImportOptions options) {
        byte[] z = Native.cString(Args.notNull(path, "path").toString(), "path");
        Native.ImportOptions o = Args.notNull(options, "options").toNative();
        PointerByReference out = new PointerByReference();
        PointerByReference log = new PointerByReference();
        com.sun.jna.ptr.NativeLongByReference logLen = new com.sun.jna.ptr.NativeLongByReference();
        PointerByReference err = new PointerByReference();
        Native.check(Native.Lib.xxgk_import_file(out, log, logLen, z, o, err), err);
        return result(out, log, logLen);
    }

    /**
     * Imports the bytes of a published file ({@code xxgk_import_bytes}). The bytes need not be
     * UTF-8 (PDF, Word, GBK text are read as what they are).
     *
     * @param bytes   the file's content
     * @param options kind ({@link ImportOptions#of} a {@link SourceKind}), format, year, size limit
     * @return the report and the log
     * @throws XxgkException as {@link #importFile(Path, ImportOptions)} but {@link Status#IO}
     */
    public static ImportResult importBytes(byte[] bytes, ImportOptions options) {
        Args.notNull(bytes, "bytes");
        Native.ImportOptions o = Args.notNull(options, "options").toNative();
        PointerByReference out = new PointerByReference();
        PointerByReference log = new PointerByReference();
        com.sun.jna.ptr.NativeLongByReference logLen = new com.sun.jna.ptr.NativeLongByReference();
        PointerByReference err = new PointerByReference();
        Native.check(Native.Lib.xxgk_import_bytes(out, log, logLen, Native.nonEmpty(bytes), Native.size(bytes.length), o, err), err);
        return result(out, log, logLen);
    }

    private static ImportResult result(PointerByReference out, PointerByReference log, com.sun.jna.ptr.NativeLongByReference logLen) {
        Report report = Report.take(out.getValue());
        return new ImportResult(report, Native.takeString(log, logLen));
    }
}
