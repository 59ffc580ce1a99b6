import { checkExamples } from "../rules/examples.js";
import { loadRuleset } from "../rules/ruleset.js";

export async function testRulesCommand(files: string[]): Promise<void> {
  let failures = 0;
  let checked = 0;
  for (const file of files) {
    const ruleset = loadRuleset(file);
    checked += ruleset.rules.reduce(
      (n, rule) => n + rule.examples.invalid.length + rule.examples.valid.length,
      0,
    );
    for (const { rule, example, expected } of await checkExamples(ruleset)) {
      failures++;
      const what = expected === "invalid" ? "was not flagged" : "was flagged";
      process.stdout.write(
        `${file}:${example.line ?? rule.origin.line}: ${rule.id}: ${expected} example ${what}: ${example.text}\n`,
      );
    }
  }
  process.stdout.write(`${checked - failures} passed, ${failures} failed\n`);
  process.exitCode = failures > 0 ? 1 : 0;
}
