/**
 * Replaces every registered secret in text. Used by every logger and output writer, so a
 * token echoed back by git or an HTTP error never reaches a log line on any platform.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(value: string): void {
    const trimmed = value.trim();
    // Very short values would redact ordinary words; GitHub ignores them for the same reason.
    if (trimmed.length < 4) return;
    this.secrets.add(trimmed);
    // Secrets also leak encoded: in URLs and Basic auth headers.
    this.secrets.add(encodeURIComponent(trimmed));
    this.secrets.add(Buffer.from(trimmed).toString('base64'));
  }

  redact(text: string): string {
    let result = text;
    // Longest first so a secret containing another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('***');
    }
    return result;
  }
}
