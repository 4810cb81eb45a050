/**
 * The countries the simulator issues documents for. Codes are ISO 3166 alpha-3; `mrzCode` is the code printed
 * in the machine-readable zone where ICAO 9303 differs (Germany prints `D<<`).
 */
export type OnfidoDocumentType = "passport" | "national_identity_card" | "driving_licence" | "residence_permit";

export const ONFIDO_DOCUMENT_TYPES: readonly OnfidoDocumentType[] = [
  "passport",
  "national_identity_card",
  "driving_licence",
  "residence_permit",
];

export interface Country {
  code: string;
  mrzCode?: string;
  /** Identity cards with an ICAO TD1 zone exist here. */
  identityCard: boolean;
  /** Residence permit cards (TD1) are issued here to foreign nationals. */
  residencePermit: boolean;
  /** The card's background colour, so that documents from one country look alike. */
  colour: readonly [number, number, number];
  /** Locale for upper-casing printed names (Turkish dotted capital İ). */
  locale?: string;
}

export const COUNTRIES: readonly Country[] = [
  { code: "PRT", identityCard: true, residencePermit: true, colour: [196, 214, 230] },
  { code: "ESP", identityCard: true, residencePermit: true, colour: [214, 200, 228] },
  { code: "FRA", identityCard: true, residencePermit: true, colour: [206, 222, 236] },
  { code: "DEU", mrzCode: "D", identityCard: true, residencePermit: true, colour: [222, 226, 204] },
  { code: "ITA", identityCard: true, residencePermit: true, colour: [220, 210, 196] },
  { code: "NLD", identityCard: true, residencePermit: true, colour: [236, 214, 196] },
  { code: "NOR", identityCard: true, residencePermit: true, colour: [228, 200, 204] },
  { code: "SWE", identityCard: true, residencePermit: true, colour: [202, 218, 232] },
  { code: "DNK", identityCard: false, residencePermit: true, colour: [232, 206, 206] },
  { code: "FIN", identityCard: true, residencePermit: true, colour: [206, 224, 240] },
  { code: "ISL", identityCard: false, residencePermit: false, colour: [204, 216, 236] },
  { code: "POL", identityCard: true, residencePermit: true, colour: [232, 214, 222] },
  { code: "CZE", identityCard: true, residencePermit: true, colour: [210, 224, 214] },
  { code: "HUN", identityCard: true, residencePermit: true, colour: [214, 230, 208] },
  { code: "ROU", identityCard: true, residencePermit: true, colour: [226, 222, 198] },
  { code: "HRV", identityCard: true, residencePermit: true, colour: [208, 214, 234] },
  { code: "LVA", identityCard: true, residencePermit: true, colour: [230, 208, 212] },
  { code: "GRC", identityCard: false, residencePermit: true, colour: [200, 220, 238] },
  { code: "IRL", identityCard: false, residencePermit: true, colour: [206, 232, 212] },
  { code: "GBR", identityCard: false, residencePermit: true, colour: [214, 206, 226] },
  { code: "TUR", identityCard: true, residencePermit: false, colour: [236, 212, 210], locale: "tr-TR" },
  { code: "USA", identityCard: false, residencePermit: false, colour: [210, 218, 236] },
  { code: "BRA", identityCard: false, residencePermit: false, colour: [210, 232, 210] },
  { code: "MEX", identityCard: false, residencePermit: false, colour: [226, 230, 206] },
  { code: "VNM", identityCard: true, residencePermit: false, colour: [236, 222, 200] },
];

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function findCountry(code: string | undefined): Country | undefined {
  return code === undefined ? undefined : BY_CODE.get(code.toUpperCase());
}

export function offersDocument(country: Country, type: OnfidoDocumentType): boolean {
  if (type === "national_identity_card") return country.identityCard;
  if (type === "residence_permit") return country.residencePermit;
  return true;
}

/** Passports and driving licences are single-sided; cards have a back that the end-user photographs too. */
export function isTwoSided(type: OnfidoDocumentType | undefined): boolean {
  return type === "national_identity_card" || type === "driving_licence" || type === "residence_permit";
}
