import type { Content } from 'pdfmake/interfaces';
import { formatCount } from '../../../../shared/domain/format';
import { danishDate, danishPeriod, heading, PLAIN_LAYOUT } from '../pdf-style';
import { smallGroupRule } from './report-data';
import type { CommitteeReportData } from './report-types';

export function methodSection(data: CommitteeReportData): Content[] {
  const m = data.method;
  const sager = (n: number) => `${formatCount(n)} ${n === 1 ? 'sag' : 'sager'}`;
  const why = m.exclusions.map((e) => (m.exclusions.length > 1 ? `${e.reason}: ${e.count}` : e.reason)).join(', ');
  const spares =
    m.replacedBySpare === 0
      ? 'og tæller ikke med'
      : m.replacedBySpare === m.udgaaede
        ? `og er erstattet af ${m.udgaaede === 1 ? 'en reservesag' : 'reservesager'} fra stikprøven`
        : `; ${m.replacedBySpare} af dem er erstattet af reservesager`;
  const reviewed =
    m.udgaaede > 0
      ? `${sager(m.counted)}, ${m.faerdige === m.counted ? 'alle' : `heraf ${m.faerdige}`} færdiggennemgået. ` +
        `${sager(m.udgaaede)} udgik af stikprøven` +
        `${why ? ` (${why.toLowerCase()})` : ''} ${spares}.`
      : m.faerdige === m.counted
        ? `${sager(m.counted)}, alle færdiggennemgået.`
        : `${sager(m.counted)}, heraf ${m.faerdige} færdiggennemgået.`;
  const rows: [string, string][] = [
    ['Tilsynsform', `${m.reviewForm}. ${m.reviewFormDescription}`],
    ['Skabelon', m.template],
    ['Sagsliste', `${sager(m.populationCount)} i alt`],
    ...(m.afterFilters !== m.populationCount
      ? ([['Efter afgrænsning', sager(m.afterFilters)]] as [string, string][])
      : []),
    ['Stikprøve', `${sager(m.sampleSize)} udtrukket ${danishDate(m.drawnAt)}`],
    ['Udtrækning', m.drawnHow],
    // Counted, not all reviewed: a sag not yet begun is in the count (found by an attack: »Gennemgået: 5 sager«).
    ['Sager i gennemgangen', reviewed],
    ...(m.reviewedBetween
      ? ([
          [
            'Gennemgangsperiode',
            m.reviewedBetween.from === m.reviewedBetween.to
              ? danishDate(m.reviewedBetween.from)
              : danishPeriod(m.reviewedBetween.from, m.reviewedBetween.to),
          ],
        ] as [string, string][])
      : []),
    ...(m.qualityAssurance ? ([['Kvalitetssikring', m.qualityAssurance]] as [string, string][]) : []),
  ];
  const provisional =
    m.faerdige < m.counted
      ? [
          {
            text: `Bemærk: ${sager(m.counted - m.faerdige)} er endnu ikke færdiggennemgået; resultaterne er foreløbige.`,
            bold: true,
            margin: [0, 6, 0, 0],
          } as Content,
        ]
      : [];
  return [
    heading('Metode'),
    {
      text:
        m.faerdige === m.counted
          ? `Ledelsen har gennemgået en tilfældig stikprøve af ${sager(m.counted)} fra enhedens sagsliste med ` +
            `${sager(m.populationCount)} og vurderet hver sag ud fra en fast skabelon med spørgsmål.`
          : `Ledelsen gennemgår en tilfældig stikprøve af ${sager(m.counted)} fra enhedens sagsliste med ` +
            `${sager(m.populationCount)} og vurderer hver sag ud fra en fast skabelon med spørgsmål.`,
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        widths: [110, '*'],
        body: rows.map(([k, v]) => [
          { text: k, style: 'label', margin: [0, 1, 0, 0] },
          { text: v, fontSize: 9.5 },
        ]),
      },
      layout: { ...PLAIN_LAYOUT, paddingTop: () => 3, paddingBottom: () => 3 },
    },
    ...provisional,
    { text: 'Sådan læses resultaterne', style: 'h3' },
    {
      ul: [
        'Et krav tæller kun i de sager, hvor det var relevant. Svaret »Ikke relevant« indgår ikke i beregningen.',
        // domain.md § 8: Ankestyrelsen's Børnesagsbarometer counts a lawful omission as met; say which way this counts.
        'Hvor loven ikke krævede handlingen i sagen (fx ingen plan, fordi der ikke skulle være en), er svaret ' +
          '»Ikke relevant« og ikke »Opfyldt«. Nationale opgørelser kan tælle disse sager som opfyldt, så andelene ' +
          'kan ikke sammenlignes direkte med dem.',
        '»Delvist opfyldt« tæller som ikke opfyldt.',
        'Måltallet er den andel af sagerne, som ledelsen forventer opfylder kravet.',
        ...(smallGroupRule(data.minCell) ? [smallGroupRule(data.minCell)] : []),
        'Krav, der var relevante i under 10 sager, er markeret »Få sager«: én sag flytter andelen meget, og den ' +
          'rigtige andel kan ligge langt fra den målte (ved 8 af 10 sager et sted mellem ca. 50 og 95 %).',
      ],
      fontSize: 9.5,
      margin: [0, 0, 0, 0],
    },
  ];
}
