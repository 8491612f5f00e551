import type { PublicText } from '../../../../shared/domain/publication';
import type { CommitteeReportData } from './report-types';

/** Said of the title: it is printed on the front page and also names the file and fills the PDF's properties. */
export const TITLE_LABEL = 'Tilsynets titel (står også i filnavnet og i PDF-filens egenskaber)';

/**
 * Every text of the committee report that a person wrote (the leader, or the template's author), with where it is
 * written, for the publication check. What the report makes itself (figures, the method's sentences, labels) is
 * left out: it is built from aggregates.
 */
export function committeePublicTexts(data: CommitteeReportData): PublicText[] {
  const rediger = { screen: 'rediger' } as const;
  const resultater = { screen: 'resultater' } as const;
  const skabelon = { screen: 'skabelon' } as const;
  const texts: PublicText[] = [
    { label: TITLE_LABEL, text: data.title, place: rediger },
    { label: 'Enhed', text: data.enhed, place: rediger },
    { label: 'Formål', text: data.formaal, place: rediger },
    { label: 'Fokus', text: data.fokus, place: rediger },
    { label: 'Kommunens navn', text: data.kommune, place: { screen: 'indstillinger' } },
    { label: 'Forvaltningens navn', text: data.forvaltning, place: { screen: 'indstillinger' } },
    { label: 'Sammenfatning', text: data.sammenfatning, place: resultater },
    // The second review's line names who approved the round (written under Gennemgang › Kvalitetssikring).
    { label: 'Kvalitetssikringen (godkenderens navn)', text: data.method.qualityAssurance ?? '', place: rediger },
    { label: 'Skabelonens navn', text: data.method.template, place: skabelon },
  ];
  for (const m of data.measures) {
    texts.push(
      { label: `Krav ${m.number} (skabelonens tekst)`, text: m.text, place: skabelon },
      { label: `Afsnittet, krav ${m.number} står i (skabelonens tekst)`, text: m.sectionTitle, place: skabelon },
      { label: `Ledelsens vurdering af krav ${m.number}`, text: m.vurdering, place: resultater },
      { label: `Planen for krav ${m.number}`, text: m.plan, place: resultater },
      { label: `Ansvarlig for planen for krav ${m.number}`, text: m.ansvarlig, place: resultater },
    );
  }
  for (const p of data.followUp?.items ?? [])
    texts.push(
      { label: `Krav ${p.number} i sidste tilsyn (skabelonens tekst)`, text: p.text, place: skabelon },
      {
        label: `Planen for krav ${p.number} fra sidste tilsyn`,
        text: p.plan,
        place: { screen: 'tidligere', tilsynId: data.followUp?.tilsynId ?? 0 },
      },
    );
  // A round is named by its title where two rounds share a period.
  const rounds = data.development
    ? [...data.development.overall, ...data.development.measures.flatMap((m) => m.points)]
    : [];
  const labels = new Set(rounds.map((p) => p.label));
  if (data.development?.baselineLabel) labels.add(data.development.baselineLabel);
  for (const label of labels)
    texts.push({ label: 'En runde i udviklingen (tilsynets titel)', text: label, place: rediger });
  return texts;
}
