// xxgk for JavaScript: the C ABI of libxxgk (include/xxgk/xxgk.h) compiled to WebAssembly
// (dist/xxgk.wasm, built by bindings/js/build-wasm), wrapped so that no JavaScript caller ever
// sees a pointer or calls free (docs/web.md, "Memory").
//
// Memory model. Everything the library hands out is copied into JavaScript values at once and
// its WebAssembly memory released in the same call: strings, JSON, findings, key and rule
// descriptions are plain JavaScript data. The one exception is a Report, which wraps a report
// living in WebAssembly memory: release it with report.dispose() (or `using` where the runtime
// has Symbol.dispose); a FinalizationRegistry frees a report that is garbage-collected without
// it, as a safety net only (collection may come late or never).
import createXxgkCore from '../dist/xxgk.mjs';

async function wasmBytes() {
  const url = new URL('../dist/xxgk.wasm', import.meta.url);
  if (url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    return new Uint8Array(await fs.readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`xxgk: cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const core = await createXxgkCore({ wasmBinary: await wasmBytes() });

// Offsets of the C structs in wasm32 (checked at build time by bindings/js/layout.cpp).
const LAYOUT = {
  key_info: { size: 56, version: 1 },
  rule_info: { size: 32, version: 1 },
  problem: { size: 36, version: 1 },
  validate_options: { size: 12, version: 2 },
  load_options: { size: 24, version: 2 },
  render_options: { size: 12, version: 1 },
  import_options: { size: 20, version: 1 },
};
const KEY_INFO_STRINGS = ['key', 'pointer', 'section', 'row', 'column', 'section_label', 'row_groups', 'row_label',
  'column_group', 'column_label', 'label_path']; // at 12, 16, …, 52
const RULE_INFO_STRINGS = { code: 4, rule: 8, title_zh: 16, title_en: 20, template_zh: 24, template_en: 28 };

/** Value kinds of cells (XXGK_KIND_*), by number. */
const KINDS = ['count', 'signed_count', 'amount', 'amount_wan_yuan'];
/** Severities (XXGK_SEVERITY_*), by number. */
const SEVERITIES = ['info', 'warning', 'error'];
/** Import source kinds (XXGK_SOURCE_*). */
const SOURCE_KINDS = { detect: 0, text: 1, html: 2, pdf: 3, docx: 4 };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const u32 = (ptr) => core.HEAPU32[ptr >>> 2];
const i32 = (ptr) => core.HEAP32[ptr >>> 2];
const setU32 = (ptr, value) => { core.HEAPU32[ptr >>> 2] = value; };

/** A NUL-terminated UTF-8 string at `ptr` (null for a null pointer). */
function cString(ptr) {
  if (!ptr) return null;
  const heap = core.HEAPU8;
  let end = ptr;
  while (heap[end]) end++;
  return decoder.decode(heap.subarray(ptr, end));
}

/** `length` bytes of UTF-8 at `ptr`. */
function utf8At(ptr, length) {
  return decoder.decode(core.HEAPU8.subarray(ptr, ptr + length));
}

/**
 * Runs `body` with a frame that allocates WebAssembly memory for arguments and out-parameters
 * and frees all of it when the body returns or throws.
 */
function withFrame(body) {
  const allocations = [];
  const frame = {
    alloc(size) {
      const ptr = core._malloc(Math.max(size, 1));
      if (!ptr) throw new XxgkError('no_memory', 103, 'out of WebAssembly memory');
      allocations.push(ptr);
      core.HEAPU8.fill(0, ptr, ptr + size);
      return ptr;
    },
    /** Bytes (a string is UTF-8 encoded) copied in: [pointer, length]. */
    bytes(value) {
      const data = typeof value === 'string' ? encoder.encode(value) : value;
      const ptr = frame.alloc(data.length + 1);
      core.HEAPU8.set(data, ptr);
      return [ptr, data.length];
    },
    /** A struct whose first member is its version. */
    struct(layout) {
      const ptr = frame.alloc(layout.size);
      setU32(ptr, layout.version);
      return ptr;
    },
    /** One pointer-sized out-parameter slot. */
    slot() { return frame.alloc(4); },
  };
  try {
    return body(frame);
  } finally {
    for (const ptr of allocations) core._free(ptr);
  }
}

/** What went wrong in a call: the C ABI's error object, copied out. */
export class XxgkError extends Error {
  constructor(status, code, message, details = {}) {
    super(message);
    this.name = 'XxgkError';
    /** The status name: "invalid_json", "unknown_key", "unavailable", … (docs/c-api.md). */
    this.status = status;
    /** The status number (XXGK_E_*). */
    this.code = code;
    /** JSON Pointer or cell key concerned; "" when not tied to a place. */
    this.location = details.location ?? '';
    this.offset = details.offset ?? null;
    this.line = details.line ?? null;
    this.column = details.column ?? null;
    /** Every problem found (JSON that could not be decoded reports them all). */
    this.problems = details.problems ?? [];
  }
}

function statusName(code) { return cString(core._xxgk_status_name(code)); }

/** Throws the error object of a failed call (and frees it). */
function check(status, errSlot) {
  if (status === 0) return;
  const err = u32(errSlot);
  if (!err) throw new XxgkError(statusName(status), status, statusName(status));
  try {
    withFrame((f) => {
      const lenSlot = f.slot();
      const message = utf8At(core._xxgk_error_message(err, lenSlot), u32(lenSlot));
      const location = utf8At(core._xxgk_error_location(err, lenSlot), u32(lenSlot));
      const noOffset = 0xffffffff;
      const offset = core._xxgk_error_offset(err) >>> 0;
      const problems = [];
      const count = core._xxgk_error_count(err) >>> 0;
      const p = f.struct(LAYOUT.problem);
      for (let i = 0; i < count; i++) {
        setU32(p, LAYOUT.problem.version);
        if (core._xxgk_error_problem_at(err, i, p) !== 0) break;
        const problemOffset = u32(p + 24);
        problems.push({
          status: statusName(i32(p + 4)),
          pointer: utf8At(u32(p + 8), u32(p + 12)),
          message: utf8At(u32(p + 16), u32(p + 20)),
          offset: problemOffset === noOffset ? null : problemOffset,
          line: u32(p + 28) || null,
          column: u32(p + 32) || null,
        });
      }
      throw new XxgkError(statusName(status), status, message, {
        location,
        offset: offset === noOffset ? null : offset,
        line: (core._xxgk_error_line(err) >>> 0) || null,
        column: (core._xxgk_error_column(err) >>> 0) || null,
        problems,
      });
    });
  } finally {
    core._xxgk_error_free(err);
  }
}

/** Calls a C function taking `(..., char **out, size_t *out_len, xxgk_error **err)`; returns the text. */
function textOut(f, call) {
  const out = f.slot(), len = f.slot(), err = f.slot();
  check(call(out, len, err), err);
  const ptr = u32(out);
  if (!ptr) return null;
  try {
    return utf8At(ptr, u32(len));
  } finally {
    core._xxgk_free(ptr);
  }
}

function formatArg(format) {
  const f = Number(format);
  if (!core._xxgk_format_supported(f)) {
    throw new XxgkError('invalid_argument', 100, `format ${format} is not supported (${formats.join(', ')})`);
  }
  return f;
}

/** The library's version, e.g. "0.4.0". */
export const version = cString(core._xxgk_version_string());

/** Every supported format version, oldest first: [2019, 2021]. */
export const formats = withFrame((f) => {
  const slot = f.slot();
  const n = core._xxgk_formats(slot);
  return Array.from({ length: n }, (_, i) => i32(u32(slot) + 4 * i));
});

const keyCache = new Map();

/**
 * Every cell key of `format` in table order, with the official labels:
 * { key, pointer, section, row, column, kind, index, section_label, row_groups, row_label,
 *   column_group, column_label, label_path }. The array and its objects are frozen and shared.
 */
export function keys(format = 2021) {
  const fmt = formatArg(format);
  if (keyCache.has(fmt)) return keyCache.get(fmt);
  const list = withFrame((f) => {
    const info = f.struct(LAYOUT.key_info), err = f.slot();
    const count = core._xxgk_key_count(fmt);
    const result = [];
    for (let i = 0; i < count; i++) {
      setU32(info, LAYOUT.key_info.version);
      check(core._xxgk_key_at(fmt, i, info, err), err);
      const entry = { index: u32(info + 4), kind: KINDS[i32(info + 8)] };
      KEY_INFO_STRINGS.forEach((name, n) => { entry[name] = cString(u32(info + 12 + 4 * n)); });
      result.push(Object.freeze(entry));
    }
    return Object.freeze(result);
  });
  keyCache.set(fmt, list);
  return list;
}

const keySetCache = new Map();
function cellKeySet(format) {
  if (!keySetCache.has(format)) keySetCache.set(format, new Set(keys(format).map((k) => k.key)));
  return keySetCache.get(format);
}

let ruleCache = null;

/**
 * The rule catalog: every code validation can produce, in code order:
 * { code, rule, severity, title_zh, title_en, template_zh, template_en } (docs/rules.md).
 */
export function rules() {
  if (ruleCache) return ruleCache;
  ruleCache = withFrame((f) => {
    const info = f.struct(LAYOUT.rule_info), err = f.slot();
    const count = core._xxgk_rule_count();
    const result = [];
    for (let i = 0; i < count; i++) {
      setU32(info, LAYOUT.rule_info.version);
      check(core._xxgk_rule_at(i, info, err), err);
      const entry = { severity: SEVERITIES[i32(info + 12)] };
      for (const [name, offset] of Object.entries(RULE_INFO_STRINGS)) entry[name] = cString(u32(info + offset));
      result.push(Object.freeze(entry));
    }
    return Object.freeze(result);
  });
  return ruleCache;
}

/** The JSON Schema (draft 2020-12) of canonical JSON reports of `format`, as an object. */
export function schema(format = 2021) {
  const fmt = formatArg(format);
  return JSON.parse(withFrame((f) => textOut(f, (out, len, err) => core._xxgk_json_schema(fmt, out, len, err))));
}

/** The stylesheet of rendered reports (docs/render.md), for fragments and the editor. */
export function renderCss() {
  return withFrame((f) => {
    const out = f.slot(), len = f.slot();
    core._xxgk_render_css(out, len);
    return utf8At(u32(out), u32(len));
  });
}

const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => core._xxgk_report_free(handle))
  : null;

const RENDER_WHAT = { html: 0, fragment: 1, markdown: 2, csv: 3 };

/**
 * One 政府信息公开工作年度报告 in WebAssembly memory. Made by newReport, loadReport,
 * importReport or clone; release it with dispose() when done (docs/web.md, "Memory").
 */
export class Report {
  #handle;

  /** @internal Use newReport / loadReport / importReport. */
  constructor(handle, token) {
    if (token !== internal) throw new TypeError('use newReport, loadReport or importReport');
    this.#handle = handle;
    registry?.register(this, handle, this);
  }

  #live() {
    if (!this.#handle) throw new XxgkError('misuse', 105, 'the report was disposed');
    return this.#handle;
  }

  /** Releases the report's WebAssembly memory. Idempotent; the report is unusable afterwards. */
  dispose() {
    if (!this.#handle) return;
    registry?.unregister(this);
    core._xxgk_report_free(this.#handle);
    this.#handle = 0;
  }

  /** True once dispose() has run. */
  get disposed() { return !this.#handle; }

  /** The format version: 2019 or 2021. */
  get format() { return core._xxgk_report_format(this.#live()); }

  /** A cell key of this report's format? */
  #isCell(key) { return cellKeySet(this.format).has(key); }

  /**
   * The value at `key`: for a cell key ("requests.granted.natural_person") the cell in its
   * canonical JSON form (a number, null for a blank, or an object with state, value, unit, raw,
   * source: docs/json-format.md); for a field key ("header.body", "header.year") its text, or
   * null when the report leaves the field out. Throws XxgkError (unknown_key, wrong_type).
   */
  get(key) {
    const handle = this.#live();
    if (this.#isCell(key)) return this.getJson('/' + key.split('.').join('/'));
    return withFrame((f) => {
      const [k, n] = f.bytes(key);
      return textOut(f, (out, len, err) => core._xxgk_field_get(handle, k, n, out, len, err));
    });
  }

  /**
   * Sets the value at `key`: a cell takes its canonical JSON form (a number, null, or the
   * object form; a decimal value as a string, "17424.88"), a field its text as get() returns it.
   * Checked like JSON input; on error (XxgkError with the JSON Pointer as location) the report
   * is unchanged.
   */
  set(key, value) {
    const handle = this.#live();
    if (this.#isCell(key)) {
      this.setJson('/' + key.split('.').join('/'), value);
      return;
    }
    withFrame((f) => {
      const [k, n] = f.bytes(key);
      const [v, m] = f.bytes(String(value));
      const err = f.slot();
      check(core._xxgk_field_set(handle, k, n, v, m, err), err);
    });
  }

  /**
   * Sets the cell at `key` from text as a person types or prints it, read as the importer reads
   * a printed cell: "" blank, "-" "/" "不适用" not applicable, "1,234" or "17424.88 万元" a number,
   * anything else unreadable text (which validate() reports). Blank and 0 stay distinct.
   */
  setText(key, text) {
    const handle = this.#live();
    withFrame((f) => {
      const [k, n] = f.bytes(key);
      const [t, m] = f.bytes(String(text ?? ''));
      const err = f.slot();
      check(core._xxgk_cell_set_text(handle, k, n, t, m, err), err);
    });
  }

  /** The canonical JSON value at a JSON Pointer ("" = the whole report), parsed. */
  getJson(pointer) {
    const handle = this.#live();
    return JSON.parse(withFrame((f) => {
      const [p, n] = f.bytes(pointer);
      return textOut(f, (out, len, err) => core._xxgk_report_get_json(handle, p, n, out, len, err));
    }));
  }

  /** Replaces the part at a JSON Pointer with `value` (any JSON value; a string is sent as a JSON string). */
  setJson(pointer, value) {
    const handle = this.#live();
    withFrame((f) => {
      const [p, n] = f.bytes(pointer);
      const [j, m] = f.bytes(JSON.stringify(value === undefined ? null : value));
      const err = f.slot();
      check(core._xxgk_report_set_json(handle, p, n, j, m, err), err);
    });
  }

  /** Runs `body(issuesHandle)` on this report's findings and frees them. */
  #withIssues(options, body) {
    const handle = this.#live();
    return withFrame((f) => {
      const opts = f.struct(LAYOUT.validate_options);
      core.HEAP32[(opts + 4) >>> 2] = options.omitInfo ? 1 : 0;
      setU32(opts + 8, options.maxFindings ?? 0);
      const out = f.slot(), err = f.slot();
      check(core._xxgk_report_validate(handle, opts, out, err), err);
      const issues = u32(out);
      try {
        return body(issues, f);
      } finally {
        core._xxgk_issues_free(issues);
      }
    });
  }

  /**
   * Every finding of every rule of the report's format (docs/rules.md), roots first in table
   * order: { code, severity ("error" | "warning" | "info"), rule, key, pointer, expected,
   * actual, cells, message_zh, message_en, caused_by }. Options: omitInfo, maxFindings.
   */
  validate(options = {}) {
    return this.#withIssues(options, (issues, f) =>
      JSON.parse(textOut(f, (out, len, err) => core._xxgk_issues_to_json(issues, out, len, err))));
  }

  /** Canonical JSON text: compact, deterministic, byte for byte what the C++ encoder writes. */
  toJson() {
    const handle = this.#live();
    return withFrame((f) => textOut(f, (out, len, err) => core._xxgk_report_to_json(handle, out, len, err)));
  }

  /**
   * HTML in the national layout (docs/render.md): `what` "html" (a page) or "fragment" (one
   * <article>); lang "zh" or "en"; highlight: true marks every cell with a finding.
   */
  renderHtml({ what = 'fragment', lang = 'zh', highlight = false } = {}) {
    const handle = this.#live();
    if (!(what in RENDER_WHAT)) throw new XxgkError('invalid_argument', 100, `unknown output "${what}"`);
    const render = (issues, f) => {
      const opts = f.struct(LAYOUT.render_options);
      core.HEAP32[(opts + 4) >>> 2] = lang === 'en' ? 1 : 0;
      setU32(opts + 8, issues);
      return textOut(f, (out, len, err) => core._xxgk_report_render(handle, RENDER_WHAT[what], opts, out, len, err));
    };
    return highlight ? this.#withIssues({}, render) : withFrame((f) => render(0, f));
  }

  /** A deep copy (a new Report to dispose). */
  clone() {
    const handle = this.#live();
    return withFrame((f) => {
      const out = f.slot(), err = f.slot();
      check(core._xxgk_report_clone(handle, out, err), err);
      return new Report(u32(out), internal);
    });
  }

  /** True when both reports hold the same content (raw text and provenance included). */
  equals(other) {
    return other instanceof Report && core._xxgk_report_equal(this.#live(), other.#live()) === 1;
  }
}
if (typeof Symbol.dispose === 'symbol') Report.prototype[Symbol.dispose] = Report.prototype.dispose;

const internal = Symbol('xxgk.internal');

/** A new empty report of `format` (2019 or 2021): every cell blank, header empty. */
export function newReport(format = 2021) {
  const fmt = formatArg(format);
  return withFrame((f) => {
    const out = f.slot(), err = f.slot();
    check(core._xxgk_report_new(out, fmt, err), err);
    return new Report(u32(out), internal);
  });
}

/**
 * Decodes a report from canonical JSON (a string, bytes, or an object, which is serialised
 * first). Strict by default; { keepUnknownMembers: true } keeps unknown members. Every problem
 * is in the thrown XxgkError's `problems`, each with its JSON Pointer.
 */
export function loadReport(json, options = {}) {
  const text = typeof json === 'string' || json instanceof Uint8Array ? json : JSON.stringify(json);
  return withFrame((f) => {
    const [j, n] = f.bytes(text);
    const opts = f.struct(LAYOUT.load_options);
    core.HEAP32[(opts + 4) >>> 2] = options.keepUnknownMembers ? 1 : 0;
    const out = f.slot(), err = f.slot();
    check(core._xxgk_report_from_json(out, j, n, opts, err), err);
    return new Report(u32(out), internal);
  });
}

/**
 * Imports a report from a published text (a string or bytes; docs/import.md): { report, log }.
 * Options: kind ("detect" | "text" | "html" | "pdf" | "docx"), format, year. HTML, PDF and Word
 * are not in the WebAssembly build: they fail with XxgkError status "unavailable".
 */
export function importReport(input, options = {}) {
  const kind = SOURCE_KINDS[options.kind ?? 'detect'];
  if (kind === undefined) throw new XxgkError('invalid_argument', 100, `unknown kind "${options.kind}"`);
  return withFrame((f) => {
    const [b, n] = f.bytes(input);
    const opts = f.struct(LAYOUT.import_options);
    core.HEAP32[(opts + 4) >>> 2] = kind;
    core.HEAP32[(opts + 8) >>> 2] = options.format ? formatArg(options.format) : 0;
    core.HEAP32[(opts + 12) >>> 2] = options.year ?? 0;
    const out = f.slot(), log = f.slot(), logLen = f.slot(), err = f.slot();
    check(core._xxgk_import_bytes(out, log, logLen, b, n, opts, err), err);
    const report = new Report(u32(out), internal);
    try {
      return { report, log: JSON.parse(utf8At(u32(log), u32(logLen))) };
    } finally {
      core._xxgk_free(u32(log));
    }
  });
}
