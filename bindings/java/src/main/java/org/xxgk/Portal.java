package org.xxgk;

import com.sun.jna.Pointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The material of one government portal ({@code xxgk_portal}; docs/portal.md): departments,
 * 责任清单, 权力清单, the 标准目录 of 26 domains, published items with their metadata. A portal file
 * is canonical JSON whose top-level "kind" is "portal".
 *
 * <p>Ownership, threads and errors as {@link Report}: {@link #close()} or the
 * {@link java.lang.ref.Cleaner} releases it; reads run together from any threads; a use after
 * close is {@link Status#MISUSE}.
 */
public final class Portal implements AutoCloseable {
    private final Handle handle;

    private Portal(Pointer portal) {
        this.handle = new Handle(portal, Native.Lib::xxgk_portal_free, "portal");
    }

    /**
     * Whether JSON text is a portal file rather than a report ({@code xxgk_is_portal_json}): an
     * object whose "kind" member is "portal". Decides from the first members without decoding.
     *
     * @param json the JSON text
     * @return true for a portal file
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null
     */
    public static boolean isPortalJson(String json) {
        byte[] z = Native.cString(json, "json");
        return Native.Lib.xxgk_is_portal_json(z, Native.len(z)) == 1;
    }

    /**
     * Whether UTF-8 bytes are a portal file ({@code xxgk_is_portal_json}).
     *
     * @param json the bytes
     * @return true for a portal file
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null
     */
    public static boolean isPortalJson(byte[] json) {
        Args.notNull(json, "json");
        return Native.Lib.xxgk_is_portal_json(Native.nonEmpty(json), Native.size(json.length)) == 1;
    }

    /**
     * Decodes a portal file strictly with the default limits ({@code xxgk_portal_from_json}).
     *
     * @param json the JSON text
     * @return the portal, owned by the caller
     * @throws XxgkException the decoding status with every problem and its JSON Pointer
     */
    public static Portal fromJson(String json) {
        return fromJson(json, LoadOptions.DEFAULTS);
    }

    /**
     * Decodes a portal file ({@code xxgk_portal_from_json}).
     *
     * @param json    the JSON text
     * @param options how to read it
     * @return the portal, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}
     */
    public static Portal fromJson(String json, LoadOptions options) {
        byte[] z = Native.cString(json, "json");
        return decode(z, Native.len(z), options);
    }

    /**
     * Decodes a portal file given as UTF-8 bytes, strictly with the default limits.
     *
     * @param json the bytes
     * @return the portal, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}
     */
    public static Portal fromJson(byte[] json) {
        return fromJson(json, LoadOptions.DEFAULTS);
    }

    /**
     * Decodes a portal file given as UTF-8 bytes ({@code xxgk_portal_from_json}).
     *
     * @param json    the bytes
     * @param options how to read them
     * @return the portal, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}
     */
    public static Portal fromJson(byte[] json, LoadOptions options) {
        Args.notNull(json, "json");
        return decode(Native.nonEmpty(json), Native.size(json.length), options);
    }

    private static Portal decode(byte[] bytes, com.sun.jna.NativeLong length, LoadOptions options) {
        Native.LoadOptions o = Args.notNull(options, "options").toNative();
        return new Portal(Native.make((out, err) -> Native.Lib.xxgk_portal_from_json(out, bytes, length, o, err)));
    }

    /**
     * Reads a portal file ({@code xxgk_portal_from_file}), strictly with the default limits.
     *
     * @param path the file
     * @return the portal, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}, and {@link Status#IO}
     */
    public static Portal fromFile(Path path) {
        return fromFile(path, LoadOptions.DEFAULTS);
    }

    /**
     * Reads a portal file ({@code xxgk_portal_from_file}).
     *
     * @param path    the file
     * @param options how to read it
     * @return the portal, owned by the caller
     * @throws XxgkException as {@link #fromJson(String)}, and {@link Status#IO}
     */
    public static Portal fromFile(Path path, LoadOptions options) {
        byte[] z = Native.cString(Args.notNull(path, "path").toString(), "path");
        Native.LoadOptions o = Args.notNull(options, "options").toNative();
        return new Portal(Native.make((out, err) -> Native.Lib.xxgk_portal_from_file(out, z, o, err)));
    }

    /**
     * The JSON Schema (draft 2020-12) of portal files ({@code xxgk_portal_json_schema}).
     *
     * @return the schema as JSON text
     */
    public static String jsonSchema() {
        return Native.string(Native.Lib::xxgk_portal_json_schema);
    }

    /**
     * Canonical JSON of the portal ({@code xxgk_portal_to_json}): "kind" first, deterministic, lossless.
     *
     * @return the JSON text
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public String toJson() {
        return handle.read(p -> Native.string((out, len, err) -> Native.Lib.xxgk_portal_to_json(p, out, len, err)));
    }

    /**
     * The value at a JSON Pointer of the portal's canonical JSON ({@code xxgk_portal_get_json}):
     * "/catalogs/0/sections/3/domain" gives "\"employment\"".
     *
     * @param pointer the JSON Pointer; "" = the whole portal
     * @return the JSON text
     * @throws XxgkException {@link Status#NOT_FOUND}, {@link Status#INVALID_ARGUMENT} (not a pointer)
     */
    public String getJson(String pointer) {
        byte[] z = Native.cString(pointer, "pointer");
        return handle.read(p -> Native.string((out, len, err) -> Native.Lib.xxgk_portal_get_json(p, z, Native.len(z), out, len, err)));
    }

    /**
     * Checks the portal against the XXGK-P rules ({@code xxgk_portal_validate}).
     *
     * @return the findings
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public Findings validate() {
        return validate(ValidateOptions.DEFAULTS);
    }

    /**
     * Checks the portal against the XXGK-P rules with options ({@code xxgk_portal_validate}).
     *
     * @param options what to keep
     * @return the findings
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null, {@link Status#MISUSE} when closed
     */
    public Findings validate(ValidateOptions options) {
        Native.ValidateOptions o = Args.notNull(options, "options").toNative();
        return handle.read(p -> Findings.take(Native.make((out, err) -> Native.Lib.xxgk_portal_validate(p, o, out, err))));
    }

    /**
     * The portal as HTML ({@code xxgk_portal_render}): one table per kind of row, every text escaped,
     * findings in {@code options} listed at the end.
     *
     * @param kind    {@link RenderKind#HTML} or {@link RenderKind#HTML_FRAGMENT}
     * @param options language and findings
     * @return the HTML
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for another kind or null
     */
    public String render(RenderKind kind, RenderOptions options) {
        Args.notNull(kind, "kind");
        Args.notNull(options, "options");
        return handle.read(p -> Renderer.render(options, o -> Native.string(
            (out, len, err) -> Native.Lib.xxgk_portal_render(p, kind.code(), o, out, len, err))));
    }

    /**
     * The portal's CSV tables, one per kind of row that has rows ({@code xxgk_portal_csv_table}):
     * "departments", "catalog_entries", …; formula-like fields neutralised.
     *
     * @return every table
     * @throws XxgkException {@link Status#MISUSE} when closed
     */
    public List<CsvTable> csvTables() {
        return handle.read(p -> {
            long n = Native.value(Native.Lib.xxgk_portal_csv_table_count(p));
            List<CsvTable> tables = new ArrayList<>();
            for (long i = 0; i < n; ++i) {
                com.sun.jna.NativeLong at = Native.size(i);
                tables.add(Renderer.csvTable((name, nameLen, csv, csvLen, err) ->
                Native.Lib.xxgk_portal_csv_table(p, at, name, nameLen, csv, csvLen, err)));
            }
            return List.copyOf(tables);
        });
    }

    /**
     * One CSV table of the portal ({@code xxgk_portal_csv_table}).
     *
     * @param index 0-based, below {@code csvTables().size()}
     * @return the table
     * @throws XxgkException {@link Status#NOT_FOUND} past the end, {@link Status#INVALID_ARGUMENT} when negative
     */
    public CsvTable csvTable(long index) {
        Args.size(index, "index");
        return handle.read(p -> Renderer.csvTable((name, nameLen, csv, csvLen, err) ->
            Native.Lib.xxgk_portal_csv_table(p, Native.size(index), name, nameLen, csv, csvLen, err)));
    }

    /**
     * Releases the native portal now. Closing twice is a no-op; any other use afterwards throws
     * {@link XxgkException} with {@link Status#MISUSE}.
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
