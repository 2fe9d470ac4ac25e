/** The source commit's time, recorded at bump time (Aegis-Source-Time) so lead time needs no access to the source repository later. */
import { Git } from '../git/git.js';
import type { Remote } from '../git/remote.js';
import { sourceTimeResolver } from './dora.js';
import { cloneGitops, readHistory } from './repository.js';
import { eventsByTarget, sameImage } from './status.js';

export { parseTime } from './history.js';

/** `2026-01-31T12:00:00Z`: UTC, whole seconds. */
export function isoSeconds(time: number): string {
  return new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Committer time of `commit` in the checkout at `dir`, when it is a git checkout holding it; undefined otherwise. */
export async function commitTime(dir: string, commit: string | undefined): Promise<string | undefined> {
  if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return undefined;
  try {
    const date = await new Git(dir).commitDate(commit);
    return date === undefined ? undefined : isoSeconds(Math.floor(date.getTime() / 1000));
  } catch {
    return undefined;
  }
}

/**
 * For promote: the source time of each image the source environment runs, read from the
 * deployment that put it there (its Aegis-Source-Time, or that of the deployment it was
 * promoted from). One treeless clone and one `git log`; images without one are left out.
 */
export async function readSourceTimes(
  remote: Remote,
  branch: string,
  commit: string,
  environment: string,
  images: ReadonlyArray<{ name: string; reference: string }>,
): Promise<Map<string, string>> {
  const clone = await cloneGitops(remote, branch, 'log-only');
  try {
    const history = await readHistory(clone.git, (await clone.git.hasCommit(commit)) ? commit : 'HEAD');
    const groups = eventsByTarget(history.events);
    const resolve = sourceTimeResolver(groups);
    const times = new Map<string, string>();
    for (const image of images) {
      const events = groups.get(`${environment}\0${image.name}`) ?? [];
      const last = [...events].reverse().find((event) => !event.reverts && sameImage(event.reference, image.reference));
      const time = last ? resolve(last) : undefined;
      if (time !== undefined) times.set(image.name, isoSeconds(time));
    }
    return times;
  } finally {
    clone.close();
  }
}
