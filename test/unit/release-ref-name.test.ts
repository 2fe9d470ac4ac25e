import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { refNameProblem } from '../../src/core/release/ref-name.js';

// Ground truth: git's own `git check-ref-format` (the rules of git-check-ref-format(1)) on every name.
const NAMES = [
  'refs/heads/main',
  'refs/heads/release/1.x',
  'refs/heads/main..evil',
  'refs/heads/feature/.hidden',
  'refs/heads/x.lock',
  'refs/heads/a.lock/b',
  'refs/heads/ends.',
  'refs/heads/ends/',
  'refs/heads//double',
  'refs/heads/has space',
  'refs/heads/tab\there',
  'refs/heads/tilde~1',
  'refs/heads/caret^',
  'refs/heads/colon:x',
  'refs/heads/what?',
  'refs/heads/star*',
  'refs/heads/[bracket',
  'refs/heads/back\\slash',
  'refs/heads/at@{1}',
  'refs/heads/at@sign',
  'refs/heads/-leading-dash',
  'refs/tags/v1.0.0',
  'refs/tags/lib-a/v1.0.0',
  'refs/tags/--no-sign1.0.0',
  'refs/tags/v..1.0.0',
  'refs/tags/@',
  '@',
  'refs/tags/ünïcode/v1',
  'refs/heads/del\x7f',
  'refs/heads/dot.in.middle',
];

function gitAccepts(ref: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', ref], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('ref names are checked by the rules of git check-ref-format', () => {
  test.each(NAMES.map((name) => [JSON.stringify(name), name]))('%s', (_label, name) => {
    expect(refNameProblem(name) === undefined).toBe(gitAccepts(name));
  });
});
