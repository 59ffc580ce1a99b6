import { fileURLToPath } from "node:url";

export const FIX = fileURLToPath(new URL("../../fixtures/images/", import.meta.url));
export const fx = (name: string): string => FIX + name;
