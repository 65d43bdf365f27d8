// The JavaScript API over the WebAssembly build (src/index.js), run with Node's test runner:
//   node --test bindings/js/test/node/    (ctest: js.api; needs bindings/js/build-wasm first)
// Native results to compare with come from the environment set by tests/js/CMakeLists.txt:
// XXGK_NATIVE_DIR holds files the native build wrote (canonical JSON, findings, schema).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import * as xxgk from '../../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../../../..');
const native = process.env.XXGK_NATIVE_DIR;
const cangnanPath = path.join(source, 'examples/data/cangnan-2020.json');
const sample2021Path = path.join(source, 'examples/data/sample-2021.json');

/** JSON the native CLI wrote, without the newline it ends the file with. */
const nativeText = async (name) => (await readFile(path.join(native, name), 'utf8')).replace(/\n$/, '');

/** Byte-for-byte equality, reporting the first difference rather than both texts whole. */
function assertSameText(actual, expected, what) {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  assert.fail(`${what}: differs at offset ${i} (lengths ${actual.length} and ${expected.length}): ` +
    `${JSON.stringify(actual.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(expected.slice(Math.max(0, i - 40), i + 40))}`);
}

test('version and formats come from the library; package.json agrees', async () => {
  const pkg = JSON.parse(await readFile(path.join(here, '../../package.json'), 'utf8'));
  const header = await readFile(path.join(source, 'include/xxgk/version.h'), 'utf8');
  const part = (name) => header.match(new RegExp(`#define XXGK_VERSION_${name} +(\\d+)`))[1];
  assert.equal(xxgk.version, `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`);
  assert.equal(pkg.version, xxgk.version);
  assert.deepEqual([...xxgk.formats], [2019, 2021]);
});

test('keys(format) with official labels: 198 cells in 2019, 200 in 2021', () => {
  const k2019 = xxgk.keys(2019);
  const k2021 = xxgk.keys(2021);
  assert.equal(k2019.length, 198);
  assert.equal(k2021.length, 200);
  const granted = k2021.find((k) => k.key === 'requests.granted.natural_person');
  assert.equal(granted.pointer, '/requests/granted/natural_person');
  assert.equal(granted.section_label, '三、收到和处理政府信息公开申请情况');
  assert.equal(granted.row_label, '（一）予以公开');
  assert.equal(granted.column_label, '自然人');
  assert.equal(granted.kind, 'count');
  assert.equal(granted.index, k2021.indexOf(granted));
  assert.equal(k2019.find((k) => k.key === 'proactive.procurement.amount').kind, 'amount');
  assert.throws(() => xxgk.keys(2020), { name: 'XxgkError', status: 'invalid_argument' });
  if (native) {
    for (const format of [2019, 2021]) {
      const tsv = readFileSync(path.join(native, `keys-${format}.tsv`), 'utf8').trim().split('\n').slice(1);
      assert.deepEqual(xxgk.keys(format).map((k) => [k.key, k.kind, k.label_path].join('\t')), tsv);
    }
  }
});

test('the rule catalog lists every code with Chinese and English titles', () => {
  const rules = xxgk.rules();
  assert.ok(rules.length > 50);
  const t3 = rules.find((r) => r.code === 'XXGK-T3-004');
  assert.equal(t3.severity, 'error');
  assert.ok(t3.title_zh.length > 0 && t3.title_en.length > 0);
  assert.equal(new Set(rules.map((r) => r.code)).size, rules.length);
  if (native) {
    // `xxgk rules`: code, rule, severity, Chinese title, English title, in catalog order.
    const tsv = readFileSync(path.join(native, 'rules.tsv'), 'utf8').trim().split('\n');
    assert.deepEqual(rules.map((r) => [r.code, r.rule, r.severity, r.title_zh, r.title_en].join('\t')), tsv);
  }
});

test('the 苍南 report: loaded, its real defect found, canonical JSON byte-identical to the native encoder', async () => {
  const text = await readFile(cangnanPath, 'utf8');
  const report = xxgk.loadReport(text);
  try {
    assert.equal(report.format, 2019);
    assert.equal(report.get('header.body'), '苍南县人民政府');
    const findings = report.validate();
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length > 0, 'the 苍南 report has a real defect');
    for (const f of findings) {
      assert.match(f.code, /^XXGK-[A-Z0-9]+-\d{3}$/);
      assert.ok(f.message_zh && f.message_en);
    }
    if (native) {
      assertSameText(report.toJson(), await nativeText('cangnan-2020.canonical.json'), 'canonical JSON');
      assert.deepEqual(findings, JSON.parse(await readFile(path.join(native, 'cangnan-2020.findings.json'), 'utf8')));
    }
  } finally {
    report.dispose();
  }
});

test('get/set of cells: blank is not 0, printed text as typed, canonical forms', () => {
  const report = xxgk.newReport(2021);
  try {
    const key = 'requests.granted.natural_person';
    assert.equal(report.get(key), null);
    report.set(key, 0);
    assert.equal(report.get(key), 0);
    report.setText(key, '');
    assert.equal(report.get(key), null);
    report.setText(key, '12');
    assert.equal(report.get(key), 12);
    report.setText(key, '1,234');
    assert.deepEqual(report.get(key), { value: 1234, raw: '1,234' });
    report.setText(key, '不适用');
    assert.deepEqual(report.get(key), { state: 'not_applicable', raw: '不适用' });
    report.setText(key, '若干');
    assert.deepEqual(report.get(key), { state: 'text', raw: '若干' });
    assert.ok(report.validate().some((f) => f.code === 'XXGK-V-007' && f.key === key));
    // 2021's 收费金额 is in 万元 by its column: a decimal, kept exact (a string, never a float).
    report.setText('proactive.fees.amount', '12.5');
    assert.deepEqual(report.get('proactive.fees.amount'), { value: '12.5' });
    report.setText('proactive.fees.amount', '1,012.50');
    assert.deepEqual(report.get('proactive.fees.amount'), { value: '1012.50', raw: '1,012.50' });
    report.set('header.body', '某某县人民政府');
    assert.equal(report.get('header.body'), '某某县人民政府');
    assert.equal(report.get('header.portal_url'), null); // an optional field the report leaves out
    assert.throws(() => report.get('requests.no_such_row.total'), { status: 'unknown_key' });
    assert.throws(() => report.set(key, 'many'), (e) => e.status === 'wrong_type' && e.location === '/requests/granted/natural_person');
  } finally {
    report.dispose();
  }
});

