import { HALF_PAIR } from '../../shared/domain/invisible';

/** Offers text as a file to save; in Electron the download shows the system's save dialog. */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file's bytes as base64, the way the API carries files. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Offers a file made by the backend (PDF, XLSX) to save. */
export function downloadGeneratedFile(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An SVG string as an image source, so charts made in shared/ show as images. */
export function svgDataUrl(svg: string): string {
  // encodeURIComponent throws on half a surrogate pair: a text that holds one shows U+FFFD there instead.
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.replace(HALF_PAIR, '\uFFFD'))}`;
}
