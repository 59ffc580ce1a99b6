import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { CONFIG_NAMES } from "../config/config.js";
import { UsageError } from "../errors.js";
import { isImageFile, isTextFile } from "../sources/index.js";

/** Never drafts: dependency and VCS folders, and postguard's own config files. */
const ALWAYS_SKIPPED = new Set(["node_modules", ".git", ...CONFIG_NAMES]);
const GLOB_CHARS = /[*?[\]{}]/;

export interface CollectedFiles {
  /** The files to lint, sorted, without duplicates. */
  files: string[];
  /** Files named on the command line that the config's `ignore` skips (ESLint warns about these). */
  ignored: string[];
}

/** Folders, globs and files named on the command line → the files to lint. */
export function collectFiles(
  args: readonly string[],
  cwd: string,
  ignoreGlobs: readonly string[],
  baseDir: string,
): CollectedFiles {
  const configIgnore = ignore().add([...ignoreGlobs]);
  const isIgnored = (path: string) => {
    const rel = relative(baseDir, path);
    return rel !== "" && !rel.startsWith("..") && configIgnore.ignores(rel.split(sep).join("/"));
  };
  const files = new Set<string>();
  const ignored: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) walk(path, [], isIgnored, () => true, files);
      else if (isIgnored(path)) ignored.push(path);
      else files.add(path);
      continue;
    }
    if (!GLOB_CHARS.test(arg)) {
      throw new UsageError(`no such file or folder: ${arg}; check the path`);
    }
    const base = resolve(cwd, picomatch.scan(arg).base || ".");
    const matches = picomatch(resolve(cwd, arg).split(sep).join("/"), { dot: false });
    const before = files.size;
    if (existsSync(base))
      walk(base, [], isIgnored, (file) => matches(file.split(sep).join("/")), files);
    if (files.size === before) throw new UsageError(`no files match the pattern "${arg}"`);
  }
  return { files: [...files].sort(), ignored };
}

interface GitIgnore {
  dir: string;
  rules: Ignore;
}

function walk(
  dir: string,
  inherited: GitIgnore[],
  isIgnored: (path: string) => boolean,
  accept: (path: string) => boolean,
  into: Set<string>,
): void {
  const gitignores = [...inherited];
  const gitignorePath = join(dir, ".gitignore");
  if (existsSync(gitignorePath)) {
    gitignores.push({ dir, rules: ignore().add(readFileSync(gitignorePath, "utf8")) });
  }
  const gitIgnored = (path: string, isDir: boolean) =>
    gitignores.some(({ dir: root, rules }) => {
      const rel = relative(root, path).split(sep).join("/");
      return rel !== "" && rules.ignores(isDir ? `${rel}/` : rel);
    });

  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (ALWAYS_SKIPPED.has(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (isIgnored(path) || gitIgnored(path, entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(path, gitignores, isIgnored, accept, into);
    else if (entry.isFile() && (isTextFile(path) || isImageFile(path)) && accept(path))
      into.add(path);
  }
}
