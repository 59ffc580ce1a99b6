// `npm run eval`: per-category precision and recall of postguard on labelled sets of drafts,
// with redact-pii as a baseline for phi. Usage: node dist/eval/main.js [SET_DIR…]
// (default: ../shared/eval/dev beside the package). A set holds postguard.yaml, labels.yaml and
// posts/, and optionally csv/bulk-schedule.csv with csv/labels.yaml (1-based data rows).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { loadConfig } from "../config/config.js";
import { UsageError } from "../errors.js";
import { activeRules, allRules, loadRulesets } from "../lint/active-rules.js";
import { lintPost } from "../lint/lint-post.js";
import { CATEGORIES, type Category, type Finding, type Post } from "../model.js";
import { PACKAGE_ROOT } from "../paths.js";
import { readPosts } from "../sources/index.js";
import { redactPiiFlags } from "./baseline.js";
import { cleanLine, errorLines, scoreRow, TABLE_HEADER, type Verdict } from "./score.js";

const setDirs =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [join(PACKAGE_ROOT, "..", "shared", "eval", "dev")];
const TEXT_CATEGORIES = CATEGORIES.filter((c) => c !== "image");

function readLabels(path: string): Map<string, Set<Category>> {
  const raw = parse(readFileSync(path, "utf8")) as Record<string, Category[]>;
  return new Map(Object.entries(raw).map(([key, cats]) => [String(key), new Set(cats)]));
}

const categoriesOf = (findings: Finding[]) =>
  new Set(findings.map((f) => f.category).filter((c): c is Category => c !== null));

interface Draft {
  id: string;
  expected: Set<Category>;
  posts: Post[];
}

type Rules = ReturnType<typeof activeRules>;
type Profile = Parameters<typeof lintPost>[2];

/** postguard's verdicts, and redact-pii's (phi only) for the same drafts. */
function judge(
  drafts: Draft[],
  rules: Rules,
  profile: Profile,
): { postguard: Verdict[]; baseline: Verdict[] } {
  const postguard = drafts.map(({ id, expected, posts }) => {
    const findings = posts.flatMap((post) => lintPost(post, rules, profile));
    return { id, expected, found: categoriesOf(findings), findings };
  });
  const baseline = drafts.map(({ id, expected, posts }) => ({
    id,
    expected,
    found: new Set<Category>(redactPiiFlags(posts) ? ["phi"] : []),
    findings: [],
  }));
  return { postguard, baseline };
}

function report(title: string, drafts: Draft[], rules: Rules, profile: Profile): string[] {
  const { postguard, baseline } = judge(drafts, rules, profile);
  return [
    `${title} (${drafts.length} drafts)`,
    TABLE_HEADER,
    ...TEXT_CATEGORIES.map((category) => scoreRow(postguard, category)),
    `${scoreRow(baseline, "phi", "redact-pii")}   (baseline for phi: any redaction)`,
    cleanLine(postguard, TEXT_CATEGORIES),
    ...errorLines(postguard, TEXT_CATEGORIES),
  ];
}

function evaluate(setDir: string): string[] {
  if (!existsSync(join(setDir, "labels.yaml"))) {
    throw new UsageError(`no labels.yaml here; pass a set's folder`, setDir);
  }
  const config = loadConfig(join(setDir, "postguard.yaml"), setDir);
  const rules = activeRules(allRules(loadRulesets(config)), config);
  const profile = { organization: config.organization, staff: config.staff, policy: config.policy };

  const postsDir = join(setDir, "posts");
  const postLabels = readLabels(join(setDir, "labels.yaml"));
  const postDrafts: Draft[] = readdirSync(postsDir)
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
  const lines = [
    `postguard eval on ${setDir}`,
    "",
    ...report("posts/", postDrafts, rules, profile),
  ];

  const csvPath = join(setDir, "csv", "bulk-schedule.csv");
  if (existsSync(csvPath)) {
    const csvLabels = readLabels(join(setDir, "csv", "labels.yaml"));
    const rows = readPosts(csvPath, readFileSync(csvPath, "utf8")).map((post, i) => ({
      id: `bulk-schedule.csv row ${i + 1}`,
      expected: csvLabels.get(String(i + 1)) ?? new Set<Category>(),
      posts: [post],
    }));
    lines.push("", ...report("csv/bulk-schedule.csv", rows, rules, profile));
  }
  return lines;
}

try {
  const output = setDirs.map((dir) => evaluate(resolve(dir)).join("\n"));
  process.stdout.write(output.join("\n\n") + "\n");
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`eval: ${error.describe()}\n`);
  process.exitCode = 2;
}
