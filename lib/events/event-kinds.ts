import type { Capability } from "../auth/permissions";

/**
 * What the desk tells open pages about a stored change. Ids, a status and a time, never personal data: the
 * browser reloads what it may see through the usual loaders. Plain values (no zod, no server code): the
 * client provider reads these types too.
 */
export const DESK_EVENT_KINDS = ["process", "result", "decision", "assignment", "note", "retry", "sync", "presence"] as const;
export type DeskEventKind = (typeof DESK_EVENT_KINDS)[number];

export interface DeskEvent {
  /** `<instance boot>-<sequence>`: what `Last-Event-ID` names when a browser reconnects. */
  id: string;
  kind: DeskEventKind;
  processId?: string;
  dossierId?: string;
  /** The process's status after the change (process events), or the sync run's state (sync events). */
  status?: string;
  /** The process's status before the change (process events of a process the desk held already). */
  previousStatus?: string;
  /** A process the desk did not hold before. */
  created?: boolean;
  /** When the change was stored, ms since the epoch (the writer's clock). */
  at: number;
}

/** Which role hears which kind: the same capability that lets it see the changed thing on a page. */
export const EVENT_CAPABILITY: Record<DeskEventKind, Capability> = {
  process: "processes.read",
  result: "results.read",
  decision: "reviews.read",
  assignment: "reviews.read",
  note: "processes.read",
  retry: "processes.read",
  sync: "desk.admin",
  presence: "processes.read",
};
