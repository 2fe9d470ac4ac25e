import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git, mustSucceed } from './git.js';
import type { Remote } from './remote.js';

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * Answers "does `revision` contain `commit`?" for a remote branch, from a blobless bare clone
 * made on first use and fetched again only when a revision is not known yet.
 */
export class CommitHistory {
  private git?: Git;
  private dir?: string;

  constructor(
    private readonly remote: Remote,
    private readonly branch: string,
  ) {}

  async includes(revision: string, commit: string): Promise<boolean> {
    if (!SHA.test(revision) || !SHA.test(commit)) return false;
    const git = await this.open();
    if (!(await this.known(git, revision))) {
      await git.fetch('origin', [`+refs/heads/${this.branch}:refs/heads/${this.branch}`], { filter: 'blob:none' });
      if (!(await this.known(git, revision))) return false;
    }
    return git.isAncestor(commit, revision);
  }

  close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.git = undefined;
  }

  private async open(): Promise<Git> {
    if (this.git) return this.git;
    this.dir = mkdtempSync(join(tmpdir(), 'aegis-history-'));
    const git = new Git(this.dir, this.remote.env);
    mustSucceed(await git.clone(this.remote.url, { branch: this.branch, bare: true, filter: 'blob:none' }));
    this.git = git;
    return git;
  }

  private async known(git: Git, revision: string): Promise<boolean> {
    return git.hasCommit(revision);
  }
}
