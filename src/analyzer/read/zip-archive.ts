// Reads ZIP archives (DOCX, ODT) defensively: walks the central directory itself and inflates entries in
// small steps, refusing corrupt archives and zip bombs before they can exhaust memory or time.

import { Inflate } from "fflate";
import { Art28Error } from "../../domain/error.js";

/** Uncompressed bytes an archive may expand to, all entries read together. */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Expansion ratio beyond which a large entry is a zip bomb rather than repetitive XML. */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries smaller than this may compress as well as they like (a run of spaces, an empty part). */
const RATIO_FREE_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
/** Compressed bytes handed to the inflater at a time, so a bomb is caught after a bounded output. */
const INFLATE_STEP = 16 * 1024;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export function corruptArchive(reason: string): Art28Error {
  return new Art28Error(
    "unreadable_input",
    {
      fr: "archive corrompue : le fichier (DOCX ou ODT) est tronqué ou endommagé",
      en: "corrupt archive: the file (DOCX or ODT) is truncated or damaged",
    },
    { reason },
  );
}

function zipBomb(reason: string): Art28Error {
  return new Art28Error(
    "unreadable_input",
    {
      fr: "archive refusée : son contenu décompressé est démesuré (bombe de décompression)",
      en: "archive refused: it expands to an excessive size (zip bomb)",
    },
    { reason },
  );
}

/** The entries listed in an archive's central directory (APPNOTE 4.3.12, 4.3.16). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endOfDirectory = findEndOfCentralDirectory(bytes, view);
  const count = view.getUint16(endOfDirectory + 10, true);
  const directorySize = view.getUint32(endOfDirectory + 12, true);
  const directoryOffset = view.getUint32(endOfDirectory + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw corruptArchive("zip64 archives are not read");
  if (count > MAX_ENTRIES) throw zipBomb(`${count} entries`);
  if (directoryOffset + directorySize > endOfDirectory)
    throw corruptArchive("central directory out of bounds");
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      throw corruptArchive("bad central directory entry");
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > bytes.length) throw corruptArchive("entry name out of bounds");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    declaredTotal += uncompressedSize;
    if (declaredTotal > MAX_UNCOMPRESSED_BYTES) throw zipBomb("declared sizes over the limit");
    entries.push({
      name,
      method,
      encrypted: (flags & 1) === 1,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes followed by a comment of at most 65535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw corruptArchive("no end of central directory");
}

/** A budget of uncompressed bytes shared by all the entries read from one archive. */
export interface InflateBudget {
  remaining: number;
}

function newBudget(): InflateBudget {
  return { remaining: MAX_UNCOMPRESSED_BYTES };
}

/** Inflates one entry, checking its real (not declared) size against the budget and the ratio cap. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.encrypted) {
    throw new Art28Error("unreadable_input", {
      fr: "archive chiffrée : le document est protégé par un mot de passe",
      en: "encrypted archive: the document is password-protected",
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
    throw corruptArchive(`bad local header for ${entry.name}`);
  }
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw corruptArchive(`${entry.name} is truncated`);
  const compressed = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    spend(budget, compressed.length);
    return compressed;
  }
  if (entry.method !== 8) throw corruptArchive(`compression method ${entry.method} in ${entry.name}`);
  return inflateBounded(compressed, entry, budget);
}

function spend(budget: InflateBudget, produced: number): void {
  budget.remaining -= produced;
  if (budget.remaining < 0) throw zipBomb("uncompressed total over the limit");
}

function inflateBounded(compressed: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    produced += chunk.length;
    spend(budget, chunk.length);
    if (produced > RATIO_FREE_BYTES && produced > Math.max(compressed.length, 1) * MAX_COMPRESSION_RATIO) {
      throw zipBomb("compression ratio over the limit");
    }
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < compressed.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, compressed.length);
      inflater.push(compressed.subarray(at, end), end === compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Art28Error) throw error;
    throw corruptArchive(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!finished) throw corruptArchive(`${entry.name} ends before its data does`);
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Reads the named entries (those present), sharing one budget. */
export function readZipEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  wanted: (name: string) => boolean,
): Map<string, Uint8Array> {
  const budget = newBudget();
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith("/") || !wanted(entry.name)) continue;
    files.set(entry.name, readZipEntry(bytes, entry, budget));
  }
  return files;
}
