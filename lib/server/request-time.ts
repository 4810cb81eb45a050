import "server-only";

/**
 * The time a server component renders, in ms. A server component renders once per request (it never
 * re-renders in the browser), so the time is part of what that request produced, like the data it read.
 */
export function requestTime(): number {
  return Date.now();
}
