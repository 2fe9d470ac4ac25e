import { AegisError } from '../errors.js';

/** Why an image (or the whole promotion) may not move; each names what it is about and the rule. */
export const RULE = {
  /** The value would skip the environment just before the target (order from `environments`). */
  order: 'environment-order',
  /** A mutable tag (latest, a branch name, no tag at all) into a protected environment. */
  mutableTag: 'mutable-tag-in-protected-environment',
  /** A requested service that the source overlays do not set. */
  serviceMissing: 'service-not-in-source',
  /** Two source overlays of one environment set the same image to different values. */
  ambiguousSource: 'ambiguous-source',
  /** The reference does not exist in its registry. */
  imageMissing: 'image-missing-in-registry',
  /** A target overlay has no `images[]` entry for the image and add-missing is off. */
  targetMissing: 'target-overlay-without-image',
  /** Argo CD does not report the source application Synced at the source commit and Healthy. */
  argocd: 'argocd-source-not-synced-and-healthy',
  /** The tag's registry digest is not the one the source environment runs (re-pushed since). */
  tagMoved: 'tag-moved-since-source-deployed',
  /** The target environment is inside a freeze window and no override was given. */
  freeze: 'target-environment-frozen',
} as const;

export type Rule = (typeof RULE)[keyof typeof RULE];

export interface Refusal {
  /** An image name, a service name or an Argo CD application. */
  subject: string;
  kind: 'image' | 'service' | 'application' | 'environment';
  rule: Rule;
  detail: string;
}

export function formatRefusal(refusal: Refusal): string {
  return `${refusal.kind} ${refusal.subject}: ${refusal.rule}: ${refusal.detail}`;
}

/** The promotion broke at least one rule; nothing was written. */
export class PromotionRefused extends AegisError {
  override name = 'PromotionRefused';
  constructor(readonly refusals: readonly Refusal[]) {
    super(`Promotion refused (nothing was written):\n${refusals.map((refusal) => `  - ${formatRefusal(refusal)}`).join('\n')}`);
  }
}
