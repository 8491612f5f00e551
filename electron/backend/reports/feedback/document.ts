import type { Content, Node, NodeQueries, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  BOX_LAYOUT,
  blockHeading,
  COLORS,
  DEFAULT_STYLE,
  heading,
  keepHeadingsWithContent,
  PAGE_MARGINS,
  PAGE_SIZE,
  PLAIN_LAYOUT,
  pageFooter,
  rule,
  STYLES,
  TABLE_LAYOUT,
} from '../pdf-style';
import type { FeedbackNote, NoteAction, NotePoint, NoteSag } from './note-types';

/**
 * The feedback note as a pdfmake document: A4, Roboto, black-and-white friendly (headings, weight and lines carry the
 * structure), "Side X af Y" in the footer. Written to be handed over in a one-to-one meeting, or to the team.
 */

type Margin = [number, number, number, number];

/** pdf-style's keepHeadingsWithContent moves a heading that starts this close to the bottom of the body. */
const NEAR_BOTTOM = 80;

/** Which tilsyn the note is about, as two rows of label and value. */
/** A question with its number from the template in bold, as the review and the results show it. */
const numbered = (q: { number: string; question: string }): Content =>
  q.number ? { text: [{ text: `${q.number}  `, bold: true }, q.question] } : q.question;

function facts(note: FeedbackNote): Content {
  const cell = (label: string, value: string): TableCell[] => [
    { text: label, style: 'label', margin: [0, 1, 0, 0] },
    { text: value, fontSize: 9.5 },
  ];
  return {
    table: {
      widths: [44, '*', 44, '*'],
      body: [
        [...cell('Tilsyn', note.tilsyn.titel), ...cell('Periode', note.tilsyn.periode)],
        [...cell('Enhed', note.tilsyn.enhed), ...cell('Form', note.tilsyn.form)],
      ],
    },
    layout: PLAIN_LAYOUT,
    margin: [0, 0, 0, 4],
  };
}

function top(note: FeedbackNote): Content[] {
  return [
    {
      columns: [
        { text: note.sender || ' ', style: 'small', width: '*' },
        { text: note.date, style: 'small', width: 'auto', alignment: 'right' },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: note.title, style: 'h1', margin: [0, 0, 0, 8] },
    facts(note),
    rule([0, 6, 0, 12]),
  ];
}

function opening(note: FeedbackNote): Content[] {
  return note.opening.map((text, i) => ({
    text,
    style: 'body',
    margin: [0, 0, 0, i === 0 && note.kind === 'sagsbehandler' ? 8 : 6] as Margin,
  }));
}

/**
 * "→ Hvordan …?" as in seed 002. Roboto has no arrow glyph, so the arrow is a small SVG in the text colour (it reads
 * the same in black and white). Not a canvas polyline: pdfmake moves a polyline's points in place when it lays the
 * document out again (after a page break is added before a heading), and the arrow then lands elsewhere.
 */
const ARROW_SVG = `<svg width="11" height="9" viewBox="0 0 11 9"><path d="M0 4.5 H7.5" stroke="${COLORS.text}" stroke-width="1.2"/><path d="M6.2 1.2 L10.6 4.5 L6.2 7.8 Z" fill="${COLORS.text}"/></svg>`;

function arrowed(text: string, opts: { bold?: boolean; margin?: Margin } = {}): Content {
  return {
    columns: [
      { width: 16, svg: ARROW_SVG, margin: [0, 0.5, 0, 0] },
      { text, width: '*', bold: opts.bold ?? true },
    ],
    columnGap: 2,
    style: 'body',
    margin: opts.margin ?? [0, 2, 0, 4],
  };
}

/** A small label over a group of points, in capitals so it reads without colour. */
const label = (text: string): Content => ({
  text: text.toUpperCase(),
  style: 'label',
  margin: [0, 8, 0, 3],
  // Kept with what follows it, like a heading.
  headlineLevel: 2,
});

function points(items: readonly NotePoint[]): Content {
  return {
    ul: items.map((p) => {
      const stack: Content[] = [{ text: p.text }];
      if (p.question) stack.push({ text: `Om spørgsmålet: ${p.question}`, style: 'note', margin: [0, 1, 0, 0] });
      if (p.reflection) stack.push(arrowed(p.reflection, { margin: [0, 3, 0, 2] }));
      return { stack, margin: [0, 0, 0, 2] as Margin };
    }),
    style: 'body',
    margin: [4, 0, 0, 2],
  };
}

function actionsTable(actions: readonly NoteAction[]): Content {
  const head = ['Handling', 'Ansvarlig', 'Frist', 'Status'].map((text): TableCell => ({ text, style: 'tableHeader' }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 95, 58, 62],
      body: [
        head,
        ...actions.map((a) => [a.text, a.ansvarlig, a.frist, a.status].map((text) => ({ text, style: 'tableCell' }))),
      ],
    },
    layout: TABLE_LAYOUT,
    margin: [0, 0, 0, 2],
  };
}

