/** Where a message points to, for platforms that render file/line annotations. */
export interface SourceLocation {
  file: string;
  line?: number;
}

/**
 * The logging surface the core sees. Platforms implement it (GitHub workflow commands,
 * GitLab sections, plain stderr locally) and redact registered secrets before printing.
 */
export interface Log {
  info(message: string): void;
  warning(message: string, location?: SourceLocation): void;
  error(message: string, location?: SourceLocation): void;
  debug(message: string): void;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
}

/** A log that drops everything: for pure callers and tests that do not care. */
export const silentLog: Log = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: (_title, body) => body(),
};
