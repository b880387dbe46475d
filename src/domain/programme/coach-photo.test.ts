import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPhoto, detectPhotoType, exifOrientation, PHOTO_MAX_BYTES } from './coach-photo';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const seg = (marker: number, payload: number[] | Uint8Array) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const bytesOf = (s: string) => [...Buffer.from(s, 'latin1')];

/** A little-endian EXIF block with Orientation = 6 and some GPS-looking text after it. */
function exif(orientation: number): number[] {
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
  return [...bytesOf('Exif\0\0'), ...tiff, ...bytesOf('GPS 52.3561 4.9112 SERIAL 0xC0FFEE')];
}

function jpeg(orientation: number): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    ...seg(0xe0, bytesOf('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    ...seg(0xe1, exif(orientation)),
    ...seg(0xfe, bytesOf('made at home, Kraaiennest 12')),
    ...seg(0xdb, new Uint8Array(67)),
    ...seg(0xda, new Uint8Array(10)),
    1, 2, 3, 0xff, 0xd9,
  ]);
}

function webp(): Uint8Array {
  const chunk = (type: string, data: number[]) => [...bytesOf(type), data.length & 0xff, data.length >> 8, 0, 0, ...data, ...(data.length % 2 ? [0] : [])];
  const body = [...bytesOf('WEBP'), ...chunk('VP8X', [0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0]), ...chunk('VP8L', [0x2f, 1, 2, 3, 4]), ...chunk('EXIF', bytesOf('GPS 52.35')), ...chunk('XMP ', bytesOf('<x:creator>Anna</x:creator>'))];
  return new Uint8Array([...bytesOf('RIFF'), body.length & 0xff, (body.length >> 8) & 0xff, 0, 0, ...body]);
}

describe('coach photo', () => {
  it('reads the type from the magic bytes, not from a name', () => {
    expect(detectPhotoType(jpeg(1))).toBe('image/jpeg');
    expect(detectPhotoType(new Uint8Array(fs.readFileSync('test/fixtures/photos/coach.png')))).toBe('image/png');
    expect(detectPhotoType(webp())).toBe('image/webp');
    expect(detectPhotoType(new Uint8Array(Buffer.from('GIF89a……')))).toBeNull();
    expect(detectPhotoType(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')))).toBeNull();
    expect(detectPhotoType(new Uint8Array(Buffer.from('<html><body>photo.jpg</body></html>')))).toBeNull();
  });

  it('refuses empty, too large and unknown files, and damaged ones', () => {
    expect(checkPhoto(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(checkPhoto(new Uint8Array(PHOTO_MAX_BYTES + 1).fill(0xff))).toEqual({ ok: false, problem: 'tooLarge' });
    expect(checkPhoto(new Uint8Array(Buffer.from('%PDF-1.7')))).toEqual({ ok: false, problem: 'type' });
    expect(checkPhoto(jpeg(1).subarray(0, 30))).toEqual({ ok: false, problem: 'damaged' });
    expect(checkPhoto(new Uint8Array(fs.readFileSync('test/fixtures/photos/coach.png')).subarray(0, 60))).toEqual({ ok: false, problem: 'damaged' });
  });

  it('removes EXIF, comments and text from a JPEG, keeping its orientation and image data', () => {
    const result = checkPhoto(jpeg(6));
    if (!result.ok) throw new Error(result.problem);
    expect(text(result.bytes)).not.toMatch(/GPS|SERIAL|Kraaiennest/);
    expect(text(result.bytes)).toContain('JFIF');
    const app1 = result.bytes.indexOf(0xe1, 2);
    expect(exifOrientation(result.bytes.subarray(app1 + 3))).toBe(6);
    expect([...result.bytes.subarray(-5)]).toEqual([1, 2, 3, 0xff, 0xd9]);
    // Upright photos need no orientation at all.
    const upright = checkPhoto(jpeg(1));
    expect(upright.ok && upright.bytes.includes(0xe1)).toBe(false);
  });

  it('removes text chunks from a PNG and EXIF/XMP from a WebP', () => {
    const png = checkPhoto(new Uint8Array(fs.readFileSync('test/fixtures/photos/coach.png')));
    if (!png.ok) throw new Error(png.problem);
    expect(text(png.bytes)).not.toContain('Wibautstraat');
    expect(text(png.bytes)).toContain('IDAT');
    const w = checkPhoto(webp());
    if (!w.ok) throw new Error(w.problem);
    expect(text(w.bytes)).not.toMatch(/GPS|Anna/);
    expect(text(w.bytes)).toContain('VP8L');
    expect(w.bytes[20]! & 0x0c).toBe(0);
    expect(new DataView(w.bytes.buffer).getUint32(4, true)).toBe(w.bytes.length - 8);
  });
});
