import { useFormatter } from "next-intl";

const KiB = 1024;
const MiB = 1024 * 1024;

/** A size as lib/results/result-limits.ts `formatBytes` writes it (B, KiB, MiB), in the viewer's number format. */
export function useByteSize(): (bytes: number) => string {
  const format = useFormatter();
  const number = (value: number) => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (bytes) => (bytes < KiB ? `${format.number(bytes)} B` : bytes < MiB ? `${number(bytes / KiB)} KiB` : `${number(bytes / MiB)} MiB`);
}
