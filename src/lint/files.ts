import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { CONFIG_NAMES } from "../config/config.js";
import { UsageError } from "../errors.js";
import { isImageFile, isTextFile } from "../sources/index.js";

/** Never drafts: dependency and VCS folders, and postguard's own config files. */
const ALWAYS_SKIPPED = new Set(["node_modules", ".git", ...CONFIG_NAMES]);
const GLOB_CHARS = /[*?[\]{}]/;

const posix = (path: string) => path.split(sep).join("/");

export interface CollectedFiles {
  /** The files to lint, sorted, without duplicates. */
  files: string[];
  /** Files named on the command line that the config's `ignore` skips (ESLint warns about these). */
  ignored: string[];
}

interface GitIgnore {
  dir: string;
  rules: Ignore;
}

function readGitignore(dir: string): GitIgnore | undefined {
  const path = join(dir, ".gitignore");
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  try {
    return { dir, rules: ignore().add(readFileSync(path, "utf8")) };
  } catch (error) {
    throw new UsageError(`cannot read (${(error as NodeJS.ErrnoException).code})`, path);
  }
}

/** The .gitignore files above `dir`, up to the repository's root, outermost first. */
function ancestorGitignores(dir: string): GitIgnore[] {
  const found: GitIgnore[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    const gitignore = readGitignore(current);
    if (gitignore) found.unshift(gitignore);
    if (existsSync(join(current, ".git")) || dirname(current) === current) return found;
  }
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
    return rel !== "" && !rel.startsWith("..") && configIgnore.ignores(posix(rel));
  };
  const files = new Set<string>();
  const ignored: string[] = [];
  const walkFrom = (dir: string, accept: (path: string) => boolean, into: Set<string>) =>
    walk(dir, ancestorGitignores(dir), isIgnored, accept, into);

  for (const arg of args) {
    const path = resolve(cwd, arg);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) walkFrom(path, () => true, files);
      else if (isIgnored(path)) ignored.push(path);
      else files.add(path);
      continue;
    }
    if (!GLOB_CHARS.test(arg)) {
      throw new UsageError(`no such file or folder: ${arg}; check the path`);
    }
    const base = resolve(cwd, picomatch.scan(arg).base || ".");
    const matches = picomatch(posix(resolve(cwd, arg)), { dot: false });
    const matched = new Set<string>();
    if (existsSync(base)) walkFrom(base, (file) => matches(posix(file)), matched);
    if (matched.size === 0) throw new UsageError(`no files match the pattern "${arg}"`);
    for (const file of matched) files.add(file);
  }
  return { files: [...files].sort(), ignored };
}

function walk(
  dir: string,
  inherited: GitIgnore[],
  isIgnored: (path: string) => boolean,
  accept: (path: string) => boolean,
  into: Set<string>,
): void {
  const own = readGitignore(dir);
  const gitignores = own ? [...inherited, own] : inherited;
  const gitIgnored = (path: string, isDir: boolean) =>
    gitignores.some(({ dir: root, rules }) => {
      const rel = posix(relative(root, path));
      return rel !== "" && rules.ignores(isDir ? `${rel}/` : rel);
    });

  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read folder (${(error as NodeJS.ErrnoException).code})`, dir);
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (ALWAYS_SKIPPED.has(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    // A link to a draft is followed; links to folders are not, so a walk cannot loop.
    const isFile =
      entry.isFile() || (entry.isSymbolicLink() && existsSync(path) && statSync(path).isFile());
    if (isIgnored(path) || gitIgnored(path, entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(path, gitignores, isIgnored, accept, into);
    else if (isFile && (isTextFile(path) || isImageFile(path)) && accept(path)) into.add(path);
  }
}
