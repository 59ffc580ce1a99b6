import { setup } from "./setup.js";

export function rulesCommand(options: { config?: string; rules: string[] }): void {
  const { active } = setup(options);
  const rows = active.map(({ rule, severity }) => [
    rule.id,
    rule.category,
    severity === 2 ? "error" : "warn",
    rule.description,
  ]);
  const width = (i: number) => Math.max(...rows.map((row) => row[i]!.length));
  const lines = rows.map((row) =>
    [row[0]!.padEnd(width(0)), row[1]!.padEnd(width(1)), row[2]!.padEnd(5), row[3]].join("  "),
  );
  process.stdout.write(lines.join("\n") + "\n");
}
