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

/**
 * Why a look-up cannot be read, for the page to say in its language (components/list-kit/filter-words.ts);
 * `message` says it in English, for the API's 400 answers.
 */
export type LookupProblem =
  | { key: "nameTooShort"; min: number }
  | { key: "prefixTooShort"; of: "documentNumber" | "id" | "documentNumberOrId"; min: number }
  | { key: "notARealDate"; text: string }
  | { key: "dateOfBirthFormat" };

export type LookupResult = { ok: true; lookup: Lookup | null } | { ok: false; message: string; problem: LookupProblem };

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
    return { ok: false, message: `Type at least ${MIN_NAME_LENGTH} letters of a name`, problem: { key: "nameTooShort", min: MIN_NAME_LENGTH } };
  }
  return { ok: true, lookup: { kind: "name", words } };
}

const PREFIX_NAMES = { documentNumber: "a document number", id: "an id", documentNumberOrId: "a document number or id" } as const;

function prefixTooShort(of: keyof typeof PREFIX_NAMES): LookupResult {
  return { ok: false, message: `Type at least ${MIN_PREFIX_LENGTH} characters of ${PREFIX_NAMES[of]}`, problem: { key: "prefixTooShort", of, min: MIN_PREFIX_LENGTH } };
}

function documentLookup(text: string): LookupResult {
  const prefix = normaliseDocumentNumber(text);
  return prefix.length < MIN_PREFIX_LENGTH ? prefixTooShort("documentNumber") : { ok: true, lookup: { kind: "document", prefix } };
}

/** Assure's ids are lower-case UUIDs: staff may paste them in any case. */
function idLookup(text: string): LookupResult {
  const prefix = text.replace(/\s+/g, "").toLowerCase();
  return prefix.length < MIN_PREFIX_LENGTH ? prefixTooShort("id") : { ok: true, lookup: { kind: "id", prefix } };
}

function dobLookup(text: string): LookupResult {
  const date = parseDateOfBirth(text);
  if (date === "invalid") return { ok: false, message: `${text} is not a real date`, problem: { key: "notARealDate", text } };
  if (date === null) return { ok: false, message: "Type a date of birth as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY", problem: { key: "dateOfBirthFormat" } };
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
  if (documentPrefix.length < MIN_PREFIX_LENGTH) return prefixTooShort("documentNumberOrId");
  // Ids are hex digits and dashes: anything else can only be a document number.
  if (!HEX_OR_DASH.test(idPrefix)) return { ok: true, lookup: { kind: "document", prefix: documentPrefix } };
  return { ok: true, lookup: { kind: "document-or-id", documentPrefix, idPrefix } };
}

/**
 * The look-up as a phrase, so that staff see how their text was read: a message under `Filters.lookup` and its
 * values (the date of birth as an ISO day, written in the page's format). components/list-kit/filter-words.ts
 * says it in the page's language.
 */
export type LookupPhrase =
  | { key: "name"; words: string }
  | { key: "document"; prefix: string }
  | { key: "dob"; date: string }
  | { key: "id"; prefix: string }
  | { key: "documentOrId"; documentPrefix: string; idPrefix: string };

export function describeLookup(lookup: Lookup): LookupPhrase {
  switch (lookup.kind) {
    case "name":
      return { key: "name", words: lookup.words.join(" ") };
    case "document":
      return { key: "document", prefix: lookup.prefix };
    case "dob":
      return { key: "dob", date: lookup.date };
    case "id":
      return { key: "id", prefix: lookup.prefix };
    case "document-or-id":
      return { key: "documentOrId", documentPrefix: lookup.documentPrefix, idPrefix: lookup.idPrefix };
  }
}
