import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { loadConfig, type Profile } from "../config/config.js";
import { UsageError } from "../errors.js";
import { activeRules, allRules, loadRulesets } from "../lint/active-rules.js";
import type { Category, Post } from "../model.js";
import { PACKAGE_ROOT } from "../paths.js";
import { readPosts } from "../sources/index.js";

/** One labelled draft: a post file, or one row of a CSV bulk file. */
export interface Draft {
  id: string;
  expected: Set<Category>;
  posts: Post[];
}

/**
 * A labelled set: postguard.yaml, labels.yaml and posts/, and optionally csv/bulk-schedule.csv
 * with csv/labels.yaml (1-based data rows).
 */
export interface LabelledSet {
  dir: string;
  rules: ReturnType<typeof activeRules>;
  profile: Profile;
  posts: Draft[];
  csvRows: Draft[];
}

function readLabels(path: string): Map<string, Set<Category>> {
  const raw = parse(readFileSync(path, "utf8")) as Record<string, Category[]>;
  return new Map(Object.entries(raw).map(([key, cats]) => [String(key), new Set(cats)]));
}

export function readSet(setDir: string): LabelledSet {
  if (!existsSync(join(setDir, "labels.yaml"))) {
    throw new UsageError(`no labels.yaml here; pass a set's folder`, setDir);
  }
  const config = loadConfig(join(setDir, "postguard.yaml"), setDir);
  const rules = activeRules(allRules(loadRulesets(config)), config);
  const profile = { organization: config.organization, staff: config.staff, policy: config.policy };

  const postsDir = join(setDir, "posts");
  const postLabels = readLabels(join(setDir, "labels.yaml"));
  const posts: Draft[] = readdirSync(postsDir)
    .sort()
    .filter((name) => postLabels.has(name))
    .map((name) => {
      const file = join(postsDir, name);
      return {
        id: name,
        expected: postLabels.get(name)!,
        posts: readPosts(file, readFileSync(file, "utf8")),
      };
    });

  const csvPath = join(setDir, "csv", "bulk-schedule.csv");
  let csvRows: Draft[] = [];
  if (existsSync(csvPath)) {
    const csvLabels = readLabels(join(setDir, "csv", "labels.yaml"));
    csvRows = readPosts(csvPath, readFileSync(csvPath, "utf8")).map((post, i) => ({
      id: `bulk-schedule.csv row ${i + 1}`,
      expected: csvLabels.get(String(i + 1)) ?? new Set<Category>(),
      posts: [post],
    }));
  }
  return { dir: setDir, rules, profile, posts, csvRows };
}

/** The sets the text model is trained on (see docs/text-model.md). */
export const TRAINING_SETS = join(PACKAGE_ROOT, "eval-sets");

export function trainingSetDirs(root = TRAINING_SETS): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "labels.yaml")))
    .map((entry) => join(root, entry.name))
    .sort();
}

/** A fingerprint of every file the model is trained on, kept in the model to catch a stale one. */
export function trainingFingerprint(dirs: readonly string[], root = TRAINING_SETS): string {
  const hash = createHash("sha256");
  const addFile = (path: string) => {
    hash.update(relative(root, path).split("\\").join("/") + "\0");
    hash.update(readFileSync(path));
  };
  for (const dir of dirs) {
    addFile(join(dir, "postguard.yaml"));
    addFile(join(dir, "labels.yaml"));
    for (const name of readdirSync(join(dir, "posts")).sort()) addFile(join(dir, "posts", name));
  }
  return hash.digest("hex");
}
