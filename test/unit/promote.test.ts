import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseTrailers } from '../../src/core/git/trailers.js';
import { argoRefusal } from '../../src/core/promote/argocd.js';
import { promotionDiagram } from '../../src/core/promote/diagram.js';
import { parseEnvironments, resolveProtected, resolveRoute } from '../../src/core/promote/environments.js';
import {
  belongsToService,
  DEFAULT_MUTABLE_TAGS,
  mergeOverlays,
  mutableTagRefusals,
  orderRefusals,
  type SourceImage,
  sameValue,
  selectImages,
} from '../../src/core/promote/images.js';
import { promotionCommitMessage } from '../../src/core/promote/message.js';
import { overrideFor, planTargets } from '../../src/core/promote/plan.js';
import { PromotionRefused } from '../../src/core/promote/refusal.js';
import { setImages } from '../../src/core/yaml/kustomization.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const ENVIRONMENTS = parseEnvironments('dev: overlays/dev\nstaging: overlays/staging\nprod: [overlays/prod-eu, overlays/prod-us]');

describe('environments', () => {
  test.each([
    [
      'dev: overlays/dev\nprod: [a, b]',
      [
        ['dev', ['overlays/dev']],
        ['prod', ['a', 'b']],
      ],
    ],
    [
      '[dev, staging, prod]',
      [
        ['dev', ['overlays/dev']],
        ['staging', ['overlays/staging']],
        ['prod', ['overlays/prod']],
      ],
    ],
    [
      'dev\nstaging',
      [
        ['dev', ['overlays/dev']],
        ['staging', ['overlays/staging']],
      ],
    ],
    [
      'dev, qa',
      [
        ['dev', ['overlays/dev']],
        ['qa', ['overlays/qa']],
      ],
    ],
    [
      'dev:\nprod: clusters/prod/kustomization.yaml',
      [
        ['dev', ['overlays/dev']],
        ['prod', ['clusters/prod/kustomization.yaml']],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(parseEnvironments(text).map((env) => [env.name, env.overlays])).toEqual(expected);
  });

  test.each([
    ['', 'empty'],
    ['dev: a', 'at least two'],
    ['dev: a\ndev: b', 'not valid YAML'],
    ['[dev, dev]', 'listed twice'],
    ['dev: a\nprod: {x: 1}', 'must map to a path'],
    ['dev: [a, 1]\nprod: b', 'non-string path'],
    ['"bad name": a\nprod: b', 'must be letters'],
  ])('%j is refused naming the input', (text, detail) => {
    expect(() => parseEnvironments(text)).toThrow(InputError);
    expect(() => parseEnvironments(text)).toThrow(detail);
  });

  test.each([
    ['dev', 'staging', 0, 1, 'dev'],
    ['staging', 'prod', 1, 2, 'staging'],
    ['dev', 'prod', 0, 2, 'staging'],
  ])('route %s → %s', (from, to, fromIndex, toIndex, previous) => {
    expect(resolveRoute(ENVIRONMENTS, from, to)).toMatchObject({ fromIndex, toIndex, previous: { name: previous } });
  });

  test.each([
    ['dev', 'qa', "Input 'to'", 'unknown environment'],
    ['uat', 'prod', "Input 'from'", 'dev, staging, prod'],
    ['prod', 'dev', "Input 'to'", 'backwards'],
    ['staging', 'staging', "Input 'to'", 'same as from'],
  ])('route %s → %s is refused', (from, to, input, detail) => {
    expect(() => resolveRoute(ENVIRONMENTS, from, to)).toThrow(input);
    expect(() => resolveRoute(ENVIRONMENTS, from, to)).toThrow(detail);
  });

  test('protected environments default to the last; none means none; unknown names are refused', () => {
    expect([...resolveProtected(ENVIRONMENTS, [])]).toEqual(['prod']);
    expect([...resolveProtected(ENVIRONMENTS, ['none'])]).toEqual([]);
    expect([...resolveProtected(ENVIRONMENTS, ['staging', 'prod'])]).toEqual(['staging', 'prod']);
    expect(() => resolveProtected(ENVIRONMENTS, ['production'])).toThrow("Input 'protected-environments'");
  });
});

const image = (name: string, value: SourceImage['value']): SourceImage => ({ name, value, files: ['f'] });

describe('what moves', () => {
  test.each([
    [{ name: 'api' }, 'api', undefined, true],
    [{ name: 'registry.example.com/shop/api' }, 'api', undefined, true],
    [{ name: 'registry.example.com/shop/api-gateway' }, 'api', undefined, false],
    [{ name: 'app', newName: 'ghcr.io/org/api' }, 'api', undefined, true],
    [{ name: 'app' }, 'backend', 'app', true],
    [{ name: 'x', newName: 'ghcr.io/org/backend' }, 'backend', 'ghcr.io/org/backend', true],
    [{ name: 'registry/backend' }, 'backend', 'ghcr.io/org/other', false],
  ])('%j belongs to service %s (manifest image %s): %s', (entry, service, manifestImage, expected) => {
    expect(belongsToService(entry, service, manifestImage)).toBe(expected);
  });

  test.each([
    [{ newTag: '1' }, { newTag: '1' }, true],
    [{ newTag: '1' }, { newTag: '2' }, false],
    [{ newTag: '1', digest: D1 }, { newTag: '1.0', digest: D1 }, true],
    [{ newTag: '1', digest: D1 }, { newTag: '1', digest: D2 }, false],
    [{ newTag: '1' }, { newTag: '1', digest: D1 }, false],
    [{ newName: 'a/x', newTag: '1' }, { newName: 'b/x', newTag: '1' }, false],
  ])('sameValue(%j, %j) = %s', (a, b, expected) => {
    expect(sameValue('img', a, b)).toBe(expected);
  });

  test('overlays of one environment that disagree are refused only for the images selected', () => {
    const overlays = [
      {
        file: 'eu',
        images: [
          { name: 'r/api', newTag: '1' },
          { name: 'r/web', newTag: '1' },
        ],
      },
      {
        file: 'us',
        images: [
          { name: 'r/api', newTag: '2' },
          { name: 'r/web', newTag: '1' },
        ],
      },
    ];
    expect(mergeOverlays(overlays).conflicts.map((refusal) => [refusal.subject, refusal.rule])).toEqual([['r/api', 'ambiguous-source']]);
    expect(selectImages(overlays, ENVIRONMENTS[0] as never, ['web']).refusals).toEqual([]);
    expect(selectImages(overlays, ENVIRONMENTS[0] as never, ['api']).refusals).toHaveLength(1);
  });

  test('a service the source does not set is refused, the others selected', () => {
    const overlays = [{ file: 'overlays/staging/kustomization.yaml', images: [{ name: 'r/api', newTag: '1' }] }];
    const { images, refusals } = selectImages(overlays, ENVIRONMENTS[1] as never, ['api', 'billing']);
    expect(images.map((entry) => entry.name)).toEqual(['r/api']);
    expect(refusals).toEqual([
      expect.objectContaining({
        subject: 'billing',
        kind: 'service',
        rule: 'service-not-in-source',
        detail: expect.stringContaining('staging'),
      }),
    ]);
  });

  test('order: skipping is refused unless the skipped environment runs the value, or allow-skip', () => {
    const route = resolveRoute(ENVIRONMENTS, 'dev', 'prod');
    const images = [image('api', { newTag: '2' }), image('web', { newTag: '5' }), image('new', { newTag: '1' })];
    const staging = [image('api', { newTag: '1' }), image('web', { newTag: '5' })];
    expect(orderRefusals(images, route, staging, false).map((refusal) => [refusal.subject, refusal.rule])).toEqual([
      ['api', 'environment-order'],
      ['new', 'environment-order'],
    ]);
    expect(orderRefusals(images, route, staging, true)).toEqual([]);
    expect(orderRefusals(images, resolveRoute(ENVIRONMENTS, 'staging', 'prod'), [], false)).toEqual([]);
  });

  test.each([
    [{ newTag: 'latest' }, true],
    [{ newTag: 'LATEST' }, true],
    [{ newTag: 'main' }, true],
    [{ newTag: 'feature-login' }, true],
    [{ newTag: 'latest', digest: D1 }, true],
    [{}, true],
    [{ newName: 'r/x' }, true],
    [{ newTag: '1.2.3' }, false],
    [{ newTag: 'sha-a1b2c3d' }, false],
    [{ digest: D1 }, false],
    [{ newTag: 'mainline-1.0' }, false],
  ])('mutable tag %j refused in a protected environment: %s', (value, refused) => {
    expect(mutableTagRefusals([image('api', value)], 'prod', DEFAULT_MUTABLE_TAGS)).toHaveLength(refused ? 1 : 0);
  });
});

describe('writing', () => {
  test.each([
    [
      { newTag: '2' },
      'images:\n  - name: api\n    newName: old/api\n    newTag: "1"\n    digest: sha256:x\n',
      'images:\n  - name: api\n    newTag: "2"\n',
    ],
    [
      { newName: 'ghcr.io/o/api', newTag: '2', digest: D1 },
      'images:\n  - name: api # keep\n    newTag: "1"\n',
      `images:\n  - name: api # keep\n    newTag: "2"\n    newName: ghcr.io/o/api\n    digest: ${D1}\n`,
    ],
  ])('an override sets exactly the source value %j', (value, before, after) => {
    expect(setImages(before, [overrideFor(image('api', value))], { file: 'k', addMissing: false }).content).toBe(after);
  });

  test('an environment of several apps: each overlay gets the images it lists; an image none lists is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aegis-promote-unit-'));
    try {
      for (const [app, name] of [
        ['front', 'r/web'],
        ['back', 'r/api'],
      ] as const) {
        mkdirSync(join(dir, app), { recursive: true });
        writeFileSync(join(dir, app, 'kustomization.yaml'), `images:\n  - name: ${name}\n    newTag: "1"\n`);
      }
      const images = [image('r/api', { newTag: '2' }), image('r/web', { newTag: '3' }), image('r/billing', { newTag: '1' })];
      const plan = planTargets(dir, { name: 'prod', overlays: ['front', 'back'] }, images, new Map(), { addMissing: false });
      expect(plan.entries.map((entry) => [entry.file, entry.image, entry.current, entry.written])).toEqual([
        ['back/kustomization.yaml', 'r/api', 'r/api:1', 'r/api:2'],
        ['front/kustomization.yaml', 'r/web', 'r/web:1', 'r/web:3'],
      ]);
      expect(plan.refusals.map((refusal) => [refusal.subject, refusal.rule])).toEqual([['r/billing', 'target-overlay-without-image']]);
      // add-missing only where the overlay renders a workload using the image: front renders none.
      const nowhere = planTargets(dir, { name: 'prod', overlays: ['front'] }, images.slice(2), new Map(), { addMissing: true });
      expect(nowhere.files).toEqual([]);
      expect(nowhere.refusals.map((refusal) => [refusal.subject, refusal.rule])).toEqual([['r/billing', 'add-missing-image-not-rendered']]);
      writeFileSync(join(dir, 'front', 'kustomization.yaml'), 'resources:\n  - billing.yaml\nimages:\n  - name: r/web\n    newTag: "1"\n');
      writeFileSync(
        join(dir, 'front', 'billing.yaml'),
        'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: billing\n          image: r/billing:0\n',
      );
      const added = planTargets(dir, { name: 'prod', overlays: ['front', 'back'] }, images.slice(2), new Map(), { addMissing: true });
      expect(added.refusals).toEqual([]);
      expect(added.files.map((file) => file.path)).toEqual(['front/kustomization.yaml']);
      expect(added.files[0]?.content).toBe(
        'resources:\n  - billing.yaml\nimages:\n  - name: r/web\n    newTag: "1"\n  - name: r/billing\n    newTag: "1"\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('commit message carries the promotion trailers', () => {
    const message = promotionCommitMessage({
      template: 'chore(promote): {from} → {to}: {images}',
      from: 'staging',
      to: 'prod',
      sourceCommit: 'c'.repeat(40),
      sourceRun: 'https://ci/run/1',
      files: ['overlays/prod/kustomization.yaml'],
      changes: [
        { file: 'a', name: 'r/api', previous: { newTag: '1' }, next: { newTag: '2', digest: D1 } },
        { file: 'b', name: 'r/api', previous: { newTag: '1' }, next: { newTag: '2', digest: D1 } },
        { file: 'a', name: 'r/web', previous: null, next: { newTag: '5' } },
      ],
    });
    expect(message.split('\n')[0]).toBe('chore(promote): staging → prod: api 2, web 5');
    expect(parseTrailers(message)).toEqual([
      { key: 'Aegis-Image', value: `r/api=r/api:2@${D1}` },
      { key: 'Aegis-Previous-Image', value: 'r/api=r/api:1' },
      { key: 'Aegis-Image', value: 'r/web=r/web:5' },
      { key: 'Aegis-Environment', value: 'prod' },
      { key: 'Aegis-Promoted-From', value: `staging@${'c'.repeat(40)}` },
      { key: 'Aegis-Source-Run', value: 'https://ci/run/1' },
      { key: 'Aegis-Stage', value: 'promote' },
    ]);
  });

  test('a refusal error lists every refusal', () => {
    const error = new PromotionRefused([
      { subject: 'r/api', kind: 'image', rule: 'mutable-tag-in-protected-environment', detail: 'latest' },
      { subject: 'billing', kind: 'service', rule: 'service-not-in-source', detail: 'x' },
    ]);
    expect(error.message).toContain('image r/api: mutable-tag-in-protected-environment: latest');
    expect(error.message).toContain('service billing: service-not-in-source');
  });
});

describe('Argo CD precondition', () => {
  const commit = 'a'.repeat(40);
  test.each([
    [{ sync: 'Synced', revisions: [commit], health: 'Healthy' }, undefined],
    [{ sync: 'Synced', revisions: ['b'.repeat(40), commit], health: 'Healthy' }, undefined],
    [{ sync: 'OutOfSync', revisions: [commit], health: 'Healthy' }, 'sync status is OutOfSync'],
    [{ sync: 'Synced', revisions: ['b'.repeat(40)], health: 'Healthy' }, 'not the source commit'],
    [{ sync: 'Synced', revisions: ['b'.repeat(40)], health: 'Healthy' }, `set from-ref: ${'b'.repeat(40)}`],
    [{ sync: 'Synced', revisions: [commit], health: 'Progressing' }, 'health is Progressing'],
    [{ revisions: [] }, 'sync status is unknown'],
  ])('%j', (state, problem) => {
    const refusal = argoRefusal({ name: 'app', ...state }, commit);
    if (problem === undefined) expect(refusal).toBeUndefined();
    else expect(refusal?.detail).toContain(problem);
  });
});

describe('diagram', () => {
  test('environments in order, the target showing before → after, labels escaped', () => {
    const route = resolveRoute(ENVIRONMENTS, 'staging', 'prod');
    const diagram = promotionDiagram(
      [
        { name: 'dev', versions: new Map([['api', ['3']]]) },
        { name: 'staging', versions: new Map([['api', ['2']]]) },
        {
          name: 'prod',
          versions: new Map([
            ['api', ['1', '1.1']],
            ['web', ['"x"']],
          ]),
        },
      ],
      route,
      [{ image: 'api', before: '1', after: '2' }],
      true,
    );
    expect(diagram).toBe(
      [
        '```mermaid',
        'flowchart LR',
        '  env0["<b>dev</b><br/>api: 3"]',
        '  env1["<b>staging</b><br/>api: 2"]',
        '  env2["<b>prod</b><br/>api: 1 → 2<br/>web: #quot;x#quot;"]',
        '  env0 --> env1',
        '  env1 ==>|promote 1| env2',
        '  classDef target stroke-width:3px',
        '  class env2 target',
        '```',
      ].join('\n'),
    );
  });
});
