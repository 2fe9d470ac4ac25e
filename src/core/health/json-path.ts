import type { Value } from './expression.js';

/**
 * The JSONPath subset health checks need to pick one value out of a JSON response, in the
 * kubectl/Argo Rollouts spelling (`{$.data.ok}`, `{.data.ok}`) or bare (`$.data.ok`):
 * `$`, `.field`, `['field']` / `["field"]`, `[index]` (negative counts from the end).
 * Filters, wildcards, ranges and recursive descent are refused, naming the construct.
 */
export type PathStep = string | number;

export function parseJsonPath(source: string): PathStep[] {
  let path = source.trim();
  if (path.startsWith('{') && path.endsWith('}')) path = path.slice(1, -1).trim();
  if (path.startsWith('.')) path = `$${path}`;
  if (!path.startsWith('$')) throw new Error(`a JSONPath starts with '$' or '.', got ${JSON.stringify(source)}`);
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
      const construct = rest.startsWith('..')
        ? 'recursive descent (..)'
        : /^\.?\*|^\[\s*\*/.test(rest)
          ? 'wildcards (*)'
          : /^\[\s*\?/.test(rest)
            ? 'filters ([?(…)])'
            : /^\[[^\]]*:/.test(rest)
              ? 'ranges ([a:b])'
              : /^\[[^\]]*,/.test(rest)
                ? 'unions ([a,b])'
                : `${JSON.stringify(rest.slice(0, 20))}`;
      throw new Error(`unsupported JSONPath syntax: ${construct} in ${JSON.stringify(source)} (supported: $.field, ['field'], [index])`);
    }
  }
  return steps;
}

/** The value at `steps`, or why it is not there (kubectl's "… is not found" wording). */
export function findJsonPath(
  document: Value,
  steps: readonly PathStep[],
): { found: true; value: Value } | { found: false; message: string } {
  let current: Value = document;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current))
        return { found: false, message: `[${step}] needs a list, found ${current === null ? 'null' : typeof current}` };
      const index = step < 0 ? current.length + step : step;
      if (index < 0 || index >= current.length)
        return { found: false, message: `array index out of bounds: index ${step}, length ${current.length}` };
      current = current[index] as Value;
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step)) {
        return { found: false, message: `${step} is not found` };
      }
      current = current[step] as Value;
    }
  }
  return { found: true, value: current };
}

/** The value at `steps`, or null when any step is missing. */
export function selectJsonPath(document: Value, steps: readonly PathStep[]): Value {
  const found = findJsonPath(document, steps);
  return found.found ? found.value : null;
}
