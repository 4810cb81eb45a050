const MiB = 1024 * 1024;

/**
 * Bounds on what the desk unpacks from a full-result zip. A real result is a few JSON files and up to five
 * pictures or a video: tens of MB at most. Anything beyond these limits is refused rather than inflated.
 */
export interface ResultLimits {
  /** The stored zip itself. */
  maxZipBytes: number;
  /** Entries in the central directory (directories included). */
  maxEntries: number;
  /** Any one entry, inflated. */
  maxEntryBytes: number;
  /** All entries together, inflated. */
  maxTotalBytes: number;
  /** Longest entry name, in bytes. */
  maxNameLength: number;
  /** JSON files above this size are listed but not parsed. */
  maxJsonBytes: number;
}

export const DEFAULT_RESULT_LIMITS: ResultLimits = {
  maxZipBytes: 64 * MiB,
  maxEntries: 256,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 160 * MiB,
  maxNameLength: 255,
  maxJsonBytes: 8 * MiB,
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MiB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / MiB).toFixed(1)} MiB`;
}
