import { describe, expect, it } from "vitest";
import { formatChartValue } from "./chart-format";

describe("an overview chart's values in the viewer's locale", () => {
  it("writes days and hours as counted, in the page's date format", () => {
    expect(formatChartValue("2026-12-02", "day", "nb-NO", "")).toBe("02.12.2026");
    expect(formatChartValue("2026-12-02", "day", "en-GB", "")).toBe("02/12/2026");
    expect(formatChartValue("2026-12-02", "day", "nb-NO", "", "short")).toBe("2.12.");
    // The hour is the viewer's clock already: no zone moves it.
    expect(formatChartValue("2026-12-02T23:00", "hour", "nb-NO", "")).toBe("02.12.2026, 23:00");
    expect(formatChartValue("2026-12-02T09:00", "hour", "en-GB", "", "short")).toBe("02/12, 09:00");
  });

  it("writes counts, decimals and shares with the locale's separators", () => {
    expect(formatChartValue(12345, "count", "nb-NO", "")).toBe("12\u00a0345");
    expect(formatChartValue(12345, "count", "en-GB", "")).toBe("12,345");
    expect(formatChartValue(2.5, "decimal", "nb-NO", "")).toBe("2,5");
    expect(formatChartValue(12.5, "percent", "en-GB", "")).toBe("12.5%");
    expect(formatChartValue(12.5, "percent", "nb-NO", "")).toBe("12,5\u00a0%");
  });

  it("keeps Assure's values and says when a fail reason has none", () => {
    expect(formatChartValue("PROVIDER_ERROR", "failReason", "nb-NO", "(ingen oppgitt)")).toBe("PROVIDER_ERROR");
    expect(formatChartValue(null, "failReason", "nb-NO", "(ingen oppgitt)")).toBe("(ingen oppgitt)");
    expect(formatChartValue(null, "decimal", "nb-NO", "(ingen oppgitt)")).toBe("—");
    expect(formatChartValue("accepted", "text", "nb-NO", "")).toBe("accepted");
  });
});
