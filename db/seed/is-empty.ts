import type { Database } from "../client";

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const rows = await database.query<{ any: boolean }>("select exists (select 1 from processes) as any");
  return rows[0]?.any !== true;
}
