// Reads ZIP archives (DOCX, ODT) defensively through fflate: lists the central directory, then streams the
// wanted entries out in small steps, refusing corrupt archives and zip bombs before they exhaust memory or time.

import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { Art28Error } from "../../domain/error.js";

/**
 * Uncompressed bytes an archive may expand to, all entries read together. The XML of a 500-page agreement is a few
 * MB; converting 64 MB of it (mammoth builds a tree of the whole part) stays within the analysis worker's memory.
 */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** Expansion ratio beyond which a large entry is a zip bomb rather than repetitive XML. */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries smaller than this may compress as well as they like (a run of spaces, an empty part). */
const RATIO_FREE_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
/**
 * Archive bytes handed to the stream at a time: fflate inflates all it is given before reporting output,
 * so small steps catch a bomb after a bounded output (at most about a thousand times the step).
 */
const STREAM_STEP = 16 * 1024;

/** An entry as the central directory declares it (APPNOTE 4.3.12); its sizes are claims, not facts. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
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
  const limit = MAX_UNCOMPRESSED_BYTES / (1024 * 1024);
  return new Art28Error(
    "unreadable_input",
    {
      fr: `archive refusée : son contenu décompressé est démesuré (bombe de décompression, ou plus de ${limit} Mo)`,
      en: `archive refused: it expands to an excessive size (zip bomb, or over ${limit} MB)`,
    },
    { reason },
  );
}

function encryptedArchive(): Art28Error {
  return new Art28Error("unreadable_input", {
    fr: "archive chiffrée : le document est protégé par un mot de passe",
    en: "encrypted archive: the document is password-protected",
  });
}

/** An error thrown inside fflate, or by our own checks from its callbacks, as the refusal to report. */
function asRefusal(error: unknown, context: string): Art28Error {
  if (error instanceof Art28Error) return error;
  return corruptArchive(`${context}: ${error instanceof Error ? error.message : String(error)}`);
}

/** The entries listed in an archive's central directory, refusing zip64, bombs and impossible entries. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  refuseZip64(bytes);
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  try {
    // The filter sees every central directory entry; returning false keeps fflate from inflating any.
    unzipSync(bytes, {
      filter(info) {
        if (entries.length >= MAX_ENTRIES) throw zipBomb(`over ${MAX_ENTRIES} entries`);
        // fflate does not bound-check the directory: a damaged one reads as empty names or sizes that
        // the archive cannot hold.
        if (info.name === "" || info.size > bytes.length) throw corruptArchive("bad central directory entry");
        declaredTotal += info.originalSize;
        if (declaredTotal > MAX_UNCOMPRESSED_BYTES) throw zipBomb("declared sizes over the limit");
        entries.push({
          name: info.name,
          method: info.compression,
          compressedSize: info.size,
          uncompressedSize: info.originalSize,
        });
        return false;
      },
    });
  } catch (error) {
    throw asRefusal(error, "central directory");
  }
  return entries;
}

/**
 * Refuses zip64 archives, as this reader always has (a DOCX or ODT under the 50 MB input limit never needs
 * one). fflate follows a zip64 end record silently, so the two end-of-central-directory fields that
 * announce one (APPNOTE 4.3.16: 0xFFFF entries, directory offset 0xFFFFFFFF) are read here.
 */
function refuseZip64(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The record is 22 bytes followed by a comment of at most 65535 bytes; fflate takes the last one too.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    if (view.getUint16(at + 10, true) === 0xffff || view.getUint32(at + 16, true) === 0xffffffff) {
      throw corruptArchive("zip64 archives are not read");
    }
    return;
  }
  throw corruptArchive("no end of central directory");
}

const LOCAL_HEADER_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Refuses a ZIP-encrypted entry (general purpose flag bit 0, APPNOTE 4.4.4). fflate reads the flags but
 * does not expose them, so this one bit is read from the entry's local header, found as fflate finds it:
 * the next local header signature, from where the previous wanted entry's was, followed by the entry's
 * name. Returns where the search for the next wanted entry starts.
 */
