import type { Change } from '../git/transaction.js';
import type { ValueChange } from '../gitops/bump.js';
import type { Environment } from './environments.js';
import type { SourceImage } from './images.js';
import { type PromotionMessage, promotionCommitMessage } from './message.js';
import { type PlanEntry, type PromotionPlan, planTargets } from './plan.js';
import { PromotionRefused } from './refusal.js';
import { planValues, type SourceValue } from './values.js';

/** What a promotion commit carries back: the target plan (entries, image changes, files) and the values written. */
export type PromotionDetail = PromotionPlan & { valueChanges: ValueChange[] };

export interface PromotionChangeOptions {
  target: Environment;
  images: readonly SourceImage[];
  /** Image name → the reference written (tag, digest or both). */
  sourceValues: ReadonlyMap<string, string>;
  values: readonly SourceValue[];
  addMissing: boolean;
  keepTargetRegistry?: boolean;
  /** The commit message, less what the checkout decides (files, image and value changes). */
  message: Omit<PromotionMessage, 'files' | 'changes' | 'values'>;
  /** Told the plan of each attempt that writes something (and of the first). */
  onPlan?: (entries: readonly PlanEntry[], attempt: number) => void;
}

/**
 * The promotion as a change of the race-safe transaction, computed again from the target
 * checkout on every attempt: the overlays' image entries, then the values lines on top of them;
 * a target that cannot take the images is refused (PromotionRefused), never half-written.
 */
export function promotionChange(
  options: PromotionChangeOptions,
): (checkout: { dir: string; attempt: number }) => Promise<Change<PromotionDetail>> {
  return async ({ dir, attempt }) => {
    const targets = planTargets(dir, options.target, options.images, options.sourceValues, {
      addMissing: options.addMissing,
      keepTargetRegistry: options.keepTargetRegistry,
    });
    if (targets.refusals.length > 0) throw new PromotionRefused(targets.refusals);
    const valuePlan = planValues(dir, options.values, new Map(targets.files.map((file) => [file.path, file.content])));
    const files = [
      ...targets.files.filter((file) => !valuePlan.files.has(file.path)),
      ...[...valuePlan.files].map(([path, content]) => ({ path, content })),
    ];
    targets.entries.push(...valuePlan.entries);
    if (attempt === 1 || files.length > 0) options.onPlan?.(targets.entries, attempt);
    const message = promotionCommitMessage({
      ...options.message,
      files: files.map((file) => file.path),
      changes: targets.changes,
      values: valuePlan.changes,
    });
    return { files, message, detail: { ...targets, files, valueChanges: valuePlan.changes } };
  };
}
