/** "Did you mean …?": the closest name to a mistyped one, or undefined when none is close. */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Up to a third of the name may be wrong (at least one edit), as with most CLIs' suggestions. */
function tolerance(name: string): number {
  return Math.max(1, Math.floor(name.length / 3));
}

/**
 * The candidate closest to `name` (ignoring case and `_` versus `-`), when it is within
 * tolerance; on a tie the first in `candidates` order.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const normal = (text: string) => text.toLowerCase().replace(/_/g, '-');
  const wanted = normal(name);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normal(candidate));
    if (distance <= tolerance(wanted) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
