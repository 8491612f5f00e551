import type { PublicText } from '../../../../shared/domain/publication';
import { TITLE_LABEL } from '../committee/public-texts';
import type { FeedbackNote } from './note-types';

/**
 * Every text of the team note that a person wrote, with where it is written, for the publication check: the title
 * and unit, the points from the sager's reviews (pointing to a sag that holds the point), the team's refleksions-
 * spørgsmål and the template's krav. The note's own sentences are left out.
 */
export function teamPublicTexts(note: FeedbackNote): PublicText[] {
  const rediger = { screen: 'rediger' } as const;
  const formidling = { screen: 'formidling' } as const;
  const texts: PublicText[] = [
    { label: TITLE_LABEL, text: note.tilsyn.titel, place: rediger },
    { label: 'Enhed', text: note.tilsyn.enhed, place: rediger },
    { label: 'Kommunens og forvaltningens navn', text: note.sender, place: { screen: 'indstillinger' } },
  ];
  for (const c of note.common) {
    for (const p of c.points) {
      const [sagId] = p.fromSager;
      const where = p.fromSager.length === 1 ? 'én sag' : `${p.fromSager.length} sager`;
      texts.push({
        label: `»${c.heading}«: et punkt fra gennemgangen (skrevet i ${where})`,
        text: p.text,
        place: sagId === undefined ? formidling : { screen: 'sag', sagId },
      });
      if (p.reflection) texts.push({ label: 'Refleksionsspørgsmål til teamet', text: p.reflection, place: formidling });
    }
  }
  for (const q of note.reflections.questions)
    texts.push({ label: 'Refleksionsspørgsmål til teamet', text: q, place: formidling });
  for (const r of note.results.rows)
    texts.push({ label: `Krav ${r.number} (skabelonens tekst)`, text: r.text, place: { screen: 'skabelon' } });
  return texts;
}
