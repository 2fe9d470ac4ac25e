/**
 * What a failed git command against a remote says, for a person: git's own boilerplate
 * dropped, the server's (or its hook's) text kept, and a hint where the cause is ours to name.
 */
import { neutralizeLogText } from '../markdown.js';

const BOILERPLATE = [
  /^fatal: Could not read from remote repository\.?$/,
  /^Please make sure you have the correct access rights$/,
  /^and the repository exists\.?$/,
  /^To \S+$/,
  /^Done$/,
];

const HINTS: [RegExp, string][] = [
  [
    /Host key verification failed|No \w+ host key is known|REMOTE HOST IDENTIFICATION HAS CHANGED/,
    "the ssh host key is not known: add the host's key to ssh-known-hosts (github.com and gitlab.com are built in), or set ssh-accept-new: true to trust the first key",
  ],
  [/Permission denied \(publickey/, 'the ssh key was refused: check ssh-key and that it has access to the repository'],
];

/** The meaningful lines of git's stderr (at most `limit`), joined for one log line. */
export function remoteFailureText(stderr: string, limit = 4): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line && !BOILERPLATE.some((pattern) => pattern.test(line)));
  const text = lines.slice(-limit).join(' ');
  const hint = HINTS.find(([pattern]) => pattern.test(stderr))?.[1];
  return neutralizeLogText(hint ? `${text} (${hint})` : text);
}
