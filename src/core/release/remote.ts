/** Where a release is pushed: the workspace's git remote, its credentials kept out of every log and argv. */
import { InputError } from '../errors.js';
import { Git } from '../git/git.js';
import { describeRemote, withoutCredentials } from '../git/remote.js';

export interface ReleaseRemote {
  /** The remote's URL without credentials (changelog links, the forge project); undefined with no remote. */
  origin?: string;
  /** What git pushes to: with a forge token over http(s) the URL itself (the remote's own credentials stay out); else the remote's name. */
  push?: string;
  /** Environment of the git processes that push (the forge token as an auth header). */
  env?: Record<string, string>;
  /** Values to register as secrets before anything is logged. */
  secrets: string[];
}

/** The workspace's remote `name` (undefined: keep everything local), and how to push to it with `forgeToken`. */
export async function releaseRemote(workspace: string, name: string | undefined, forgeToken: string | undefined): Promise<ReleaseRemote> {
  if (!name) return { secrets: [] };
  const configured = await new Git(workspace).remoteUrl(name);
  if (!configured) throw new InputError('remote', name, "a git remote of the workspace, or 'none'");
  const { url: origin, password } = withoutCredentials(configured);
  const described = forgeToken && /^https?:\/\//.test(origin) ? describeRemote(origin, { token: forgeToken }, workspace) : undefined;
  return {
    origin,
    push: described ? described.url : name,
    env: described?.env,
    secrets: [...(password ? [password] : []), ...(described?.secrets ?? [])],
  };
}
