/**
 * Promoting Helm values staging → prod with `values` lines, against a real bare repository.
 * `helm` is neither in Debian nor on npm, so the result is checked structurally: the prod
 * values file parses to the staging values at the promoted paths and to what it was everywhere
 * else, and its bytes differ from before only in the promoted values.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { describeRemote } from '../../src/core/git/remote.js';
import { recordVerdict } from '../../src/core/gitops/verdicts.js';
import { silentLog } from '../../src/core/log.js';
import { parseValueMoves } from '../../src/core/promote/values.js';
import type { Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { gitopsFiles } from '../fixtures/promote/gitops.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const STAGING = `# api values for staging
image:
  repository: registry.example.com/shop/api
  tag: "1.10"   # quoted: 1.10 is not 1.1
replicaCount: 3
resources: &resources
  limits: {cpu: 500m, memory: 256Mi}
podAnnotations:
  release: 2026-12-01
`;
const PROD = `# api values for prod — reviewed by the platform team
image:
  repository: eu.registry.example.com/shop/api # the EU mirror stays
  tag: "1.9"    # quoted: 1.10 is not 1.1
replicaCount: 6 # prod runs more
resources:
  limits: {cpu: "1", memory: 512Mi}
podAnnotations:
  team: shop
`;
const CHART = `apiVersion: v2\nname: api\nversion: 0.1.0\n`;
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, annotations: {release: "{{ .Values.podAnnotations.release }}"}}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;
const LINES = `# staging -> prod
charts/api/values-staging.yaml:image.tag -> charts/api/values-prod.yaml:image.tag
charts/api/values-staging.yaml:replicaCount -> charts/api/values-prod.yaml:replicaCount
charts/api/values-staging.yaml:podAnnotations.release -> charts/api/values-prod.yaml:podAnnotations.release
`;

describe('promote values (Helm values files)', () => {
  let repo: BareRepo;
  beforeEach(() => {
    repo = createBareRepo({
      ...gitopsFiles('registry.example.com', { dev: { api: '1.3.0' }, staging: { api: '1.2.0' }, prod: { api: '1.1.0' } }),
      'charts/api/Chart.yaml': CHART,
      'charts/api/templates/deployment.yaml': TEMPLATE,
      'charts/api/values-staging.yaml': STAGING,
      'charts/api/values-prod.yaml': PROD,
    });
  });
  afterEach(() => repo.cleanup());

  const promote = (inputs: Record<string, string>) =>
    new RecordingPlatform(
      tempDir('aegis-promote-ws-'),
      { repository: repo.bare, from: 'staging', to: 'prod', mode: 'push', 'verify-images': 'false', values: LINES, ...inputs },
      { event: { actor: 'release-manager' }, throwOnFail: true },
    );

  test('values move byte-preservingly, keep their type, and are recorded in trailers; images stay', async () => {
    const fake = promote({});
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
    const written = repo.show('charts/api/values-prod.yaml');
    expect(`${written}\n`).toBe(`# api values for prod — reviewed by the platform team
image:
  repository: eu.registry.example.com/shop/api # the EU mirror stays
  tag: "1.10"    # quoted: 1.10 is not 1.1
replicaCount: 3 # prod runs more
resources:
  limits: {cpu: "1", memory: 512Mi}
podAnnotations:
  team: shop
  release: "2026-12-01"
`);
    // A new key gets the source's string quoted where a YAML 1.1 reader (Go's) would see a date.
    // Structurally (what helm template would read): the staging values at the promoted paths, prod's elsewhere.
    const before = parse(PROD);
    const after = parse(written);
    const staging = parse(STAGING);
    expect(after.image).toEqual({ ...before.image, tag: staging.image.tag });
    expect(after.replicaCount).toBe(3);
    expect(typeof after.replicaCount).toBe('number');
    expect(after.podAnnotations).toEqual({ team: 'shop', release: staging.podAnnotations.release });
    expect(after.resources).toEqual(before.resources);
    // Images were not asked for (no services): the prod overlay is untouched.
    expect(repo.show('overlays/prod/kustomization.yaml')).toContain('newTag: "1.1.0"');
    const message = repo.message();
    expect(message).toMatch(/^chore\(promote\): staging → prod: image\.tag 1\.10, replicaCount 3, podAnnotations\.release 2026-12-01/);
    expect(message).toContain(
      'Aegis-Value: charts/api/values-prod.yaml:image.tag=1.10\nAegis-Previous-Value: charts/api/values-prod.yaml:image.tag=1.9',
    );
    expect(message).toContain('Aegis-Value: charts/api/values-prod.yaml:podAnnotations.release=2026-12-01\nAegis-Environment: prod');
    expect(message).toContain('Aegis-Approved-By: release-manager');
    expect(JSON.parse(fake.outputs.plan as string)).toContainEqual(
      expect.objectContaining({
        image: 'charts/api/values-prod.yaml:replicaCount',
        file: 'charts/api/values-prod.yaml',
        from: 'charts/api/values-staging.yaml:replicaCount=3',
        current: '6',
        written: '3',
      }),
    );
    // Idempotent.
    const again = promote({});
    await runPromote(again);
    expect(again.outputs.changed).toBe('false');
  });

  test('values and images together, in one commit', async () => {
    const fake = promote({ services: 'api', 'pin-digest': 'false' });
    await runPromote(fake);
    expect(repo.show('overlays/prod/kustomization.yaml')).toContain('newTag: "1.2.0"');
    expect(repo.show('charts/api/values-prod.yaml')).toContain('tag: "1.10"');
    expect(repo.count()).toBe(2);
  });

  test('a source path that does not exist is refused by name, and nothing is written', async () => {
    const tip = repo.tip();
    const fake = promote({ values: 'charts/api/values-staging.yaml:image.digest -> charts/api/values-prod.yaml:image.digest' });
    await expect(runPromote(fake)).rejects.toThrow(/value-not-in-source: charts\/api\/values-staging.yaml sets no value at image.digest/);
    expect(repo.tip()).toBe(tip);
  });

  test('verified applies to values: the commit that set the staging value needs a Successful verdict', async () => {
    const tip = repo.tip();
    await expect(runPromote(promote({ verified: 'true' }))).rejects.toThrow(
      /value charts\/api\/values-staging.yaml:image.tag: source-not-verified/,
    );
    expect(repo.tip()).toBe(tip);
    await recordVerdict({
      remote: describeRemote(repo.bare, {}, process.cwd()),
      branch: 'main',
      commit: tip,
      verdict: { verdict: 'Successful', environment: 'staging', checkedAt: new Date() },
      author: { name: 'bot', email: 'bot@example.com' },
      maxAttempts: 3,
      log: silentLog,
    });
    const fake = promote({ verified: 'true' });
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
  });

  test.each([
    ['charts/api/values-staging.yaml:image.tag', /expected one " -> " between source and target/],
    ['image.tag -> charts/api/values-prod.yaml:image.tag', /has no "<file>:" before the path/],
    ['a.yaml:x -> b.yaml:y\nc.yaml:z -> b.yaml:y', /b.yaml:y is a target twice/],
    ['a.yaml:x.. -> b.yaml:y', /empty key/],
  ])('bad values %j is refused by name', (values, message) => {
    expect(() => parseValueMoves(values)).toThrow(/Input 'values'/);
    expect(() => parseValueMoves(values)).toThrow(message);
  });

  test('a values file outside the repository is refused', async () => {
    await expect(runPromote(promote({ values: '../../etc/passwd:root -> charts/api/values-prod.yaml:image.tag' }))).rejects.toThrow(
      /Input 'values'/,
    );
  });
});
