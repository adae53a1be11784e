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

/** One sample of the drawing at (u, v) in the unit square: its colour and whether it is opaque. */
function sample(u0, v0, { safe, rounded }) {
  let u = u0;
  let v = v0;
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
  return { color: inside(u, v) ? WHITE : ACCENT, opaque: !cornerOut };
}

/** `samples` per axis and pixel: 1 for the large icons (sharp edges), more to smooth a small favicon. */
function png(size, { safe, rounded, samples = 1 }) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      let opaque = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const point = sample((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, { safe, rounded });
          if (!point.opaque) continue;
          opaque++;
          for (let c = 0; c < 3; c++) sum[c] += point.color[c];
        }
      }
      const o = 1 + x * 4;
      // Fully transparent pixels keep the accent colour, as the committed icons have it.
      for (let c = 0; c < 3; c++) row[o + c] = opaque ? Math.round(sum[c] / opaque) : ACCENT[c];
      row[o + 3] = Math.round((255 * opaque) / (samples * samples));
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
// The tab's icon as a PNG, not an SVG: an SVG favicon is parsed and laid out as a document of its
// own on the page's main thread while the app starts (a 15–25 ms task on a busy phone).
writeFileSync('public/icons/favicon-48.png', png(48, { safe: false, rounded: true, samples: 4 }));
