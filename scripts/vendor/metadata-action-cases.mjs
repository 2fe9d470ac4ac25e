// Extracts the tag/label cases of docker/metadata-action's own __tests__/meta.test.ts into
// JSON, exactly as written there (inputs, expected version, tags, labels, annotations).
//   node scripts/vendor/metadata-action-cases.mjs <meta.test.ts> > test/fixtures/build/metadata-action/meta-cases.json
// The test file's arrays are object literals with TypeScript casts; the casts are dropped
// and each array literal is evaluated on its own (no other code of theirs is run).
import { readFileSync } from 'node:fs';

const GROUPS = ['null', 'push', 'tag', 'latest', 'pr', 'pr-head-sha', 'schedule', 'release', 'raw', 'json', 'sepTags'];
const text = readFileSync(process.argv[2], 'utf8');

function arrayAfter(index) {
  const start = text.indexOf('test.each([', index) + 'test.each('.length;
  let depth = 0;
  let quote = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error('unterminated array');
}

const cases = [];
for (const group of GROUPS) {
  const at = text.indexOf(`describe('${group}', () => {`);
  if (at < 0) throw new Error(`no describe('${group}')`);
  const literal = arrayAfter(at).replace(/\s+as\s+(Inputs|Version|string\[\]|Array<string>)(?![\w<])/g, '');
  const rows = new Function(`return ${literal};`)();
  for (const row of rows) {
    const [name, envFile, inputs, ...expected] = row;
    if (group === 'json') cases.push({ group, name, envFile, inputs, json: expected[0] });
    else if (group === 'sepTags') cases.push({ group, name, envFile, inputs, tagsText: expected[0] });
    else
      cases.push({
        group,
        name,
        envFile,
        inputs,
        version: expected[0],
        tags: expected[1],
        labels: expected[2],
        annotations: expected[3] ?? null,
      });
  }
}
process.stdout.write(`${JSON.stringify(cases, null, 1)}\n`);
