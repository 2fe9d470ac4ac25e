/** One commit read as a Conventional Commit (https://www.conventionalcommits.org/en/v1.0.0/). */
export interface ConventionalCommit {
  hash: string;
  /** First line of the message. */
  header: string;
  /** Lower-cased type (`feat`, `fix`, …); undefined when the header is not conventional. */
  type?: string;
  scope?: string;
  subject: string;
  /** `!` in the header or a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer. */
  breaking: boolean;
  /** Texts of the breaking-change footers (or the subject for a bare `!`), for the changelog. */
  breakingNotes: string[];
  /** Value of a `Release-As:` footer, unvalidated (the planner says which commit carries a bad one). */
  releaseAs?: string;
  /** A `git revert` commit (`Revert "…"` header). */
  revert: boolean;
  /** The commit a revert undoes (`This reverts commit <hash>.`), as conventional-changelog's parser reads it. */
  reverts?: string;
}

const HEADER = /^(\w[\w-]*)(?:\(([^()\r\n]*)\))?(!)?: (.+)$/;
const REVERT_HEADER = /^(?:Revert|revert:)\s"?([\s\S]+?)"?$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE:\s*([\s\S]*)$/;
const FOOTER_TOKEN = /^([A-Za-z][\w-]*|BREAKING[ -]CHANGE)(?::\s|\s#)/;
const RELEASE_AS = /^Release-As:\s*(.*)$/im;
const REVERTED_HASH = /This reverts commit ([0-9a-f]{7,40})\./i;

/**
 * Parses a full commit message. Footers follow the specification: a footer starts a line
 * with `Token: ` or `Token #`, and a `BREAKING CHANGE:` footer runs until the next footer.
 */
export function parseCommit(hash: string, message: string): ConventionalCommit {
  const lines = message.replace(/\r\n/g, '\n').trim().split('\n');
  const header = (lines[0] ?? '').trim();
  const match = HEADER.exec(header);
  const revert = !match && REVERT_HEADER.test(header);
  const breakingNotes = breakingFooters(lines.slice(1));
  const bang = Boolean(match?.[3]);
  if (bang && breakingNotes.length === 0) breakingNotes.push(match?.[4] ?? header);
  const releaseAs = RELEASE_AS.exec(lines.slice(1).join('\n'))?.[1]?.trim();
  return {
    hash,
    header,
    type: match?.[1]?.toLowerCase() ?? (revert ? 'revert' : undefined),
    scope: match?.[2] || undefined,
    subject: match?.[4] ?? header,
    breaking: bang || breakingNotes.length > 0,
    breakingNotes,
    releaseAs: releaseAs === undefined ? undefined : releaseAs,
    revert,
    reverts: revert ? REVERTED_HASH.exec(message)?.[1]?.toLowerCase() : undefined,
  };
}

/**
 * Commits minus every revert whose reverted commit is also in the list, and that commit: a
 * feature added and reverted within one release is neither released nor announced. A revert of
 * something released earlier stays (it is a change). Newest first in and out, as conventional-
 * commits-filter processes them, so a revert of a revert restores the original.
 */
export function withoutRevertedPairs(commits: readonly ConventionalCommit[]): ConventionalCommit[] {
  const pending = new Map<string, ConventionalCommit>();
  const dropped = new Set<ConventionalCommit>();
  for (const commit of commits) {
    const reverter = [...pending.entries()].find(([target]) => commit.hash.startsWith(target));
    if (reverter) {
      pending.delete(reverter[0]);
      dropped.add(reverter[1]).add(commit);
      continue;
    }
    if (commit.reverts) pending.set(commit.reverts, commit);
  }
  return commits.filter((commit) => !dropped.has(commit));
}

function breakingFooters(body: string[]): string[] {
  const notes: string[] = [];
  let current: string[] | undefined;
  for (const line of body) {
    const breaking = BREAKING_FOOTER.exec(line);
    if (breaking) {
      if (current) notes.push(current.join('\n').trim());
      current = [breaking[1] ?? ''];
    } else if (current && FOOTER_TOKEN.test(line)) {
      notes.push(current.join('\n').trim());
      current = undefined;
    } else if (current) {
      current.push(line);
    }
  }
  if (current) notes.push(current.join('\n').trim());
  return notes.map((note) => note || 'breaking change');
}
