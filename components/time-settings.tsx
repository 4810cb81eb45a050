"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The viewer's language and time zone, for the times client code shows (components/local-time.tsx). */
export interface TimeSettings {
  locale: string;
  timeZone: string;
}

const Settings = createContext<TimeSettings>({ locale: "en", timeZone: "UTC" });

export function TimeSettingsProvider({ settings, children }: { settings: TimeSettings; children: ReactNode }) {
  return <Settings.Provider value={settings}>{children}</Settings.Provider>;
}

export const useTimeSettings = () => useContext(Settings);
