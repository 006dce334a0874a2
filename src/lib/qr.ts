/** QR code of a URL as SVG rectangles drawn at build time: no script, and no string rendered as markup. */
import QRCode from 'qrcode';

export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  // One rectangle per horizontal run of dark modules (about half the bytes of one per module).
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size;) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      d += `M${x + 4} ${y + 4}h${run}v1h-${run}z`;
      x += run;
    }
  }
  // 4-module quiet zone on each side.
  return { size: size + 8, d };
}
