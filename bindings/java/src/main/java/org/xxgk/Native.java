package org.xxgk;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.NativeLongByReference;

import java.nio.charset.StandardCharsets;

/**
 * The JNA declarations of {@code include/xxgk/xxgk.h}: one method per C function, one
 * {@link Structure} per C struct, field for field. Package-private: the public classes are the API.
 * Strings go in as UTF-8 {@code byte[]} with their length, come out as {@link Pointer}s read with
 * their length ({@link #utf8}).
 */
final class Native {
    private Native() {}

    /** XXGK_NO_OFFSET, (size_t)-1, as the unsigned value read into a long. */
    static final long NO_OFFSET = com.sun.jna.Native.SIZE_T_SIZE == 8 ? -1L : 0xffffffffL;

    /** xxgk_problem, version 1. */
    @Structure.FieldOrder({"version", "status", "pointer", "pointer_len", "message", "message_len", "offset", "line", "column"})
    public static final class Problem extends Structure {
        public int version = 1;
        public int status;
        public Pointer pointer;
        public NativeLong pointer_len = new NativeLong();
        public Pointer message;
        public NativeLong message_len = new NativeLong();
        public NativeLong offset = new NativeLong();
        public NativeLong line = new NativeLong();
        public NativeLong column = new NativeLong();
    }

    /** xxgk_load_options, version 2. */
    @Structure.FieldOrder({"version", "keep_unknown_members", "max_input_bytes", "max_depth", "max_string_bytes", "max_problems"})
    public static final class LoadOptions extends Structure {
        public int version = 2;
        public int keep_unknown_members;
        public NativeLong max_input_bytes = new NativeLong();
        public NativeLong max_depth = new NativeLong();
        public NativeLong max_string_bytes = new NativeLong();
        public NativeLong max_problems = new NativeLong();
    }

    /** xxgk_cell, version 1. */
    @Structure.FieldOrder({"version", "state", "kind", "unit", "coefficient", "scale", "value_text", "raw", "raw_len"})
    public static final class Cell extends Structure {
        public int version = 1;
        public int state;
        public int kind;
        public int unit;
        public long coefficient;
        public int scale;
        public byte[] value_text = new byte[48];
        public Pointer raw;
        public NativeLong raw_len = new NativeLong();
    }

    /** xxgk_key_info, version 1. */
    @Structure.FieldOrder({"version", "index", "kind", "key", "pointer", "section", "row", "column", "section_label",
                           "row_groups", "row_label", "column_group", "column_label", "label_path"})
    public static final class KeyInfo extends Structure {
        public int version = 1;
        public NativeLong index = new NativeLong();
        public int kind;
        public Pointer key;
        public Pointer pointer;
        public Pointer section;
        public Pointer row;
        public Pointer column;
        public Pointer section_label;
        public Pointer row_groups;
        public Pointer row_label;
        public Pointer column_group;
        public Pointer column_label;
        public Pointer label_path;
    }

    /** xxgk_validate_options, version 2. */
    @Structure.FieldOrder({"version", "omit_info", "max_findings"})
    public static final class ValidateOptions extends Structure {
        public int version = 2;
        public int omit_info;
        public NativeLong max_findings = new NativeLong();
    }

    /** xxgk_rule_info, version 1. */
    @Structure.FieldOrder({"version", "code", "rule", "severity", "title_zh", "title_en", "template_zh", "template_en"})
    public static final class RuleInfo extends Structure {
        public int version = 1;
        public Pointer code;
        public Pointer rule;
        public int severity;
        public Pointer title_zh;
        public Pointer title_en;
        public Pointer template_zh;
        public Pointer template_en;
    }

    /** xxgk_render_options, version 1. */
    @Structure.FieldOrder({"version", "lang", "findings"})
    public static final class RenderOptions extends Structure {
        public int version = 1;
        public int lang;
        public Pointer findings;
    }

    /** xxgk_import_options, version 1. */
    @Structure.FieldOrder({"version", "kind", "format", "year", "max_input_bytes"})
    public static final class ImportOptions extends Structure {
        public int version = 1;
        public int kind;
        public int format;
        public int year;
        public NativeLong max_input_bytes = new NativeLong();
    }

    /**
     * Every function of xxgk.h, in the header's order, bound by JNA's direct mapping (static native
     * methods registered once): several times cheaper per call than an interface proxy.
     */
    static final class Lib {
        private Lib() {}

