// Hand-run benchmark (never part of the test run): validate time per report in headless Chromium
// (the WebAssembly build) as a ratio to the native build (the C ABI through ctypes), one run, on
// the same generated reports; and the gzipped size of xxgk.wasm. docs/web.md, "Figures".
//   node bindings/js/bench/validate-ratio.mjs --xxgk build/xxgk --lib build/bindings/c/libxxgk.so [--count 200] [--rounds 20]
import { createServer } from 'node:http';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const { values: opts } = parseArgs({ options: {
  xxgk: { type: 'string' }, lib: { type: 'string' }, count: { type: 'string', default: '200' },
  rounds: { type: 'string', default: '20' }, chromium: { type: 'string', default: '/usr/bin/chromium' } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const work = await mkdtemp(path.join(tmpdir(), 'xxgk-ratio-'));
try {
  execFileSync(opts.xxgk, ['generate', '--format', '2021', '--count', opts.count, '--seed', '7', '--faults', '0.15',
    '-o', work]);
  const native = JSON.parse(execFileSync('/usr/bin/python3', [path.join(root, 'tests/js/native_findings.py'),
    '--lib', opts.lib, '--dir', work, '--time', opts.rounds], { encoding: 'utf8' }));
  const files = (await readdir(work)).filter((f) => f.endsWith('.json')).sort();
  const reports = await Promise.all(files.map((f) => readFile(path.join(work, f), 'utf8')));

  const server = createServer(async (req, res) => {
    const file = path.join(root, new URL(req.url, 'http://x').pathname);
    const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.html') ? 'text/html' : 'text/javascript';
    let body;
    try { body = await readFile(file); } catch { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({ executablePath: opts.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/web/index.html`);
  const wasm = await page.evaluate(async (texts, rounds) => {
    const xxgk = await import('/bindings/js/src/index.js');
    const loaded = texts.map((t) => xxgk.loadReport(t));
    for (const r of loaded) r.validate(); // warm up (compilation tiers)
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const r of loaded) r.validate();
    const ms = performance.now() - start;
    loaded.forEach((r) => r.dispose());
    return { us_per_validate: (ms * 1000) / rounds / loaded.length };
  }, reports, Number(opts.rounds));
  await browser.close();
  server.close();

  const bytes = await readFile(path.join(root, 'bindings/js/dist/xxgk.wasm'));
  console.log(JSON.stringify({
    reports: reports.length, rounds: Number(opts.rounds),
    wasm_bytes: bytes.length, wasm_gzip_bytes: gzipSync(bytes, { level: 9 }).length,
    native_us_per_validate: Number(native.us_per_validate.toFixed(1)),
    browser_us_per_validate: Number(wasm.us_per_validate.toFixed(1)),
    ratio: Number((wasm.us_per_validate / native.us_per_validate).toFixed(2)),
  }, null, 1));
} finally {
  await rm(work, { recursive: true, force: true });
}
