/** The cookie components/time-zone-cookie.tsx keeps at the browser's time zone, for the server to render in. */
export const TIME_ZONE_COOKIE = "desk-tz";
