// The text model (src/detect/text-model.ts): the shipped weights match the sets they were
// trained on, and through the CLI it speaks only where the written rules are silent.
import { describe, expect, it } from "vitest";
import { defaultConfig, type Profile } from "../src/config/config.js";
import { maskUncommon, modelTokens, textModel } from "../src/detect/text-model.js";
import { trainingFingerprint, trainingSetDirs } from "../src/eval/sets.js";
import { lintJson, oneRuleRuleset, PRACTICE_CONFIG, tempProject } from "./helpers/cli.js";

const VENT = [
  "---",
  "account: personal",
  "---",
  "Coffee first, then rounds.",
  "",
  "Some days I wonder if anyone listens to a word we say. Third time this week explaining the same thing to the same family.",
  "",
].join("\n");

function project(files: Record<string, string>) {
  return tempProject({ ".postguard.yaml": PRACTICE_CONFIG, ...files });
}

describe("the shipped model", () => {
  it("was trained on the labelled sets as they are now (else run npm run train)", () => {
    const dirs = trainingSetDirs();
    expect(textModel().trainedOn.sets).toBe(dirs.length);
    expect(textModel().trainedOn.sha256).toBe(trainingFingerprint(dirs));
  });

  it("sees staff, handles, e-mails, links and numbers as placeholders, and skips pictures", () => {
    const profile: Profile = {
      ...defaultConfig(""),
      organization: {
        ...defaultConfig("").organization,
        handles: ["@cedarhillhealth"],
        emails: ["frontdesk@cedarhill.example"],
      },
      staff: ["Helen Marsh"],
    };
    const text =
      "Helen says @cedarhillhealth and @sam_j take 400 mg! frontdesk@cedarhill.example, sam@mail.example, https://cedarhill.example/flu ![x](pic.jpg) flowers.png";
    expect(modelTokens(text, profile).map((t) => t.text)).toEqual([
      "<staff>",
      "says",
      "<our-handle>",
      "and",
      "<handle>",
      "take",
      "0",
      "mg",
      "!",
      "<our-email>",
      "<email>",
      "<link>",
      "x",
    ]);
  });
});

describe("the words a finding names", () => {
  it("are masked unless they are common words and nobody's first name", () => {
    expect(
      ["third", "time", "<person>", "0", "carlos", "okonkwo", "grace"].map(maskUncommon),
    ).toEqual(["third", "time", "<person>", "0", "c*****", "o******", "g****"]);
  });
});

describe("model rules through the CLI", () => {
  it("warns on venting no written rule describes, at the sentence that weighs most", () => {
    const cwd = project({ "vent.md": VENT });
    const { status, results } = lintJson(["vent.md"], { cwd });
    expect(status).toBe(0);
    const [finding] = results[0]!.messages;
    expect(finding).toMatchObject({ ruleId: "conduct/text-model", severity: 1, line: 6 });
    expect(finding!.message).toMatch(/score 0\.\d\d; words: "/);
  });

  it("stays silent where a written rule of the same category already spoke", () => {
    const cwd = project({
      "post.txt":
        "Some people just want attention. Third visit this week for nothing, and I wonder if anyone listens to a word we say. #nurselife\n",
    });
    const ids = lintJson(["post.txt"], { cwd }).results[0]!.messages.map((m) => m.ruleId);
    expect(ids).toContain("conduct/mocking-patients");
    expect(ids).not.toContain("conduct/text-model");
  });

  it("leaves general education, logistics, compliant replies and very short texts alone", () => {
    const cwd = project({
      "tips.txt":
        "Allergy season is here: keep windows closed on high-pollen days and ask us about testing.\n",
      "hours.txt":
        "Our office closes at noon on Friday for staff training. The portal stays open.\n",
      // Too short for the model to judge: fewer than 8 words.
      "caption.txt": "Hello spring!\n",
      "reply.md":
        "---\nin_reply_to: review-1\n---\nThank you for the kind words! We'll pass them on to the whole team.\n",
    });
    const { status, results } = lintJson(["."], { cwd });
    expect(status).toBe(0);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });

  it("lets a written rule step back where the model is sure there is nothing of its kind", () => {
    const rule = (unless: string) =>
      oneRuleRuleset("claims/word-best", `    kind: terms\n    terms: [best]\n${unless}`, "error");
    const veto = "    unless:\n      - model: claims\n        below: 0.05\n        within: field\n";
    const cwd = project({
      "team.txt":
        "Best wishes to our front desk team on their move to the new building next week!\n",
      "plain.yaml": rule(""),
      "veto.yaml": rule(veto),
    });
    const ids = (file: string) =>
      lintJson(["team.txt", "--rules", file], { cwd }).results[0]!.messages.map((m) => m.ruleId);
    expect(ids("plain.yaml")).toContain("claims/word-best");
    expect(ids("veto.yaml")).not.toContain("claims/word-best");
  });

  it("takes a ruleset's own threshold", () => {
    const rule = (threshold: number) =>
      oneRuleRuleset(
        "conduct/strict-reader",
        `    kind: model\n    model: conduct\n    threshold: ${threshold}\n`,
        "error",
      );
    const cwd = project({ "vent.md": VENT, "low.yaml": rule(0.6), "high.yaml": rule(0.95) });
    const ids = (file: string) =>
      lintJson(["vent.md", "--rules", file], { cwd }).results[0]!.messages.map((m) => m.ruleId);
    expect(ids("low.yaml")).toContain("conduct/strict-reader");
    expect(ids("high.yaml")).not.toContain("conduct/strict-reader");
  });
});
