import {
  FRIST_BEKRAEFTES,
  FRIST_KRAV,
  JND_KRAV,
  JND_KVALITET,
  naarDato,
  naarSvar,
  oevrigeBemaerkninger,
  SKALA_KVALITET,
} from './faelles';
import type { DefaultTemplate } from './types';

/*
 * The rules of their time (issue #13). Each rule that changed carries the date it applies from or until and the
 * law that changed it, so a round that reviews older sager uses the rules those sager were handled under:
 * - 1.1.2024, lov nr. 727 af 13.6.2023: the a-kasse holds a dagpengemodtager's first three conversations in the
 *   first three months, the job centre the next three by six months (STAR: »Et forenklet kontaktforløb«).
 * - 1.2.2026, lov nr. 1750 af 29.12.2025: no rehabiliteringsteam; no new ressourceforløb (those begun go on under
 *   the earlier rules). The law has two dates (1.2. and 1.7.2026); which part is which is to be confirmed.
 * - 1.7.2026, same law: more flexible kontaktforløb and tilbud (the municipality may exempt up to 25 % after a
 *   concrete assessment), confirmed by STAR's answers of 21.1.2026.
 * Paragraph numbers that could not be checked in a primary source say »bekræftes lokalt«.
 */
const FORENKLET_KONTAKTFORLOEB = 'Lov nr. 727 af 13. juni 2023 (forenklet kontaktforløb), i kraft 1. januar 2024';
const REFORM_FEBRUAR_2026 =
  'Lov nr. 1750 af 29. december 2025 (reform af beskæftigelsesindsatsen), i kraft 1. februar 2026 (datoen for netop denne del bekræftes lokalt)';
const REFORM_JULI_2026 =
  'Lov nr. 1750 af 29. december 2025, ændringen om mere fleksible kontaktforløb og tilbud, i kraft 1. juli 2026';
const LEDIG = ['dagpenge', 'kontanthjaelp'];

