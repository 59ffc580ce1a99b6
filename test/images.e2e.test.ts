// The image checks as a user meets them: the CLI on real pictures, alone and referenced by posts.
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { FIXTURES, lintJson, postguard, PRACTICE_CONFIG, tempProject } from "./helpers/cli.js";

const IMAGES = join(FIXTURES, "images");
const image = (name: string) => join(IMAGES, name);

async function pixelHash(path: string): Promise<string> {
  const { data } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  return (await import("node:crypto")).createHash("sha256").update(data).digest("hex");
}

function rulesOf(result: ReturnType<typeof lintJson>, name: string) {
  return result.results.find((r) => r.filePath.endsWith(name))!.messages;
}

describe("faces", () => {
  it("finds faces with their boxes, and none on animals, objects or cartoons", () => {
    const names = [
      "face-astronaut.jpg",
      "face-group-small.jpg",
      "neg-cat.jpg",
      "neg-coffee.jpg",
      "neg-cartoon-smiley.png",
      "neg-horse-silhouette.png",
    ];
    const result = lintJson(names.map(image));
    expect(result.status).toBe(0);
    const faces = (name: string) => rulesOf(result, name).filter((m) => m.ruleId === "image/face");
    const astronaut = faces("face-astronaut.jpg");
    expect(astronaut).toHaveLength(1);
    expect(astronaut[0]).toMatchObject({ severity: 1, category: "image" });
    const region = astronaut[0]!.region!;
    expect(region.width).toBeGreaterThan(50);
    expect(region.x + region.width).toBeLessThanOrEqual(512);
    expect(astronaut[0]!.line).toBeUndefined();
    expect(faces("face-group-small.jpg")).toHaveLength(3);
    for (const negative of names.slice(2)) expect(faces(negative)).toEqual([]);
  });

  it("makes a face an error when the post that uses it speaks of a patient", () => {
    const cwd = tempProject({
      ".postguard.yaml": PRACTICE_CONFIG,
      "posts/patient.md":
        "---\nimage: ../photo.jpg\n---\n\nOur patient of the month, all smiles after her knee surgery!\n",
      "posts/team.md": "---\nimage: ../photo.jpg\n---\n\nOur front desk team says hello!\n",
    });
    copyFileSync(image("face-grace-hopper.jpg"), join(cwd, "photo.jpg"));
    const result = lintJson(["posts"], { cwd });
    const face = (file: string) => rulesOf(result, file).find((m) => m.ruleId === "image/face")!;
    expect(face("patient.md")).toMatchObject({ severity: 2, line: 2 });
    expect(face("team.md")).toMatchObject({ severity: 1, line: 2 });
  });
});

describe("metadata", () => {
  it.each(["meta.jpg", "meta.png", "meta.webp", "meta.heic", "meta.tif"])(
    "finds GPS and identity fields in %s",
    (name) => {
      const result = lintJson([image(name), "--show-matches"]);
      expect(result.status).toBe(1);
      const messages = rulesOf(result, name);
      const location = messages.find((m) => m.ruleId === "image/location")!;
      expect(location.severity).toBe(2);
      expect(location.match).toContain("41.8781, -87.6298");
      const identity = messages.find((m) => m.ruleId === "image/metadata")!;
      expect(identity.severity).toBe(1);
      expect(identity.match).toContain("Dana Whitfield");
      expect(identity.match).toContain("Maria Lopez");
    },
  );

  it("masks the values unless --show-matches", () => {
    const result = lintJson([image("meta.jpg")]);
    expect(JSON.stringify(result.results)).not.toContain("Whitfield");
    expect(JSON.stringify(result.results)).not.toContain("41.8781");
  });

  it("--fix strips location and identity without touching a pixel", async () => {
    const cwd = tempProject({});
    for (const name of ["meta.jpg", "meta.png", "meta.webp"])
      copyFileSync(image(name), join(cwd, name));
    const before = await Promise.all(
      ["meta.jpg", "meta.png", "meta.webp"].map((n) => pixelHash(join(cwd, n))),
    );
    const fixed = lintJson([".", "--fix"], { cwd });
    expect(fixed.status).toBe(0);
    for (const r of fixed.results) {
      expect(
        r.messages.filter((m) => m.ruleId === "image/location" || m.ruleId === "image/metadata"),
      ).toEqual([]);
    }
    const after = await Promise.all(
      ["meta.jpg", "meta.png", "meta.webp"].map((n) => pixelHash(join(cwd, n))),
    );
    expect(after).toEqual(before);
    const again = lintJson(["."], { cwd });
    expect(again.results.flatMap((r) => r.messages)).toEqual([]);
  });

  it("--fix leaves formats it cannot fix losslessly alone and still reports them", () => {
    const cwd = tempProject({});
    copyFileSync(image("meta.tif"), join(cwd, "meta.tif"));
    const original = readFileSync(join(cwd, "meta.tif"));
    const result = lintJson(["meta.tif", "--fix"], { cwd });
    expect(result.status).toBe(1);
    expect(rulesOf(result, "meta.tif").some((m) => m.ruleId === "image/location")).toBe(true);
    expect(readFileSync(join(cwd, "meta.tif")).equals(original)).toBe(true);
  });
});

