// The European Economic Area: the EU's 27 Member States with Iceland, Liechtenstein and Norway (GDPR Chapter V applies
// to transfers outside it).

const EEA = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
]);

/**
 * True when `location` is an ISO 3166-1 alpha-2 code outside the EEA ("US"); false inside it, and for anything else
 * (a city, a free text), which art28 cannot place and leaves to the transfer mechanism stated.
 */
export function isOutsideEea(location: string): boolean {
  const code = location.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return false;
  return !EEA.has(code === "EL" ? "GR" : code);
}
