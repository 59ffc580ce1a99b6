import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FIXTURES,
  lintJson,
  postguard,
  oneRuleRuleset,
  PRACTICE_CONFIG,
  ROOT,
  tempProject,
} from "./helpers/cli.js";

const CLEAN = "Flu shots are here! Call us at (555) 014-3000 to book.\n";
const ERROR = "Please keep Tenzin Dorje in your prayers as he recovers from a stroke.\n";
const WARNING = "Our laser hair removal is painless!\n";

function project(files: Record<string, string>) {
  return tempProject({ ".postguard.yaml": PRACTICE_CONFIG, ...files });
}

describe("exit status", () => {
  it("is 0 when nothing is found", () => {
    const cwd = project({ "post.txt": CLEAN });
    const result = postguard(["lint", "post.txt"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
  });

  it("is 1 with an error-level finding", () => {
    const cwd = project({ "post.txt": ERROR });
    const result = postguard(["post.txt"], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("phi/patient-name");
    expect(result.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  });

  it("is 0 with warnings only, and 1 once they exceed --max-warnings", () => {
    const cwd = project({ "post.txt": WARNING });
    expect(postguard(["post.txt"], { cwd }).status).toBe(0);
    expect(postguard(["post.txt", "--max-warnings", "1"], { cwd }).status).toBe(0);
    expect(postguard(["post.txt", "--max-warnings", "0"], { cwd }).status).toBe(1);
  });

  it("is 2 for a bad command line, naming the problem", () => {
    const result = postguard(["lint", "--format", "yaml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("yaml");
    expect(postguard(["lint", "--bogus"]).status).toBe(2);
  });

  it("is 2 for a path that does not exist", () => {
    const result = postguard(["lint", "no/such/folder"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no such file or folder: no/such/folder");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("is not changed by writing the report to a file", () => {
    const cwd = project({ "post.txt": ERROR });
    const result = postguard(["post.txt", "-o", "report.json", "-f", "json"], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const written = JSON.parse(readFileSync(join(cwd, "report.json"), "utf8"));
    expect(written[0].errorCount).toBeGreaterThan(0);
  });
});

describe("the bundled fixtures", () => {
  it("shows real findings and exits 1, honouring the config's ignore", () => {
    const result = lintJson(["lint"], { cwd: FIXTURES });
    expect(result.status).toBe(1);
    const byFile = new Map(result.results.map((r) => [r.filePath.slice(FIXTURES.length + 1), r]));
    expect([...byFile.keys()].some((f) => f.startsWith("drafts/archive"))).toBe(false);
    expect(byFile.get("posts/2025-03-welcome-dr-sorensen.md")!.messages).toEqual([]);
    expect(byFile.get("posts/2025-03-flu-clinic.md")!.messages).toEqual([]);
    const rules = (file: string) => byFile.get(file)!.messages.map((m) => m.ruleId);
    expect(rules("posts/2025-03-congrats.md")).toContain("phi/patient-name");
    expect(rules("posts/2025-03-advice.txt")).toEqual(
      expect.arrayContaining([
        "advice/dosing",
        "advice/discourage-care",
        "contact/solicit-health-info",
      ]),
    );
    expect(rules("posts/2025-03-staff-personal.md")).toEqual(
      expect.arrayContaining(["conduct/patient-slang", "contact/personal-connection"]),
    );
  });
});

describe("JSON output", () => {
  it("has ESLint's shape, one object per file in path order, matches masked", () => {
    const cwd = project({ "b.txt": ERROR, "a.txt": CLEAN });
    const { results } = lintJson(["."], { cwd });
    expect(results.map((r) => r.filePath)).toEqual([join(cwd, "a.txt"), join(cwd, "b.txt")]);
    const [clean, bad] = results;
    expect(clean).toEqual({
      filePath: join(cwd, "a.txt"),
      messages: [],
      errorCount: 0,
      warningCount: 0,
    });
    const message = bad!.messages.find((m) => m.ruleId === "phi/patient-name")!;
    expect(message).toMatchObject({
      ruleId: "phi/patient-name",
      category: "phi",
      severity: 2,
      line: 1,
      column: 13,
      endLine: 1,
      endColumn: 25,
      match: "T***** D****",
    });
    expect(message.message).toContain("T***** D****");
    expect(message.message).not.toContain("Tenzin");
    expect(bad!.errorCount).toBe(bad!.messages.filter((m) => m.severity === 2).length);
  });

  it("shows matched text only with --show-matches", () => {
    const cwd = project({ "b.txt": ERROR });
    const masked = postguard(["b.txt"], { cwd });
    expect(masked.stdout).not.toContain("Tenzin");
    const { results } = lintJson(["b.txt", "--show-matches"], { cwd });
    const message = results[0]!.messages.find((m) => m.ruleId === "phi/patient-name")!;
    expect(message.match).toBe("Tenzin Dorje");
  });
});

describe("sources", () => {
  it("reports CSV findings on the file's real line, in message and first-comment columns", () => {
    const csv = [
      "date,message_text,first_comment",
      '2025-01-02,"Happy new year!',
      "Our hours:",
      'Mon 8-5",',
      '2025-01-03,"Clinic news, ""quoted"" and all",Get well soon Mr. Abernathy after your hip replacement!',
      "",
    ].join("\n");
    const cwd = project({ "bulk.csv": csv });
    const { results } = lintJson(["bulk.csv", "--show-matches"], { cwd });
    const name = results[0]!.messages.find((m) => m.ruleId === "phi/patient-name")!;
    expect(name.line).toBe(5);
    expect(name.match).toBe("Mr. Abernathy");
    const line5 = csv.split("\n")[4]!;
    expect(line5.slice(name.column! - 1, name.endColumn! - 1)).toBe("Mr. Abernathy");
  });

  it("lints front-matter text fields at their own lines, and the body", () => {
    const md = [
      "---",
      "platform: instagram",
      "title: Our laser facials are painless",
      'first_comment: "Call 312-555-0187 to talk to Dana"',
      "---",
      "",
      "Body text with a guaranteed result: lose 10 lbs, guaranteed!",
      "",
    ].join("\n");
    const cwd = project({ "post.md": md });
    const { results } = lintJson(["post.md", "--show-matches"], { cwd });
    const found = results[0]!.messages.map((m) => [m.ruleId, m.line, m.match]);
    expect(found).toContainEqual(["claims/absolute", 3, "painless"]);
    expect(found).toContainEqual(["phi/phone", 4, "312-555-0187"]);
    const phone = results[0]!.messages.find((m) => m.ruleId === "phi/phone")!;
    expect(md.split("\n")[3]!.slice(phone.column! - 1, phone.endColumn! - 1)).toBe("312-555-0187");
    expect(found.some(([rule, line]) => rule === "claims/guarantee" && line === 7)).toBe(true);
  });

  it("reads JSON and YAML post files", () => {
    const cwd = project({
      "post.json": JSON.stringify({ text: "Our drops cure allergies for good!" }, null, 2),
      "posts.yaml":
        "posts:\n  - caption: Fine post\n  - caption: Happy 96th birthday to our patient Walt!\n",
    });
    const { results } = lintJson(["."], { cwd });
    const byName = new Map(results.map((r) => [r.filePath.split("/").pop(), r.messages]));
    expect(byName.get("post.json")!.map((m) => m.ruleId)).toContain("claims/cure");
    const age = byName.get("posts.yaml")!.find((m) => m.ruleId === "phi/age-over-89")!;
    expect(age.line).toBe(3);
  });

  it("reads stdin with --stdin-filename deciding the format and the reported name", () => {
    const cwd = project({});
    const input =
      "---\nin_reply_to: x\n---\nGlad you loved your cleaning! See you in six months.\n";
    const { results, status } = lintJson(["-", "--stdin-filename", "reply.md"], { cwd, input });
    expect(status).toBe(1);
    expect(results[0]!.filePath).toBe(join(cwd, "reply.md"));
    expect(results[0]!.messages.map((m) => m.ruleId)).toContain("phi/confirmation");
  });

  it("walks folders recursively, honours .gitignore and expands globs", () => {
    const cwd = project({
      ".gitignore": "private/\n",
      "posts/a.txt": ERROR,
      "posts/deep/b.md": ERROR,
      "private/c.txt": ERROR,
      "notes.log": ERROR,
    });
    const all = lintJson(["."], { cwd }).results.map((r) => r.filePath.slice(cwd.length + 1));
    expect(all).toEqual(["posts/a.txt", "posts/deep/b.md"]);
    const glob = lintJson(["posts/**/*.md"], { cwd }).results.map((r) =>
      r.filePath.slice(cwd.length + 1),
    );
    expect(glob).toEqual(["posts/deep/b.md"]);
  });
});

describe("config", () => {
  it("names the file and line of an unknown key, a bad severity and an unknown rule", () => {
    const cases: [string, number, string][] = [
      ["organization:\n  name: X\n  phone: [1]\n", 3, 'unknown key "organization.phone"'],
      ["rules:\n  claims/cure: loud\n", 2, "severity must be off, warn or error"],
      ["rules:\n  claims/cure: off\n  phi/nope: error\n", 3, 'unknown rule id "phi/nope"'],
      ["policy:\n  patientConnections: sometimes\n", 2, "forbidden"],
      ["staff: [a, b\n", 2, "invalid YAML"],
    ];
    for (const [config, line, text] of cases) {
      const cwd = tempProject({ ".postguard.yaml": config, "a.txt": CLEAN });
      const result = postguard(["a.txt"], { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`.postguard.yaml:${line}: `);
      expect(result.stderr).toContain(text);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("is found upward from the working directory, or given with --config", () => {
    const cwd = tempProject({
      // The claims model would read the sentence as a claim once the written rule is off.
      ".postguard.yaml": "rules:\n  claims/absolute: off\n  claims/text-model: off\n",
      "sub/a.txt": WARNING,
      "other.yaml": "rules:\n  claims/absolute: error\n",
    });
    expect(postguard(["a.txt"], { cwd: join(cwd, "sub") }).stdout).toBe("");
    const strict = postguard(["a.txt", "-c", "../other.yaml"], { cwd: join(cwd, "sub") });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("claims/absolute");
  });

  it("keeps the practice's own details and staff out of findings", () => {
    const cwd = project({
      "a.txt":
        "Dr. Helen Marsh and Rafael welcome you at 48 Linden St, Fairview, OH 43001. Call 555-014-3000 or email frontdesk@cedarhill.example.\n",
    });
    expect(postguard(["a.txt"], { cwd }).stdout).toBe("");
  });

  it("silences personal-connection rules when the policy allows connections", () => {
    const post = "Patients, add me on Instagram! I love staying in touch.\n";
    const forbidden = project({ "a.txt": post });
    expect(postguard(["a.txt"], { cwd: forbidden }).stdout).toContain(
      "contact/personal-connection",
    );
    const allowed = tempProject({
      ".postguard.yaml": "policy:\n  patientConnections: allowed\n",
      "a.txt": post,
    });
    expect(postguard(["a.txt"], { cwd: allowed }).stdout).not.toContain(
      "contact/personal-connection",
    );
  });

  it("extends a ruleset of the user's own, whose rules can be configured", () => {
    const cwd = project({
      ".postguard.yaml": `${PRACTICE_CONFIG}extends: [default, house.yaml]\nrules:\n  claims/house-term: error\n`,
      "house.yaml": `rules:
  - id: claims/house-term
    severity: warn
    description: A word the house style bans.
    message: "Avoid {match}."
    rationale: House style.
    source: Our marketing guide
    fix: Use another word.
    kind: terms
    terms: [world-class]
`,
      "a.txt": "World-class care, close to home.\n",
    });
    const { results, status } = lintJson(["a.txt"], { cwd });
    expect(status).toBe(1);
    expect(results[0]!.messages[0]).toMatchObject({ ruleId: "claims/house-term", severity: 2 });
  });
});

describe("rulesets", () => {
  const rule = (extra: string) => oneRuleRuleset("claims/broken", extra);

  it.each([
    [
      "an invalid regular expression",
      "    kind: pattern\n    patterns: ['(unclosed']\n",
      "invalid regular expression",
    ],
    [
      "an unknown compromise tag",
      "    kind: nlp\n    nlp: '#Persn #Verb'\n",
      "unknown compromise tag #Persn",
    ],
    ["an unknown text model", "    kind: model\n    model: spelling\n", 'unknown model "spelling"'],
    [
      "a threshold out of range",
      "    kind: model\n    model: claims\n    threshold: 5\n",
      "threshold must be a number between 0 and 1",
    ],
    [
      "both a threshold and a below",
      "    kind: pattern\n    patterns: [cure]\n    unless:\n      - model: claims\n        threshold: 0.5\n        below: 0.1\n",
      "give threshold or below, not both",
    ],
    [
      "a below without a model",
      "    kind: pattern\n    patterns: [cure]\n    unless:\n      - terms: [x]\n        below: 0.1\n",
      '"below" goes with "model"',
    ],
    [
      "a threshold on a pattern",
      "    kind: pattern\n    patterns: [cure]\n    threshold: 0.5\n",
      '"threshold" goes with kind model',
    ],
  ])("names the rule of %s, with file and line", (_what, kind, problem) => {
    const cwd = project({ "bad.yaml": rule(kind), "a.txt": CLEAN });
    const result = postguard(["a.txt", "--rules", "bad.yaml"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:\d+: rule "claims\/broken": /);
    expect(result.stderr).toContain(problem);
  });

  it("runs an nlp rule with compromise match syntax", () => {
    const cwd = project({
      "nlp.yaml": rule("    kind: nlp\n    nlp: '#Imperative (your|the) #Noun'\n"),
      "a.txt": "Double your dose tonight.\n",
    });
    const { results } = lintJson(["a.txt", "--rules", "nlp.yaml"], { cwd });
    expect(results[0]!.messages.map((m) => m.ruleId)).toContain("claims/broken");
  });
});

describe("inline suppressions", () => {
  it("suppresses the next line, a block, and reports one that suppresses nothing", () => {
    const md = [
      "---",
      "platform: facebook",
      "---",
      "<!-- postguard-disable-next-line phi/patient-name -- signed authorization on file -->",
      "Please keep Tenzin Dorje in your prayers after his stroke.",
      "<!-- postguard-disable claims -->",
      "Painless, guaranteed results!",
      "<!-- postguard-enable claims -->",
      "Our IV drips are painless.",
      "<!-- postguard-disable-next-line advice/dosing -- nothing here -->",
      "Have a nice day.",
      "",
    ].join("\n");
    const cwd = project({ "post.md": md });
    const { results } = lintJson(["post.md"], { cwd });
    const messages = results[0]!.messages;
    expect(messages.some((m) => m.ruleId === "phi/patient-name")).toBe(false);
    expect(messages.filter((m) => m.category === "claims").map((m) => m.line)).toEqual([9]);
    const unused = messages.filter((m) => m.ruleId === null);
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ line: 10, severity: 1 });
    expect(unused[0]!.message).toContain("advice/dosing");
  });

  it("works in plain text with a comment line", () => {
    const txt = "# postguard-disable-next-line phi/patient-name -- consent on file\n" + ERROR;
    const cwd = project({ "a.txt": txt });
    expect(postguard(["a.txt"], { cwd }).status).toBe(0);
  });
});

describe("formats and options", () => {
  it("--quiet drops warnings", () => {
    const cwd = project({ "a.txt": WARNING + ERROR });
    const { results } = lintJson(["a.txt", "--quiet"], { cwd });
    expect(results[0]!.messages.every((m) => m.severity === 2)).toBe(true);
    expect(results[0]!.warningCount).toBe(0);
  });

  it("writes SARIF 2.1.0 with rules and locations", () => {
    const cwd = project({ "a.txt": ERROR });
    const log = JSON.parse(postguard(["a.txt", "-f", "sarif"], { cwd }).stdout);
    expect(log.version).toBe("2.1.0");
    const result = log.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === "phi/patient-name",
    );
    expect(result.level).toBe("error");
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("a.txt");
    expect(result.locations[0].physicalLocation.region.startLine).toBe(1);
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe("phi/patient-name");
  });

  it("writes GitHub annotations", () => {
    const cwd = project({ "a.txt": ERROR });
    const out = postguard(["a.txt", "-f", "github"], { cwd }).stdout;
    expect(out).toMatch(
      /^::error file=a\.txt,line=1,col=13,endLine=1,endColumn=25,title=phi\/patient-name::/m,
    );
  });

  it("writes a self-contained HTML page with escaped text", () => {
    const cwd = project({ "a.txt": ERROR });
    const page = postguard(["a.txt", "-f", "html"], { cwd }).stdout;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("phi/patient-name");
    expect(page).not.toContain("<script");
    expect(page).not.toContain("Tenzin");
  });

  it("colours stylish output only when asked", () => {
    const cwd = project({ "a.txt": ERROR });
    expect(postguard(["a.txt"], { cwd, env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toContain(
      "\u001b[",
    );
    expect(
      postguard(["a.txt", "--no-color"], { cwd, env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout,
    ).not.toContain("\u001b[");
  });
});

describe("other commands", () => {
  it("init writes a starter config and never overwrites one", () => {
    const cwd = tempProject({});
    const first = postguard(["init"], { cwd });
    expect(first.status).toBe(0);
    const text = readFileSync(join(cwd, ".postguard.yaml"), "utf8");
    expect(text).toContain("patientConnections: forbidden");
    const starter = tempProject({
      ".postguard.yaml": text,
      "a.txt": "Flu shots are here! Walk in any weekday.\n",
    });
    expect(postguard(["a.txt"], { cwd: starter }).status).toBe(0);
    const second = postguard(["init"], { cwd });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain("already exists");
    expect(readFileSync(join(cwd, ".postguard.yaml"), "utf8")).toBe(text);
  });

  it("rules lists every active rule with category and severity", () => {
    const cwd = tempProject({ ".postguard.yaml": "rules:\n  claims/superlative: off\n" });
    const out = postguard(["rules"], { cwd }).stdout;
    expect(out).toMatch(/^phi\/patient-name\s+phi\s+error\s+\S/m);
    expect(out).toMatch(/^claims\/cure\s+claims\s+warn/m);
    expect(out).not.toContain("claims/superlative");
  });

  it("explain gives the guideline, its source, examples and the fix", () => {
    const out = postguard(["explain", "phi/patient-name"]).stdout;
    expect(out).toContain("45 CFR 164.502");
    expect(out).toContain("How to fix:");
    expect(out).toContain("Flagged:");
    expect(out).toContain("Fine:");
    expect(postguard(["explain", "phi/nope"]).status).toBe(2);
  });

  it("test-rules runs the embedded examples of the default ruleset", () => {
    const result = postguard(["test-rules", join(ROOT, "rules.default.yaml")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it("test-rules fails, naming the rule and line, when an example is wrong", () => {
    const cwd = tempProject({
      "r.yaml": oneRuleRuleset(
        "claims/word",
        `    kind: terms
    terms: [miracle]
    examples:
      invalid: ["A miracle cream!", "Nothing to see"]
      valid: ["Plain text"]
`,
      ),
    });
    const result = postguard(["test-rules", "r.yaml"], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "r.yaml:12: claims/word: invalid example was not flagged: Nothing to see",
    );
    expect(result.stdout).toContain("2 passed, 1 failed");
    expect(existsSync(join(cwd, "r.yaml"))).toBe(true);
  });
});
