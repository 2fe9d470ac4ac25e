import { describe, expect, test } from 'vitest';
import { parseManifest } from '../../src/core/detect/manifest.js';
import { parseEnvironments } from '../../src/core/promote/environments.js';
import { parseIgnoreFile } from '../../src/core/scan/ignore.js';
import { parsePolicy } from '../../src/core/scan/policy.js';
import { setImages } from '../../src/core/yaml/kustomization.js';
import { parseYaml } from '../../src/core/yaml/splice.js';
import { parseSetLines } from '../../src/core/yaml/values.js';

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: app\n    newTag: "1.0"\n';

describe('files that are not YAML are refused', () => {
  test('a NUL byte (kustomize refuses it too) stops the edit, naming the file and line', () => {
    const content = `${KUSTOMIZATION}# binary\0tail\n`;
    expect(() => parseYaml(content, 'overlays/dev/kustomization.yaml')).toThrow(/overlays\/dev\/kustomization.yaml:6: contains a NUL byte/);
    expect(() =>
      setImages(content, [{ name: 'app', newTag: '2.0', line: 'app:2.0' }], { file: 'overlays/dev/kustomization.yaml', addMissing: false }),
    ).toThrow(/NUL byte/);
  });

  test.each([
    ['.git/HEAD:ref=refs/heads/evil', /not a YAML file/],
    ['.git/hooks/x.yaml:a=1', /inside \.git/],
    ['sub/.GIT/config.yml:a=1', /inside \.git/],
    ['values.txt:image.tag=1', /not a YAML file/],
  ])('set %j is refused', (line, expected) => {
    expect(() => parseSetLines(line)).toThrow(expected);
    expect(() => parseSetLines(line)).toThrow(/Input 'set'/);
  });

  test('set on ordinary values files passes', () => {
    expect(parseSetLines('charts/api/values.yaml:image.tag=1.2.3\nvalues.YML:a=b')).toHaveLength(2);
  });
});

describe('aliases in the service manifest', () => {
  test('an alias is the anchored value', () => {
    const manifest = parseManifest(
      [
        'services:',
        '  api:',
        '    path: services/api',
        '    image: &img registry.example.com/shop/api',
        '    tags: &tags [a, b]',
        '  web:',
        '    path: services/web',
        '    image: *img',
        '    depends-on: *tags',
        '',
      ].join('\n'),
      '.aegis/services.yaml',
    );
    const web = manifest.services.find((service) => service.name === 'web');
    expect(web?.fields.image).toBe('registry.example.com/shop/api');
    expect(web?.dependsOn).toEqual(['a', 'b']);
  });

  test('an alias bomb is refused instead of expanded', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = `x-bomb:\n${lines.map((line) => `  ${line}`).join('\n')}\nservices:\n  api:\n    path: services/api\n    bomb: *a9\n`;
    expect(() => parseManifest(text, '.aegis/services.yaml')).toThrow(/\.aegis\/services\.yaml.*(alias|unknown top-level)/i);
  });

  test('an alias bomb inside a service is refused by the alias limit', () => {
    const anchors = ['    b0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      anchors.push(
        `    b${i}: &b${i} [${Array(10)
          .fill(`*b${i - 1}`)
          .join(', ')}]`,
      );
    const text = `services:\n  api:\n    path: services/api\n${anchors.join('\n')}\n`;
    expect(() => parseManifest(text, '.aegis/services.yaml')).toThrow(/through YAML aliases/);
  });
});

describe('aliases everywhere else we read YAML', () => {
  const bomb = (top: string) => {
    const lines = [`${top}:`, '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `  a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    return `${lines.join('\n')}\n`;
  };

  test("promote's environments follow aliases", () => {
    const environments = parseEnvironments('x-prod: &prod [overlays/prod-eu, overlays/prod-us]\ndev: overlays/dev\nprod: *prod\n');
    expect(environments.find((environment) => environment.name === 'prod')?.overlays).toEqual(['overlays/prod-eu', 'overlays/prod-us']);
  });

  test('scan policy and ignore files: a bomb is a message, not a crash', () => {
    expect(() => parsePolicy(bomb('environments'), '.aegis/scan-policy.yaml')).toThrow(
      /scan-policy.yaml: expands to too much data through YAML aliases/,
    );
    expect(() => parseIgnoreFile(bomb('ignores'), '.trivyignore.yaml')).toThrow(/through YAML aliases/);
  });
});
