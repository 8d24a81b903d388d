// The standalone verifier shipped inside an evidence pack: Node.js alone, no art28, checks the journal extract.

/**
 * `node verify-journal.mjs journal/extract.jsonl` exits 0 and prints the head hash when every full event
 * hashes to its recorded hash and every row links to the one before; 1 naming the first bad seq otherwise.
 * Rows of other matters are present only as {seq, prevHash, hash}: they keep the chain whole without
 * disclosing what they record.
 */
export const JOURNAL_VERIFY_SCRIPT = `// art28 evidence pack: verify the journal extract. Usage: node verify-journal.mjs journal/extract.jsonl
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const rows = readFileSync(process.argv[2] ?? "journal/extract.jsonl", "utf8").split("\\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
let previous = null;
for (const row of rows) {
  if (previous !== null && row.seq !== previous.seq + 1) fail(row.seq, "missing or reordered: seq " + (previous.seq + 1) + " expected");
  if (previous !== null && row.prevHash !== previous.hash) fail(row.seq, "does not link to the event before it");
  if ("payload" in row) {
    // hash = sha256(prevHash || canonical JSON of {actor, at, payload, seq, tenant, type}), RFC 8785 key order.
    const event = '{"actor":' + JSON.stringify(row.actor) + ',"at":' + row.at + ',"payload":' + row.payload + ',"seq":' + row.seq + ',"tenant":' + JSON.stringify(row.tenant) + ',"type":' + JSON.stringify(row.type) + "}";
    const hash = createHash("sha256").update(row.prevHash).update(event).digest("hex");
    if (hash !== row.hash) fail(row.seq, "altered: its content does not match its hash");
  }
  previous = row;
}
if (previous === null) fail(0, "empty extract");
console.log("ok " + rows.length + " rows, head seq " + previous.seq + " hash " + previous.hash);

function fail(seq, why) {
  console.error("seq " + seq + ": " + why);
  process.exit(1);
}
`;
