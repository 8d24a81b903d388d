// Dates every entry of a zip with the document's issue day, in place: the local and central headers' DOS
// time and date, and the Unix time of an extended-timestamp field. Nothing is recompressed, so a large
// spreadsheet costs a walk through its headers; equal inputs then give equal bytes.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EXTENDED_TIMESTAMP = 0x5455;

function patchExtra(view: DataView, start: number, length: number, unixTime: number): void {
  let at = start;
  while (at + 4 <= start + length) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === EXTENDED_TIMESTAMP && size >= 5) view.setUint32(at + 5, unixTime, true);
    at += 4 + size;
  }
}

export function datedZip(bytes: Uint8Array, issuedOn: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const [year, month, day] = issuedOn.split("-").map(Number) as [number, number, number];
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const dosTime = 12 << 11; // noon, as fixed-zip dates its entries
  const unixTime = Date.UTC(year, month - 1, day, 12) / 1000;
  let eocd = out.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD) eocd -= 1;
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error("zip central directory is damaged");
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    patchExtra(view, at + 46 + nameLength, extraLength, unixTime);
    if (view.getUint32(local, true) === LOCAL) {
      view.setUint16(local + 10, dosTime, true);
      view.setUint16(local + 12, dosDate, true);
      patchExtra(
        view,
        local + 30 + view.getUint16(local + 26, true),
        view.getUint16(local + 28, true),
        unixTime,
      );
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
