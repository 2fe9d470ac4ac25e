/** A Git trailer (`Key: value` in the last paragraph), how stages record provenance. */
export interface Trailer {
  key: string;
  value: string;
}

/** Trailers of a commit message: the last paragraph, when every line of it is `Key: value`. */
export function parseTrailers(message: string): Trailer[] {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? (paragraphs[paragraphs.length - 1] as string) : '';
  const lines = last.split('\n').filter(Boolean);
  const trailers = lines.map((line) => /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line));
  if (trailers.length === 0 || trailers.some((match) => !match)) return [];
  return trailers.map((match) => ({ key: (match as RegExpExecArray)[1] as string, value: (match as RegExpExecArray)[2] as string }));
}
