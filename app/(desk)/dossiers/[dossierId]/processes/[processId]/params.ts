import { z } from "zod";

/** Assure ids are UUIDs; the desk accepts any plain id so that other id shapes still open, and nothing else. */
const id = z.string().min(1).max(128).regex(/^[A-Za-z0-9-]+$/);

export const ProcessPageParams = z.object({ dossierId: id, processId: id });
export type ProcessPageParams = z.infer<typeof ProcessPageParams>;
