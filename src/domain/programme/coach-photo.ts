/**
 * A coach's profile photo: what is accepted and what is kept. The type is read from the file's
 * magic bytes (never from a file name or a declared content type), and metadata that can give a
 * person away — EXIF with GPS position, camera serials, XMP, IPTC, comments, PNG text chunks —
 * is removed without re-encoding the image. A JPEG's orientation survives (phones rely on it).
 */

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MAX_BYTES = 3 * 1024 * 1024;

export type PhotoProblem = 'empty' | 'tooLarge' | 'type' | 'damaged';
export type CheckedPhoto = { ok: true; type: PhotoType; bytes: Uint8Array } | { ok: false; problem: PhotoProblem };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** Accepts a JPEG, PNG or WebP within the size limit, and returns it without identifying metadata. */
export function checkPhoto(bytes: Uint8Array): CheckedPhoto {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  const type = detectPhotoType(bytes);
  if (!type) return { ok: false, problem: 'type' };
  const stripped = type === 'image/jpeg' ? stripJpeg(bytes) : type === 'image/png' ? stripPng(bytes) : stripWebp(bytes);
  return stripped ? { ok: true, type, bytes: stripped } : { ok: false, problem: 'damaged' };
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The Orientation tag (0x0112) of an EXIF APP1 segment's payload, or null. */
export function exifOrientation(payload: Uint8Array): number | null {
  if (payload.length < 14 || ascii(payload, 0, 6) !== 'Exif\0\0') return null;
  const tiff = payload.subarray(6);
  const little = ascii(tiff, 0, 2) === 'II';
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : null);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : null);
  const ifd = u32(4);
  if (ifd === null) return null;
  const entries = u16(ifd);
  if (entries === null) return null;
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value !== null && value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding only the orientation (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Uint8Array {
  const payload = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // "MM", 42, IFD0 at 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, 1, value
    ...[0, 0, 0, 0], // no next IFD
  ];
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

/** Drops APP1 (EXIF, XMP), APP13 (IPTC) and comments before the image data; keeps the rest byte for byte. */
function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length || bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Start of scan: the compressed image follows, up to the end; copy it as it is.
    if (marker === 0xda) {
      kept.push(bytes.subarray(at));
      break;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const segment = bytes.subarray(at, at + 2 + length);
    if (marker === 0xe1) orientation ??= exifOrientation(segment.subarray(4));
    if (marker !== 0xe1 && marker !== 0xed && marker !== 0xfe) kept.push(segment);
    at += 2 + length;
  }
  if (orientation !== null && orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return concat(kept);
}

const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let ended = false;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return null;
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  return ended ? concat(kept) : null;
}

function stripWebp(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let at = 12;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return null;
    const type = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.length + (size % 2)) return null;
    const chunk = bytes.slice(at, Math.min(end, bytes.length));
    if (type === 'VP8X' && chunk.length >= 9) chunk[8] = chunk[8]! & ~0x0c; // no EXIF, no XMP any more
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(chunk);
    at = end;
  }
  if (kept.length === 0) return null;
  const body = concat(kept);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}
