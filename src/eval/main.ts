// `npm run eval`: per-category precision and recall of postguard on labelled sets of drafts,
// with redact-pii as a baseline for phi. Usage: node dist/eval/main.js [SET_DIR…]
// (default: ../shared/eval/dev beside the package). A set holds postguard.yaml, labels.yaml and
// posts/, and optionally csv/bulk-schedule.csv with csv/labels.yaml (1-based data rows).
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { lintPost } from "../lint/lint-post.js";
import { CATEGORIES, type Category } from "../model.js";
import { PACKAGE_ROOT } from "../paths.js";
import { redactPiiFlags } from "./baseline.js";
import {
  categoriesOf,
  cleanLine,
  errorLines,
  scoreRow,
  TABLE_HEADER,
  type Verdict,
} from "./score.js";
import { readSet, type Draft, type LabelledSet } from "./sets.js";

const setDirs =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [join(PACKAGE_ROOT, "..", "shared", "eval", "dev")];
const TEXT_CATEGORIES = CATEGORIES.filter((c) => c !== "image");

type Rules = LabelledSet["rules"];
type Profile = LabelledSet["profile"];

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
  const { rules, profile, posts, csvRows } = readSet(setDir);
  const lines = [`postguard eval on ${setDir}`, "", ...report("posts/", posts, rules, profile)];
  if (csvRows.length > 0) {
    lines.push("", ...report("csv/bulk-schedule.csv", csvRows, rules, profile));
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
