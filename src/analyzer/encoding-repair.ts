// Turns a file's bytes into text, and repairs text whose UTF-8 was decoded with a single-byte charset (mojibake).

import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

export type ByteEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedBytes {
  readonly text: string;
  readonly encoding: ByteEncoding;
}

/**
 * Decodes bytes as UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its NUL bytes), and
 * otherwise as Windows-1252, the charset of most legacy French and English office text.
 */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.toString("utf8", 3), encoding: "utf-8" };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), "utf-16le"), encoding: "utf-16le" };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), "utf-16be"), encoding: "utf-16be" };
  }
  const utf16 = utf16WithoutBom(buffer);
  if (utf16 !== null) return { text: iconv.decode(buffer, utf16), encoding: utf16 };
  if (isUtf8(buffer)) return { text: buffer.toString("utf8"), encoding: "utf-8" };
  return { text: iconv.decode(buffer, "windows-1252"), encoding: "windows-1252" };
}

/** UTF-16 text of Latin script has a NUL in every other byte; plain text never has that many NULs. */
function utf16WithoutBom(buffer: Buffer): "utf-16le" | "utf-16be" | null {
  const sample = Math.min(buffer.length, 4096) & ~1;
  if (sample < 8) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (buffer[i] === 0) evenNuls++;
    if (buffer[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return "utf-16le";
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return "utf-16be";
  return null;
}

/** The single-byte charsets UTF-8 is commonly mis-decoded with. */
type WrongCharset = "macintosh" | "windows1252";

export interface MojibakeRepair {
  readonly text: string;
  readonly repaired: boolean;
  /** The charset the UTF-8 had been wrongly decoded with, when repaired. */
  readonly charset: WrongCharset | null;
  /** How many mis-decoded characters were turned back into the one they stood for. */
  readonly sequences: number;
}

/** For each wrong charset, the byte each of its upper-half characters stands for. */
const byteOf: Record<WrongCharset, Map<number, number>> = {
  macintosh: reverseTable("macintosh"),
  windows1252: reverseTable("windows1252"),
};

function reverseTable(charset: WrongCharset): Map<number, number> {
  const table = new Map<number, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), charset).codePointAt(0) ?? 0xfffd;
    if (char !== 0xfffd) table.set(char, byte);
  }
  if (charset === "macintosh") {
    // Apple maps 0xF0 to its logo in the private use area; iconv-lite leaves it undefined, but text
    // decoded by macOS carries U+F8FF where a 4-byte UTF-8 sequence (an emoji) began.
    table.set(0xf8ff, 0xf0);
  } else {
    // Text decoded as ISO-8859-1 (or by decoders that keep Windows-1252's unassigned bytes) carries
    // C1 control characters in place of 0x80–0x9F.
    for (let byte = 0x80; byte <= 0x9f; byte++) table.set(byte, byte);
  }
  return table;
}

/**
 * Characters a mis-decoded UTF-8 sequence plausibly stood for in agreements: Latin letters and
 * combining accents, Greek, typographic punctuation, currency, letter-like symbols, arrows, math,
 * shapes, dingbats and emoji. A sequence that decodes to anything else (a Armenian letter for the
 * Mac Roman pair "’é", say) is more likely genuine text than mojibake.
 */
function isPlausible(codePoint: number): boolean {
  return (
    (codePoint >= 0xa0 && codePoint <= 0x24f) ||
    (codePoint >= 0x300 && codePoint <= 0x3ff) ||
    (codePoint >= 0x2000 && codePoint <= 0x20cf) ||
    (codePoint >= 0x2100 && codePoint <= 0x23ff) ||
    (codePoint >= 0x2460 && codePoint <= 0x27bf) ||
    (codePoint >= 0x2b00 && codePoint <= 0x2bff) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f000 && codePoint <= 0x1faff)
  );
}

interface Scan {
  readonly text: string;
  readonly plausible: number;
  readonly implausible: number;
  /** Plausible sequences weighted by how typical their character is: accented letters count double. */
  readonly weight: number;
}

/**
 * Re-encodes every run of upper-half characters to the bytes they came from in `charset` and decodes
 * each valid UTF-8 sequence found there, leaving every other character as it is. Only plausible
 * sequences are replaced; implausible ones are counted, as evidence the text was not mojibake.
 */
function scan(text: string, charset: WrongCharset): Scan {
  const table = byteOf[charset];
  const out: string[] = [];
  let plausible = 0;
  let implausible = 0;
  let weight = 0;
  let copiedUpTo = 0;
  const bytes = [0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    const lead = text.charCodeAt(i);
    if (lead < 0x80) continue;
    const b0 = table.get(lead);
    if (b0 === undefined || b0 < 0xc2 || b0 > 0xf4) continue;
    const length = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
    if (i + length > text.length) continue;
    bytes[0] = b0;
    let valid = true;
    for (let k = 1; k < length; k++) {
      const b = table.get(text.charCodeAt(i + k));
      if (b === undefined || b < 0x80 || b > 0xbf) {
        valid = false;
        break;
      }
      bytes[k] = b;
    }
    if (!valid) continue;
    const codePoint = decodeSequence(bytes, length);
    if (codePoint === null) continue;
    if (!isPlausible(codePoint)) {
      implausible++;
      continue;
    }
    plausible++;
    weight += codePoint >= 0xc0 && codePoint <= 0x17f ? 2 : 1;
    out.push(text.slice(copiedUpTo, i), String.fromCodePoint(codePoint));
    i += length - 1;
    copiedUpTo = i + 1;
  }
  if (plausible === 0) return { text, plausible, implausible, weight };
  out.push(text.slice(copiedUpTo));
  return { text: out.join(""), plausible, implausible, weight };
}

/** The code point of a well-formed UTF-8 sequence (RFC 3629), or null for overlongs and surrogates. */
function decodeSequence(bytes: readonly number[], length: number): number | null {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes;
  if (length === 2) return ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  if (length === 3) {
    const codePoint = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    if (codePoint < 0x800 || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
    return codePoint;
  }
  const codePoint = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  if (codePoint < 0x10000 || codePoint > 0x10ffff) return null;
  return codePoint;
}

/**
 * Repairs text whose UTF-8 bytes were decoded as Mac Roman ("Donn√©es"), Windows-1252 or Latin-1
 * ("DonnÃ©es"). The charset whose sequences decode to the most typical characters wins, and the repair is applied only
 * when it clearly reduces mojibake: its sequences must decode to plausible characters at least nine
 * times in ten. Text mis-decoded twice is repaired twice.
 */
export function repairMojibake(text: string): MojibakeRepair {
  let current = text;
  let charset: WrongCharset | null = null;
  let sequences = 0;
  for (let pass = 0; pass < 2; pass++) {
    let best: (Scan & { charset: WrongCharset }) | null = null;
    for (const candidate of ["macintosh", "windows1252"] as const) {
      const result = scan(current, candidate);
      if (result.plausible === 0 || result.implausible * 9 > result.plausible) continue;
      if (best === null || result.weight > best.weight) best = { ...result, charset: candidate };
    }
    if (best === null) break;
    current = best.text;
    charset ??= best.charset;
    sequences += best.plausible;
  }
  return { text: current, repaired: sequences > 0, charset, sequences };
}
