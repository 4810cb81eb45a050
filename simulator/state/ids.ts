/**
 * Ids for dossiers and processes: v4 UUIDs as flat strings. `crypto.randomUUID()` returns a rope of some
 * twenty pieces (~500 bytes of heap each); with 200,000 ids kept that is ~100 MB, so the id is copied once
 * through a Buffer into a single 36-byte string.
 */
import { randomUUID } from "node:crypto";

export const newId = (): string => Buffer.from(randomUUID(), "latin1").toString("latin1");
