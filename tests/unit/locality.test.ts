import { describe, expect, it } from "vitest";
import { localityFor, usStateOf } from "@/lib/domain/locality";

describe("localityFor", () => {
  it("names the US state from the ZIP code", () => {
    expect(localityFor("US", "20500")).toBe("District of Columbia, United States");
    expect(localityFor("US", "94103-1234")).toBe("California, United States");
    expect(localityFor("US", "10001")).toBe("New York, United States");
    expect(localityFor("US", "73301")).toBe("Texas, United States");
    expect(localityFor("US", "73102")).toBe("Oklahoma, United States");
  });
  it("names the Canadian province from the postal code", () => {
    expect(localityFor("CA", "k1a 0b1")).toBe("Ontario, Canada");
  });
  it("gives only the country elsewhere", () => {
    expect(localityFor("GB", "SW1A 1AA")).toBe("United Kingdom");
    expect(localityFor("FR", "75001")).toBe("France");
  });
});

describe("usStateOf", () => {
  it("reads the state back from what localityFor wrote, and nothing from a place without one", () => {
    expect(usStateOf(localityFor("US", "78701"))).toBe("Texas");
    expect(usStateOf(localityFor("US", "20500"))).toBe("District of Columbia");
    expect(usStateOf(localityFor("US", "00000"))).toBeNull();
    expect(usStateOf("United States")).toBeNull();
    expect(usStateOf(null)).toBeNull();
  });
});
