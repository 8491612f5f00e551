import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BarRow, measureBarsSvg, type TrendPointInput, trendSvg } from '../../shared/charts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS_DIR = join(ROOT, 'test-artifacts');
const FONTS = join(ROOT, 'node_modules', 'pdfmake', 'fonts', 'Roboto');

const rows: BarRow[] = [
  { label: 'Er barnets egne synspunkter belyst?', share: 0.9375, target: 90, n: 16 },
  {
    label: 'Er der foretaget en børnefaglig undersøgelse inden for fire måneder efter underretningen blev modtaget?',
    share: 2 / 3,
    target: 90,
    n: 12,
  },
  { label: 'Er handleplanen opdateret & fulgt op <inden for 6 måneder>?', share: 0.5, target: 80, n: 14 },
  { label: 'Er der afholdt børnesamtale?', share: 1, target: 100, n: 9 },
  { label: 'Er forældremyndighedsindehaveren partshørt?', share: null, target: 90, n: 2, suppressed: true },
  { label: 'Er der truffet afgørelse om foranstaltning?', share: 0.8, target: null, n: 15 },
  { label: 'Er sagen journaliseret korrekt?', share: 0.25, target: 75, n: 8 },
  { label: 'Er der taget stilling til anbringelse?', share: null, target: 90, n: 0 },
];

const rounds: TrendPointInput[] = [
  { label: 'Forår 2023', share: 0.58, n: 24, baseline: true },
  { label: 'Efterår 2023', share: 0.64, n: 22 },
  { label: 'Forår 2024', share: 0.7083, n: 24 },
  { label: 'Efterår 2024', share: 0.8, n: 20 },
  { label: 'Forår 2025', share: 0.92, n: 25 },
];

const manyRounds: TrendPointInput[] = Array.from({ length: 18 }, (_, i) => ({
  label: `Runde ${i + 1} – ${2017 + Math.floor(i / 2)}`,
  share: 0.5 + 0.4 * Math.sin(i / 3) ** 2,
  n: 10 + i,
  baseline: i === 0,
}));

async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}

async function pdfText(buffer: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

describe('the charts in a pdfmake PDF', () => {
  let buffer: Buffer;

  beforeAll(async () => {
    pdfmake.setFonts({
      Roboto: {
        normal: join(FONTS, 'Roboto-Regular.ttf'),
        bold: join(FONTS, 'Roboto-Medium.ttf'),
        italics: join(FONTS, 'Roboto-Italic.ttf'),
        bolditalics: join(FONTS, 'Roboto-MediumItalic.ttf'),
      },
    });
    // Nothing is fetched; only the bundled fonts are read.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS));

    buffer = await renderPdf({
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 40],
      content: [
        { text: 'Ledelsestilsyn – Børn og unge', fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
        { svg: measureBarsSvg(rows, { width: 515, title: 'Andel sager, der opfylder kravet' }), width: 515 },
        { text: ' ', margin: [0, 8, 0, 0] },
        {
          svg: trendSvg(rounds, { width: 515, height: 260, target: 90, title: 'Børnesamtale: udvikling over runder' }),
          width: 515,
        },
        {
          svg: trendSvg(manyRounds, { width: 515, target: 75, title: 'Mange runder' }),
          width: 515,
          pageBreak: 'before',
        },
        { svg: trendSvg(rounds.slice(0, 1), { width: 515, height: 200, target: 90, title: 'Én runde' }), width: 515 },
        { svg: trendSvg([], { width: 515, title: 'Ingen runder' }), width: 515 },
        { svg: measureBarsSvg([], { width: 515, title: 'Ingen spørgsmål' }), width: 515 },
      ],
    });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'charts.pdf'), buffer);
  }, 60_000);

  it('is a PDF', () => {
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('carries the chart texts, readable by a PDF reader', async () => {
    const [first = '', second = ''] = await pdfText(buffer);
    const squashed = first.replace(/\s+/g, ' ');
    expect(squashed).toContain('Andel opfyldt');
    expect(squashed).toContain('Måltal');
    expect(squashed).toContain('Måltal 90 %');
    expect(squashed).toContain('Under måltal');
    expect(squashed).toContain('Færre end 3 sager – ikke vist');
    expect(squashed).toContain('66,7 % (n=12)');
    expect(squashed).toContain('Baseline');
    expect(squashed).toContain('& fulgt op <inden');
    expect(second.replace(/\s+/g, ' ')).toContain('Ingen tidligere runder');
  });

  it('renders to PNG for a person to look at', () => {
    let hasPdftoppm = true;
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    } catch {
      hasPdftoppm = false;
    }
    if (!hasPdftoppm) return;
    const prefix = join(ARTIFACTS_DIR, 'charts');
    for (const file of readdirSync(ARTIFACTS_DIR)) {
      if (/^charts-\d+\.png$/.test(file)) rmSync(join(ARTIFACTS_DIR, file));
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', join(ARTIFACTS_DIR, 'charts.pdf'), prefix]);
    expect(existsSync(`${prefix}-1.png`)).toBe(true);
  });
});
