import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, one string per page, read back with pdfjs-dist (pure JS, no poppler needed). Text items are
 * joined with a space within a line and a newline where pdfjs reports the end of a line, and runs of spaces are
 * collapsed, so tests can look for phrases like "i 12 af de 15 sager" or "Side 1 af 6".
 */
export async function pdfText(buffer: Uint8Array | Buffer): Promise<string[]> {
  // pdfjs may transfer (detach) the array it gets: give it a copy so the caller's buffer stays usable.
  const data = new Uint8Array(buffer.byteLength);
  data.set(buffer);
  const doc = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        text += item.hasEOL ? '\n' : ' ';
      }
      pages.push(
        text
          .replace(/[ \t]+/g, ' ')
          .replace(/ ?\n ?/g, '\n')
          .trim(),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** True when the bytes start like a PDF file. */
export function isPdf(buffer: Uint8Array | Buffer): boolean {
  return Buffer.from(buffer.subarray(0, 5)).toString('latin1') === '%PDF-';
}
