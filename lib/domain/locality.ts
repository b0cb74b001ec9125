import { countryName } from "@/lib/domain/countries";

// Where a public signer is from, no finer than a state or province: shown beside their first
// name and last initial. A postal code itself is never shown.

// First three digits of a ZIP code, as inclusive ranges, to the state they belong to.
const US_ZIP3: [number, number, string][] = [
  [5, 5, "New York"],
  [6, 9, "Puerto Rico"],
  [10, 27, "Massachusetts"],
  [28, 29, "Rhode Island"],
  [30, 38, "New Hampshire"],
  [39, 49, "Maine"],
  [50, 54, "Vermont"],
  [55, 55, "Massachusetts"],
  [56, 59, "Vermont"],
  [60, 69, "Connecticut"],
  [70, 89, "New Jersey"],
  [100, 149, "New York"],
  [150, 196, "Pennsylvania"],
  [197, 199, "Delaware"],
  [200, 205, "District of Columbia"],
  [206, 219, "Maryland"],
  [220, 246, "Virginia"],
  [247, 268, "West Virginia"],
  [270, 289, "North Carolina"],
  [290, 299, "South Carolina"],
  [300, 319, "Georgia"],
  [320, 349, "Florida"],
  [350, 369, "Alabama"],
  [370, 385, "Tennessee"],
  [386, 397, "Mississippi"],
  [398, 399, "Georgia"],
  [400, 427, "Kentucky"],
  [430, 459, "Ohio"],
  [460, 479, "Indiana"],
  [480, 499, "Michigan"],
  [500, 528, "Iowa"],
  [530, 549, "Wisconsin"],
  [550, 567, "Minnesota"],
  [569, 569, "District of Columbia"],
  [570, 577, "South Dakota"],
  [580, 588, "North Dakota"],
  [590, 599, "Montana"],
  [600, 629, "Illinois"],
  [630, 658, "Missouri"],
  [660, 679, "Kansas"],
  [680, 693, "Nebraska"],
  [700, 714, "Louisiana"],
  [716, 729, "Arkansas"],
  [730, 732, "Oklahoma"],
  [733, 733, "Texas"],
  [734, 749, "Oklahoma"],
  [750, 799, "Texas"],
  [800, 816, "Colorado"],
  [820, 831, "Wyoming"],
  [832, 838, "Idaho"],
  [840, 847, "Utah"],
  [850, 865, "Arizona"],
  [870, 884, "New Mexico"],
  [885, 885, "Texas"],
  [889, 898, "Nevada"],
  [900, 961, "California"],
  [967, 968, "Hawaii"],
  [969, 969, "Guam"],
  [970, 979, "Oregon"],
  [980, 994, "Washington"],
  [995, 999, "Alaska"],
];

// A Map: the letter comes from what a supporter typed, and must never find an inherited property.
const CA_FIRST_LETTER = new Map(
  Object.entries({
    A: "Newfoundland and Labrador",
    B: "Nova Scotia",
    C: "Prince Edward Island",
    E: "New Brunswick",
    G: "Quebec",
    H: "Quebec",
    J: "Quebec",
    K: "Ontario",
    L: "Ontario",
    M: "Ontario",
    N: "Ontario",
    P: "Ontario",
    R: "Manitoba",
    S: "Saskatchewan",
    T: "Alberta",
    V: "British Columbia",
    X: "Northwest Territories and Nunavut",
    Y: "Yukon",
  }),
);

/**
 * Why a U.S. state count is approximate: the state is read from a ZIP code's first three digits
 * (US_ZIP3), and a few ZIP codes, and the places some prefixes serve, cross a state line (Fort
 * Campbell, 42223, is in Kentucky and Tennessee; 73949 in Oklahoma and Texas).
 */
export const US_STATE_NOTE =
  "States are read from the first three digits of ZIP codes: ZIP codes near state lines may be counted in a neighbouring state.";

/** The state of a U.S. locality as localityFor wrote it ("Texas, United States" → "Texas"); null for none. */
export function usStateOf(locality: string | null): string | null {
  const comma = locality?.lastIndexOf(", ") ?? -1;
  return comma > 0 ? locality!.slice(0, comma) : null;
}

/** "Texas, United States", "Ontario, Canada", "United Kingdom". */
export function localityFor(country: string, postalCode: string): string {
  const name = countryName(country);
  const code = postalCode.trim().toUpperCase();
  if (country === "US" && /^\d{3}/.test(code)) {
    const zip3 = Number(code.slice(0, 3));
    const state = US_ZIP3.find(([from, to]) => zip3 >= from && zip3 <= to)?.[2];
    return state ? `${state}, ${name}` : name;
  }
  if (country === "CA") {
    const province = CA_FIRST_LETTER.get(code.charAt(0));
    return province ? `${province}, ${name}` : name;
  }
  return name;
}
