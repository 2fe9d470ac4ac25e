// promote's change for the race-safe transaction (src/core/promote/change.ts): computed from
// the target checkout on each attempt, refused whole when the target cannot take an image.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseTrailers } from '../../src/core/git/trailers.js';
import { promotionChange } from '../../src/core/promote/change.js';
import type { SourceImage } from '../../src/core/promote/images.js';
import type { PlanEntry } from '../../src/core/promote/plan.js';
import { PromotionRefused } from '../../src/core/promote/refusal.js';

const image = (name: string, newTag: string): SourceImage => ({ name, value: { newTag }, files: ['overlays/staging/kustomization.yaml'] });

describe('promotionChange', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  function target(content: string): string {
    dir = mkdtempSync(join(tmpdir(), 'aegis-promote-change-'));
    mkdirSync(join(dir, 'overlays/prod'), { recursive: true });
    writeFileSync(join(dir, 'overlays/prod/kustomization.yaml'), content);
    return dir;
  }
  const message = { template: 'promote {from} → {to}: {images}', from: 'staging', to: 'prod', sourceCommit: 'a'.repeat(40) };
  /** The change of promoting `images` into prod, without values lines. */
  const promoting = (images: SourceImage[], onPlan?: (entries: readonly PlanEntry[], attempt: number) => void) =>
    promotionChange({
      target: { name: 'prod', overlays: ['overlays/prod'] },
      images,
      sourceValues: new Map(images.map((each) => [each.name, `${each.name}:${each.value.newTag}`])),
      values: [],
      addMissing: false,
      message,
      onPlan,
    });

  test.each([
    [
      'a new tag is written, with its trailers',
      'images:\n  - name: r/api\n    newTag: "1"\n',
      'images:\n  - name: r/api\n    newTag: "2"\n',
      [['r/api', 'r/api:1', 'r/api:2']],
    ],
    [
      'the target already runs it: nothing to write, the plan still told on attempt 1',
      'images:\n  - name: r/api\n    newTag: "2"\n',
      undefined,
      [],
    ],
  ])('%s', async (_description, before, after, entries) => {
    const told: Array<[readonly PlanEntry[], number]> = [];
    const change = await promoting([image('r/api', '2')], (entries, attempt) => told.push([entries, attempt]))({
      dir: target(before),
      attempt: 1,
    });
    expect(change.files.map((file) => file.content)).toEqual(after === undefined ? [] : [after]);
    expect(told.map(([, attempt]) => attempt)).toEqual([1]);
    expect(change.detail.entries.map((entry) => [entry.image, entry.current, entry.written])).toEqual(entries);
    expect(parseTrailers(change.message)).toEqual(expect.arrayContaining([{ key: 'Aegis-Environment', value: 'prod' }]));
  });

  test('a later attempt that writes nothing is not told again', async () => {
    const told: number[] = [];
    await promoting([image('r/api', '2')], (_entries, attempt) => told.push(attempt))({
      dir: target('images:\n  - name: r/api\n    newTag: "2"\n'),
      attempt: 2,
    });
    expect(told).toEqual([]);
  });

  test('an image the target does not list is refused whole, without add-missing', async () => {
    const change = promoting([image('r/api', '2'), image('r/billing', '5')]);
    const error = await change({ dir: target('images:\n  - name: r/api\n    newTag: "1"\n'), attempt: 1 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PromotionRefused);
    expect((error as PromotionRefused).refusals.map((refusal) => refusal.subject)).toEqual(['r/billing']);
  });
});
