package org.xxgk;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One 政府信息公开工作年度报告 ({@code xxgk_report}): header, the six sections, every cell.
 *
 * <p><b>Ownership.</b> A report owns a native object. {@link #close()} releases it (use
 * try-with-resources); a report that is never closed is released by a
 * {@link java.lang.ref.Cleaner} once it is unreachable. Every value a report returns is a Java copy
 * and stays valid after the report changes or closes. Any use after {@code close()} throws
 * {@link XxgkException} with {@link Status#MISUSE}; {@code close()} twice is a no-op.
 *
 * <p><b>Threads.</b> A report is safe to use from any number of threads. Reads (every method that
 * does not change it: getters, {@code toJson}, {@code validate}, {@code render}, {@code copy} …) run
 * at the same time; a change ({@code setCell}, {@code setField}, {@code setJson}) and {@code close()}
 * wait until no other call is using this report — the lock the C library asks its caller to hold
 * (docs/c-api.md, "Threads") is taken here. Different reports never wait for each other.
 *
 * <p><b>Errors.</b> Every failure is an {@link XxgkException} carrying the C status, message, JSON
 * Pointer or cell key, line and column, and every decoding problem. A null argument is
 * {@link Status#INVALID_ARGUMENT}. A validation finding is never an exception.
 */
public final class Report implements AutoCloseable {
    private final Handle handle;

    private Report(Pointer report) {
        this.handle = new Handle(report, Native.Lib::xxgk_report_free, "report");
    }

    /** Takes ownership of the report a successful call handed out. */
    static Report take(Pointer report) {
        return new Report(report);
    }

    /** The handle, for the classes that pass several reports at once. */
    Handle handle() {
        return handle;
    }

    // ---- making reports

    /**
     * A new empty report ({@code xxgk_report_new}): every cell blank, header empty (validation says
     * what is missing).
     *
     * @param format the format
     * @return the report, owned by the caller
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for a null format
     */
    public static Report create(Format format) {
        Args.notNull(format, "format");
        return take(Native.make((out, err) -> Native.Lib.xxgk_report_new(out, format.number(), err)));
    }

    /**
     * Decodes canonical JSON strictly with the default limits ({@code xxgk_report_from_json}).
     *
     * @param json the JSON text
     * @return the report, owned by the caller
     * @throws XxgkException the decoding status, with every problem and its JSON Pointer; syntax
     *                       errors also with offset, line and column
     */
    public static Report fromJson(String json) {
        return fromJson(json, LoadOptions.DEFAULTS);
    }

    /**
     * Decodes canonical JSON ({@code xxgk_report_from_json}).
     *
     * @param json    the JSON text
     * @param options how to read it
     * @return the report, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}; {@link Status#INVALID_UTF8} for a string
     *                       with a lone surrogate
     */
    public static Report fromJson(String json, LoadOptions options) {
        byte[] z = Native.cString(json, "json");
        return decode(z, Native.len(z), options);
    }

    /**
     * Decodes canonical JSON given as UTF-8 bytes, strictly with the default limits.
     *
     * @param json the UTF-8 bytes
     * @return the report, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}; {@link Status#INVALID_UTF8} with the
     *                       offset of the first bad byte
     */
    public static Report fromJson(byte[] json) {
        return fromJson(json, LoadOptions.DEFAULTS);
    }

    /**
     * Decodes canonical JSON given as UTF-8 bytes.
     *
     * @param json    the UTF-8 bytes
     * @param options how to read them
     * @return the report, owned by the caller
     * @throws XxgkException as {@link #fromJson(byte[])}
     */
    public static Report fromJson(byte[] json, LoadOptions options) {
        Args.notNull(json, "json");
        return decode(Native.nonEmpty(json), Native.size(json.length), options);
    }

    private static Report decode(byte[] bytes, com.sun.jna.NativeLong length, LoadOptions options) {
        Native.LoadOptions o = Args.notNull(options, "options").toNative();
        return take(Native.make((out, err) -> Native.Lib.xxgk_report_from_json(out, bytes, length, o, err)));
    }

    /**
     * Reads a file and decodes it strictly with the default limits ({@code xxgk_report_from_file}).
     *
     * @param path the file
     * @return the report, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}, and {@link Status#IO} when the file cannot be read
     */
    public static Report fromFile(Path path) {
        return fromFile(path, LoadOptions.DEFAULTS);
    }

    /**
     * Reads a file and decodes it ({@code xxgk_report_from_file}).
     *
     * @param path    the file
     * @param options how to read it
     * @return the report, owned by the caller
     * @throws XxgkException as {@link #fromFile(Path)}
     */
    public static Report fromFile(Path path, LoadOptions options) {
        byte[] z = Native.cString(Args.notNull(path, "path").toString(), "path");
        Native.LoadOptions o = Args.notNull(options, "options").toNative();
        return take(Native.make((out, err) -> Native.Lib.xxgk_report_from_file(out, z, o, err)));
    }

    /**
     * A deep copy ({@code xxgk_report_clone}), owned by the caller.
     *
     * @return the copy
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public Report copy() {
        return handle.read(p -> take(Native.make((out, err) -> Native.Lib.xxgk_report_clone(p, out, err))));
    }

    // ---- the whole report

    /**
     * The report's format ({@code xxgk_report_format}).
     *
     * @return the format
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public Format format() {
        return handle.read(p -> Format.of(Native.Lib.xxgk_report_format(p)));
    }

    /**
     * Canonical JSON ({@code xxgk_report_to_json}): compact, deterministic, members in model order;
     * {@code fromJson(toJson())} is equal to this report and encodes to the same text.
     *
     * @return the JSON text
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public String toJson() {
        return handle.read(p -> Native.string((out, len, err) -> Native.Lib.xxgk_report_to_json(p, out, len, err)));
    }

    /**
     * Canonical JSON as UTF-8 bytes, exactly as the C library writes them.
     *
     * @return the bytes
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public byte[] toJsonBytes() {
        return handle.read(p -> {
            PointerByReference out = new PointerByReference();
            com.sun.jna.ptr.NativeLongByReference len = new com.sun.jna.ptr.NativeLongByReference();
            PointerByReference err = new PointerByReference();
            Native.check(Native.Lib.xxgk_report_to_json(p, out, len, err), err);
            return Native.takeBytes(out, len);
        });
    }

    /**
     * Every cell as CSV in long format ({@code xxgk_report_to_cells_csv}): columns key, section,
     * row_label, column_label, value, state, unit, raw; RFC 4180, "\n" line ends, one header line.
     *
     * @return the CSV text
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public String cellsCsv() {
        return handle.read(p -> Native.string((out, len, err) -> Native.Lib.xxgk_report_to_cells_csv(p, out, len, err)));
    }

    /**
     * Whether both reports hold the same content ({@code xxgk_report_equal}): cells compared by
     * value, raw text and provenance included. ({@code equals} stays identity: a report is mutable.)
     *
     * @param other the other report
     * @return true when the content is the same
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null, {@link Status#MISUSE} when either is closed
     */
    public boolean contentEquals(Report other) {
        Args.notNull(other, "other");
        return Handle.readAll(List.of(handle, other.handle), p -> Native.Lib.xxgk_report_equal(p[0], p[1]) == 1);
    }

    // ---- JSON parts

    /**
     * The JSON of one part of the report, by JSON Pointer into its canonical JSON
     * ({@code xxgk_report_get_json}): "" (the whole report), "/header/contact",
     * "/requests/granted/total" (one cell). A member the report leaves out gives "null".
     *
     * @param pointer an RFC 6901 JSON Pointer
     * @return the JSON text
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} (not starting with "/"),
     *                       {@link Status#UNKNOWN_KEY} (names nothing)
     */
    public String getJson(String pointer) {
        byte[] z = Native.cString(pointer, "pointer");
        return handle.read(p -> Native.string((out, len, err) -> Native.Lib.xxgk_report_get_json(p, z, Native.len(z), out, len, err)));
    }

    /**
     * Replaces one part of the report with {@code json} ({@code xxgk_report_set_json}), addressed
     * like {@link #getJson}: missing enclosing objects are created, "-" appends to an array, "null"
     * removes an optional member, "" replaces the whole report. Decoded strictly; on any error the
     * report is left unchanged.
     *
     * @param pointer the JSON Pointer
     * @param json    the new JSON
     * @throws XxgkException {@link Status#UNKNOWN_KEY}, {@link Status#NOT_FOUND} (index beyond the
     *                       end), {@link Status#INVALID_JSON} and every decoding status, with the
     *                       JSON Pointer of the offending member
     */
    public void setJson(String pointer, String json) {
        byte[] zp = Native.cString(pointer, "pointer");
        byte[] zj = Native.cString(json, "json");
        handle.write(p -> Native.call(err -> Native.Lib.xxgk_report_set_json(p, zp, Native.len(zp), zj, Native.len(zj), err)));
    }

    // ---- cells

    /**
     * Reads the cell at a canonical key ({@code xxgk_cell_get}), e.g. "requests.granted.natural_person".
     *
     * @param key the cell key ({@link Keys} lists them)
     * @return a copy of the cell
     * @throws XxgkException {@link Status#UNKNOWN_KEY} when the key is not a cell of this report's
     *                       format (location: the key; the message says when it belongs to the other)
     */
    public Cell cell(String key) {
        byte[] z = Native.cString(key, "key");
        return handle.read(p -> {
            Native.Cell c = new Native.Cell();
            PointerByReference err = new PointerByReference();
            Native.check(Native.Lib.xxgk_cell_get(p, z, Native.len(z), c, err), err);
            CellState state = CellState.of(c.state);
            BigDecimal value = state == CellState.NUMBER ? BigDecimal.valueOf(c.coefficient, c.scale) : null;
            return new Cell(state, CellKind.of(c.kind), Unit.of(c.unit), value, Native.utf8(c.raw, Native.value(c.raw_len)));
        });
    }

    /**
     * Makes the cell the integer {@code value} without unit ({@code xxgk_cell_set_integer}); raw text
     * and provenance are dropped. Values the key does not admit (a negative count) are stored; the
     * validator reports them.
     *
     * @param key   the cell key
     * @param value the value
     * @throws XxgkException {@link Status#UNKNOWN_KEY} as {@link #cell}
     */
    public void setCell(String key, long value) {
        byte[] z = Native.cString(key, "key");
        handle.write(p -> Native.call(err -> Native.Lib.xxgk_cell_set_integer(p, z, Native.len(z), value, err)));
    }

    /**
     * Makes the cell the exact decimal {@code value} with {@code unit} ({@code xxgk_cell_set_decimal}):
     * at most 18 decimals, within the 64-bit range of the coefficient.
     *
     * @param key   the cell key
     * @param value the value (its scale is kept: 5.00 stays "5.00")
     * @param unit  the unit written with it
     * @throws XxgkException {@link Status#UNKNOWN_KEY}, {@link Status#INVALID_VALUE} (more than 18
     *                       decimals, out of range), {@link Status#INVALID_ARGUMENT} (null)
     */
    public void setCell(String key, BigDecimal value, Unit unit) {
        byte[] z = Native.cString(key, "key");
        byte[] text = Native.cString(Args.notNull(value, "value").toPlainString(), "value");
        Args.notNull(unit, "unit");
        handle.write(p -> Native.call(err -> Native.Lib.xxgk_cell_set_decimal(p, z, Native.len(z), text, Native.len(text), unit.code(), err)));
    }

    /**
     * Makes the cell blank, not applicable, unreadable text or not captured ({@code xxgk_cell_set_state}),
     * with the printed text {@code raw}.
     *
     * @param key   the cell key
     * @param state any state but {@link CellState#NUMBER} (use the other {@code setCell})
     * @param raw   the text as printed, or null for none
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for {@link CellState#NUMBER} or a null
     *                       state, {@link Status#UNKNOWN_KEY}
     */
    public void setCell(String key, CellState state, String raw) {
        byte[] z = Native.cString(key, "key");
        Args.notNull(state, "state");
        byte[] r = raw == null ? new byte[1] : Native.cString(raw, "raw");
        handle.write(p -> Native.call(err -> Native.Lib.xxgk_cell_set_state(p, z, Native.len(z), state.code(), raw == null ? null : r,
                                                        Native.len(r), err)));
    }

    // ---- fields

    /**
     * A header or narrative field by dotted key ({@code xxgk_field_get}): "header.body",
     * "header.year", "header.statistics_period.start", "other_matters.heading". Strings as they are,
     * enums by name, dates "YYYY-MM-DD", decimals "17424.88", booleans "true"/"false".
     *
     * @param key the field key
     * @return the value as text; empty when the report leaves the field out
     * @throws XxgkException {@link Status#UNKNOWN_KEY} (not a member of the model),
     *                       {@link Status#WRONG_TYPE} (an object, array or cell)
     */
    public Optional<String> field(String key) {
        byte[] z = Native.cString(key, "key");
        return Optional.ofNullable(handle.read(
            p -> Native.string((out, len, err) -> Native.Lib.xxgk_field_get(p, z, Native.len(z), out, len, err))));
    }

    /**
     * Sets a field from text in the form {@link #field} returns ({@code xxgk_field_set}); enclosing
     * optional objects are created. Checked like JSON input; on error the report is unchanged.
     * Remove an optional field with {@code setJson(pointer, "null")}.
     *
     * @param key   the field key
     * @param value the new value as text
     * @throws XxgkException as {@link #field}, and {@link Status#INVALID_VALUE},
     *                       {@link Status#OUT_OF_RANGE}, {@link Status#MISSING_MEMBER}, with the
     *                       field's JSON Pointer
     */
    public void setField(String key, String value) {
        byte[] z = Native.cString(key, "key");
        byte[] v = Native.cString(value, "value");
        handle.write(p -> Native.call(err -> Native.Lib.xxgk_field_set(p, z, Native.len(z), v, Native.len(v), err)));
    }

    // ---- validation

    /**
     * Every finding of every rule of the report's format ({@code xxgk_report_validate}), roots first
     * in table order. A finding is never an exception.
     *
     * @return the findings (close them, or leave them to the garbage collector)
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public Findings validate() {
        return validate(ValidateOptions.DEFAULTS);
    }

    /**
     * Validates with options ({@code xxgk_report_validate}).
     *
     * @param options what to keep
     * @return the findings
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null options, {@link Status#MISUSE} when closed
     */
    public Findings validate(ValidateOptions options) {
        Native.ValidateOptions o = Args.notNull(options, "options").toNative();
        return handle.read(p -> Findings.take(Native.make((out, err) -> Native.Lib.xxgk_report_validate(p, o, out, err))));
    }

    /**
     * The figures stated in the prose of sections 一 and 五 against the tables
     * ({@code xxgk_check_narrative}: XXGK-N-006, warnings).
     *
     * @return the findings
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public Findings checkNarrative() {
        return handle.read(p -> Findings.take(Native.make((out, err) -> Native.Lib.xxgk_check_narrative(p, out, err))));
    }

    // ---- rendering

    /**
     * Renders the report for people in Chinese, nothing highlighted ({@code xxgk_report_render}).
     *
     * @param kind HTML page, HTML fragment, Markdown or long CSV
     * @return the text
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null, {@link Status#MISUSE} when closed
     */
    public String render(RenderKind kind) {
        return render(kind, RenderOptions.DEFAULTS);
    }

    /**
     * Renders the report for people ({@code xxgk_report_render}). HTML reproduces the tables of
     * sections 二, 三 and 四 in the layout of the national template; every value cell has
     * data-key="&lt;cell key&gt;"; cells named by highlighted findings get the class "xxgk-finding".
     * All report text is escaped.
     *
     * @param kind    what to write
     * @param options language and findings to highlight
     * @return the text
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null, {@link Status#MISUSE} when this
     *                       report or the findings are closed
     */
    public String render(RenderKind kind, RenderOptions options) {
        Args.notNull(kind, "kind");
        Args.notNull(options, "options");
        return handle.read(p -> Renderer.render(options, o -> Native.string(
            (out, len, err) -> Native.Lib.xxgk_report_render(p, kind.code(), o, out, len, err))));
    }

    /**
     * The official tables as CSV with the official labels as header ({@code xxgk_report_csv_table}):
     * one per block of section 二, one for 三, one for 四.
     *
     * @return every table, in table order
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public List<CsvTable> csvTables() {
        return handle.read(p -> {
            long n = Native.value(Native.Lib.xxgk_csv_table_count(Native.Lib.xxgk_report_format(p)));
            List<CsvTable> tables = new ArrayList<>();
            for (long i = 0; i < n; ++i) {
                com.sun.jna.NativeLong at = Native.size(i);
                tables.add(Renderer.csvTable((name, nameLen, csv, csvLen, err) ->
                Native.Lib.xxgk_report_csv_table(p, at, name, nameLen, csv, csvLen, err)));
            }
            return List.copyOf(tables);
        });
    }

    /**
     * One official table as CSV ({@code xxgk_report_csv_table}).
     *
     * @param index 0-based, below {@link Xxgk#csvTableCount} of the format
     * @return the table
     * @throws XxgkException {@link Status#NOT_FOUND} past the end, {@link Status#INVALID_ARGUMENT} when negative
     */
    public CsvTable csvTable(long index) {
        Args.size(index, "index");
        return handle.read(p -> Renderer.csvTable((name, nameLen, csv, csvLen, err) ->
            Native.Lib.xxgk_report_csv_table(p, Native.size(index), name, nameLen, csv, csvLen, err)));
    }

    // ---- lifetime

    /**
     * Releases the native report now, waiting for calls in flight on other threads. Closing twice
     * is a no-op; any other use afterwards throws {@link XxgkException} with {@link Status#MISUSE}.
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