/** The reason the leader gave for an unmet krav, and her note to it said as a note, not as a reason. */
function reasonCell(u: NoteSag['ikkeOpfyldt'][number]): Content {
  if (!u.reason && !u.note)
    // Where the template asks no reason (a krav of faglig kvalitet), none is missing.
    return u.reasonAsked
      ? { text: 'Ingen begrundelse skrevet', style: 'tableCell', italics: true, color: COLORS.muted }
      : { text: '–', style: 'tableCell', color: COLORS.muted };
  const note = u.note ? [{ text: 'Note: ', bold: true }, u.note] : [];
  return { text: u.reason ? [u.reason, ...(u.note ? ['\n'] : []), ...note] : note, style: 'tableCell' };
}

function sagSection(sag: NoteSag): Content[] {
  const out: Content[] = [
    {
      text: [{ text: `Sag ${sag.sagsnummer}` }, sag.sagstype ? { text: `  ·  ${sag.sagstype}`, bold: false } : ''],
      style: 'h3',
      headlineLevel: 1,
      margin: [0, 14, 0, 0],
    },
    rule([0, 3, 0, 0], COLORS.hairline),
  ];
  const groups: [string, NotePoint[]][] = [
    ['Det fungerer godt', sag.styrker],
    ['Læringspunkter', sag.laeringspunkter],
    ['Opmærksomhedspunkter', sag.opmaerksomhedspunkter],
  ];
  for (const [title, items] of groups) if (items.length > 0) out.push(label(title), points(items));
  const dato = sag.dialog?.dato ? ` den ${sag.dialog.dato}` : '';
  if (sag.dialog?.refleksioner) {
    out.push(label(`Dine refleksioner fra vores samtale${dato}`), {
      text: sag.dialog.refleksioner,
      style: 'body',
      italics: true,
      margin: [10, 0, 0, 2],
    });
  }
  if (sag.aftaler.length > 0) out.push(label(`Det aftalte vi${dato}`), points(sag.aftaler));
  if (sag.ikkeOpfyldt.length > 0) {
    out.push(label('Krav, der ikke var opfyldt'), {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 70, '*'],
        body: [
          ['Krav', 'Vurdering', 'Begrundelse'].map((text) => ({ text, style: 'tableHeader' })),
          ...sag.ikkeOpfyldt.map((u) => [
            { text: numbered(u), style: 'tableCell' },
            {
              text: u.overridden
                ? [u.answer, { text: '\nledelsens vurdering, ikke beregnet', color: COLORS.muted }]
                : u.answer,
              style: 'tableCell',
            },
            reasonCell(u),
          ]),
        ],
      },
      layout: TABLE_LAYOUT,
      margin: [0, 0, 0, 2],
    });
  }
  if (sag.handlinger.length > 0) out.push(label('Handlinger i sagen'), actionsTable(sag.handlinger));
  if (sag.uenigheder.length > 0) {
    out.push(label('Hvor vi vurderede forskelligt'), {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 95, 95],
        body: [
          ['Spørgsmål', 'Din vurdering', 'Min vurdering'].map((text) => ({ text, style: 'tableHeader' })),
          ...sag.uenigheder.map((u) => [
            { text: numbered(u), style: 'tableCell' },
            ...[u.sagsbehandler, u.leder].map((text) => ({ text, style: 'tableCell' })),
          ]),
        ],
      },
      layout: TABLE_LAYOUT,
    });
  }
  const empty =
    groups.every(([, items]) => items.length === 0) &&
    !sag.dialog?.refleksioner &&
    sag.aftaler.length === 0 &&
    sag.handlinger.length === 0 &&
    sag.ikkeOpfyldt.length === 0 &&
    sag.uenigheder.length === 0;
  if (empty) out.push({ text: 'Der er ikke noteret særlige punkter i sagen.', style: 'note', margin: [0, 6, 0, 0] });
  return out;
}

