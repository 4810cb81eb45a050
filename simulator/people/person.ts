/**
 * An invented person and the identity document they show: names from their nationality's pool, sensible
 * dates relative to the day of the check, a document number and, for passports and cards, an ICAO MRZ.
 */
import { COUNTRIES, type Country, findCountry, type OnfidoDocumentType, offersDocument } from "./countries";
import { addDays, addYears } from "./dates";
import { buildMrz } from "./mrz";
import { namePool } from "./names";
import { pickWeighted, type Rng } from "./prng";

export type Rgb = readonly [number, number, number];

export interface Person {
  /** As printed in the visual zone: upper case, diacritics kept. */
  firstName: string;
  lastName: string;
  gender: "female" | "male";
  dateOfBirth: string;
  nationality: string;
  skin: Rgb;
  hair: Rgb;
}

export interface IdDocument {
  type: OnfidoDocumentType;
  number: string;
  issuingCountry: string;
  issuingDate: string;
  dateOfExpiry: string;
  /** Absent for driving licences, which carry no ICAO zone. */
  mrz?: string[];
}

export interface IdentityOptions {
  /** The day of the check, `YYYY-MM-DD`. */
  today: string;
  documentType?: OnfidoDocumentType;
  allowedDocumentTypes?: readonly OnfidoDocumentType[];
  countryOfResidence?: string;
  minor?: boolean;
  expired?: boolean;
  brokenMrz?: boolean;
}

const TYPE_WEIGHTS: Record<OnfidoDocumentType, number> = {
  passport: 45,
  national_identity_card: 30,
  driving_licence: 15,
  residence_permit: 10,
};
const VALIDITY_YEARS: Record<OnfidoDocumentType, number> = {
  passport: 10,
  national_identity_card: 10,
  driving_licence: 15,
  residence_permit: 5,
};
/** A = letter, 9 = digit, X = either. */
const NUMBER_PATTERNS: Record<OnfidoDocumentType, string> = {
  passport: "AA9999999",
  national_identity_card: "XXXXXXXXX",
  driving_licence: "AA999999A9",
  residence_permit: "AA9999999",
};
const DIGIT_PASSPORTS = new Set(["GBR", "USA", "IRL", "NOR"]);
const SKINS: readonly Rgb[] = [[241, 204, 177], [224, 172, 138], [198, 134, 96], [160, 102, 70], [111, 72, 48], [235, 190, 160]];
const HAIRS: readonly Rgb[] = [[40, 30, 24], [92, 60, 38], [180, 140, 90], [220, 196, 140], [150, 60, 30], [120, 120, 120]];
const LETTERS = [..."ABCDEFGHJKLMNPRSTUVWXYZ"];

function documentNumber(rng: Rng, pattern: string): string {
  let out = "";
  for (const ch of pattern) {
    if (ch === "9") out += String(rng.int(0, 9));
    else if (ch === "A") out += rng.pick(LETTERS);
    else out += rng.chance(0.3) ? rng.pick(LETTERS) : String(rng.int(0, 9));
  }
  return out;
}

function chooseType(rng: Rng, options: IdentityOptions): OnfidoDocumentType {
  const allowed = options.allowedDocumentTypes;
  if (options.documentType && (!allowed || allowed.includes(options.documentType))) return options.documentType;
  const weights: Partial<Record<OnfidoDocumentType, number>> = {};
  for (const [type, weight] of Object.entries(TYPE_WEIGHTS) as [OnfidoDocumentType, number][]) {
    if (!allowed || allowed.includes(type)) weights[type] = weight;
  }
  return pickWeighted(rng, weights);
}

function chooseIssuer(rng: Rng, type: OnfidoDocumentType, residence: Country | undefined): Country {
  if (residence && offersDocument(residence, type)) return residence;
  return rng.pick(COUNTRIES.filter((c) => offersDocument(c, type)));
}

const upper = (name: string, country: Country | undefined): string =>
  country?.locale ? name.toLocaleUpperCase(country.locale) : name.toUpperCase();

export function generateIdentity(rng: Rng, options: IdentityOptions): { person: Person; document: IdDocument } {
  const type = chooseType(rng, options);
  const issuer = chooseIssuer(rng, type, findCountry(options.countryOfResidence));
  // A residence permit is held by a foreign national; every other document by a citizen of its issuer.
  const nationalityCountry =
    type === "residence_permit" ? rng.pick(COUNTRIES.filter((c) => c.code !== issuer.code)) : issuer;
  const pool = namePool(nationalityCountry.code);
  const gender = rng.chance(0.5) ? "female" : "male";
  const given = gender === "female" ? pool.female : pool.male;
  let firstName = rng.pick(given);
  if (rng.chance(0.2)) {
    const second = rng.pick(given);
    if (second !== firstName) firstName = `${firstName} ${second}`;
  }
  const lastName = rng.pick(gender === "female" ? pool.lastFemale : pool.lastMale);

  const age = options.minor ? rng.int(14, 17) : rng.int(18, 82);
  const dateOfBirth = addDays(addYears(options.today, -age), -rng.int(0, 364));
  const validity = options.minor && type !== "driving_licence" ? 5 : VALIDITY_YEARS[type];
  const dateOfExpiry = options.expired
    ? addDays(options.today, -rng.int(20, 900))
    : addDays(options.today, rng.int(30, validity * 365 - 30));
  const issuingDate = addDays(addYears(dateOfExpiry, -validity), 1);

  const pattern = type === "passport" && DIGIT_PASSPORTS.has(issuer.code) ? "999999999" : NUMBER_PATTERNS[type];
  const number = documentNumber(rng, pattern);
  const person: Person = {
    firstName: upper(firstName, nationalityCountry),
    lastName: upper(lastName, nationalityCountry),
    gender,
    dateOfBirth,
    nationality: nationalityCountry.code,
    skin: rng.pick(SKINS),
    hair: rng.pick(HAIRS),
  };
  const mrz =
    type === "driving_licence"
      ? undefined
      : buildMrz({
          documentCode: type === "passport" ? "P" : type === "residence_permit" ? "IR" : "I",
          issuingState: issuer.mrzCode ?? issuer.code,
          documentNumber: number,
          nationality: nationalityCountry.mrzCode ?? nationalityCountry.code,
          dateOfBirth,
          sex: gender === "female" ? "F" : "M",
          dateOfExpiry,
          lastName: person.lastName,
          firstName: person.firstName,
          breakCheckDigits: options.brokenMrz,
        });
  return {
    person,
    document: { type, number, issuingCountry: issuer.code, issuingDate, dateOfExpiry, ...(mrz ? { mrz } : {}) },
  };
}
