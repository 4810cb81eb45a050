import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PERSONAL_PROCESS_COLUMNS, REPLACED_PROCESS_COLUMNS, TOMBSTONE_COLUMNS } from "./personal-data";
import { processes } from "./schema";

describe("personal data in processes", () => {
  it("classifies every column as personal (cleared by a purge), replaced, or kept in the tombstone", () => {
    const classified = [...PERSONAL_PROCESS_COLUMNS, ...REPLACED_PROCESS_COLUMNS, ...TOMBSTONE_COLUMNS] as string[];
    // A new column (a look-up field, say) must be added to one list, so the purge cannot forget it.
    expect(Object.keys(getTableColumns(processes)).sort()).toEqual([...classified].sort());
    expect(new Set(classified).size).toBe(classified.length);
  });

  it("clears every name, date of birth and document number column", () => {
    expect(PERSONAL_PROCESS_COLUMNS).toEqual(expect.arrayContaining(["firstName", "lastName", "nameSearch", "documentNumber", "dateOfBirth", "nationality"]));
  });
});