function refuseEncrypted(archive: Buffer, name: string, from: number): number {
  for (
    let at = archive.indexOf(LOCAL_HEADER_SIGNATURE, from);
    at >= 0 && at + 30 <= archive.length;
    at = archive.indexOf(LOCAL_HEADER_SIGNATURE, at + 1)
  ) {
    const flags = archive.readUInt16LE(at + 6);
    const nameEnd = at + 30 + archive.readUInt16LE(at + 26);
    // fflate decodes names as UTF-8 when flag bit 11 says so, byte per character otherwise.
    if (
      nameEnd > archive.length ||
      archive.toString(flags & 0x800 ? "utf8" : "latin1", at + 30, nameEnd) !== name
    ) {
      continue;
    }
    if ((flags & 1) === 1) throw encryptedArchive();
    return nameEnd;
  }
  throw corruptArchive(`no local header for ${name}`);
}

/** A budget of uncompressed bytes shared by all the entries read from one archive. */
interface InflateBudget {
  remaining: number;
}

function spend(budget: InflateBudget, produced: number): void {
  budget.remaining -= produced;
  if (budget.remaining < 0) throw zipBomb("uncompressed total over the limit");
}

interface EntryOutput {
  readonly chunks: Uint8Array[];
  produced: number;
  finished: boolean;
}

/**
 * Reads the wanted entries the central directory lists, sharing one budget of real inflated bytes: each
 * chunk fflate streams out is counted as it comes, and reading stops at the first one over a limit.
 */
export function readZipEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  wanted: (name: string) => boolean,
): Map<string, Uint8Array> {
  const listed = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (!entry.name.endsWith("/") && wanted(entry.name)) listed.set(entry.name, entry);
  }
  const archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const budget: InflateBudget = { remaining: MAX_UNCOMPRESSED_BYTES };
  const outputs = new Map<string, EntryOutput>();
  let searchFrom = 0;
  const unzip = new Unzip((file) => {
    const entry = listed.get(file.name);
    // Local headers the central directory does not list (or lists unwanted) are left unread.
    if (entry === undefined) return;
    if (outputs.has(file.name)) throw corruptArchive(`${file.name} stored twice`);
    searchFrom = refuseEncrypted(archive, file.name, searchFrom);
    if (file.compression !== 0 && file.compression !== 8) {
      throw corruptArchive(`compression method ${file.compression} in ${file.name}`);
    }
    // The local header must agree with the directory that recognised the format.
    if (
      file.compression !== entry.method ||
      (file.size !== undefined && file.size !== entry.compressedSize)
    ) {
      throw corruptArchive(`local header of ${file.name} disagrees with the central directory`);
    }
    const output: EntryOutput = { chunks: [], produced: 0, finished: false };
    outputs.set(file.name, output);
    const ratioBase = Math.max(entry.compressedSize, 1) * MAX_COMPRESSION_RATIO;
    file.ondata = (error, chunk, final) => {
      if (error !== null) throw asRefusal(error, file.name);
      output.chunks.push(chunk);
      output.produced += chunk.length;
      spend(budget, chunk.length);
      if (output.produced > RATIO_FREE_BYTES && output.produced > ratioBase) {
        file.terminate();
        throw zipBomb("compression ratio over the limit");
      }
      if (final) output.finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += STREAM_STEP) {
      const end = Math.min(at + STREAM_STEP, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    throw asRefusal(error, "archive body");
  }
  const files = new Map<string, Uint8Array>();
  for (const name of listed.keys()) {
    const output = outputs.get(name);
    if (output === undefined) throw corruptArchive(`${name} is listed but not stored`);
    if (!output.finished) throw corruptArchive(`${name} ends before its data does`);
    files.set(name, joined(output));
  }
  return files;
}

function joined(output: EntryOutput): Uint8Array {
  if (output.chunks.length === 1) return output.chunks[0] as Uint8Array;
  const out = new Uint8Array(output.produced);
  let offset = 0;
  for (const chunk of output.chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
