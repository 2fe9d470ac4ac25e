/** A Git trailer (`Key: value` in the last paragraph), how stages record provenance. */
export interface Trailer {
  key: string;
  value: string;
}

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

/** Trailers of a commit message: the last paragraph, when every line of it is `Key: value`. */
export function parseTrailers(message: string): Trailer[] {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? (paragraphs[paragraphs.length - 1] as string) : '';
  const lines = last.split('\n').filter(Boolean);
  const trailers = lines.map((line) => /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line));
  if (trailers.length === 0 || trailers.some((match) => !match)) return [];
  return trailers.map((match) => ({ key: (match as RegExpExecArray)[1] as string, value: (match as RegExpExecArray)[2] as string }));
}
