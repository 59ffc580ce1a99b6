import type { Detector } from "./detector.js";

/** Every detector a ruleset can name with `kind: detector`. */
export const DETECTORS = new Map<string, Detector>([].map((d: Detector) => [d.id, d]));
