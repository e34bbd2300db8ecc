/**
 * A QR code for a printed guide: scanned with a phone, it opens the online service. Drawn offline (uqr,
 * no network) as one SVG path of unit squares, so the template writes it as an ordinary escaped attribute
 * (`d="M1 1h1v1h-1z…"`: only letters, digits and spaces) — no raw output.
 */
import { encode } from 'uqr';

export interface QrView {
  /** Modules per side, including the quiet zone. */
  size: number;
  /** The dark modules as SVG path data, one `M x y h1 v1 h-1 z` square per module (runs merged). */
  path: string;
}

/** The QR code of a URL (error correction M, a quiet zone of 4 modules), or null for a URL too long to encode. */
export function qrCode(url: string): QrView | null {
  let data: boolean[][];
  try {
    data = encode(url, { ecc: 'M', border: 4 }).data;
  } catch {
    return null;
  }
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      parts.push(`M${x} ${y}h${run}v1h-${run}z`);
      x += run;
    }
  });
  return { size: data.length, path: parts.join('') };
}
