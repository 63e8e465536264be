// Draws the app icons (PNG, no dependencies): node scripts/make-icons.mjs
// A teal square with a pale "H" and an amber rule, as assets/icon.svg; "maskable" keeps
// the mark inside the central safe zone.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const TEAL = [11, 92, 86], PALE = [248, 246, 241], AMBER = [224, 164, 88];

function png(size, maskable) {
  const px = Buffer.alloc(size * size * 4);
  const s = maskable ? 0.6 : 0.8; // the mark's share of the icon
  const o = (1 - s) / 2;
  const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x < x1 && y >= y0 && y < y1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x / size - o) / s, v = (y / size - o) / s; // 0..1 inside the mark
      let c = TEAL;
      const H = inRect(u, v, 0.12, 0.12, 0.28, 0.72) || inRect(u, v, 0.72, 0.12, 0.88, 0.72) || inRect(u, v, 0.28, 0.34, 0.72, 0.5);
      if (H) c = PALE;
      if (inRect(u, v, 0.1, 0.82, 0.9, 0.9)) c = AMBER;
      const i = (y * size + x) * 4;
      px[i] = c[0]; px[i + 1] = c[1]; px[i + 2] = c[2]; px[i + 3] = 255;
    }
  }
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const dir = new URL("../assets/", import.meta.url);
writeFileSync(new URL("icon-192.png", dir), png(192, false));
writeFileSync(new URL("icon-512.png", dir), png(512, false));
writeFileSync(new URL("icon-maskable-512.png", dir), png(512, true));
console.log("assets/icon-192.png, icon-512.png, icon-maskable-512.png written");
