import { Command, CommanderError, Option } from "commander";
import { UsageError } from "../errors.js";
import { explainCommand } from "./explain.js";
import { initCommand } from "./init.js";
import { lintCommand } from "./lint.js";
import { rulesCommand } from "./rules.js";
import { testRulesCommand } from "./test-rules.js";
import { VERSION } from "../version.js";
import { FORMATS } from "../report/index.js";

/** --max-warnings N; -1 means no limit, as in ESLint. */
function parseCount(value: string): number | undefined {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) {
    throw new UsageError(
      `--max-warnings takes a whole number (or -1 for no limit), not "${value}"`,
    );
  }
  return n === -1 ? undefined : n;
}

const rulesOption = () =>
  new Option("--rules <file>", "an extra ruleset (repeatable)")
    .argParser((value: string, all: string[]) => [...all, value])
    .default([]);

const program = new Command("postguard")
  .description(
    "Check social-media drafts of a medical practice for patient information and other policy violations.",
  )
  .version(VERSION)
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command("lint", { isDefault: true })
  .description("lint files, folders (recursive) and globs; `-` reads stdin")
  .argument("[paths...]", "files, folders or globs", ["."])
  .option("-c, --config <file>", "use this config file instead of searching for .postguard.yaml")
  .addOption(rulesOption())
  .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("stylish"))
  .option("-o, --output-file <file>", "write the report to a file instead of standard output")
  .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parseCount)
  .option("--quiet", "report errors only")
  .option(
    "--fix",
    "apply safe fixes (strip image location and identity metadata); never rewrites text",
  )
  .option("--show-matches", "print matched text unmasked (masked by default)")
  .option("--no-images", "skip image files and images referenced by posts")
  .option("--cache", "only re-check files that changed since the last run")
  .option("--cache-location <file>", "where --cache keeps its results", ".postguardcache")
  .option("--concurrency <n>", "images checked at once: a number or auto", "auto")
  .option("--stdin-filename <name>", "the name (and so the format) of text read from stdin")
  .option("--no-color", "plain output without colours")
  .action(lintCommand);

program
  .command("init")
  .description("write a commented starter .postguard.yaml in the current folder")
  .action(initCommand);

program
  .command("rules")
  .description("list the active rules: id, category, severity, summary")
  .option("-c, --config <file>", "config file")
  .addOption(rulesOption())
  .action(rulesCommand);

program
  .command("explain")
  .description("the guideline behind a rule, its examples and how to fix a finding")
  .argument("<rule>", "a rule id such as phi/patient-name")
  .option("-c, --config <file>", "config file")
  .addOption(rulesOption())
  .action(explainCommand);

program
  .command("test-rules")
  .description("run the examples embedded in ruleset files")
  .argument("<files...>", "ruleset files")
  .action(testRulesCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code)
      ? 0
      : 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`postguard: ${error.describe()}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `postguard: internal error: ${message}\nThis is a bug in postguard; please report it (set POSTGUARD_DEBUG=1 for details).\n`,
  );
  if (process.env.POSTGUARD_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  return 2;
}
