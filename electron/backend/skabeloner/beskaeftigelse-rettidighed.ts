import {
  FRIST_BEKRAEFTES,
  FRIST_KRAV,
  JND_KRAV,
  JND_KVALITET,
  naarSvar,
  oevrigeBemaerkninger,
  SKALA_KVALITET,
} from './faelles';
import type { DefaultTemplate } from './types';

export const BESKAEFTIGELSE_RETTIDIGHED: DefaultTemplate = {
  id: 'standard-beskaeftigelse-rettidighed',
  meta: {
    name: 'Beskæftigelse – rettidighed',
    area: 'beskaeftigelse',
    description:
      'Skabelon til ledelsestilsyn i jobcenteret med fokus på rettidighed efter lov om en aktiv beskæftigelsesindsats (LAB): samtaler holdt til tiden, borgerens plan opdateret til tiden, sager forelagt rehabiliteringsteamet til tiden og aktivitet i ressourceforløb inden for 6 måneder, suppleret med enkelte spørgsmål om kvalitet. Reglerne for samtaler og frister afhænger af målgruppen og ændres jævnligt; frister, der ikke er bekræftet i en primær kilde, er markeret i hjælpeteksten. Skabelonen er skrevet til Tilsyn med inspiration fra den praksis for ledelsestilsyn, kommunerne bruger; den er ikke en officiel skabelon, og spørgsmål, frister, lovhenvisninger og måltal skal tilpasses og bekræftes lokalt, før den tages i brug.',
  },
  content: {
    dateFields: [
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
            help: 'Vælg det forløb, sagen gennemgås for. Svaret styrer, hvilke spørgsmål der vises, og tæller ikke med i resultaterne.',
            legalRef: '',
            category: 'proces',
            answerType: 'valg',
            options: [
              { value: 'ledig', label: 'Ledig (dagpenge, kontant- eller uddannelseshjælp)', outcome: 'udeladt' },
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
        questions: [
          {
            key: 'samtaler.rettidighed',
            text: 'Er borgerens samtaler med jobcenteret holdt rettidigt i den gennemgåede periode?',
            help: `Sammenhold de holdte samtaler med de krav, der gælder for borgerens målgruppe, fx fire samtaler i jobcenteret i de første 6 måneder på en ny ydelse. Kravene afhænger af målgruppen og er ændret flere gange. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB kapitel 7 om kontaktforløb (paragraf bekræftes lokalt)',
            category: 'lovmedholdelighed',
            answerType: 'valg',
            options: [
              { value: 'alle', label: 'Alle samtaler er holdt rettidigt', outcome: 'opfyldt' },
              { value: 'en', label: 'En enkelt samtale mangler eller er holdt for sent', outcome: 'delvist' },
              { value: 'flere', label: 'Flere samtaler mangler eller er holdt for sent', outcome: 'ikke_opfyldt' },
              { value: 'ikke_relevant', label: 'Ikke relevant', outcome: 'udeladt' },
            ],
            target: 100,
            reasonRequiredOnNegative: true,
            active: true,
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
            text: 'Har borgeren fået et tilbud inden for den frist, der gælder for borgerens målgruppe?',
            help: `Tidligere regler gav ledige ret og pligt til tilbud efter 13 ugers ledighed for borgere under 30 og over 50 år og efter 26 uger for de øvrige; reglerne er siden ændret. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB (paragraf bekræftes lokalt)',
            ...JND_KRAV,
            rules: [naarSvar('forloeb.type', 'ledig')],
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
        title: 'Rehabiliteringsteam',
        questions: [
          {
            key: 'rehabilitering.frist',
            text: 'Blev sagen behandlet i rehabiliteringsteamet senest 4 uger efter, at jobafklaringsforløbet begyndte?',
            help: `Fristen regnes fra jobafklaringsforløbets begyndelse (eller afgørelsen om ret til forløbet) til mødet i rehabiliteringsteamet. ${FRIST_BEKRAEFTES}`,
            legalRef: 'LAB kapitel 18 om jobafklaringsforløb (paragraf bekræftes lokalt)',
            ...FRIST_KRAV,
            frist: { fra: 'jobafklaring_start', til: 'rehabiliteringsteam', graense: 4, enhed: 'uger' },
            rules: [naarSvar('forloeb.type', 'jobafklaring')],
          },
          {
            key: 'rehabilitering.foer-ressourceforloeb',
            text: 'Blev sagen behandlet i rehabiliteringsteamet, før der blev truffet afgørelse om ressourceforløb?',
            help: 'Se efter rehabiliteringsteamets indstilling og datoen for mødet, og at afgørelsen om ressourceforløb henviser til den.',
            legalRef:
              'Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. kapitel 2 og LAB §§ 112-113 (bekræftes lokalt)',
            ...JND_KRAV,
            rules: [naarSvar('forloeb.type', 'ressourceforloeb')],
          },
        ],
      },
      {
        key: 'ressourceforloeb',
        title: 'Ressourceforløb',
        description: 'Vises kun, når borgeren er i ressourceforløb.',
        rules: [naarSvar('forloeb.type', 'ressourceforloeb')],
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
