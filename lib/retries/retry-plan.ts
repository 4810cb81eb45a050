import type { ProcessRow } from "../../db/schema";
import type { CreateProcessRequest, ProcessParameters } from "../assure/schemas";

/** What a retry will send, shown to the admin before they confirm. */
export interface RetryPlan {
  retryable: boolean;
  /** Why not: a code the page words in the viewer's language (with its values), and the English for logs and errors. */
  refusal: RetryRefusal | null;
  request: Omit<CreateProcessRequest, "notificationUrl" | "authorizationHeader">;
}

export type RetryRefusal = { message: string } & (
  | { code: "retryPurged"; values: { reason: string } }
  | { code: "retryNotFailed"; values: { status: string } }
  | { code: "retryConsent" | "retryCapturedByEndUser" | "retryUsConsent"; values?: undefined }
);

export interface RetryCorrections {
  countryOfResidence?: string;
  documentType?: string;
}

/** failReason types (and messages) that mean the end-user refused or never gave consent. */
export function isConsentFailure(type: string | null, message: string | null): boolean {
  return /consent/i.test(type ?? "") || /consent/i.test(message ?? "");
}

/**
 * Process types whose images the provider's SDK captures on the end-user's device: Assure refuses images
 * for them through the API ("Images cannot be set"), so a retry made by the desk could never start.
 */
export const CAPTURED_BY_END_USER = ["documentVideo"] as const;

export function isCapturedByEndUser(processType: string | null | undefined): boolean {
  return (CAPTURED_BY_END_USER as readonly string[]).includes(processType ?? "");
}

export const CAPTURED_BY_END_USER_REFUSAL =
  "A document + video check is captured by Onfido's SDK on the end-user's device: Assure takes no images for it through the API, so the desk cannot start it again. Ask the end-user to run the check again.";

const NEEDS_CONSENT_IN_US = new Set(["documentSelfie", "documentVideo"]);

/**
 * The contract's retry: same provider, process type and document type and parameters, with the location
 * or document type corrected by staff. Consent is copied as the end-user gave it and never added.
 */
export function planRetry(original: ProcessRow, corrections: RetryCorrections = {}): RetryPlan {
  const parameters: ProcessParameters = structuredClone((original.processParameters ?? {}) as ProcessParameters);
  if (corrections.countryOfResidence) {
    parameters.location = { ...parameters.location, countryOfResidence: corrections.countryOfResidence };
  }
  const request = {
    provider: original.provider ?? "onfido",
    processType: (original.processType ?? "document") as CreateProcessRequest["processType"],
    ...(corrections.documentType || original.documentType
      ? { documentType: (corrections.documentType ?? original.documentType) as CreateProcessRequest["documentType"] }
      : {}),
    processParameters: parameters,
  };

  const refuse = (refusal: RetryRefusal): RetryPlan => ({ retryable: false, refusal, request });
  // A tombstone's parameters are gone, and a retry would bring the person back.
  if (original.purgedAt) {
    const reason = original.purgeReason ?? "retention";
    return refuse({ code: "retryPurged", values: { reason }, message: `This process's personal data was purged (${reason}): it cannot be retried.` });
  }
  if (original.status !== "failed") {
    return refuse({ code: "retryNotFailed", values: { status: original.status }, message: `Only failed processes are retried; this one is ${original.status}.` });
  }
  if (isConsentFailure(original.failReasonType, original.failReasonMessage)) {
    return refuse({
      code: "retryConsent",
      message: "It failed for the end-user's consent. Only the end-user can give consent, so staff cannot retry it: ask the end-user to start again.",
    });
  }
  if (isCapturedByEndUser(request.processType)) return refuse({ code: "retryCapturedByEndUser", message: CAPTURED_BY_END_USER_REFUSAL });
  const usResident = parameters.location?.countryOfResidence === "USA";
  if (usResident && NEEDS_CONSENT_IN_US.has(request.processType) && parameters.consents?.privacy !== true) {
    return refuse({ code: "retryUsConsent", message: "A US resident's selfie or video check needs the end-user's privacy consent, which staff cannot give." });
  }
  // A missing location is left for Assure to refuse: the admin sees its reason and can correct it.
  return { retryable: true, refusal: null, request };
}
