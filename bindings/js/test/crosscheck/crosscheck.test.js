// 1,000 generated reports with known faults (`xxgk generate --faults`, docs/cli.md) validated by
// the WebAssembly build and by the native build (tests/js/native_findings.py, through the C ABI)
// give identical findings, member for member (ctest: js.crosscheck).
//   XXGK_CROSSCHECK_DIR=<dir with generated-2019/, generated-2021/, native-*.json> node --test …
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import { loadReport } from '../../src/index.js';

const dir = process.env.XXGK_CROSSCHECK_DIR;
if (!dir) throw new Error('XXGK_CROSSCHECK_DIR is not set (tests/CMakeLists.txt sets it)');

for (const format of [2019, 2021]) {
  test(`generated ${format} reports: the same findings from WebAssembly and native`, async () => {
    const reports = path.join(dir, `generated-${format}`);
    const native = JSON.parse(await readFile(path.join(dir, `native-${format}.json`), 'utf8'));
    const files = (await readdir(reports)).filter((f) => f.endsWith('.json')).sort();
    assert.deepEqual(files, Object.keys(native).sort());
    assert.ok(files.length >= 500, `${files.length} reports`);
    // The manifest of injected faults: every fault is found, by both builds.
    const faults = (await readFile(path.join(reports, 'faults.csv'), 'utf8')).trim().split('\n').slice(1)
      .map((line) => line.split(','));
    assert.ok(faults.length > files.length / 4, `${faults.length} faults injected`);
    let findings = 0;
    for (const file of files) {
      const report = loadReport(await readFile(path.join(reports, file)));
      try {
        const wasm = report.validate();
        assert.deepEqual(wasm, native[file], file);
        findings += wasm.length;
      } finally {
        report.dispose();
      }
    }
    for (const [file, , code] of faults) {
      assert.ok(native[file].some((f) => f.code === code), `${file}: injected ${code} found`);
    }
    assert.ok(findings > 0);
  });
}
