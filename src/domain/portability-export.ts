// The data handed to a person under the right to portability (GDPR Art. 20): JSON, and CSV per RFC 4180.

/** A value in a structured, commonly used, machine-readable format (Art. 20(1)). */
export type PortableValue = string | number | boolean | null;

export interface PortableDataset {
  /** e.g. "marks", "attendance". */
  readonly name: string;
  readonly rows: readonly Readonly<Record<string, PortableValue>>[];
}

export interface PortabilityExport {
  readonly requestId: string;
  readonly controller: string;
  readonly generatedAt: number;
  readonly datasets: readonly PortableDataset[];
}

/** The whole export as one JSON document, instants as ISO 8601 UTC. */
export function portabilityJson(exported: PortabilityExport): string {
  return `${JSON.stringify(
    {
      schema: "art28.portability/1",
      requestId: exported.requestId,
      controller: exported.controller,
      generatedAt: new Date(exported.generatedAt).toISOString(),
      datasets: exported.datasets.map((d) => ({ name: d.name, rows: d.rows })),
    },
    null,
    2,
  )}\n`;
}

/**
 * One dataset as CSV by RFC 4180: a header of every column in order of first appearance, CRLF line breaks,
 * and a field quoted when it holds a comma, a quote, CR or LF, its quotes doubled. Values are kept exactly:
 * no spreadsheet-formula escaping, which would alter the person's data.
 */
export function portabilityCsv(dataset: PortableDataset): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of dataset.rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.map(csvField).join(",")];
  for (const row of dataset.rows) lines.push(columns.map((c) => csvField(cell(row[c]))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function cell(value: PortableValue | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