describe("readable text", () => {
  it("reads a patient's name and date of birth on a whiteboard, not a practice phone on a poster", () => {
    const result = lintJson([
      image("text-whiteboard.png"),
      image("text-poster.png"),
      "--show-matches",
    ]);
    const board = rulesOf(result, "text-whiteboard.png").filter((m) => m.ruleId === "image/text");
    expect(board.map((m) => m.match)).toEqual(
      expect.arrayContaining(["03/14/1958", "John Carter"]),
    );
    expect(board.every((m) => m.severity === 2)).toBe(true);
    expect(rulesOf(result, "text-poster.png")).toEqual([]);
  });
});

describe("pictures referenced by posts", () => {
  it("reports a missing picture at the reference instead of failing", () => {
    const cwd = tempProject({ "post.md": "Spring is here!\n\n![flowers](missing.jpg)\n" });
    const result = lintJson(["post.md"], { cwd });
    expect(result.status).toBe(0);
    expect(rulesOf(result, "post.md")).toContainEqual(
      expect.objectContaining({ ruleId: "image/missing", line: 3, severity: 1 }),
    );
  });

  it("checks CSV image columns and Markdown links, and skips all pictures with --no-images", () => {
    const cwd = tempProject({
      "bulk.csv": "date,message,image\n2025-05-01,Hello spring,pic.jpg\n",
      "post.md": "Look!\n\n![x](pic.jpg)\n",
    });
    copyFileSync(image("meta.jpg"), join(cwd, "pic.jpg"));
    const checked = lintJson(["bulk.csv", "post.md"], { cwd });
    expect(rulesOf(checked, "bulk.csv").map((m) => [m.ruleId, m.line])).toContainEqual([
      "image/location",
      2,
    ]);
    expect(rulesOf(checked, "post.md").map((m) => [m.ruleId, m.line])).toContainEqual([
      "image/location",
      3,
    ]);
    const skipped = postguard(["bulk.csv", "post.md", "pic.jpg", "--no-images"], { cwd });
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toBe("");
  });

  it("lets a reviewer suppress a consented face inline", () => {
    const cwd = tempProject({
      "post.md":
        "Meet our new nurse!\n\n<!-- postguard-disable-next-line image/face -- photo release on file -->\n![x](face.jpg)\n",
    });
    copyFileSync(image("face-astronaut.jpg"), join(cwd, "face.jpg"));
    const result = lintJson(["post.md"], { cwd });
    expect(rulesOf(result, "post.md")).toEqual([]);
  });

  it("reports an unreadable picture as a finding, not a crash", () => {
    const result = lintJson([image("corrupt-truncated.jpg"), image("corrupt-not-image.png")]);
    expect(result.status).toBe(0);
    for (const r of result.results) {
      expect(r.messages[0]!.message).toContain("could not be checked");
    }
  });
});