export const BESKAEFTIGELSE_RETTIDIGHED: DefaultTemplate = {
  id: 'standard-beskaeftigelse-rettidighed',
  meta: {
    name: 'Beskæftigelse – rettidighed',
    area: 'beskaeftigelse',
    description:
      'Skabelon til ledelsestilsyn i jobcenteret med fokus på rettidighed efter lov om en aktiv beskæftigelsesindsats (LAB): samtaler holdt til tiden, borgerens plan opdateret til tiden, tilbud til tiden, sager om jobafklaring og ressourceforløb behandlet efter reglerne, suppleret med enkelte spørgsmål om kvalitet. Reglerne er ændret 1. januar 2024 (forenklet kontaktforløb), 1. februar 2026 (rehabiliteringsteam og ressourceforløb afskaffes for nye borgere) og 1. juli 2026 (mere fleksible kontaktforløb og tilbud). Hvert spørgsmål, der hører til en bestemt periode, siger hvilken, og vises ud fra sagens datoer, så ældre sager gennemgås efter reglerne på deres tid. Frister og paragraffer, der ikke er bekræftet i en primær kilde, er markeret. Skabelonen er skrevet til Tilsyn med inspiration fra den praksis for ledelsestilsyn, kommunerne bruger; den er ikke en officiel skabelon, og spørgsmål, frister, lovhenvisninger og måltal skal tilpasses og bekræftes lokalt, før den tages i brug.',
  },
  content: {
    dateFields: [
      { key: 'ledighed_start', label: 'Ledigheden begyndte' },
      { key: 'jobafklaring_start', label: 'Jobafklaringsforløbet begyndte' },
      { key: 'rehabiliteringsteam', label: 'Sagen blev behandlet i rehabiliteringsteamet' },
      { key: 'ressourceforloeb_start', label: 'Ressourceforløbet begyndte' },
      { key: 'aktivitet_start', label: 'Første tilbud eller indsats i ressourceforløbet begyndte' },
    ],
    sections: [
      {
        key: 'forloeb',
        title: 'Borgerens forløb',
        description:
          'Angiv først, hvilket forløb borgeren er i; svaret afgør, hvilke af de senere spørgsmål der vises.',
        questions: [
          {
            key: 'forloeb.type',
            text: 'Hvilket forløb er borgeren i i den gennemgåede periode?',
            help: 'Vælg det forløb, sagen gennemgås for. Svaret styrer, hvilke spørgsmål der vises, og tæller ikke med i resultaterne. For ledige afgør datoen »Ledigheden begyndte«, hvilke regler for samtaler og tilbud der gjaldt.',
            legalRef: '',
            category: 'proces',
            answerType: 'valg',
            options: [
              { value: 'dagpenge', label: 'Ledig på dagpenge', outcome: 'udeladt' },
              { value: 'kontanthjaelp', label: 'Ledig på kontant- eller uddannelseshjælp', outcome: 'udeladt' },
              { value: 'jobafklaring', label: 'Jobafklaringsforløb', outcome: 'udeladt' },
              { value: 'ressourceforloeb', label: 'Ressourceforløb', outcome: 'udeladt' },
              { value: 'andet', label: 'Andet forløb', outcome: 'udeladt' },
            ],
            active: true,
          },
        ],
      },
      {
        key: 'samtaler',
        title: 'Samtaler',
        description:
          'For dagpengemodtagere vises spørgsmålet for de regler, der gjaldt, da ledigheden begyndte; for de øvrige målgrupper ét samlet spørgsmål.',
        questions: [
          {
            key: 'samtaler.rettidighed',
            text: 'Er borgerens samtaler med jobcenteret holdt rettidigt i den gennemgåede periode?',
            help: `Sammenhold de holdte samtaler med de krav, der gjaldt for borgerens målgruppe i perioden, fx fire samtaler i jobcenteret i de første 6 måneder på en ny ydelse efter tidligere regler. Fra 1. juli 2026 er kontaktforløbet mere fleksibelt (lov nr. 1750 af 29. december 2025): se efter, at samtalerne følger den individuelle vurdering. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB kapitel 7 om kontaktforløb (paragraf bekræftes lokalt)',
            category: 'lovmedholdelighed',
            answerType: 'valg',
            options: [
              { value: 'alle', label: 'Alle samtaler er holdt rettidigt', outcome: 'opfyldt' },
              { value: 'en', label: 'En enkelt samtale mangler eller er holdt efter fristen', outcome: 'delvist' },
              { value: 'flere', label: 'Flere samtaler mangler eller er holdt efter fristen', outcome: 'ikke_opfyldt' },
              { value: 'ikke_relevant', label: 'Ikke relevant', outcome: 'udeladt' },
            ],
            target: 100,
            reasonRequiredOnNegative: true,
            rules: [naarSvar('forloeb.type', 'kontanthjaelp', 'jobafklaring', 'ressourceforloeb', 'andet')],
            active: true,
          },
          {
            key: 'samtaler.dagpenge-foer-2024',
            text: 'Holdt jobcenteret de jobsamtaler, borgeren skulle have i de første 6 måneders ledighed (seks samtaler, heraf to fælles med a-kassen)?',
            help: `Gælder dagpengemodtagere, der blev ledige før 1. januar 2024. Tæl de holdte jobsamtaler i de første 6 måneder og se efter, at de fælles samtaler med a-kassen er holdt. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB kapitel 7 som gældende før 1. januar 2024 (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              naarSvar('forloeb.type', 'dagpenge'),
              naarDato('ledighed_start', { foer: '2024-01-01' }, FORENKLET_KONTAKTFORLOEB),
            ],
          },
          {
            key: 'samtaler.dagpenge-2024',
            text: 'Holdt jobcenteret de tre jobsamtaler i 4.-6. måned af ledigheden, efter a-kassens tre samtaler i de første tre måneder?',
            help: `Gælder dagpengemodtagere, der blev ledige fra 1. januar 2024 og før 1. juli 2026: a-kassen holder de første tre samtaler i de første tre måneder, jobcenteret de næste tre inden 6 måneder; a-kassen deltager i den første samtale i jobcenteret, hvis borgeren ønsker det. Efter 6 måneder aftales kontaktforløbet individuelt. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB kapitel 7, jf. lov nr. 727 af 13. juni 2023 (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              naarSvar('forloeb.type', 'dagpenge'),
              naarDato(
                'ledighed_start',
                { fra: '2024-01-01', foer: '2026-07-01' },
                `${FORENKLET_KONTAKTFORLOEB}; til ${REFORM_JULI_2026}`,
              ),
            ],
          },
          {
            key: 'samtaler.fleksibel-2026',
            text: 'Er borgerens jobsamtaler holdt som aftalt, eller er det begrundet ud fra en konkret vurdering, at borgeren er undtaget fra samtaler?',
            help: `Gælder dagpengemodtagere, der blev ledige fra 1. juli 2026 (for de øvrige målgrupper: det samlede spørgsmål om samtaler): kommunen og a-kassen skal holde individuelle jobsamtaler med mindst 75 pct. af de ledige tæt på arbejdsmarkedet og kan undtage de øvrige ud fra en konkret vurdering af, at de selv kan komme i job. Se efter, at vurderingen står i sagen. Overgangsregler for borgere, der blev ledige før 1. juli 2026, skal bekræftes lokalt.`,
            legalRef: 'LAB kapitel 7, jf. lov nr. 1750 af 29. december 2025 (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              // Dagpenge only: the other target groups have the one samtale krav above, never two for one sag.
              naarSvar('forloeb.type', 'dagpenge'),
              naarDato('ledighed_start', { fra: '2026-07-01' }, REFORM_JULI_2026),
            ],
          },
          {
            key: 'samtaler.jobrettet',
            text: 'Har samtalerne et konkret job- eller uddannelsesrettet indhold, og er det dokumenteret, hvad der blev aftalt?',
            help: 'Se efter journalnotater, der viser, at samtalen handlede om konkrete job, jobsøgning, uddannelse eller næste skridt, og hvad borgeren og jobcenteret aftalte.',
            legalRef: 'LAB kapitel 7 om kontaktforløb (paragraf bekræftes lokalt)',
            ...JND_KVALITET,
          },
        ],
      },
      {
        key: 'plan',
        title: 'Borgerens plan (Min Plan / jobplan)',
        questions: [
          {
            key: 'plan.aktuel',
            text: 'Har borgeren en aktuel plan, som borgeren har adgang til?',
            help: 'Se efter, om Min Plan eller jobplanen findes, er gjort tilgængelig for borgeren (fx på Jobnet) og beskriver den indsats, borgeren er i nu.',
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KRAV,
          },
          {
            key: 'plan.opdateret',
            text: 'Er planen opdateret rettidigt, når der er sket ændringer, fx når et tilbud er givet eller en aktivitet er begyndt?',
            help: `Se efter, om tilbud og aktiviteter fremgår af planen senest, når de begynder. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KRAV,
          },
          {
            key: 'plan.maal',
            text: 'I hvilken grad indeholder planen et konkret mål og aktiviteter, der understøtter det?',
            help: 'Se efter et job- eller uddannelsesmål, der er til at forstå for borgeren, og aktiviteter, der tydeligt fører mod målet.',
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...SKALA_KVALITET,
          },
          {
            key: 'plan.borger-inddraget',
            text: 'Afspejler planen borgerens egne ønsker og forudsætninger?',
            help: 'Se efter, om borgerens ønsker, helbred og erfaring er beskrevet og brugt i valget af mål og aktiviteter.',
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KVALITET,
          },
        ],
      },
      {
        key: 'tilbud',
        title: 'Tilbud',
        questions: [
          {
            key: 'tilbud.rettidigt',
            text: 'Har borgeren fået et tilbud inden for den frist, der gjaldt for borgerens målgruppe?',
            help: `Gælder ledige, der blev ledige før 1. juli 2026. Tidligere regler gav ledige ret og pligt til tilbud efter 13 ugers ledighed for borgere under 30 og over 50 år og efter 26 uger for de øvrige; reglerne er siden ændret flere gange. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              naarSvar('forloeb.type', ...LEDIG),
              naarDato('ledighed_start', { foer: '2026-07-01' }, REFORM_JULI_2026),
            ],
          },
          {
            key: 'tilbud.fleksibel-2026',
            text: 'Har borgeren fået et tilbud i de første 6 måneder, eller er det begrundet ud fra en konkret vurdering, at borgeren selv kan komme i job og derfor er undtaget?',
            help: 'Gælder ledige, der blev ledige fra 1. juli 2026: kommunen kan undtage op til 25 pct. af dagpengemodtagerne og de job- og uddannelsesparate kontanthjælpsmodtagere fra tilbud i de første 6 måneder. Personer med arbejdspligt er ikke omfattet. Se efter, at vurderingen står i sagen.',
            legalRef: 'LAB, jf. lov nr. 1750 af 29. december 2025 (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              naarSvar('forloeb.type', ...LEDIG),
              naarDato('ledighed_start', { fra: '2026-07-01' }, REFORM_JULI_2026),
            ],
          },
          {
            key: 'tilbud.relevant',
            text: 'Passer tilbuddet til borgerens mål og forudsætninger?',
            help: 'Se efter en begrundelse for valget af tilbud, der knytter det til målet i planen.',
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KVALITET,
          },
        ],
      },
      {
        key: 'rehabilitering',
        title: 'Jobafklaring og rehabiliteringsteam',
        description:
          'Kravet om rehabiliteringsteam er afskaffet med lov nr. 1750 af 29. december 2025; spørgsmålene vises ud fra, hvornår forløbet begyndte.',
        questions: [
          {
            key: 'rehabilitering.frist',
            text: 'Blev sagen behandlet i rehabiliteringsteamet senest 4 uger efter, at jobafklaringsforløbet begyndte?',
            help: `Gælder jobafklaringsforløb, der begyndte før 1. februar 2026. Fristen regnes fra jobafklaringsforløbets begyndelse (eller afgørelsen om ret til forløbet) til mødet i rehabiliteringsteamet. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB kapitel 18 om jobafklaringsforløb (paragraf bekræftes lokalt)',
            ...FRIST_KRAV,
            frist: { fra: 'jobafklaring_start', til: 'rehabiliteringsteam', graense: 4, enhed: 'uger' },
            rules: [
              naarSvar('forloeb.type', 'jobafklaring'),
              naarDato('jobafklaring_start', { foer: '2026-02-01' }, REFORM_FEBRUAR_2026),
            ],
          },
          {
            key: 'jobafklaring.samlet-beskrivelse',
            text: 'Er borgerens forudsætninger beskrevet samlet, og er der indhentet sundhedsfaglig rådgivning, hvor reglerne kræver det?',
            help: 'Gælder jobafklaringsforløb, der begyndte fra 1. februar 2026, hvor rehabiliteringsteamet er afløst af en samlet beskrivelse af borgerens forudsætninger og sundhedsfaglig rådgivning fra sundhedskoordinatoren, fx i sager om fleksjob og førtidspension. Se efter beskrivelsen og rådgivningen i sagen.',
            legalRef: 'LAB, jf. lov nr. 1750 af 29. december 2025 (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              naarSvar('forloeb.type', 'jobafklaring'),
              naarDato('jobafklaring_start', { fra: '2026-02-01' }, REFORM_FEBRUAR_2026),
            ],
          },
          {
            key: 'rehabilitering.foer-ressourceforloeb',
            text: 'Blev sagen behandlet i rehabiliteringsteamet, før der blev truffet afgørelse om ressourceforløb?',
            help: 'Gælder ressourceforløb, der begyndte før 1. februar 2026. Se efter rehabiliteringsteamets indstilling og datoen for mødet, og at afgørelsen om ressourceforløb henviser til den.',
            legalRef:
              'Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. kapitel 2 og LAB §§ 112-113 (bekræftes lokalt)',
            ...JND_KRAV,
            rules: [
              naarSvar('forloeb.type', 'ressourceforloeb'),
              naarDato('ressourceforloeb_start', { foer: '2026-02-01' }, REFORM_FEBRUAR_2026),
            ],
          },
        ],
      },
      {
        key: 'ressourceforloeb',
        title: 'Ressourceforløb',
        description:
          'Vises kun, når borgeren er i et ressourceforløb, der begyndte før 1. februar 2026: ordningen er afskaffet for nye borgere med lov nr. 1750 af 29. december 2025, og forløb, der er i gang, fortsætter efter de tidligere regler.',
        rules: [
          naarSvar('forloeb.type', 'ressourceforloeb'),
          naarDato('ressourceforloeb_start', { foer: '2026-02-01' }, REFORM_FEBRUAR_2026),
        ],
        questions: [
          {
            key: 'ressourceforloeb.aktivitet-frist',
            text: 'Begyndte borgeren i et tilbud eller en indsats senest 6 måneder efter, at ressourceforløbet begyndte?',
            help: 'Fristen regnes fra ressourceforløbets start til den første aktivitet, fx et beskæftigelsesrettet tilbud, en social indsats eller en kommunal sundhedsindsats. Er fristen overskredet, skal sagen som udgangspunkt forelægges rehabiliteringsteamet igen.',
            legalRef: 'LAB § 113, stk. 2',
            ...FRIST_KRAV,
            frist: { fra: 'ressourceforloeb_start', til: 'aktivitet_start', graense: 6, enhed: 'maaneder' },
          },
          {
            key: 'ressourceforloeb.forelagt-igen',
            text: 'Hvis der ikke var begyndt en aktivitet efter 6 måneder: blev sagen forelagt rehabiliteringsteamet igen?',
            help: 'Svar Ikke relevant, hvis en aktivitet begyndte inden for 6 måneder. Er sagen ikke forelagt, skal det fremgå, hvilke særlige grunde der talte imod.',
            legalRef: 'LAB § 113, stk. 2',
            ...JND_KRAV,
          },
          {
            key: 'ressourceforloeb.samtaler',
            text: 'Er der holdt mindst 6 samtaler med borgeren inden for de seneste 12 måneder af ressourceforløbet?',
            help: `Tæl de holdte samtaler med den koordinerende sagsbehandler i de seneste 12 måneder. Kravet stammer fra tidligere regler. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KRAV,
          },
          {
            key: 'ressourceforloeb.koordinerende',
            text: 'Har borgeren en koordinerende sagsbehandler, og er det tydeligt for borgeren, hvem det er?',
            help: 'Se efter, at den koordinerende sagsbehandler er registreret på sagen og nævnt i breve eller planen til borgeren.',
            legalRef: 'LAB §§ 112-115 om ressourceforløb (paragraf bekræftes lokalt)',
            ...JND_KRAV,
          },
        ],
      },
      {
        key: 'sagsbehandling',
        title: 'Sagsbehandling og samlet vurdering',
        questions: [
          {
            key: 'sagsbehandling.afgoerelser',
            text: 'Er afgørelser i perioden partshørt, hvor det var påkrævet, skriftligt begrundet og givet med klagevejledning?',
            help: 'Se fx på afgørelser om tilbud, ressourceforløb eller sanktioner. Svar Delvist, hvis kun nogle af kravene er opfyldt, og skriv hvilke.',
            legalRef: 'Forvaltningsloven § 19, §§ 22-24 og § 25',
            ...JND_KRAV,
          },
          {
            key: 'sagsbehandling.notater',
            text: 'Er samtaler, aftaler og andre oplysninger af betydning for sagen noteret i journalen?',
            help: 'Se efter journalnotater fra samtaler og telefonopkald, så en anden sagsbehandler kan overtage sagen. Lovhenvisningen til notatpligten skal bekræftes lokalt.',
            legalRef: 'Offentlighedsloven § 13',
            ...JND_KRAV,
          },
          {
            key: 'sagsbehandling.progression',
            text: 'I hvilken grad bringer indsatsen samlet set borgeren tættere på arbejde eller uddannelse?',
            help: 'Vurder ud fra hele perioden, om der er progression, og om sagen bevæger sig, eller om borgeren venter uden indsats.',
            legalRef: '',
            ...SKALA_KVALITET,
          },
          oevrigeBemaerkninger(
            'sagsbehandling.bemaerkninger',
            'Skriv styrker, læringspunkter og opmærksomhedspunkter fra sagen, som skal med i tilbagemeldingen til sagsbehandleren.',
          ),
        ],
      },
    ],
  },
};
