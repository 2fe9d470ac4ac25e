/**
 * PEP 440 versions, as far as metadata-action's `type=pep440` rule needs them: validity, the
 * normalised form, the release segments and the pre/post/dev flags. The grammar is the one
 * PEP 440 gives in its appendix ("Parsing version strings with regular expressions").
 */
const PEP440 =
  /^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_.]?(?<preL>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?<preN>[0-9]+)?)?(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

export interface Pep440Version {
  epoch: number;
  release: number[];
  pre?: { label: 'a' | 'b' | 'rc'; number: number };
  post?: number;
  dev?: number;
  local?: string;
}

export function parsePep440(text: string): Pep440Version | undefined {
  const groups = PEP440.exec(text)?.groups;
  if (!groups) return undefined;
  const preLabel = groups.preL?.toLowerCase();
  const pre = preLabel
    ? {
        label: (preLabel === 'alpha' ? 'a' : preLabel === 'beta' ? 'b' : ['c', 'pre', 'preview'].includes(preLabel) ? 'rc' : preLabel) as
          | 'a'
          | 'b'
          | 'rc',
        number: Number(groups.preN ?? 0),
      }
    : undefined;
  const post = groups.post ? Number(groups.postN1 ?? groups.postN2 ?? 0) : undefined;
  return {
    epoch: Number(groups.epoch ?? 0),
    release: (groups.release as string).split('.').map(Number),
    pre,
    post,
    dev: groups.dev ? Number(groups.devN ?? 0) : undefined,
    local: groups.local?.toLowerCase().replace(/[-_]/g, '.'),
  };
}

/** The normalised form (PEP 440 "Normalization"), e.g. `1.1beta2` -> `1.1b2`, `v1.0dev4` -> `1.0.dev4`. */
export function normalizePep440(version: Pep440Version): string {
  return [
    version.epoch ? `${version.epoch}!` : '',
    version.release.join('.'),
    version.pre ? `${version.pre.label}${version.pre.number}` : '',
    version.post !== undefined ? `.post${version.post}` : '',
    version.dev !== undefined ? `.dev${version.dev}` : '',
    version.local ? `+${version.local}` : '',
  ].join('');
}

export function isFinalPep440(version: Pep440Version): boolean {
  return !version.pre && version.post === undefined && version.dev === undefined;
}
