// Types of xxgk's JavaScript API (src/index.js; docs/web.md).

/** A format version: 国办公开办函〔2019〕60号 (2019) or 〔2021〕30号 (2021). */
export type Format = 2019 | 2021;

/** A cell in its canonical JSON form (docs/json-format.md, "Cells"). */
export type CellValue =
  | number
  | null
  | {
      state?: 'number' | 'blank' | 'not_applicable' | 'text' | 'not_captured';
      value?: number | string;
      unit?: 'yuan' | 'wan_yuan';
      raw?: string;
      source?: Record<string, unknown>;
    };

/** One finding of validate() (docs/rules.md lists every code). */
export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  /** The cell key; "" when the finding is not about one cell. */
  key: string;
  pointer: string;
  expected: string;
  actual: string;
  /** The cell keys taking part in the check. */
  cells: string[];
  message_zh: string;
  message_en: string;
  /** "<code> <key>" of the root finding this one follows from; "". */
  caused_by: string;
}

/** One cell key of a format with its official labels. */
export interface KeyInfo {
  index: number;
  kind: 'count' | 'signed_count' | 'amount' | 'amount_wan_yuan';
  key: string;
  pointer: string;
  section: string;
  row: string;
  column: string;
  section_label: string;
  row_groups: string;
  row_label: string;
  column_group: string;
  column_label: string;
  label_path: string;
}

/** One entry of the rule catalog. */
export interface RuleInfo {
  code: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  title_zh: string;
  title_en: string;
  template_zh: string;
  template_en: string;
}

/** One problem of an XxgkError. */
export interface Problem {
  status: string;
  pointer: string;
  message: string;
  offset: number | null;
  line: number | null;
  column: number | null;
}

/** An import log entry (docs/import.md). */
export interface ImportLogEntry {
  level: string;
  code: string;
  message: string;
  key: string;
  where: string;
  candidates?: unknown[];
}

/** What went wrong in a call: the C ABI's error object, copied out. */
export class XxgkError extends Error {
  /** "invalid_json", "unknown_key", "unavailable", … (docs/c-api.md, status codes). */
  readonly status: string;
  /** XXGK_E_* number. */
  readonly code: number;
  readonly location: string;
  readonly offset: number | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly problems: Problem[];
}

/** A report in WebAssembly memory: call dispose() when done (docs/web.md, "Memory"). */
export class Report {
  private constructor();
  readonly format: Format;
  readonly disposed: boolean;
  /** Cell key → canonical cell JSON; field key ("header.body") → text or null. */
  get(key: string): CellValue | string | null;
  /** Cell key ← canonical cell JSON; field key ← text. */
  set(key: string, value: CellValue | string): void;
  /** A cell from printed text: "" blank, "-" "/" "不适用" not applicable, numbers, else text. */
  setText(key: string, text: string): void;
  getJson(pointer: string): unknown;
  setJson(pointer: string, value: unknown): void;
  validate(options?: { omitInfo?: boolean; maxFindings?: number }): Finding[];
  /** Canonical JSON, byte for byte the C++ encoder's. */
  toJson(): string;
  renderHtml(options?: { what?: 'html' | 'fragment' | 'markdown' | 'csv'; lang?: 'zh' | 'en'; highlight?: boolean }): string;
  clone(): Report;
  equals(other: Report): boolean;
  /** Frees the WebAssembly memory; idempotent. */
  dispose(): void;
  [Symbol.dispose](): void;
}

export const version: string;
export const formats: readonly Format[];
export function newReport(format?: Format): Report;
export function loadReport(json: string | Uint8Array | object, options?: { keepUnknownMembers?: boolean }): Report;
export function importReport(
  input: string | Uint8Array,
  options?: { kind?: 'detect' | 'text' | 'html' | 'pdf' | 'docx'; format?: Format; year?: number },
): { report: Report; log: ImportLogEntry[] };
export function keys(format?: Format): readonly KeyInfo[];
export function rules(): readonly RuleInfo[];
export function schema(format?: Format): Record<string, unknown>;
export function renderCss(): string;
