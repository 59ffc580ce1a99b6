import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isScalar, type Node } from "yaml";
import type { SeverityName } from "../model.js";
import { DEFAULT_RULESET } from "../paths.js";
import { UsageError } from "../errors.js";
import { mapEntries, scalarString, stringList, YamlFile } from "../yaml/document.js";

/** The practice itself: none of its own details are patient information. */
export interface Organization {
  name?: string;
  aliases: string[];
  handles: string[];
  phones: string[];
  emails: string[];
  websites: string[];
  addresses: string[];
}

export interface Policy {
  patientConnections: "forbidden" | "allowed";
}

export interface Config {
  /** The config file, when one was found. */
  file?: string;
  /** Folder that relative paths (ignore globs) are resolved against. */
  baseDir: string;
  /** Ruleset files, in order (later ones add or override rules). */
  rulesets: string[];
  organization: Organization;
  staff: string[];
  policy: Policy;
  /** Per-rule severity overrides, with the line each stands on for error messages. */
  ruleSeverities: Map<string, { severity: SeverityName; line?: number }>;
  ignore: string[];
}

/** What a draft is read against: the practice's own details and its policy. */
export type Profile = Pick<Config, "organization" | "staff" | "policy">;

export const CONFIG_NAMES = [".postguard.yaml", ".postguard.yml", "postguard.config.yaml"];

const ORGANIZATION_LISTS = [
  "aliases",
  "handles",
  "phones",
  "emails",
  "websites",
  "addresses",
] as const;
const SEVERITIES: Record<string, SeverityName> = {
  off: "off",
  warn: "warn",
  warning: "warn",
  error: "error",
  "0": "off",
  "1": "warn",
  "2": "error",
};

export function defaultConfig(baseDir: string): Config {
  return {
    baseDir,
    rulesets: [DEFAULT_RULESET],
    organization: { aliases: [], handles: [], phones: [], emails: [], websites: [], addresses: [] },
    staff: [],
    policy: { patientConnections: "forbidden" },
    ruleSeverities: new Map(),
    ignore: [],
  };
}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(current) === current) return undefined;
  }
}

/** Loads the config named by `--config`, else the one found upward from `cwd`, else the defaults. */
export function loadConfig(explicitPath: string | undefined, cwd: string): Config {
  if (explicitPath && !existsSync(explicitPath)) {
    throw new UsageError(`config file not found; check the --config path`, explicitPath);
  }
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  return path ? parseConfig(YamlFile.read(path)) : defaultConfig(cwd);
}

export function parseConfig(file: YamlFile): Config {
  const config = defaultConfig(dirname(file.path));
  config.file = file.path;
  if (file.root === null) return config;

  for (const [key, value, keyNode] of mapEntries(file, file.root, "the config")) {
    switch (key) {
      case "extends":
        config.rulesets = stringList(file, value, "extends").map((entry) =>
          resolveRuleset(file, entry, value),
        );
        break;
      case "organization":
        config.organization = parseOrganization(file, value);
        break;
      case "staff":
        config.staff = stringList(file, value, "staff");
        break;
      case "policy":
        config.policy = parsePolicy(file, value);
        break;
      case "rules":
        config.ruleSeverities = parseRuleSeverities(file, value);
        break;
      case "ignore":
        config.ignore = stringList(file, value, "ignore");
        break;
      default:
        throw file.error(
          `unknown key "${key}"; allowed: extends, organization, staff, policy, rules, ignore`,
          keyNode,
        );
    }
  }
  return config;
}

/** A ruleset's `profile:` block: the practice its examples are written for. */
export function parseProfile(file: YamlFile, node: Node | null): Profile {
  const profile: Profile = { ...defaultConfig("") };
  for (const [key, value, keyNode] of mapEntries(file, node, "profile")) {
    if (key === "organization") profile.organization = parseOrganization(file, value);
    else if (key === "staff") profile.staff = stringList(file, value, "staff");
    else if (key === "policy") profile.policy = parsePolicy(file, value);
    else
      throw file.error(
        `unknown key "profile.${key}"; allowed: organization, staff, policy`,
        keyNode,
      );
  }
  return { organization: profile.organization, staff: profile.staff, policy: profile.policy };
}

function resolveRuleset(file: YamlFile, entry: string, node: Node | null): string {
  if (entry === "default" || entry === "postguard:default") return DEFAULT_RULESET;
  const path = resolve(dirname(file.path), entry);
  if (!existsSync(path)) {
    throw file.error(`extends: ruleset "${entry}" not found (use "default" or a path)`, node);
  }
  return path;
}

function parseOrganization(file: YamlFile, node: Node | null): Organization {
  const organization = defaultConfig("").organization;
  for (const [key, value, keyNode] of mapEntries(file, node, "organization")) {
    if (key === "name") organization.name = scalarString(file, value, "organization.name");
    else if ((ORGANIZATION_LISTS as readonly string[]).includes(key)) {
      organization[key as (typeof ORGANIZATION_LISTS)[number]] = stringList(
        file,
        value,
        `organization.${key}`,
      );
    } else {
      throw file.error(
        `unknown key "organization.${key}"; allowed: name, ${ORGANIZATION_LISTS.join(", ")}`,
        keyNode,
      );
    }
  }
  return organization;
}

function parsePolicy(file: YamlFile, node: Node | null): Policy {
  const policy: Policy = { patientConnections: "forbidden" };
  for (const [key, value, keyNode] of mapEntries(file, node, "policy")) {
    if (key !== "patientConnections") {
      throw file.error(`unknown key "policy.${key}"; allowed: patientConnections`, keyNode);
    }
    const setting = scalarString(file, value, "policy.patientConnections");
    if (setting !== "forbidden" && setting !== "allowed") {
      throw file.error(`policy.patientConnections must be "forbidden" or "allowed"`, value);
    }
    policy.patientConnections = setting;
  }
  return policy;
}

function parseRuleSeverities(file: YamlFile, node: Node | null): Config["ruleSeverities"] {
  const severities: Config["ruleSeverities"] = new Map();
  for (const [ruleId, value, keyNode] of mapEntries(file, node, "rules")) {
    const raw = isScalar(value) ? String(value.value) : "";
    const severity = SEVERITIES[raw];
    if (!severity) {
      throw file.error(`rules.${ruleId}: severity must be off, warn or error`, value ?? keyNode);
    }
    severities.set(ruleId, { severity, line: file.lineOf(keyNode) });
  }
  return severities;
}
