/** QR code of a URL as one SVG path (drawn at build time; no script, no set:html). */
import QRCode from 'qrcode';

export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
  }
  // 4-module quiet zone on each side.
  return { size: size + 8, d };
}
