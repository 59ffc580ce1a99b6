import { UsageError } from "../errors.js";
import type { Example } from "../rules/ruleset.js";
import { setup } from "./setup.js";

const describeExample = (example: Example) =>
  `  - ${example.text}${example.reply ? "   (a reply)" : ""}${example.account === "personal" ? "   (staff member's personal account)" : ""}`;

export function explainCommand(
  ruleId: string,
  options: { config?: string; rules: string[] },
): void {
  const { rules, active } = setup(options);
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) {
    throw new UsageError(`unknown rule "${ruleId}"; \`postguard rules\` lists the ids`);
  }
  const severity = active.find((a) => a.rule.id === ruleId)?.severity;
  const text = [
    `${rule.id}  (${severity === 2 ? "error" : severity === 1 ? "warning" : "off"})`,
    "",
    rule.description,
    "",
    "Why:",
    `  ${rule.rationale}`,
    `  Source: ${rule.source}`,
    "",
    "How to fix:",
    `  ${rule.fix}`,
    "",
    "Flagged:",
    ...rule.examples.invalid.map(describeExample),
    "",
    "Fine:",
    ...rule.examples.valid.map(describeExample),
    "",
    `To silence one finding after review: <!-- postguard-disable-next-line ${rule.id} -- reason -->`,
  ];
  process.stdout.write(text.join("\n") + "\n");
}
