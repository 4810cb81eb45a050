/** The Assure API client: `createAssureClient(config)`; see client.ts for the calls and errors.ts for failures. */
export {
  ASSURE_DEFAULT_BASE_URL,
  ASSURE_DEFAULT_MAX_RETRIES,
  ASSURE_DEFAULT_SCOPE,
  ASSURE_DEFAULT_TIMEOUT_MS,
  ASSURE_DEFAULT_TOKEN_URL,
  resolveAssureConfig,
  type AssureConfig,
  type AssureConfigInput,
} from "./config";
export { createAssureClient, RESULT_DOWNLOAD_MAX_BYTES, type AssureClient, type AssureClientOptions } from "./client";
export {
  AssureApiError,
  AssureAuthError,
  AssureBodyTooLargeError,
  AssureConfigError,
  AssureError,
  AssureResponseError,
  AssureTimeoutError,
  AssureUnavailableError,
  isAssureNotFound,
  type InvalidParam,
} from "./errors";
export { imageFromDataUrl, imageToDataUrl, looksLikeZip, sniffImageType, type AssureImage } from "./images";
export { parseAssureProcess } from "./parse";
export { assurePaths } from "./paths";
export * from "./schemas";
