import { foldForSearch, normaliseDocumentNumber } from "./extract-lookup";

/**
 * What support staff typed into the one look-up box, understood. Pure and free of server imports so
 * that the look-up box can tell staff, as they type, how it reads their text.
 */

export const LOOKUP_KINDS = ["auto", "name", "document", "dob", "id"] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export type Lookup =
  /** Every word must occur in the folded "first last" name (partial, accent-insensitive). */
  | { kind: "name"; words: string[] }
  /** Normalised document number prefix. */
  | { kind: "document"; prefix: string }
  | { kind: "dob"; date: string }
  /** Process id or dossier id prefix. */
  | { kind: "id"; prefix: string }
  /** Letters and digits without an obvious kind: a document number or an id, both by prefix. */
  | { kind: "document-or-id"; documentPrefix: string; idPrefix: string };

export type LookupResult = { ok: true; lookup: Lookup | null } | { ok: false; message: string };

/** Shorter look-ups match too much to be useful and cannot use the trigram index. */
export const MIN_NAME_LENGTH = 3;
export const MIN_PREFIX_LENGTH = 3;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const EUROPEAN_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
/** Letters (any script), spaces, apostrophes, hyphens and dots: a name. */
const NAME_LIKE = /^[\p{L}\p{M}' ’.-]+$/u;
/** Hex digits with a dash where a UUID has one: unmistakably an id. */
const UUID_PREFIX = /^[0-9a-f]{8}-[0-9a-f-]*$/i;
const HEX_OR_DASH = /^[0-9a-f-]+$/;

function realDate(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (the European order our staff use). */
export function parseDateOfBirth(text: string): string | null | "invalid" {
  const iso = ISO_DATE.exec(text);
  if (iso) return realDate(iso[1]!, iso[2]!, iso[3]!) ?? "invalid";
  const european = EUROPEAN_DATE.exec(text);
  if (european) return realDate(european[3]!, european[2]!, european[1]!) ?? "invalid";
  return null;
}

function nameLookup(text: string): LookupResult {
  const words = foldForSearch(text).split(" ").filter(Boolean);
  if (words.join(" ").length < MIN_NAME_LENGTH) {
    return { ok: false, message: `Type at least ${MIN_NAME_LENGTH} letters of a name` };
  }
  return { ok: true, lookup: { kind: "name", words } };
}

function prefixTooShort(what: string): LookupResult {
  return { ok: false, message: `Type at least ${MIN_PREFIX_LENGTH} characters of ${what}` };
}

function documentLookup(text: string): LookupResult {
  const prefix = normaliseDocumentNumber(text);
  return prefix.length < MIN_PREFIX_LENGTH ? prefixTooShort("a document number") : { ok: true, lookup: { kind: "document", prefix } };
}

/** Assure's ids are lower-case UUIDs: staff may paste them in any case. */
function idLookup(text: string): LookupResult {
  const prefix = text.replace(/\s+/g, "").toLowerCase();
  return prefix.length < MIN_PREFIX_LENGTH ? prefixTooShort("an id") : { ok: true, lookup: { kind: "id", prefix } };
}

function dobLookup(text: string): LookupResult {
  const date = parseDateOfBirth(text);
  if (date === "invalid") return { ok: false, message: `${text} is not a real date` };
  if (date === null) return { ok: false, message: "Type a date of birth as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY" };
  return { ok: true, lookup: { kind: "dob", date } };
}

export function parseLookup(raw: string | null | undefined, kind: LookupKind = "auto"): LookupResult {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, lookup: null };
  switch (kind) {
    case "name":
      return nameLookup(text);
    case "document":
      return documentLookup(text);
    case "dob":
      return dobLookup(text);
    case "id":
      return idLookup(text);
    case "auto":
      break;
  }
  if (parseDateOfBirth(text) !== null) return dobLookup(text);
  if (NAME_LIKE.test(text)) return nameLookup(text);
  if (UUID_PREFIX.test(text)) return idLookup(text);
  const documentPrefix = normaliseDocumentNumber(text);
  const idPrefix = text.replace(/\s+/g, "").toLowerCase();
  if (documentPrefix.length < MIN_PREFIX_LENGTH) return prefixTooShort("a document number or id");
  // Ids are hex digits and dashes: anything else can only be a document number.
  if (!HEX_OR_DASH.test(idPrefix)) return { ok: true, lookup: { kind: "document", prefix: documentPrefix } };
  return { ok: true, lookup: { kind: "document-or-id", documentPrefix, idPrefix } };
}

/** The look-up in words, so that staff see how their text was read. */
export function describeLookup(lookup: Lookup): string {
  switch (lookup.kind) {
    case "name":
      return `name contains “${lookup.words.join(" ")}”`;
    case "document":
      return `document number starts with “${lookup.prefix}”`;
    case "dob":
      return `date of birth is ${lookup.date}`;
    case "id":
      return `process or dossier id starts with “${lookup.prefix}”`;
    case "document-or-id":
      return `document number starts with “${lookup.documentPrefix}”, or process or dossier id starts with “${lookup.idPrefix}”`;
  }
}