        static {
            // size_t is passed as C's unsigned long (NativeLong, which JNA converts fast in direct
            // mapping): the same type on every platform the C ABI builds for (ELF, LP64 or ILP32).
            if (com.sun.jna.Native.SIZE_T_SIZE != NativeLong.SIZE)
                throw new UnsatisfiedLinkError("org.xxgk maps size_t to unsigned long, which differ in width on this platform");
            try {
                com.sun.jna.Native.register(Lib.class, "xxgk");
            } catch (UnsatisfiedLinkError e) {
                UnsatisfiedLinkError better = new UnsatisfiedLinkError(
                    "libxxgk.so (the xxgk C library) was not found: install it on the system's library path "
                    + "or start the JVM with -Djna.library.path=DIR (docs/java.md); " + e.getMessage());
                better.initCause(e);
                throw better;
            }
        }

        static native String xxgk_status_name(int status);
        static native NativeLong xxgk_version_number();
        static native String xxgk_version_string();
        static native int xxgk_format_supported(int format);
        static native NativeLong xxgk_formats(PointerByReference out);
        static native void xxgk_free(Pointer buffer);

        static native void xxgk_error_free(Pointer err);
        static native int xxgk_error_status(Pointer err);
        static native Pointer xxgk_error_message(Pointer err, NativeLongByReference outLen);
        static native Pointer xxgk_error_location(Pointer err, NativeLongByReference outLen);
        static native NativeLong xxgk_error_offset(Pointer err);
        static native NativeLong xxgk_error_line(Pointer err);
        static native NativeLong xxgk_error_column(Pointer err);
        static native NativeLong xxgk_error_count(Pointer err);
        static native int xxgk_error_problem_at(Pointer err, NativeLong index, Problem out);

