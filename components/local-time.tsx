"use client";

import { useEffect, useState } from "react";
import { timeText, utcText, type TimeStyle } from "./time-text";
import { useTimeSettings } from "./time-settings";

interface LocalTimeProps {
  at: Date | string;
  /** See components/time-text.ts; `relative` keeps itself up to date. */
  format?: TimeStyle;
  className?: string;
}

/**
 * Every time the desk shows: in the viewer's zone and language, the exact UTC instant on hover. The server
 * and the browser write it with their own Intl data, which may differ by a space, hence no hydration warning.
 */
export function LocalTime({ at, format = "dateTime", className }: LocalTimeProps) {
  const settings = useTimeSettings();
  const date = typeof at === "string" ? new Date(at) : at;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (format !== "relative") return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [format]);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time dateTime={date.toISOString()} title={utcText(date)} className={className} suppressHydrationWarning>
      {timeText(date, format, settings, now)}
    </time>
  );
}
