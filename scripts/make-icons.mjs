// Draws the app icons (PNG) without image libraries: an accent square with a white
// meeting-house shape. Run once; the PNGs are committed under public/icons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0xb3, 0x26, 0x1e];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** inside(x, y) in unit square coordinates → white; `safe` shrinks the drawing for maskable icons. */
function inside(u, v) {
  // Roof: triangle from (0.2,0.45) (0.5,0.2) (0.8,0.45)
  if (v >= 0.2 && v <= 0.45) {
    const half = ((v - 0.2) / 0.25) * 0.3;
    if (u >= 0.5 - half && u <= 0.5 + half) return true;
  }
  // Body with a door
  if (u >= 0.27 && u <= 0.73 && v >= 0.45 && v <= 0.78) {
    const door = u >= 0.44 && u <= 0.56 && v >= 0.58;
    return !door;
  }
  return false;
}

function png(size, { safe, rounded }) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let u = (x + 0.5) / size;
      let v = (y + 0.5) / size;
      const r = 0.18;
      const cornerOut =
        rounded &&
        ((u < r && v < r && Math.hypot(u - r, v - r) > r) ||
          (u > 1 - r && v < r && Math.hypot(u - 1 + r, v - r) > r) ||
          (u < r && v > 1 - r && Math.hypot(u - r, v - 1 + r) > r) ||
          (u > 1 - r && v > 1 - r && Math.hypot(u - 1 + r, v - 1 + r) > r));
      if (safe) {
        u = 0.5 + (u - 0.5) / 0.7;
        v = 0.5 + (v - 0.5) / 0.7;
      }
      const color = inside(u, v) ? WHITE : ACCENT;
      const o = 1 + x * 4;
      row[o] = color[0];
      row[o + 1] = color[1];
      row[o + 2] = color[2];
      row[o + 3] = cornerOut ? 0 : 255;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, { safe: false, rounded: true }));
writeFileSync('public/icons/icon-512.png', png(512, { safe: false, rounded: true }));
writeFileSync('public/icons/maskable-512.png', png(512, { safe: true, rounded: false }));
writeFileSync('public/icons/apple-touch-icon.png', png(180, { safe: true, rounded: false }));
