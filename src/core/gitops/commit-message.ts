import type { Trailer } from '../git/trailers.js';

/** Keys every stage uses; promote, health-gate and rollback read them back. */
export const TRAILER = {
  image: 'Aegis-Image',
  previousImage: 'Aegis-Previous-Image',
  value: 'Aegis-Value',
  previousValue: 'Aegis-Previous-Value',
  environment: 'Aegis-Environment',
  sourceCommit: 'Aegis-Source-Commit',
  sourceRun: 'Aegis-Source-Run',
  /** ISO 8601 time of the source commit (lead time for changes); per image (`name=time`) after a promotion. */
  sourceTime: 'Aegis-Source-Time',
  promotedFrom: 'Aegis-Promoted-From',
  reverts: 'Aegis-Reverts',
  stage: 'Aegis-Stage',
  approvedBy: 'Aegis-Approved-By',
  freezeOverride: 'Aegis-Freeze-Override',
  verdict: 'Aegis-Verdict',
  checkedAt: 'Aegis-Checked-At',
} as const;

/** Fills `{name}` placeholders; unknown placeholders stay as written so a typo is visible, not silent. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z-]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Subject, optional body, then one trailer paragraph. Newlines in values would break the trailer block. */
export function buildCommitMessage(subject: string, body: string, trailers: readonly Trailer[]): string {
  const single = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').trim();
  const paragraphs = [single(subject)];
  if (body.trim()) paragraphs.push(body.trim());
  if (trailers.length > 0) paragraphs.push(trailers.map((t) => `${t.key}: ${single(t.value)}`).join('\n'));
  return `${paragraphs.join('\n\n')}\n`;
}
