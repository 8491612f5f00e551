import type { Column, Content, ContentImage, ContentSvg } from 'pdfmake/interfaces';
import {
  BOX_LAYOUT,
  COLORS,
  CONTENT_WIDTH,
  danishDate,
  danishPeriod,
  PAGE_MARGINS,
  PLAIN_LAYOUT,
  rule,
} from '../pdf-style';
import { smallGroupRule } from './report-data';
import type { CommitteeReportData } from './report-types';

/** A logo data URL as pdfmake content: PNG and JPEG as images, SVG as vector. */
function logoContent(logo: string | null): ContentImage | ContentSvg | null {
  if (!logo) return null;
  const svg = /^data:image\/svg\+xml;base64,(.+)$/.exec(logo);
  if (svg?.[1]) {
    try {
      const bytes = Uint8Array.from(atob(svg[1]), (c) => c.charCodeAt(0));
      return { svg: new TextDecoder().decode(bytes), fit: [120, 60] };
    } catch {
      return null;
    }
  }
  return /^data:image\/(png|jpeg);base64,/.test(logo) ? { image: logo, fit: [120, 60] } : null;
}

/** The municipality's logo and name at the top, above a rule. */
export function senderBlock(data: CommitteeReportData): Content {
  const logo = logoContent(data.logo);
  const sender: Content = {
    stack: [
      { text: data.kommune || ' ', fontSize: 12, bold: true, color: COLORS.accent },
      ...(data.forvaltning ? [{ text: data.forvaltning, fontSize: 10, color: COLORS.muted }] : []),
    ],
    alignment: logo ? 'right' : 'left',
  };
  return {
    stack: [
      logo
        ? { columns: [{ stack: [logo], width: 'auto' }, { ...sender, width: '*' } as Column], columnGap: 20 }
        : sender,
      rule([0, 10, 0, 0]),
    ],
  };
}

export function frontPage(data: CommitteeReportData, title: string): Content {
  const facts: [string, string][] = [
    ['Periode', danishPeriod(data.periode.from, data.periode.to)],
    ['Enhed', data.enhed],
    ['Skabelon', data.method.template],
    ['Sager i stikprøven', `${data.method.counted}`],
    ['Udarbejdet', danishDate(data.generated)],
  ];
  return {
    stack: [
      senderBlock(data),
      { text: 'RAPPORT TIL DET POLITISKE UDVALG', style: 'label', color: COLORS.accent, margin: [0, 150, 0, 8] },
      { text: title, fontSize: 26, bold: true, color: COLORS.accent, lineHeight: 1.1, margin: [0, 0, 0, 8] },
      { text: danishPeriod(data.periode.from, data.periode.to), fontSize: 14, color: COLORS.text },
      { text: data.enhed, fontSize: 12, color: COLORS.muted, margin: [0, 4, 0, 0] },
      rule([0, 28, 0, 10]),
      {
        table: {
          widths: [120, '*'],
          body: facts.map(([k, v]) => [
            { text: k, style: 'label' },
            { text: v, fontSize: 10 },
          ]),
        },
        layout: PLAIN_LAYOUT,
      },
      {
        absolutePosition: { x: PAGE_MARGINS[0], y: 842 - PAGE_MARGINS[3] - 78 },
        table: {
          widths: [CONTENT_WIDTH - 20],
          body: [
            [
              {
                stack: [
                  { text: 'Offentlig rapport', bold: true, fontSize: 9, margin: [0, 0, 0, 2] },
                  {
                    text:
                      'Rapporten indeholder kun samlede resultater: ingen sagsnumre, navne eller oplysninger om ' +
                      `enkelte sager eller sagsbehandlere. ${smallGroupRule(data.minCell)}`.trim(),
                    fontSize: 8.5,
                    color: COLORS.muted,
                  },
                ],
              },
            ],
          ],
        },
        layout: BOX_LAYOUT,
      },
    ],
  };
}
