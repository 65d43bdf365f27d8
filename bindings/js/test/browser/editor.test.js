// <xxgk-report-editor> in headless Chromium (Debian's chromium, driven by puppeteer-core; no
// browser download), on the demo page examples/web/index.html served from the source tree.
//   XXGK_CHROMIUM=/usr/bin/chromium XXGK_CLI=build/xxgk XXGK_NATIVE_DIR=… XXGK_WORK=… \
//     node --test bindings/js/test/browser/          (ctest: js.browser)
// Leaves the screenshot of the demo page in $XXGK_WORK/editor-cangnan.png for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../../../..');
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (tests/CMakeLists.txt sets it)`);
  return value;
};
const chromium = process.env.XXGK_CHROMIUM || '/usr/bin/chromium';
const cli = env('XXGK_CLI');
const nativeDir = env('XXGK_NATIVE_DIR');
const work = env('XXGK_WORK');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

let server, origin, browser, page;
const pageErrors = [];

before(async () => {
  // The source tree, plus the layout of docs/web.md's five-line embed: the package at /xxgk/, a
  // report at /reports/2023.json, and the page /embed.html made of the block on that page.
  const docs = await readFile(path.join(source, 'docs/web.md'), 'utf8');
  const embed = docs.match(/## Embed the editor in five lines[\s\S]*?```html\n([\s\S]*?)```/)[1];
  server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (url === '/favicon.ico') { res.writeHead(204).end(); return; }
    if (url === '/embed.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(`<!doctype html><meta charset="utf-8">\n${embed}`);
      return;
    }
    const file = url.startsWith('/xxgk/') ? path.join(source, 'bindings/js', url.slice(6))
      : url === '/reports/2023.json' ? path.join(source, 'examples/data/sample-2021.json')
      : path.join(source, url);
    if (!file.startsWith(source + path.sep)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}/examples/web/index.html`, { waitUntil: 'load' });
  await page.waitForSelector('xxgk-report-editor input[data-key]');
  await page.waitForSelector('xxgk-report-editor .xxgk-editor-findings li');
});

after(async () => {
  await browser?.close();
  server?.close();
});

const cellClass = (key) => page.$eval(`xxgk-report-editor td:has(> input[data-key="${key}"])`, (td) => td.className);
const findingsAt = (key) => page.$eval(`xxgk-report-editor td:has(> input[data-key="${key}"])`,
  (td) => td.dataset.findings ?? '');
const listCodes = () => page.$$eval('xxgk-report-editor .xxgk-editor-findings li', (lis) => lis.map((li) => li.dataset.code));

async function retype(key, text) {
  const input = await page.$(`xxgk-report-editor input[data-key="${key}"]`);
  await input.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  if (text) await input.type(text);
}

test('the demo shows the 苍南 report with its real defect highlighted, in Chinese', async () => {
  const native = JSON.parse(await readFile(path.join(nativeDir, 'cangnan-2020.findings.json'), 'utf8'));
  const firstError = native.find((f) => f.severity === 'error' && f.key);
  assert.ok(firstError, 'the native build finds an error at a cell of the 苍南 report');
  assert.match(await cellClass(firstError.key), /xxgk-finding xxgk-severity-error/);
  assert.ok((await findingsAt(firstError.key)).split(' ').includes(firstError.code));
  assert.deepEqual(await listCodes(), native.map((f) => f.code));
  const title = await page.$eval(`xxgk-report-editor input[data-key="${firstError.key}"]`, (i) => i.title);
  assert.ok(title.includes(firstError.message_zh));
  // Every statistical cell of the format is an input with its official label.
  const inputs = await page.$$eval('xxgk-report-editor input[data-key]',
    (list) => list.map((i) => [i.dataset.key, i.getAttribute('aria-label')]));
  // `xxgk keys`: key, value kind, label path — the accessible name of each input, in table order.
  const keys = (await readFile(path.join(nativeDir, 'keys-2019.tsv'), 'utf8')).trim().split('\n').slice(1)
    .map((line) => line.split('\t'));
  assert.deepEqual(inputs, keys.map(([key, , label]) => [key, label]));
  await mkdir(work, { recursive: true });
  await page.screenshot({ path: path.join(work, 'editor-cangnan.png'), fullPage: true });
});

test('the value exported untouched is the C++ encoder\'s canonical JSON, byte for byte', async () => {
  const value = await page.$eval('xxgk-report-editor', (e) => e.value);
  const native = (await readFile(path.join(nativeDir, 'cangnan-2020.canonical.json'), 'utf8')).replace(/\n$/, '');
  assert.ok(value === native, 'the exported JSON differs from the native encoder\'s');
});

