// `npm run eval`: per-category precision and recall of postguard on a labelled set of drafts.
// Usage: node dist/eval/main.js [SET_DIR]   (default: ../shared/eval/dev beside the package)
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { loadConfig } from "../config/config.js";
import { activeRules, allRules, loadRulesets } from "../lint/active-rules.js";
import { lintPost } from "../lint/lint-post.js";
import { CATEGORIES, type Category, type Finding } from "../model.js";
import { PACKAGE_ROOT } from "../paths.js";
import { UsageError } from "../errors.js";
import { readPosts } from "../sources/index.js";
import { scoreTable, type Verdict } from "./score.js";

const setDir = resolve(process.argv[2] ?? join(PACKAGE_ROOT, "..", "shared", "eval", "dev"));
if (!existsSync(join(setDir, "labels.yaml"))) {
  process.stderr.write(
    `eval: no labels.yaml in ${setDir}; pass the set's folder as the argument\n`,
  );
  process.exit(2);
}

function loadRules() {
  try {
    const config = loadConfig(join(setDir, "postguard.yaml"), setDir);
    return { config, rules: activeRules(allRules(loadRulesets(config)), config) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`eval: ${error.describe()}\n`);
    process.exit(2);
  }
}
const { config, rules } = loadRules();
const profile = { organization: config.organization, staff: config.staff, policy: config.policy };
const TEXT_CATEGORIES = CATEGORIES.filter((c) => c !== "image");

const categoriesOf = (findings: Finding[]) =>
  new Set(findings.map((f) => f.category).filter((c): c is Category => c !== null));

function readLabels(path: string): Map<string, Set<Category>> {
  const raw = parse(readFileSync(path, "utf8")) as Record<string, Category[]>;
  return new Map(Object.entries(raw).map(([key, cats]) => [String(key), new Set(cats)]));
}

function lintDraft(file: string): Finding[] {
  return readPosts(file, readFileSync(file, "utf8")).flatMap((post) =>
    lintPost(post, rules, profile),
  );
}

const postsDir = join(setDir, "posts");
const postLabels = readLabels(join(setDir, "labels.yaml"));
const postVerdicts: Verdict[] = readdirSync(postsDir)
  .sort()
  .filter((name) => postLabels.has(name))
  .map((name) => {
    const findings = lintDraft(join(postsDir, name));
    return { id: name, expected: postLabels.get(name)!, found: categoriesOf(findings), findings };
  });

const report = [`postguard eval on ${setDir}`, "", `posts/ (${postVerdicts.length} drafts)`];
report.push(...scoreTable(postVerdicts, TEXT_CATEGORIES));

const csvPath = join(setDir, "csv", "bulk-schedule.csv");
if (existsSync(csvPath)) {
  const csvLabels = readLabels(join(setDir, "csv", "labels.yaml"));
  const rows = readPosts(csvPath, readFileSync(csvPath, "utf8"));
  const csvVerdicts: Verdict[] = rows.map((post, i) => {
    const findings = lintPost(post, rules, profile);
    const id = `bulk-schedule.csv row ${i + 1}`;
    return {
      id,
      expected: csvLabels.get(String(i + 1)) ?? new Set(),
      found: categoriesOf(findings),
      findings,
    };
  });
  report.push("", `csv/bulk-schedule.csv (${csvVerdicts.length} rows)`);
  report.push(...scoreTable(csvVerdicts, TEXT_CATEGORIES));
}
process.stdout.write(report.join("\n") + "\n");
