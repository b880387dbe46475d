/**
 * A receipt upload: a photo (JPEG, PNG, WebP, HEIC) or a PDF of at most 10 MB. The type is read
 * from the file's bytes (`file-type`), never from its name or declared type. Photos are decoded
 * and re-encoded with `sharp` — turned upright first — so no metadata survives (EXIF with the GPS
 * position above all); a HEIC photo becomes a JPEG. A PDF is kept as it is (it is not an image
 * format with location tags; it is shown only to the coach, the coordinator and finance).
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;
export type ReceiptType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
export type ReceiptProblem = 'empty' | 'tooLarge' | 'type' | 'damaged';
export type CheckedReceipt = { ok: true; type: ReceiptType; bytes: Buffer } | { ok: false; problem: ReceiptProblem };

/** Photos taken by phones can be huge; a receipt needs no more than this to be read. */
const MAX_EDGE = 3000;

export async function checkReceipt(bytes: Buffer): Promise<CheckedReceipt> {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > RECEIPT_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return { ok: false, problem: 'type' };
  if (detected.mime === 'application/pdf') return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? { ok: true, type: 'application/pdf', bytes } : { ok: false, problem: 'type' };
  const target = ({ 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'jpeg', 'image/heif': 'jpeg' } as const)[detected.mime];
  if (!target) return { ok: false, problem: 'type' };
  try {
    // No withMetadata(): sharp writes none of the input's EXIF, XMP, IPTC or ICC comments.
    const image = sharp(bytes, { limitInputPixels: 100_000_000, failOn: 'error' }).rotate().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const out = target === 'jpeg' ? await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer() : target === 'png' ? await image.png().toBuffer() : await image.webp({ quality: 85 }).toBuffer();
    return { ok: true, type: target === 'jpeg' ? 'image/jpeg' : target === 'png' ? 'image/png' : 'image/webp', bytes: out };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}
