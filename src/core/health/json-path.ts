import type { Value } from './expression.js';

/**
 * The JSONPath subset health checks need to pick one value out of a JSON response:
 * `$`, `.field`, `['field']` / `["field"]`, `[index]` (negative counts from the end).
 * The kubectl/Argo Rollouts spelling with braces (`{$.data.ok}`) is accepted too.
 * Filters and wildcards are refused rather than half-supported.
 */
export type PathStep = string | number;

export function parseJsonPath(source: string): PathStep[] {
  let path = source.trim();
  if (path.startsWith('{') && path.endsWith('}')) path = path.slice(1, -1).trim();
  if (!path.startsWith('$')) throw new Error(`a JSONPath starts with '$', got ${JSON.stringify(source)}`);
  const steps: PathStep[] = [];
  let index = 1;
  while (index < path.length) {
    const rest = path.slice(index);
    const field = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
    const quoted = /^\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/.exec(rest);
    const position = /^\[\s*(-?\d+)\s*\]/.exec(rest);
    if (field) {
      steps.push(field[1] as string);
      index += field[0].length;
    } else if (quoted) {
      steps.push((quoted[2] as string).replace(/\\(.)/g, '$1'));
      index += quoted[0].length;
    } else if (position) {
      steps.push(Number(position[1]));
      index += position[0].length;
    } else {
      throw new Error(
        `unsupported JSONPath syntax at ${JSON.stringify(rest.slice(0, 20))} in ${JSON.stringify(source)} (supported: $.field, ['field'], [index])`,
      );
    }
  }
  return steps;
}

/** The value at `steps`, or null when any step is missing. */
export function selectJsonPath(document: Value, steps: readonly PathStep[]): Value {
  let current: Value = document;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return null;
      const index = step < 0 ? current.length + step : step;
      current = (current[index] as Value | undefined) ?? null;
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step)) return null;
      current = current[step] as Value;
    }
  }
  return current;
}
