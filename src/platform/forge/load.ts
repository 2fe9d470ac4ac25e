import type { Forge, ForgeOptions } from '../types.js';

/**
 * Imports the forge client only when a stage asks for one: Octokit and gitbeaker are the
 * largest parts of the bundle and most runs never open a pull request.
 */
export async function loadForge(options: Required<Pick<ForgeOptions, 'kind'>> & ForgeOptions): Promise<Forge> {
  if (options.kind === 'github') {
    const { GitHubForge } = await import('./github.js');
    return new GitHubForge(options.token, options.apiUrl);
  }
  const { GitLabForge } = await import('./gitlab.js');
  return new GitLabForge(options.token, options.apiUrl);
}
