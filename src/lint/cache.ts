import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { TextLint } from "./lint.js";

interface CacheFile {
  /** Hash of everything that decides findings besides the file: version, config, rulesets, data. */
  key: string;
  files: Record<string, { hash: string; lint: TextLint }>;
}

export const hashText = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/**
 * `--cache`: findings of files whose content has not changed since the last run with the same
 * version, config and rules. Patient text is never written to disk: the cache holds content
 * hashes and findings whose matches are already masked (so `--show-matches` runs bypass it).
 */
export class LintCache {
  private constructor(
    private readonly path: string,
    private readonly data: CacheFile,
  ) {}

  static open(path: string, key: string): LintCache {
    try {
      const data = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
      if (data.key === key && typeof data.files === "object") return new LintCache(path, data);
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new LintCache(path, { key, files: {} });
  }

  get(file: string, hash: string): TextLint | undefined {
    const entry = this.data.files[file];
    return entry?.hash === hash ? entry.lint : undefined;
  }

  set(file: string, hash: string, lint: TextLint): void {
    this.data.files[file] = { hash, lint };
  }

  save(): void {
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data));
    renameSync(temp, this.path);
  }
}
