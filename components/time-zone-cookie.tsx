"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/i18n/time-zone";

interface TimeZoneCookieProps {
  /** The zone the server rendered this page in, or null when it is the user's own choice. */
  renderedIn: string | null;
}

/**
 * Tells the server the browser's time zone (a cookie), which it cannot know from a request. A page rendered
 * in another zone than the browser's (the first page a browser opens, or after travel) renders again once.
 */
export function TimeZoneCookie({ renderedIn }: TimeZoneCookieProps) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=31536000; samesite=lax`;
    if (renderedIn !== null && renderedIn !== zone) router.refresh();
  }, [renderedIn, router]);
  return null;
}
