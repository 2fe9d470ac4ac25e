import { describe, expect, test } from 'vitest';
import { parseTrailers } from '../../src/core/git/trailers.js';
import { buildCommitMessage, renderTemplate } from '../../src/core/gitops/commit-message.js';

describe('commit messages', () => {
  test('trailers round-trip', () => {
    const trailers = [
      { key: 'Aegis-Image', value: 'api=registry:5000/api:1.4.3@sha256:' + 'a'.repeat(64) },
      { key: 'Aegis-Environment', value: 'dev' },
    ];
    const message = buildCommitMessage('chore: bump', 'Files:\n- a.yaml', trailers);
    expect(message).toBe(`chore: bump\n\nFiles:\n- a.yaml\n\nAegis-Image: ${trailers[0]?.value}\nAegis-Environment: dev\n`);
    expect(parseTrailers(message)).toEqual(trailers);
  });
  test('newlines in the subject or a trailer value cannot break the trailer block', () => {
    const message = buildCommitMessage('a\nb', '', [{ key: 'Aegis-Environment', value: 'dev\nEvil: yes' }]);
    expect(parseTrailers(message)).toEqual([{ key: 'Aegis-Environment', value: 'dev Evil: yes' }]);
    expect(message.split('\n')[0]).toBe('a b');
  });
  test('a message without a trailer paragraph has none', () => {
    expect(parseTrailers('subject\n\nJust prose: here is a colon\nand more')).toEqual([]);
    expect(parseTrailers('Key: value')).toEqual([]);
  });
  test.each([
    ['bump {images} in {environment}', { images: 'api=1.2', environment: 'dev' }, 'bump api=1.2 in dev'],
    ['bump {unknown}', {}, 'bump {unknown}'],
  ])('renderTemplate %s', (template, values, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });
});