test('typing: a finding appears at its cell and disappears; blank, 0 and 不适用 are kept apart', async () => {
  const sample = await readFile(path.join(source, 'examples/data/sample-2021.json'), 'utf8');
  await page.$eval('xxgk-report-editor', (e, json) => { e.value = json; }, sample);
  await page.waitForSelector('xxgk-report-editor input[data-key="proactive.fees.amount"]');
  assert.deepEqual((await listCodes()).filter((c) => c), []);
  const total = 'requests.granted.total';
  const before = await page.$eval(`xxgk-report-editor input[data-key="${total}"]`, (i) => i.value);
  await retype(total, String(Number(before) + 5));
  assert.match(await cellClass(total), /xxgk-finding/);
  assert.ok((await findingsAt(total)).includes('XXGK-T3-003'));
  assert.ok((await listCodes()).includes('XXGK-T3-003'));
  await retype(total, before);
  assert.doesNotMatch(await cellClass(total), /xxgk-finding/);
  assert.deepEqual(await listCodes(), []);

  const cell = 'requests.granted.natural_person';
  const get = () => page.$eval('xxgk-report-editor', (e, k) => JSON.parse(e.value).requests.granted[k.split('.')[2]], cell);
  const original = await get();
  await retype(cell, '');
  assert.equal(await get(), null);
  assert.ok((await findingsAt(cell)).length > 0 || (await findingsAt(total)).length > 0, 'a blank breaks the row sum');
  await retype(cell, '0');
  assert.equal(await get(), 0);
  await retype(cell, '不适用');
  assert.deepEqual(await get(), { state: 'not_applicable', raw: '不适用' });
  await retype(cell, '-');
  assert.deepEqual(await get(), { state: 'not_applicable', raw: '-' });
  await retype(cell, '/');
  assert.deepEqual(await get(), { state: 'not_applicable', raw: '/' });
  await retype(cell, String(original));
  assert.equal(await get(), original);
  assert.deepEqual(await listCodes(), []);
});

test('export after edits equals the C++ encoder\'s output for the same report, byte for byte', async () => {
  await retype('requests.granted.enterprise', '1,024');
  await retype('review_litigation.review.corrected', '若干');
  const value = await page.$eval('xxgk-report-editor', (e) => e.value);
  const file = path.join(work, 'editor-export.json');
  await writeFile(file, value);
  const native = execFileSync(cli, ['convert', file], { encoding: 'utf8' });
  assert.equal(value, native.replace(/\n$/, ''));
  assert.ok(value.includes('"raw":"1,024"'));
  assert.ok((await listCodes()).includes('XXGK-V-007'));
});

test('change event with the findings; form value; keyboard: Tab by rows, arrows between cells', async () => {
  const event = await page.evaluate(async () => {
    const e = document.querySelector('xxgk-report-editor');
    const input = e.querySelector('input[data-key="requests.granted.legal_service"]');
    const seen = new Promise((resolve) => e.addEventListener('change', (ev) => resolve({
      target: ev.target.tagName, key: ev.detail.key, findings: ev.detail.findings.length }), { once: true }));
    input.value = '3';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return seen;
  });
  assert.deepEqual(event.target, 'XXGK-REPORT-EDITOR');
  assert.equal(event.key, 'requests.granted.legal_service');
  assert.ok(event.findings > 0);

  const focused = () => page.evaluate(() => document.activeElement?.dataset?.key);
  await page.focus('xxgk-report-editor input[data-key="requests.granted.natural_person"]');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'requests.granted.enterprise');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'requests.partially_granted.enterprise');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'requests.granted.enterprise');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'requests.granted.natural_person');
  assert.deepEqual(pageErrors, []);
});

test('the five-line embed of docs/web.md works as a form field', async () => {
  const embedded = await browser.newPage();
  try {
    await embedded.goto(`${origin}/embed.html`, { waitUntil: 'load' });
    await embedded.waitForSelector('xxgk-report-editor input[data-key="requests.granted.total"]');
    const [submitted, value] = await embedded.$eval('form', (form) =>
      [new FormData(form).get('report'), form.querySelector('xxgk-report-editor').value]);
    assert.equal(submitted, value);
    const sample = execFileSync(cli, ['convert', path.join(source, 'examples/data/sample-2021.json')], { encoding: 'utf8' });
    assert.equal(value, sample.replace(/\n$/, ''));
  } finally {
    await embedded.close();
  }
});
