// Every error code the core can throw has a sentence in both languages, so a
// learner never sees a bare code (web/src/i18n.js and the panels' strings).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

function filesUnder(dir, ext) {
  return fs.readdirSync(path.join(root, dir), { recursive: true })
    .filter((f) => ext.some((e) => f.endsWith(e))).map((f) => path.join(root, dir, f));
}

// Codes are thrown as require(cond, "group.name", …) or Error("group.name", …) and in the bindings.
function coreCodes() {
  const codes = new Set();
  for (const f of filesUnder('cpp', ['.cpp', '.hpp'])) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:require\w*\([^;]*?|Error\(|g_error_code = |throw_error\()\s*"([a-z_]+\.[a-z_]+)"/gs)) codes.add(m[1]);
  }
  codes.delete('cli.usage');   // the command-line tool's own, printed in English
  return codes;
}

function translations() {
  const text = [path.join(root, 'web/src/i18n.js'), ...filesUnder('web/src/panels', ['strings.js'])]
    .map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  // each registerMessages table has a ko: { … } part before its en: { … } part
  const count = new Map();
  for (const m of text.matchAll(/'error\.([a-z_]+\.[a-z_]+)':/g)) count.set(m[1], (count.get(m[1]) ?? 0) + 1);
  return count;
}

test('every error code of the core has a Korean and an English message', () => {
  const codes = coreCodes();
  assert.ok(codes.size > 40, `found only ${codes.size} codes: the scan is broken`);
  const have = translations();
  const missing = [...codes].filter((c) => (have.get(c) ?? 0) < 2);
  assert.deepEqual(missing, [], `codes without ko + en messages: ${missing.join(', ')}`);
});
