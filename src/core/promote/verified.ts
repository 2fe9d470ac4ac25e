/**
 * Verified and soaked sources: for each promoted image, the commit that put its current value
 * into the source overlays (what the source's health gate watched), the verdict health-gate
 * recorded for it under refs/notes/aegis, and how long the source has run it since (that
 * commit's committer time). Kargo's verification and soak, read from Git.
 */
import type { GitOperations } from '../git/git.js';
import { latestVerdict, readVerdicts, type Verdict } from '../gitops/verdicts.js';
import { readImages } from '../yaml/kustomization.js';
import { render, type SourceImage, sameValue } from './images.js';
import { type Refusal, RULE } from './refusal.js';

/** Something promoted: an image, or a values path; `holds` says whether a file text still sets it. */
export interface PromotedSubject {
  kind: 'image' | 'value';
  subject: string;
  value: string;
  /** Source files that set it. */
  files: readonly string[];
  holds: (text: string | undefined, file: string) => boolean;
}

/** Where and since when the source runs one image's value. */
export interface SourceDeployment {
  kind: 'image' | 'value';
  /** The image name, or `<file>:<path>` for a value. */
  image: string;
  value: string;
  /** The newest commit that set this value in one of the source overlays. */
  commit: string;
  committedAt: Date;
  /** The newest verdict recorded for that commit in the source environment. */
  verdict?: Verdict;
  /** Verdicts recorded for the commit without an environment (health-gate's `environment` unset). */
  unnamedVerdicts: number;
}

export interface VerificationOptions {
  /** The source environment, as health-gate's `environment` names it. */
  environment: string;
  /** Fetches more history when the walk reaches the shallow boundary; false when there is none. */
  deepen: () => Promise<boolean>;
  /** Commits of one file's history walked at most. */
  maxCommits?: number;
}

/** Whether a kustomization text sets the image to the same value. */
function imageIn(text: string | undefined, file: string, image: SourceImage): boolean {
  if (text === undefined) return false;
  try {
    const entry = readImages(text, file).find((candidate) => candidate.name === image.name);
    if (!entry) return false;
    const { name: _name, ...value } = entry;
    return sameValue(image.name, image.value, value);
  } catch {
    return false;
  }
}

/**
 * The commit that set the image's current value in `file`: walking the file's history newest
 * first, the first commit whose parent had another value (or no such entry, or no such file).
 */
async function commitThatSet(history: History, file: string, subject: PromotedSubject, options: VerificationOptions): Promise<string> {
  const { git } = history;
  for (;;) {
    const boundary = await git.shallowBoundary();
    const commits = await history.commits(file);
    let reachedBoundary = false;
    for (const { sha } of commits) {
      if (boundary.has(sha)) {
        reachedBoundary = true;
        break;
      }
      if (!subject.holds(await history.parentText(sha, file), file)) return sha;
    }
    // The history behind a shallow boundary is unknown: fetch more, or (none left) the boundary set it.
    if (!reachedBoundary || !(await options.deepen())) return commits[commits.length - 1]?.sha ?? (await git.head());
    history.forget();
  }
}

/** The history of the source files, read once however many images an overlay sets. */
class History {
  private readonly logs = new Map<string, Promise<{ sha: string }[]>>();
  private readonly texts = new Map<string, Promise<string | undefined>>();
  constructor(
    readonly git: GitOperations,
    private readonly max: number,
  ) {}
  commits(file: string): Promise<{ sha: string }[]> {
    const log = this.logs.get(file) ?? this.git.log({ paths: [file], max: this.max });
    this.logs.set(file, log);
    return log;
  }
  parentText(sha: string, file: string): Promise<string | undefined> {
    const key = `${sha}:${file}`;
    const text = this.texts.get(key) ?? this.git.fileAt(`${sha}^`, file);
    this.texts.set(key, text);
    return text;
  }
  /** More history was fetched: what was read at the old boundary may have changed. */
  forget(): void {
    this.logs.clear();
    this.texts.clear();
  }
}

/** Images as promoted subjects. */
export function imageSubjects(images: readonly SourceImage[]): PromotedSubject[] {
  return images.map((image) => ({
    kind: 'image' as const,
    subject: image.name,
    value: render(image.name, image.value),
    files: image.files,
    holds: (text, file) => imageIn(text, file, image),
  }));
}

/** Where each subject's value came from in the source, with its recorded verdict. */
export async function sourceDeployments(
  git: GitOperations,
  subjects: readonly PromotedSubject[],
  options: VerificationOptions,
): Promise<SourceDeployment[]> {
  const deployments: SourceDeployment[] = [];
  const history = new History(git, options.maxCommits ?? 1000);
  for (const subject of subjects) {
    let newest: { commit: string; committedAt: Date } | undefined;
    for (const file of subject.files) {
      const commit = await commitThatSet(history, file, subject, options);
      const committedAt = await git.committedAt(commit);
      if (!newest || committedAt > newest.committedAt) newest = { commit, committedAt };
    }
    if (!newest) continue;
    const verdicts = await readVerdicts(git, newest.commit);
    deployments.push({
      kind: subject.kind,
      image: subject.subject,
      value: subject.value,
      ...newest,
      verdict: latestVerdict(verdicts, options.environment),
      unnamedVerdicts: verdicts.filter((verdict) => verdict.environment === undefined).length,
    });
  }
  return deployments;
}

/** `45s`, `10m`, `1.5h`: how long, as soak is written. */
export function formatSoak(ms: number): string {
  if (ms < 60_000) return `${Math.floor(ms / 1000)}s`;
  return ms < 3_600_000 ? `${Math.floor(ms / 60_000)}m` : `${Number((ms / 3_600_000).toFixed(1))}h`;
}

/** `verified`: a Successful verdict for the commit; `soakMs`: run at least that long. */
export function verificationRefusals(
  deployments: readonly SourceDeployment[],
  rules: { environment: string; verified: boolean; soakMs?: number; now: Date },
): Refusal[] {
  const refusals: Refusal[] = [];
  for (const deployment of deployments) {
    const at = `${rules.environment} commit ${deployment.commit.slice(0, 12)}`;
    if (rules.verified && deployment.verdict?.verdict !== 'Successful') {
      const detail = deployment.verdict
        ? `the health gate recorded ${deployment.verdict.verdict} for ${at} (${deployment.value}) at ${deployment.verdict.checkedAt.toISOString()}`
        : `no health-gate verdict is recorded for ${at} (${deployment.value}) in refs/notes/aegis${deployment.unnamedVerdicts ? ` (only ${deployment.unnamedVerdicts} without an environment: set health-gate's environment to '${rules.environment}')` : ''}; run health-gate with repository, rollback-commit and environment '${rules.environment}'`;
      refusals.push({ subject: deployment.image, kind: deployment.kind, rule: RULE.unverified, detail });
    }
    if (rules.soakMs !== undefined) {
      const ranMs = rules.now.getTime() - deployment.committedAt.getTime();
      if (ranMs < rules.soakMs) {
        refusals.push({
          subject: deployment.image,
          kind: deployment.kind,
          rule: RULE.soak,
          detail: `${rules.environment} has run ${deployment.value} for ${formatSoak(Math.max(0, ranMs))} (since ${deployment.committedAt.toISOString()}, ${at}); soak needs ${formatSoak(rules.soakMs)}: promote after ${new Date(deployment.committedAt.getTime() + rules.soakMs).toISOString()}`,
        });
      }
    }
  }
  return refusals;
}
