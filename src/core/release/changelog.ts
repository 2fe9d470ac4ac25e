import { forgeLocation } from '../git/remote.js';
import type { ConventionalCommit } from './commits.js';

/** Where links point: `https://github.com/o/r` or `https://gitlab.com/g/p` (no `.git`). */
export interface RepositoryLinks {
  url: string;
  kind: 'github' | 'gitlab';
}

export interface NotesInput {
  version: string;
  tag: string;
  previousTag?: string;
  /** Newest first, as git log gives them. */
  commits: readonly ConventionalCommit[];
  /** YYYY-MM-DD. */
  date: string;
  links?: RepositoryLinks;
  /** Types shown and their section titles, in order. */
  sections?: ReadonlyArray<readonly [type: string, title: string]>;
}

export const DEFAULT_SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['feat', 'Features'],
  ['feature', 'Features'],
  ['fix', 'Bug Fixes'],
  ['perf', 'Performance Improvements'],
  ['revert', 'Reverts'],
];

/** `https://host/o/r(.git)` or `git@host:o/r.git` as a browsable https URL; undefined for local paths. */
export function browsableUrl(remote: string): string | undefined {
  const location = forgeLocation(remote);
  return location && `https://${location.host}/${location.path}`;
}

function commitUrl(links: RepositoryLinks, hash: string): string {
  return `${links.url}${links.kind === 'gitlab' ? '/-' : ''}/commit/${hash}`;
}

function compareUrl(links: RepositoryLinks, from: string, to: string): string {
  return `${links.url}${links.kind === 'gitlab' ? '/-' : ''}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
}

/** One release's notes: heading, breaking changes first, then one section per visible type. */
export function renderReleaseNotes(input: NotesInput): string {
  const { links } = input;
  const heading =
    links && input.previousTag
      ? `## [${input.version}](${compareUrl(links, input.previousTag, input.tag)}) (${input.date})`
      : `## ${input.version} (${input.date})`;
  const item = (commit: ConventionalCommit, text: string) => {
    const short = commit.hash.slice(0, 7);
    const ref = links ? `([${short}](${commitUrl(links, commit.hash)}))` : `(${short})`;
    return `* ${commit.scope ? `**${commit.scope}:** ` : ''}${text} ${ref}`;
  };
  const blocks: string[] = [heading];
  const breaking = input.commits.flatMap((commit) => commit.breakingNotes.map((note) => item(commit, note.replace(/\n+/g, ' '))));
  if (breaking.length > 0) blocks.push(`### ⚠ BREAKING CHANGES\n\n${breaking.join('\n')}`);
  const sections = input.sections ?? DEFAULT_SECTIONS;
  const titles = [...new Set(sections.map(([, title]) => title))];
  for (const title of titles) {
    const types = new Set(sections.filter(([, t]) => t === title).map(([type]) => type));
    const entries = input.commits.filter((commit) => commit.type && types.has(commit.type)).map((commit) => item(commit, commit.subject));
    if (entries.length > 0) blocks.push(`### ${title}\n\n${entries.join('\n')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

const TITLE = '# Changelog';

/**
 * CHANGELOG.md with `notes` as the newest entry, under the title and before older entries.
 * Returns the text unchanged when an entry for `version` is already there (a resumed run).
 */
export function prependChangelog(existing: string | undefined, version: string, notes: string): string {
  const text = existing ?? '';
  const escaped = version.replace(/[.+]/g, '\\$&');
  if (new RegExp(`^##\\s+\\[?${escaped}\\]?(?:[\\s(]|$)`, 'm').test(text)) return text;
  if (!text.trim()) return `${TITLE}\n\n${notes}`;
  const firstEntry = /^## /m.exec(text);
  if (firstEntry) return `${text.slice(0, firstEntry.index)}${notes}\n${text.slice(firstEntry.index)}`;
  return `${text.replace(/\s*$/, '')}\n\n${notes}`;
}
