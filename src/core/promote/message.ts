import type { Trailer } from '../git/trailers.js';
import { describeImageChanges, type ValueChange } from '../gitops/bump.js';
import { buildCommitMessage, renderTemplate, TRAILER } from '../gitops/commit-message.js';
import type { ImageChange } from '../yaml/kustomization.js';

export interface PromotionMessage {
  /** Subject template; placeholders {from}, {to}, {images}, {commit}. */
  template: string;
  from: string;
  to: string;
  /** Source commit the values were read at. */
  sourceCommit: string;
  sourceRun?: string;
  files: readonly string[];
  changes: readonly ImageChange[];
  /** Helm values / YAML paths written (Aegis-Value / Aegis-Previous-Value, as gitops-bump records them). */
  values?: readonly ValueChange[];
  /** Image name → ISO time of its source commit, carried on as `Aegis-Source-Time: <name>=<time>`. */
  sourceTimes?: ReadonlyMap<string, string>;
  /** Who approved a promotion into a protected environment (one Aegis-Approved-By each). */
  approvedBy?: readonly string[];
  /** A freeze window overridden, with the reason and who did it (Aegis-Freeze-Override). */
  freezeOverride?: string;
}

/** Subject, the files, then provenance trailers: Aegis-Promoted-From, Aegis-Environment and per-image Aegis-Image/Aegis-Previous-Image. */
export function promotionCommitMessage(message: PromotionMessage): string {
  const images = describeImageChanges(message.changes);
  const subject = renderTemplate(message.template, {
    from: message.from,
    to: message.to,
    commit: message.sourceCommit.slice(0, 12),
    images: [
      ...images.map((image) => `${image.name.split('/').pop()} ${image.version}`),
      ...(message.values ?? []).map((value) => `${value.path} ${value.next}`),
    ].join(', '),
  });
  const trailers: Trailer[] = [];
  for (const image of images) {
    trailers.push({ key: TRAILER.image, value: `${image.name}=${image.next}` });
    if (image.previous) trailers.push({ key: TRAILER.previousImage, value: `${image.name}=${image.previous}` });
  }
  for (const value of message.values ?? []) {
    trailers.push({ key: TRAILER.value, value: `${value.file}:${value.path}=${value.next}` });
    if (value.previous !== null) trailers.push({ key: TRAILER.previousValue, value: `${value.file}:${value.path}=${value.previous}` });
  }
  trailers.push({ key: TRAILER.environment, value: message.to });
  trailers.push({ key: TRAILER.promotedFrom, value: `${message.from}@${message.sourceCommit}` });
  if (message.sourceRun) trailers.push({ key: TRAILER.sourceRun, value: message.sourceRun });
  for (const image of images) {
    const time = message.sourceTimes?.get(image.name);
    if (time) trailers.push({ key: TRAILER.sourceTime, value: `${image.name}=${time}` });
  }
  for (const approver of message.approvedBy ?? []) trailers.push({ key: TRAILER.approvedBy, value: approver });
  if (message.freezeOverride) trailers.push({ key: TRAILER.freezeOverride, value: message.freezeOverride });
  trailers.push({ key: TRAILER.stage, value: 'promote' });
  const body = `Promote ${message.from} → ${message.to}.\n\nFiles:\n${message.files.map((file) => `- ${file}`).join('\n')}`;
  return buildCommitMessage(subject, body, trailers);
}
