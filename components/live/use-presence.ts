"use client";

import { useCallback, useEffect, useState } from "react";
import { useLiveMessages } from "./live-events";

export interface PresenceEntry {
  processId: string;
  name: string;
  role: string;
  mode: "viewing" | "reviewing";
}

/** How often presence is read again without an event: a tab that vanished expires after a minute. */
const REREAD_MS = 20_000;

/** Who else has these processes open, read when mounted, on each presence event for them, and every 20 s. */
export function usePresence(processIds: readonly string[]): PresenceEntry[] {
  const key = processIds.join(",");
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  const read = useCallback(async () => {
    if (!key) return;
    const query = new URLSearchParams(key.split(",").map((id) => ["process", id]));
    const response = await fetch(`/api/presence?${query}`, { cache: "no-store" });
    if (!response.ok) return;
    const body = (await response.json()) as { presence: PresenceEntry[] };
    setEntries(body.presence);
  }, [key]);
  useEffect(() => {
    const reread = () => void read().catch(() => {});
    reread();
    const timer = setInterval(reread, REREAD_MS);
    return () => clearInterval(timer);
  }, [read]);
  useLiveMessages((message) => {
    if (message.kind === "resync" || (message.kind === "presence" && message.processId && key.split(",").includes(message.processId))) {
      void read().catch(() => {});
    }
  });
  return entries;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