        static native int xxgk_report_new(PointerByReference out, int format, PointerByReference err);
        static native int xxgk_report_from_json(PointerByReference out, byte[] json, NativeLong jsonLen, LoadOptions options, PointerByReference err);
        static native int xxgk_report_from_file(PointerByReference out, byte[] path, LoadOptions options, PointerByReference err);
        static native int xxgk_report_to_json(Pointer report, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native int xxgk_report_to_cells_csv(Pointer report, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native void xxgk_report_free(Pointer report);
        static native int xxgk_report_format(Pointer report);
        static native int xxgk_report_clone(Pointer report, PointerByReference out, PointerByReference err);
        static native int xxgk_report_equal(Pointer a, Pointer b);
        static native int xxgk_report_get_json(Pointer report, byte[] pointer, NativeLong pointerLen, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native int xxgk_report_set_json(Pointer report, byte[] pointer, NativeLong pointerLen, byte[] json, NativeLong jsonLen, PointerByReference err);

        static native int xxgk_cell_get(Pointer report, byte[] key, NativeLong keyLen, Cell out, PointerByReference err);
        static native int xxgk_cell_set_integer(Pointer report, byte[] key, NativeLong keyLen, long value, PointerByReference err);
        static native int xxgk_cell_set_decimal(Pointer report, byte[] key, NativeLong keyLen, byte[] text, NativeLong textLen, int unit, PointerByReference err);
        static native int xxgk_cell_set_state(Pointer report, byte[] key, NativeLong keyLen, int state, byte[] raw, NativeLong rawLen, PointerByReference err);

        static native NativeLong xxgk_key_count(int format);
        static native int xxgk_key_at(int format, NativeLong index, KeyInfo out, PointerByReference err);
        static native int xxgk_key_find(int format, byte[] key, NativeLong keyLen, KeyInfo out, PointerByReference err);

        static native int xxgk_field_get(Pointer report, byte[] key, NativeLong keyLen, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native int xxgk_field_set(Pointer report, byte[] key, NativeLong keyLen, byte[] value, NativeLong valueLen, PointerByReference err);

        static native int xxgk_report_validate(Pointer report, ValidateOptions options, PointerByReference out, PointerByReference err);
        static native void xxgk_issues_free(Pointer issues);
        static native NativeLong xxgk_issues_count(Pointer issues);
        static native NativeLong xxgk_issues_error_count(Pointer issues);
        static native Pointer xxgk_issues_code(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native int xxgk_issues_severity(Pointer issues, NativeLong index);
        static native Pointer xxgk_issues_rule(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native Pointer xxgk_issues_key(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native Pointer xxgk_issues_pointer(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native Pointer xxgk_issues_expected(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native Pointer xxgk_issues_actual(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native Pointer xxgk_issues_message(Pointer issues, NativeLong index, int lang, NativeLongByReference outLen);
        static native Pointer xxgk_issues_caused_by(Pointer issues, NativeLong index, NativeLongByReference outLen);
        static native NativeLong xxgk_issues_cell_count(Pointer issues, NativeLong index);
        static native Pointer xxgk_issues_cell_at(Pointer issues, NativeLong index, NativeLong cell, NativeLongByReference outLen);
        static native int xxgk_issues_to_json(Pointer issues, PointerByReference out, NativeLongByReference outLen, PointerByReference err);

        static native NativeLong xxgk_rule_count();
        static native int xxgk_rule_at(NativeLong index, RuleInfo out, PointerByReference err);
        static native int xxgk_rule_find(byte[] code, NativeLong codeLen, RuleInfo out, PointerByReference err);

        static native int xxgk_report_render(Pointer report, int what, RenderOptions options, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native NativeLong xxgk_csv_table_count(int format);
        static native int xxgk_report_csv_table(Pointer report, NativeLong index, PointerByReference name, NativeLongByReference nameLen,
                                  PointerByReference csv, NativeLongByReference csvLen, PointerByReference err);
        static native int xxgk_json_schema(int format, PointerByReference out, NativeLongByReference outLen, PointerByReference err);

        static native int xxgk_is_portal_json(byte[] json, NativeLong jsonLen);
        static native int xxgk_portal_from_json(PointerByReference out, byte[] json, NativeLong jsonLen, LoadOptions options, PointerByReference err);
        static native int xxgk_portal_from_file(PointerByReference out, byte[] path, LoadOptions options, PointerByReference err);
        static native void xxgk_portal_free(Pointer portal);
        static native int xxgk_portal_to_json(Pointer portal, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native int xxgk_portal_get_json(Pointer portal, byte[] pointer, NativeLong pointerLen, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native int xxgk_portal_validate(Pointer portal, ValidateOptions options, PointerByReference out, PointerByReference err);
        static native int xxgk_portal_render(Pointer portal, int what, RenderOptions options, PointerByReference out, NativeLongByReference outLen, PointerByReference err);
        static native NativeLong xxgk_portal_csv_table_count(Pointer portal);
        static native int xxgk_portal_csv_table(Pointer portal, NativeLong index, PointerByReference name, NativeLongByReference nameLen,
                                  PointerByReference csv, NativeLongByReference csvLen, PointerByReference err);
        static native int xxgk_portal_json_schema(PointerByReference out, NativeLongByReference outLen, PointerByReference err);

        static native int xxgk_aggregate(Pointer parts, NativeLong count, PointerByReference out, PointerByReference sources, PointerByReference err);
        static native void xxgk_sources_free(Pointer sources);
        static native NativeLong xxgk_sources_count(Pointer sources);
        static native Pointer xxgk_sources_key(Pointer sources, NativeLong cell, NativeLongByReference outLen);
        static native NativeLong xxgk_sources_part_count(Pointer sources, NativeLong cell, int which);
        static native NativeLong xxgk_sources_part_at(Pointer sources, NativeLong cell, int which, NativeLong i);
        static native int xxgk_check_aggregate(Pointer published, Pointer parts, NativeLong count, PointerByReference out, PointerByReference err);
        static native int xxgk_validate_series(Pointer reports, NativeLong count, PointerByReference out, PointerByReference err);
        static native int xxgk_check_narrative(Pointer report, PointerByReference out, PointerByReference err);

        static native int xxgk_import_bytes(PointerByReference out, PointerByReference logJson, NativeLongByReference logJsonLen, byte[] bytes,
                              NativeLong bytesLen, ImportOptions options, PointerByReference err);
        static native int xxgk_import_file(PointerByReference out, PointerByReference logJson, NativeLongByReference logJsonLen, byte[] path,
                             ImportOptions options, PointerByReference err);
        static native int xxgk_render_css(PointerByReference out, NativeLongByReference outLen);
    }

    // ---- helpers every class uses

    /** The enum constant of a C value that is its position (XXGK_CELL_*, XXGK_UNIT_*, …). */
    static <E extends Enum<E>> E constant(E[] values, int code, String what) {
        if (code < 0 || code >= values.length)
            throw new XxgkException(Status.UNKNOWN, "the library returned " + what + " " + code
                                                    + ", unknown to this version of the Java package");
        return values[code];
    }

    /** A size_t argument. */
    static NativeLong size(long n) {
        return new NativeLong(n, true);
    }

    /** A size_t read back, as unsigned. */
    static long value(NativeLong s) {
        return NativeLong.SIZE == 8 ? s.longValue() : s.longValue() & 0xffffffffL;
    }

    /** A size_t out-parameter read back, as unsigned. */
    static long value(NativeLongByReference r) {
        return value(r.getValue());
    }

    /**
     * A NUL-terminated UTF-8 copy of a Java string argument. Every string goes in this way, with its
     * length {@link #len} beside it: the NUL is what the path functions need, and it keeps an empty
     * string a real (one-byte) array. A string that is not valid Unicode (a lone surrogate) is refused
     * as the C library refuses invalid UTF-8, never replaced by "?".
     */
    static byte[] cString(String s, String name) {
        Args.notNull(s, name);
        java.nio.ByteBuffer b;
        try {
            b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(s));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new XxgkException(Status.INVALID_UTF8, "argument '" + name + "' is not valid Unicode (a lone surrogate): "
                                                         + e.getMessage());
        }
        byte[] z = new byte[b.remaining() + 1];
        b.get(z, 0, z.length - 1);
        return z;
    }

    /** The length of a {@link #cString} without its NUL. */
    static NativeLong len(byte[] z) {
        return new NativeLong(z.length - 1);
    }

    /** The caller's bytes as an array of at least one byte (an empty input stays non-NULL). */
    static byte[] nonEmpty(byte[] bytes) {
        return bytes.length == 0 ? new byte[1] : bytes;
    }

    /** The string at p, len bytes of UTF-8; null for a NULL pointer. */
    static String utf8(Pointer p, long len) {
        if (p == null) return null;
        if (len == 0) return "";
        if (len > Integer.MAX_VALUE - 8)
            throw new XxgkException(Status.LIMIT_EXCEEDED, "a string of " + len + " bytes does not fit a Java array");
        return new String(p.getByteArray(0, (int) len), StandardCharsets.UTF_8);
    }

    /** A NUL-terminated UTF-8 string at p ([static] strings); null for NULL. */
    static String cString(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }

    /** Reads an [owned: xxgk_free] buffer as a string and frees it. */
    static String takeString(PointerByReference out, NativeLongByReference len) {
        Pointer p = out.getValue();
        if (p == null) return null;
        try {
            return utf8(p, Native.value(len));
        } finally {
            Lib.xxgk_free(p);
        }
    }

    /** Reads an [owned: xxgk_free] buffer as bytes and frees it. */
    static byte[] takeBytes(PointerByReference out, NativeLongByReference len) {
        Pointer p = out.getValue();
        if (p == null) return null;
        try {
            long n = Native.value(len);
            if (n > Integer.MAX_VALUE - 8)
                throw new XxgkException(Status.LIMIT_EXCEEDED, "a buffer of " + n + " bytes does not fit a Java array");
            return p.getByteArray(0, (int) n);
        } finally {
            Lib.xxgk_free(p);
        }
    }

    /** A call that hands out an [owned: xxgk_free] string. */
    interface StringCall {
        int call(PointerByReference out, NativeLongByReference len, PointerByReference err);
    }

    /** Runs a call handing out a string: the string, or the call's exception. */
    static String string(StringCall call) {
        PointerByReference out = new PointerByReference();
        NativeLongByReference len = new NativeLongByReference();
        PointerByReference err = new PointerByReference();
        check(call.call(out, len, err), err);
        return takeString(out, len);
    }

    /** A call with only an error out-parameter. */
    interface ErrCall {
        int call(PointerByReference err);
    }

    /** Runs a call that hands nothing out; throws its exception. Returns null (for Handle.write). */
    static Void call(ErrCall call) {
        PointerByReference err = new PointerByReference();
        check(call.call(err), err);
        return null;
    }

    /** A call that hands out one handle. */
    interface MakeCall {
        int call(PointerByReference out, PointerByReference err);
    }

    /** Runs a call that hands out a handle: the handle (the caller takes ownership), or the call's exception. */
    static Pointer make(MakeCall call) {
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        check(call.call(out, err), err);
        return out.getValue();
    }

    /** Throws the exception of a failed call (freeing the error object); returns on XXGK_OK. */
    static void check(int status, PointerByReference err) {
        if (status == 0) return;
        Pointer e = err.getValue();
        try {
            throw XxgkException.fromNative(status, e);
        } finally {
            Lib.xxgk_error_free(e);
        }
    }
}
