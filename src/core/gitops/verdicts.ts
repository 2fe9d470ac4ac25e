/**
 * Verdicts recorded in Git: health-gate appends its verdict for the GitOps commit it watched as
 * a note under `refs/notes/aegis` (a paragraph of `Aegis-Verdict`, `Aegis-Environment`,
 * `Aegis-Checked-At` lines), and promote reads it back to require a verified source. Notes
 * need no forge API, travel with the repository (GitHub and GitLab both keep them) and never
 * change a commit; the notes ref is pushed with the same race-retry loop as every GitOps write.
 */
import { tmpdir } from 'node:os';
import { createPrivateDir, removePrivateDir } from '../cleanup.js';
import { AegisError } from '../errors.js';
import { Git, type GitOperations, type Identity, isRaceRejection, mustSucceed } from '../git/git.js';
import type { Remote } from '../git/remote.js';
import { raceBackoffMs, sleep } from '../git/transaction.js';
import type { Log } from '../log.js';
import { MEASUREMENT_PHASES, type MeasurementPhase } from '../verdict.js';
import { TRAILER } from './commit-message.js';

/** `git notes --ref=aegis`: the notes ref every verdict goes to. */
export const VERDICT_NOTES = 'aegis';
export const VERDICT_NOTES_REF = `refs/notes/${VERDICT_NOTES}`;

export interface Verdict {
  verdict: MeasurementPhase;
  /** The environment the health gate watched; absent when health-gate's `environment` was not set. */
  environment?: string;
  checkedAt: Date;
  sourceRun?: string;
}

const single = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One note paragraph for one verdict. */
export function verdictNote(verdict: Verdict): string {
  const lines = [`${TRAILER.verdict}: ${verdict.verdict}`];
  if (verdict.environment) lines.push(`${TRAILER.environment}: ${single(verdict.environment)}`);
  lines.push(`${TRAILER.checkedAt}: ${verdict.checkedAt.toISOString()}`);
  if (verdict.sourceRun) lines.push(`${TRAILER.sourceRun}: ${single(verdict.sourceRun)}`);
  return `${lines.join('\n')}\n`;
}

/** Every verdict in a note, oldest first (appended paragraphs); paragraphs that are not one are ignored. */
export function parseVerdictNote(text: string): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of paragraph.split('\n')) {
      const match = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trim());
      if (match) fields.set(match[1] as string, (match[2] as string).trim());
    }
    const verdict = MEASUREMENT_PHASES.find((phase) => phase === fields.get(TRAILER.verdict));
    const checkedAt = new Date(fields.get(TRAILER.checkedAt) ?? '');
    if (!verdict || Number.isNaN(checkedAt.getTime())) continue;
    verdicts.push({
      verdict,
      checkedAt,
      ...(fields.get(TRAILER.environment) ? { environment: fields.get(TRAILER.environment) } : {}),
      ...(fields.get(TRAILER.sourceRun) ? { sourceRun: fields.get(TRAILER.sourceRun) } : {}),
    });
  }
  return verdicts;
}

/** The newest verdict recorded for `environment`, or undefined. */
export function latestVerdict(verdicts: readonly Verdict[], environment: string): Verdict | undefined {
  return verdicts
    .filter((verdict) => verdict.environment === environment)
    .reduce<Verdict | undefined>((latest, verdict) => (!latest || verdict.checkedAt >= latest.checkedAt ? verdict : latest), undefined);
}

/** Fetches the remote's verdict notes into `git` (nothing when it has none yet); false when the remote has none. */
export async function fetchVerdicts(git: GitOperations, remoteUrl: string): Promise<boolean> {
  const listed = await git.remoteRefs(remoteUrl, [VERDICT_NOTES_REF]);
  if (!listed.ok) throw new AegisError(`Could not list ${VERDICT_NOTES_REF} of ${remoteUrl}: ${listed.stderr.trim().split('\n').pop()}`);
  if (!listed.refs.some((ref) => ref.ref === VERDICT_NOTES_REF)) {
    await git.deleteRef(VERDICT_NOTES_REF);
    return false;
  }
  mustSucceed(await git.fetch(remoteUrl, [`+${VERDICT_NOTES_REF}:${VERDICT_NOTES_REF}`], { writeFetchHead: false }));
  return true;
}

/** The verdicts recorded for `commit` in the fetched notes. */
export async function readVerdicts(git: GitOperations, commit: string): Promise<Verdict[]> {
  const note = await git.note(VERDICT_NOTES, commit);
  return note === undefined ? [] : parseVerdictNote(note);
}

export interface RecordVerdictOptions {
  remote: Remote;
  /** The branch holding `commit`; read only when `commit` is abbreviated. */
  branch: string;
  /** The GitOps commit the health gate watched (rollback-commit), full or abbreviated. */
  commit: string;
  verdict: Verdict;
  author: Identity;
  maxAttempts: number;
  log: Log;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
}

/**
 * Appends the verdict to the commit's note and pushes the notes ref. A push lost to another
 * writer fetches the new notes tip and appends again (never a force push), with the backoff
 * of every GitOps write.
 */
export async function recordVerdict(options: RecordVerdictOptions): Promise<{ commit: string; attempts: number }> {
  const { remote, log } = options;
  // Registered, so that a cancel removes it too.
  const dir = createPrivateDir(tmpdir(), 'aegis-verdict-');
  const git = new Git(dir, remote.env);
  try {
    await git.init();
    const commit = await fullCommit(git, remote.url, options.branch, options.commit);
    const text = verdictNote(options.verdict);
    for (let attempt = 1; ; attempt++) {
      await fetchVerdicts(git, remote.url);
      await git.appendNote(VERDICT_NOTES, commit, text, options.author);
      const push = await git.push(remote.url, [`${VERDICT_NOTES_REF}:${VERDICT_NOTES_REF}`], { porcelain: true });
      if (push.ok) {
        log.info(
          `Recorded ${options.verdict.verdict} for ${commit.slice(0, 12)} in ${VERDICT_NOTES_REF}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`,
        );
        return { commit, attempts: attempt };
      }
      if (!isRaceRejection(`${push.stdout}\n${push.stderr}`)) {
        throw new AegisError(`Push of ${VERDICT_NOTES_REF} failed: ${push.stderr.trim().split('\n').slice(-3).join(' ')}`);
      }
      if (attempt >= options.maxAttempts) {
        throw new AegisError(
          `Push of ${VERDICT_NOTES_REF} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${options.maxAttempts}).`,
        );
      }
      const delay = raceBackoffMs(attempt, options.backoff, options.random);
      log.info(
        `Push of ${VERDICT_NOTES_REF} lost a race (attempt ${attempt}/${options.maxAttempts}); appending on the new tip in ${delay} ms.`,
      );
      await sleep(delay);
    }
  } finally {
    removePrivateDir(dir);
  }
}

/** A full SHA as given; an abbreviated one resolved against the branch's commits (no file contents fetched). */
async function fullCommit(git: Git, url: string, branch: string, commit: string): Promise<string> {
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(commit)) return commit.toLowerCase();
  mustSucceed(await git.fetch(url, [`+refs/heads/${branch}:refs/heads/${branch}`], { filter: 'blob:none', writeFetchHead: false }));
  const full = await git.resolveCommit(commit);
  if (!full) throw new AegisError(`Commit ${commit} is not on ${branch} of ${url}; its verdict was not recorded.`);
  return full;
}
