import { describe, expect, it } from 'vitest';
import { XmlDocument } from 'xmldoc';
import { renderPdf } from '../../electron/backend/services/pdf';

// The PDF's XMP metadata (PDF/A-2b asks for it) holds the title, author and subject as text: »Børn & Unge« and a
// title with markup in it must give valid XML that says exactly that, and nothing more.

const xmpOf = (pdf: Buffer) => {
  const raw = pdf.toString('utf8');
  const start = raw.indexOf('<x:xmpmeta');
  const end = raw.indexOf('</x:xmpmeta>') + '</x:xmpmeta>'.length;
  return new XmlDocument(raw.slice(start, end));
};

describe('the XMP metadata of a PDF', () => {
  it('is well-formed and holds the title and author as written, with no element added from them', async () => {
    const title = 'Tilsyn med Ho&#108;m <dc:rights>x</dc:rights> & co';
    const pdf = await renderPdf({
      content: 'Indhold',
      info: { title: `${title}\u0001`, author: 'Børn & Unge', subject: 'a < b' },
    });
    const xmp = xmpOf(pdf);
    const text = (path: string) => xmp.descendantWithPath(path)?.val.trim();
    expect(text('rdf:RDF')).toBeDefined();
    const descriptions = xmp.childNamed('rdf:RDF')?.childrenNamed('rdf:Description') ?? [];
    const dc = descriptions.find((d) => d.childNamed('dc:title'));
    expect(dc?.descendantWithPath('dc:title.rdf:Alt.rdf:li')?.val).toBe(title);
    expect(dc?.descendantWithPath('dc:creator.rdf:Seq.rdf:li')?.val).toBe('Børn & Unge');
    expect(dc?.descendantWithPath('dc:description.rdf:Alt.rdf:li')?.val).toBe('a < b');
    expect(dc?.childNamed('dc:rights')).toBeUndefined();
  });
});
