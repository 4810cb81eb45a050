/** Counters for `GET /__sim/stats`; per-status counts live in the store. */
export interface Stats {
  requests: { total: number; byEndpoint: Record<string, number>; injectedErrors: number; droppedConnections: number };
  notifications: {
    /** Delivered with a 2xx answer (a duplicate counts once per delivery). */
    sent: number;
    /** Given up after the deadline. */
    failed: number;
    attempts: number;
    retries: number;
    dropped: number;
    duplicated: number;
  };
}

export const newStats = (): Stats => ({
  requests: { total: 0, byEndpoint: {}, injectedErrors: 0, droppedConnections: 0 },
  notifications: { sent: 0, failed: 0, attempts: 0, retries: 0, dropped: 0, duplicated: 0 },
});
