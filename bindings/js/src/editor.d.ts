// Types of the <xxgk-report-editor> custom element (src/editor.js; docs/web.md).
import type { Finding, Format } from './index.js';

export class XxgkReportEditor extends HTMLElement {
  /** The report as canonical JSON text; setting it loads a report (string or object). */
  value: string;
  /** The format of the report shown. */
  readonly format: Format;
  /** The findings of the last validation. */
  readonly findings: readonly Finding[];
}

declare global {
  interface HTMLElementTagNameMap {
    'xxgk-report-editor': XxgkReportEditor;
  }
}