function commonSection(note: FeedbackNote): Content[] {
  const out: Content[] = [];
  for (const group of note.common) {
    out.push(heading(group.heading), {
      ul: group.points.map((p) => ({
        stack: [
          {
            text: [
              { text: p.text },
              { text: `  – i ${p.sager} af ${countOf(note)} sager`, color: COLORS.muted, fontSize: 9 },
            ],
          },
          ...(p.reflection ? [arrowed(p.reflection, { margin: [0, 3, 0, 0] })] : []),
        ],
        margin: [0, 0, 0, 3] as Margin,
      })),
      style: 'body',
      margin: [4, 0, 0, 0],
    });
    if (group.more > 0)
      out.push({
        text: `… og ${group.more} ${group.more === 1 ? 'andet punkt' : 'andre punkter'}, der kun er noteret én gang.`,
        style: 'note',
        margin: [4, 2, 0, 0],
      });
  }
  if (note.common.length === 0)
    out.push({
      text: 'Der er endnu ikke noteret styrker eller læringspunkter i sagerne.',
      style: 'note',
      margin: [0, 4, 0, 0],
    });
  if (note.actionsSummary) out.push({ text: note.actionsSummary, style: 'body', margin: [0, 10, 0, 0] });
  return out;
}

/** The team note's counts: "i 3 af 12 sager" (12 = the reviewed sager). */
const countOf = (note: FeedbackNote): number => note.reviewedSager;

function resultsSection(note: FeedbackNote): Content[] {
  const { results } = note;
  const out: Content[] = [heading(results.heading)];
  if (results.allMet) return [...out, { text: results.allMet, style: 'body' }];
  out.push({ text: results.intro, style: 'body', margin: [0, 0, 0, 6] });
  const right = (text: string): TableCell => ({ text, style: 'tableCell', alignment: 'right', noWrap: true });
  out.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [24, '*', 48, 42, 42],
      body: [
        [
          { text: 'Nr.', style: 'tableHeader' },
          { text: 'Krav', style: 'tableHeader' },
          { text: 'Opfyldt', style: 'tableHeader', alignment: 'right' },
          { text: 'Andel', style: 'tableHeader', alignment: 'right' },
          { text: 'Måltal', style: 'tableHeader', alignment: 'right' },
        ],
        ...results.rows.map((r) => [
          { text: r.number, style: 'tableCell', color: COLORS.muted },
          { text: r.text, style: 'tableCell' },
          right(r.opfyldt),
          right(r.andel),
          right(r.maaltal),
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
  });
  return out;
}

/** The closing questions in a framed box, kept together with the note's last words. */
function reflectionsAndClosing(note: FeedbackNote): Content[] {
  const { reflections } = note;
  const closing: Content = { text: note.closing, style: 'body', margin: [0, 16, 0, 0] };
  if (reflections.questions.length === 0) return [closing];
  const box: Content = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: reflections.intro, style: 'body', margin: [0, 0, 0, 6] },
              ...reflections.questions.map((q) => arrowed(q)),
            ],
          },
        ],
      ],
    },
    layout: BOX_LAYOUT,
  };
  // A short list stays on one page with its heading and the closing line; a long one may break.
  return reflections.questions.length <= 8
    ? [{ stack: [blockHeading(reflections.heading), box, closing], unbreakable: true }]
    : [heading(reflections.heading), box, closing];
}

/**
 * A heading or label moves to the next page when the shared rule says so (it starts near the bottom), and also when
 * what follows it on this page is only its own rule, the page footer, or headings and labels that will move on
 * themselves (a label near the bottom) – so "Sag 2026-101" never stays behind alone while its first label moves.
 * The footer's nodes count as "following" in pdfmake; they are left out by their position below the body.
 */
function keepWithContent(node: Node, queries: NodeQueries): boolean {
  if (!node.headlineLevel) return false;
  if (keepHeadingsWithContent(node, queries)) return true;
  const pageHeight = node.startPosition?.pageInnerHeight ?? Number.POSITIVE_INFINITY;
  const bodyBottom = PAGE_MARGINS[1] + pageHeight;
  for (const next of queries.getFollowingNodesOnPage()) {
    const top = next.startPosition?.top ?? 0;
    if (next.canvas !== undefined || top >= bodyBottom) continue;
    if (!next.headlineLevel) return false;
    if (top > bodyBottom - NEAR_BOTTOM) return true;
  }
  return true;
}

/** The pdfmake definition of one feedback note (caseworker or team). */
export function feedbackDoc(note: FeedbackNote): TDocumentDefinitions {
  const body: Content[] = [...top(note), ...opening(note)];
  if (note.kind === 'sagsbehandler') {
    body.push(heading(note.sager.length === 1 ? 'Din sag' : 'Dine sager'));
    for (const sag of note.sager) body.push(...sagSection(sag));
  } else {
    body.push(...commonSection(note));
  }
  body.push(...resultsSection(note), ...reflectionsAndClosing(note));
  return {
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    info: { title: note.title, subject: note.tilsyn.titel, creator: 'Tilsyn', producer: 'Tilsyn' },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content: body,
    footer: pageFooter(note.footer),
    pageBreakBefore: keepWithContent,
  };
}
