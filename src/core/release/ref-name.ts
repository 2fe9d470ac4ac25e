/**
 * The rules of `git check-ref-format` (git-check-ref-format(1)) for a full ref name such as
 * `refs/heads/main`, as a pure function: names are checked before anything runs. Returns the
 * rule a name breaks, or undefined when git accepts it.
 */
export function refNameProblem(ref: string): string | undefined {
  if (ref === '@') return 'is the single character @';
  if (ref.startsWith('/') || ref.endsWith('/')) return 'begins or ends with /';
  if (ref.includes('//')) return 'contains consecutive slashes';
  if (ref.endsWith('.')) return 'ends with a dot';
  if (ref.includes('..')) return 'contains ..';
  if (ref.includes('@{')) return 'contains @{';
  // Control characters, DEL, space, ~ ^ : ? * [ and backslash.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what git refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return 'contains a space, a control character or one of ~ ^ : ? * [ \\';
  for (const component of ref.split('/')) {
    if (component.startsWith('.')) return `has a component starting with a dot (${component})`;
    if (component.endsWith('.lock')) return `has a component ending with .lock (${component})`;
  }
  return undefined;
}
