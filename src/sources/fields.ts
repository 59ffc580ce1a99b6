// Which keys and columns of a post hold text to lint, images, or context.

/** Keys (front matter, JSON/YAML posts) and CSV headers whose values are published text. */
export const TEXT_KEYS = new Set([
  "title",
  "caption",
  "text",
  "message",
  "message_text",
  "content",
  "post",
  "body",
  "description",
  "first_comment",
  "comment",
  "alt",
  "alt_text",
  "summary",
  "headline",
]);

export const IMAGE_KEYS = new Set(["image", "images", "image_path", "photo", "photos", "media"]);

export function normalizeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
