import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { appendFileSafely } from '../fs/safe-write.js';

/** The checkout holding `dir` and its `info/exclude` file (in the common git dir of a worktree); undefined outside git. */
function findCheckout(dir: string): { topLevel: string; exclude: string } | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) {
      let gitDir = dotGit;
      if (statSync(dotGit).isFile()) {
        const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
        if (!pointer) return undefined;
        gitDir = resolve(current, pointer);
      }
      const commonFile = join(gitDir, 'commondir');
      const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
      return { topLevel: current, exclude: join(common, 'info', 'exclude') };
    }
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Adds `/<path>/` (relative to the checkout's top level) to the checkout's `.git/info/exclude`
 * once, so that `git status`, `git add -A` and clean-tree checks never see it. Reads the git
 * layout from disk (no git process): callers need it synchronously. Outside a checkout: nothing.
 */
export function excludeFromCheckout(path: string): void {
  const checkout = findCheckout(dirname(resolve(path)));
  if (!checkout) return;
  const rel = relative(checkout.topLevel, resolve(path)).split('\\').join('/');
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  const pattern = `/${rel}/`;
  const current = existsSync(checkout.exclude) ? readFileSync(checkout.exclude, 'utf8') : '';
  if (current.split(/\r?\n/).includes(pattern)) return;
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  appendFileSafely(checkout.exclude, `${separator}# aegis: job outputs and artifacts\n${pattern}\n`);
}
