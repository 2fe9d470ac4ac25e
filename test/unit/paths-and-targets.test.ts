import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { planBump } from '../../src/core/gitops/bump.js';
import { resolveKustomizations } from '../../src/core/gitops/targets.js';
import { resolveInside } from '../../src/core/paths.js';
import { parseSetLines } from '../../src/core/yaml/values.js';
import { tempDir } from '../helpers/git.js';

function layout() {
  const outside = tempDir('aegis-outside-');
  writeFileSync(join(outside, 'config.json'), '{"auths": {"registry": {"auth": "c2VjcmV0"}}}\n');
  const root = tempDir('aegis-root-');
  mkdirSync(join(root, 'overlays/dev'), { recursive: true });
  mkdirSync(join(root, 'overlays/evil'), { recursive: true });
  writeFileSync(join(root, 'overlays/dev/kustomization.yaml'), 'images: []\n');
  symlinkSync(join(outside, 'config.json'), join(root, 'overlays/evil/kustomization.yaml'));
  symlinkSync(outside, join(root, 'linked-out'));
  return { root, outside };
}

describe('paths stay inside their root', () => {
  test.each([['../x'], ['/etc/passwd'], ['linked-out/config.json'], ['linked-out/not-yet-written.txt'], ['linked-out/new/dir/file']])(
    '%s is refused',
    (value) => {
      const { root } = layout();
      expect(() => resolveInside(root, value, 'output-dir')).toThrow(InputError);
    },
  );

  test('a new file in a real directory is fine', () => {
    const { root } = layout();
    expect(resolveInside(root, 'aegis-out/new.txt', 'output-dir')).toBe(join(root, 'aegis-out/new.txt'));
  });
});

describe('kustomization targets', () => {
  test.each([['overlays/evil'], ['overlays/*']])('a kustomization symlinked outside the checkout is refused (%s)', (entry) => {
    const { root } = layout();
    expect(() => resolveKustomizations(root, [entry])).toThrow(/symlink that leads outside/);
  });

  test('one values file spelled two ways is one write carrying both edits', () => {
    const root = tempDir('aegis-values-');
    mkdirSync(join(root, 'charts'));
    writeFileSync(join(root, 'charts/values.yaml'), 'image:\n  tag: "1.0"\nreplicas: 2\n');
    const values = parseSetLines('charts/values.yaml:image.tag=2.0\n./charts/values.yaml:replicas=3');
    const plan = planBump(root, { paths: [], images: [], values, addMissing: true });
    expect(plan.files).toEqual([{ path: 'charts/values.yaml', content: 'image:\n  tag: "2.0"\nreplicas: 3\n' }]);
    expect(plan.valueChanges.map((change) => change.path)).toEqual(['image.tag', 'replicas']);
    expect(readFileSync(join(root, 'charts/values.yaml'), 'utf8')).toContain('1.0');
  });
});
