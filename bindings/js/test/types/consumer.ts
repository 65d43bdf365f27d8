// A TypeScript consumer of the package's declarations (src/index.d.ts, src/editor.d.ts), type-checked
// by ctest js.types (tsc --noEmit -p test/types). Not run: it shows that the types describe the API.
import { loadReport, newReport, importReport, keys, rules, schema, formats, version, XxgkError } from '../../src/index.js';
import type { Finding, KeyInfo, Report, CellValue } from '../../src/index.js';
import type { XxgkReportEditor } from '../../src/editor.js';

const report: Report = loadReport('{}');
const cell: CellValue | string | null = report.get('requests.granted.total');
report.set('requests.granted.total', 34);
report.set('proactive.fees.amount', { value: '12.5', raw: '12.5' });
report.setText('requests.granted.total', '不适用');
const findings: Finding[] = report.validate({ omitInfo: true });
const first: string = findings[0].message_zh + findings[0].cells.join(',');
const json: string = report.toJson();
const html: string = report.renderHtml({ what: 'fragment', lang: 'en', highlight: true });
report.dispose();
const fresh = newReport(2019);
const format: 2019 | 2021 = fresh.format;
const labels: string[] = keys(2021).map((k: KeyInfo) => k.label_path);
const codes: string[] = rules().map((r) => r.code);
const properties: Record<string, unknown> = schema(2019);
const imported = importReport(new Uint8Array(), { kind: 'text', year: 2023 });
const log: string = imported.log.map((e) => e.code).join();
try {
  loadReport('{');
} catch (e) {
  if (e instanceof XxgkError) console.log(e.status, e.location, e.problems.map((p) => p.pointer), e.line);
}
const editor: XxgkReportEditor = document.createElement('xxgk-report-editor');
editor.value = json;
const shown: readonly Finding[] = editor.findings;
console.log(cell, first, html, format, labels, codes, properties, log, shown, formats, version);

// Misuse the compiler must refuse.
// @ts-expect-error: a format that does not exist
newReport(2020);
// @ts-expect-error: validate() returns findings, not a string
const wrong: string = report.validate();
console.log(wrong);
