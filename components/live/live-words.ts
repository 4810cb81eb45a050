import { fillMessage } from "@/components/fill-message";
import type { Messages } from "@/components/labels";
import type { PresenceEntry } from "./use-presence";

/**
 * The words of the live parts of a page (the lists' bar, presence), handed down by the server as messages:
 * the client code formats them itself (components/format-message.ts), without next-intl's formatter.
 */
export interface LiveWords {
  live: Messages["Live"];
  /** The roles' names, for "Cora Compliance (compliance) is viewing". */
  roles: Messages["Desk"]["roles"];
}

/** The live words out of the request's messages (`getMessages()` on the server). */
export function liveWords(messages: Pick<Messages, "Live" | "Desk">): LiveWords {
  return { live: messages.Live, roles: messages.Desk.roles };
}

/** "Cora Compliance (compliance) is reviewing", in the page's language. */
export function describePresence(entry: PresenceEntry, words: LiveWords): string {
  const role = (words.roles as Record<string, string>)[entry.role] ?? entry.role;
  return fillMessage(entry.mode === "reviewing" ? words.live.reviewing : words.live.viewing, { name: entry.name, role });
}
