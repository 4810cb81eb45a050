import { z } from "zod";
import { InvalidInput } from "../errors";

/** A position in a list ordered by (time desc, id desc): the last row of the page before. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

const Cursor = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [at, id] = Cursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { at: new Date(at), id };
  } catch {
    throw new InvalidInput("The page link is not valid any more; start from the first page");
  }
}
