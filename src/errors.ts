/**
 * A problem with what the user gave us (command line, config, ruleset, unreadable input).
 * The CLI prints it without a stack trace and exits with status 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "UsageError";
  }

  /** `file:line: message`, the form editors and terminals make clickable. */
  describe(): string {
    if (!this.file) return this.message;
    return `${this.file}${this.line ? `:${this.line}` : ""}: ${this.message}`;
  }
}
