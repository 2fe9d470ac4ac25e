import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseManifest, parseYamlManifest } from '../../src/core/detect/manifest.js';
import { readPlainManifest } from '../../src/core/detect/plain-manifest.js';

/** What readPlainManifest read, as the plain data yaml would give. */
function asData(text: string): unknown {
  const plain = readPlainManifest(text);
  if (!plain) return undefined;
  const data: Record<string, unknown> = {};
  for (const { key } of plain.keys) {
    if (key === 'global') data.global = plain.global?.value;
    if (key === 'services') data.services = Object.fromEntries(plain.services?.items.map((item) => [item.key, item.entry]) ?? []);
  }
  return data;
}

const READ = [
  "global: ['.github/workflows/**', package-lock.json]\nservices:\n  api:\n    path: services/api\n",
  'services:\n  api:\n    path: services/api\n    include: [services/api/**, "proto/api/**"]\n    exclude:\n      - \'**/*.md\'\n      - docs/**\n',
  '# comment\nservices:\n\n  # a service\n  api:\n    path: services/api\n',
  "services:\n    web:\n        path: apps/web\n        image: ghcr.io/acme/web:1.0\n        team: Platform Team\n        dockerfile: 'apps/web/Dockerfile.prod' # prod\n        depends-on: []\n        kind: library\n",
  "services:\n  api:\n    path: services/api\n    note: 'it''s'\n    empty:\n",
];

// Each of these is outside the subset: yaml must parse it (or report the error).
const LEFT_TO_YAML = [
  'services:\n  api:\n    path: services/api\n    replicas: 3\n',
  'services:\n  api:\n    path: true\n',
  'services:\n  api:\n    path: null\n',
  'services:\n  api:\n    path: ~\n',
  'services:\n  api: &a\n    path: x\n  web: *a\n',
  'services:\n  api:\n    path: services/api\n  api:\n    path: other\n',
  'services:\n  api:\n    path: "a\\tb"\n',
  'services:\n  api:\n    path: |\n      x\n',
  'services:\n  api:\n    path: a\n      b\n',
  'services:\n  api:\n    build:\n      args: x\n',
  'services:\n  api:\n    include: [*x]\n',
  'services:\n  api:\n    include: [a b]\n',
  'services:\n  api:\n    include: [a, ]\n',
  'services:\n  123:\n    path: x\n',
  'services:\n\tapi:\n    path: x\n',
  'services:\r\n  api:\r\n    path: x\r\n',
  'services:\n  api:\n    path: x\nother: 1\n',
  '---\nservices:\n  api:\n    path: x\n',
  'services:\n  api:\n    path: x\n   web:\n    path: y\n',
  "services:\n  api:\n    path: 'unterminated\n",
  'services:\n  api:\n    path: -x\n',
  'services:\n  api:\n    path: x: y\n',
  'services: {}\n',
  // a comment after a plain scalar is not worth the subset's while
  'services:\n  api:\n    path: services/api # the api\n',
];

describe('readPlainManifest', () => {
  it.each(READ)('reads what yaml reads: %j', (text) => {
    expect(asData(text)).toEqual(parse(text));
  });

  it.each(LEFT_TO_YAML)('leaves the rest to yaml: %j', (text) => {
    expect(readPlainManifest(text)).toBeUndefined();
  });

  it('gives the line of each service key', () => {
    const plain = readPlainManifest('# x\nservices:\n  api:\n    path: a\n\n  web:\n    path: b\n');
    expect(plain?.services?.items.map((item) => [item.key, item.line])).toEqual([
      ['api', 3],
      ['web', 6],
    ]);
  });

  it.each(READ)('gives parseManifest the manifest yaml gives: %j', (text) => {
    expect(parseManifest(text, 'services.yaml')).toEqual(parseYamlManifest(text, 'services.yaml'));
  });

  it('leaves a manifest it reads but that is wrong to yaml, which names the line', () => {
    const text = 'services:\n  api:\n    path: services/api\n  web:\n    include: [apps/web/**]\n';
    expect(readPlainManifest(text)).toBeDefined();
    expect(() => parseManifest(text, 'services.yaml')).toThrow(/^services.yaml:4: service 'web': 'path' is required/);
  });
});
