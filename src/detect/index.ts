import type { Detector } from "./detector.js";
import { date, email, ipAddress, personalUrl, phone, ssn, streetAddress } from "./identifiers.js";
import { caseStory } from "./case-story.js";
import { handle, personName, staffName } from "./people.js";
import { practiceName } from "./practice.js";

/** Every detector a ruleset can name with `kind: detector`. */
export const DETECTORS = new Map<string, Detector>(
  [
    ssn,
    phone,
    email,
    ipAddress,
    personalUrl,
    date,
    streetAddress,
    personName,
    handle,
    staffName,
    caseStory,
    practiceName,
  ].map((d) => [d.id, d]),
);
