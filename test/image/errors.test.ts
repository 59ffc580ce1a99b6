import { afterAll, describe, expect, it } from "vitest";

import { closeImageChecks, inspectImage, stripMetadata } from "../../src/image/index.js";
import { fx } from "./helpers.js";

afterAll(closeImageChecks);

describe("bad input gives a clear Error", () => {
  it("missing file", async () => {
    await expect(
      inspectImage(fx("does-not-exist.jpg"), { faces: true, ocr: true }),
    ).rejects.toThrow(/cannot read image .*does-not-exist\.jpg.*ENOENT/);
    await expect(stripMetadata(fx("does-not-exist.jpg"))).rejects.toThrow(/cannot read/);
  });

  it("truncated JPEG", async () => {
    await expect(
      inspectImage(fx("corrupt-truncated.jpg"), { faces: true, ocr: false }),
    ).rejects.toThrow(/corrupt-truncated\.jpg/);
    await expect(
      inspectImage(fx("corrupt-truncated.jpg"), { faces: false, ocr: false }),
    ).rejects.toThrow(/cannot decode image|corrupt/);
  });

  it("text file named .png", async () => {
    await expect(
      inspectImage(fx("corrupt-not-image.png"), { faces: true, ocr: true }),
    ).rejects.toThrow(/not a supported image/);
    await expect(stripMetadata(fx("corrupt-not-image.png"))).rejects.toThrow(
      /not a supported image/,
    );
  });

  it("strip refuses a truncated JPEG without touching it", async () => {
    await expect(stripMetadata(fx("corrupt-truncated.jpg"))).rejects.toThrow(/corrupt JPEG/);
  });
});