test('a finding appears at its cell and disappears when the sum is made right', async () => {
  const report = xxgk.loadReport(await readFile(sample2021Path, 'utf8'));
  try {
    assert.deepEqual(report.validate().filter((f) => f.severity !== 'info'), []);
    const total = report.get('requests.granted.total');
    report.set('requests.granted.total', total + 1);
    const raised = report.validate().filter((f) => f.key === 'requests.granted.total' && f.severity === 'error');
    assert.equal(raised.length, 1);
    assert.equal(raised[0].code, 'XXGK-T3-003');
    assert.equal(raised[0].actual, String(total + 1));
    assert.equal(raised[0].expected, String(total));
    report.set('requests.granted.total', total);
    assert.deepEqual(report.validate().filter((f) => f.severity === 'error'), []);
  } finally {
    report.dispose();
  }
});

test('decoding errors: every problem with its JSON Pointer, line and column', () => {
  assert.throws(() => xxgk.loadReport('{"format": "2021",'), (e) => {
    assert.equal(e.status, 'invalid_json');
    assert.equal(e.line, 1);
    assert.ok(e.column > 1);
    return true;
  });
  assert.throws(() => xxgk.loadReport({ format: '2021', header: { year: 'x' } }), (e) => {
    assert.ok(e.problems.length >= 2);
    assert.ok(e.problems.some((p) => p.pointer === '/header/year'));
    return true;
  });
});

test('renderHtml: the national layout with data-key cells, findings highlighted', async () => {
  const report = xxgk.loadReport(await readFile(cangnanPath, 'utf8'));
  try {
    const html = report.renderHtml({ what: 'fragment', highlight: true });
    assert.match(html, /^<article class="xxgk-report"/);
    assert.match(html, /data-key="requests\.granted\.natural_person"/);
    const key = report.validate().find((f) => f.severity === 'error' && f.key).key;
    assert.match(html, new RegExp(`class="[^"]*xxgk-finding[^"]*" data-key="${key.replaceAll('.', '\\.')}"`));
    if (native) assertSameText(html, await readFile(path.join(native, 'cangnan-2020.fragment.html'), 'utf8'), 'HTML fragment');
    assert.ok(xxgk.renderCss().includes('.xxgk-table'));
  } finally {
    report.dispose();
  }
});

test('schema(format) is the generated JSON Schema', async () => {
  const s = xxgk.schema(2019);
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  if (native) assert.deepEqual(s, JSON.parse(await readFile(path.join(native, 'schema-2019.json'), 'utf8')));
});

test('text import works; HTML, PDF and Word are reported unavailable in this build', async () => {
  const bad = ['<!DOCTYPE html><html><body><table></table></body></html>', 'html'];
  assert.throws(() => xxgk.importReport(bad[0], { kind: 'html' }), (e) => {
    assert.equal(e.status, 'unavailable');
    assert.equal(e.code, 15);
    assert.match(e.message, /XXGK_WITH_HTML=OFF/);
    return true;
  });
  assert.throws(() => xxgk.importReport(new TextEncoder().encode('%PDF-1.4\n'), { kind: 'pdf' }),
    (e) => e.status === 'unavailable' && /XXGK_WITH_PDF/.test(e.message));
  assert.throws(() => xxgk.importReport(new Uint8Array([0x50, 0x4b, 3, 4]), { kind: 'docx' }),
    (e) => e.status === 'unavailable' && /XXGK_WITH_WORD/.test(e.message));
  // The published text of the 苍南 report imports as the native importer reads it.
  const text = await readFile(path.join(source, 'examples/data/cangnan-2020-annual-report.txt'));
  const { report, log } = xxgk.importReport(text);
  try {
    assert.equal(report.format, 2019);
    assert.equal(report.get('header.year'), '2020');
    assert.ok(log.every((entry) => /^XXGK-I-\d{3}$/.test(entry.code)));
    if (native) {
      assertSameText(report.toJson(), await nativeText('cangnan-2020.imported.json'), 'imported report');
    }
  } finally {
    report.dispose();
  }
});

test('memory: dispose releases, a disposed report refuses use, clone and equals', async () => {
  const report = xxgk.loadReport(await readFile(cangnanPath, 'utf8'));
  const copy = report.clone();
  assert.ok(report.equals(copy));
  copy.setText('requests.granted.natural_person', '');
  assert.ok(!report.equals(copy));
  copy.dispose();
  copy.dispose(); // idempotent
  assert.ok(copy.disposed);
  assert.throws(() => copy.toJson(), { status: 'misuse' });
  // Many reports made and released leave the WebAssembly heap where it was.
  const json = report.toJson();
  report.dispose();
  for (let i = 0; i < 200; i++) xxgk.loadReport(json).dispose();
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 1000; i++) {
    const r = xxgk.loadReport(json);
    r.validate();
    r.dispose();
  }
  assert.ok(process.memoryUsage().arrayBuffers - before < 8 << 20, 'the heap did not keep growing');
});
