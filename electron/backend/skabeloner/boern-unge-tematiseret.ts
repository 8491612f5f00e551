import {
  AFGOERELSE_ANBRINGELSE,
  ANBRINGELSE_PLAN_FOER_AFGOERELSE,
  BARNETS_PLAN_FRIST,
  BARNETS_PLAN_INDDRAGELSE,
  BARNETS_PLAN_MAAL_KONKRETE,
  BARNETS_PLAN_MAAL_MAALBARE,
  BARNETS_PLAN_UDARBEJDET,
  BFU_FAMILIE,
  BFU_FORELOEBIG_VURDERING,
  BFU_FRIST,
  BFU_GENNEMFOERT,
  BFU_NETVAERK,
  BFU_RESSOURCER_BEHOV,
  BFU_SKOLE_DAGTILBUD,
  BFU_SUNDHED,
  BOERNESAMTALE_AFHOLDT,
  BOERNESAMTALE_SYNSPUNKTER_GENGIVET,
  BOERNESAMTALE_TILLAGT_VAEGT,
  BOERNESAMTALE_UNDLADT_BEGRUNDET,
  DATOFELTER,
  OPFOELGNING_FRIST,
  OPFOELGNING_JUSTERING,
  OPFOELGNING_MAALOPFYLDELSE,
  OPFOELGNING_PLAN,
} from './boern-unge-faelles';
import { JND_KRAV, JND_KVALITET, JND_PROCES, naarSvar, oevrigeBemaerkninger, SKALA_KVALITET } from './faelles';
import type { DefaultTemplate } from './types';

const TEMA_BEMAERKNING =
  'Skriv styrker og læringspunkter inden for temaet, som skal med i tilbagemeldingen til sagsbehandleren og i den samlede opsamling på temaet.';

export const BOERN_UNGE_TEMATISERET: DefaultTemplate = {
  id: 'standard-boern-unge-tematiseret',
  meta: {
    name: 'Børn og unge – tematiseret',
    area: 'boern_unge',
    description:
      'Skabelon til tematiseret ledelsestilsyn med sager om børn og unge efter barnets lov, når ledelsen vil gå i dybden med et eller flere temaer: børnesamtaler, den børnefaglige undersøgelse, barnets plan og opfølgning. Vælg de afsnit, tilsynet skal dække; hvert afsnit kan bruges alene. Spørgsmål, der også findes i den overordnede skabelon, har samme nøgle, så resultaterne kan sammenlignes på tværs af skabeloner og år. Skabelonen er skrevet til Tilsyn med inspiration fra den nationale praksis for ledelsestilsyn; den er ikke en officiel skabelon, og spørgsmål, frister, lovhenvisninger og måltal skal tilpasses og bekræftes lokalt, før den tages i brug.',
  },
  content: {
    dateFields: [
      DATOFELTER.opmaerksomhed,
      DATOFELTER.bfu_afsluttet,
      DATOFELTER.afgoerelse,
      DATOFELTER.barnets_plan,
      DATOFELTER.indsats_start,
      DATOFELTER.foerste_opfoelgning,
    ],
    sections: [
      {
        key: 'boernesamtaler',
        title: 'Tema: Børnesamtaler og barnets perspektiv',
        description:
          'Går i dybden med, hvordan barnet er hørt og inddraget: forberedelse, rammer, dokumentation og tilbagemelding til barnet.',
        questions: [
          BOERNESAMTALE_AFHOLDT,
          BOERNESAMTALE_UNDLADT_BEGRUNDET,
          {
            key: 'boernesamtale.bisidder',
            text: 'Er barnet oplyst om retten til at have en bisidder med?',
            help: 'Se efter, om det fremgår af indkaldelsen eller samtalenotatet, at barnet er gjort opmærksom på retten til en bisidder, og om barnet ønskede det.',
            legalRef: 'Barnets Lov § 6 (tidl. SEL § 48 a)',
            ...JND_KRAV,
          },
          {
            key: 'boernesamtale.forberedelse',
            text: 'Var barnet forberedt på samtalen, så det vidste, hvad den handlede om, og hvad den skulle bruges til?',
            help: 'Se efter, hvordan barnet er indkaldt og orienteret, og om samtalen er forberedt med forældrene eller en voksen, barnet er tryg ved.',
            legalRef: 'Barnets Lov § 5',
            ...JND_KVALITET,
            rules: [naarSvar('boernesamtale.afholdt', 'ja', 'delvist')],
          },
          {
            key: 'boernesamtale.tilpasset',
            text: 'Er samtalen tilpasset barnets alder, modenhed og eventuelle funktionsnedsættelse?',
            help: 'Se efter valg af sted, varighed, hvem der var til stede, og om der er brugt samtaleredskaber, tolk eller andre hjælpemidler.',
            legalRef: 'Barnets Lov § 5',
            ...JND_KVALITET,
            rules: [naarSvar('boernesamtale.afholdt', 'ja', 'delvist')],
          },
          {
            key: 'boernesamtale.flere-tidspunkter',
            text: 'Er der talt med barnet på flere tidspunkter i forløbet, fx under undersøgelsen, før afgørelsen og ved opfølgning?',
            help: 'Barnets perspektiv skal med gennem hele sagen og ikke kun ved én samtale. Se efter samtaler ved sagens vigtige skridt.',
            legalRef: 'Barnets Lov § 5',
            ...JND_KVALITET,
          },
          BOERNESAMTALE_SYNSPUNKTER_GENGIVET,
          BOERNESAMTALE_TILLAGT_VAEGT,
          {
            key: 'boernesamtale.tilbagemelding',
            text: 'Har barnet fået at vide, hvad samtalen og barnets synspunkter har ført til?',
            help: 'Se efter et notat om, at afgørelsen eller planen er forklaret for barnet på en måde, barnet kan forstå.',
            legalRef: 'Barnets Lov § 5',
            ...JND_KVALITET,
          },
          oevrigeBemaerkninger('boernesamtale.bemaerkninger', TEMA_BEMAERKNING),
        ],
      },
      {
        key: 'boernefaglig-undersoegelse',
        title: 'Tema: Børnefaglig undersøgelse',
        description:
          'Går i dybden med den børnefaglige undersøgelse: fristen og om undersøgelsen belyser barnets forhold bredt nok til at bære en konklusion.',
        questions: [
          BFU_GENNEMFOERT,
          BFU_FRIST,
          BFU_FORELOEBIG_VURDERING,
          BFU_RESSOURCER_BEHOV,
          BFU_FAMILIE,
          BFU_SKOLE_DAGTILBUD,
          BFU_SUNDHED,
          BFU_NETVAERK,
          {
            key: 'bfu.konklusion',
            text: 'I hvilken grad munder undersøgelsen ud i en klar konklusion om barnets behov og om, hvilken støtte der er brug for?',
            help: 'Se efter en samlet socialfaglig vurdering, der bygger på de indsamlede oplysninger, og som peger frem mod afgørelsen.',
            legalRef: 'Barnets Lov § 22 (tidl. SEL § 50)',
            ...SKALA_KVALITET,
            rules: [naarSvar('bfu.gennemfoert', 'ja')],
          },
          oevrigeBemaerkninger('bfu.bemaerkninger', TEMA_BEMAERKNING),
        ],
      },
      {
        key: 'barnets-plan',
        title: 'Tema: Barnets plan',
        description:
          'Går i dybden med barnets plan: om den er udarbejdet til tiden, og om målene er konkrete, målbare og udspringer af undersøgelsen.',
        questions: [
          AFGOERELSE_ANBRINGELSE,
          BARNETS_PLAN_UDARBEJDET,
          BARNETS_PLAN_FRIST,
          ANBRINGELSE_PLAN_FOER_AFGOERELSE,
          BARNETS_PLAN_MAAL_KONKRETE,
          BARNETS_PLAN_MAAL_MAALBARE,
          {
            key: 'barnets-plan.sammenhaeng',
            text: 'Bygger planens mål på de behov og ressourcer, undersøgelsen har peget på?',
            help: 'Sammenhold målene med undersøgelsens konklusion: hvert væsentligt behov bør kunne genfindes i et mål, eller det bør fremgå, hvorfor det ikke er med.',
            legalRef: 'Barnets Lov §§ 91-92 (tidl. SEL § 140)',
            ...JND_KVALITET,
            rules: [naarSvar('barnets-plan.udarbejdet', 'ja', 'delvist')],
          },
          {
            key: 'barnets-plan.ansvar',
            text: 'Fremgår det, hvem der gør hvad for at nå målene, og hvornår der følges op?',
            help: 'Se efter, om opgaverne er fordelt mellem familien, udføreren og kommunen, og om der er sat tidspunkter for opfølgning.',
            legalRef: 'Barnets Lov § 92 (tidl. SEL § 140)',
            ...JND_KVALITET,
            rules: [naarSvar('barnets-plan.udarbejdet', 'ja', 'delvist')],
          },
          BARNETS_PLAN_INDDRAGELSE,
          oevrigeBemaerkninger('barnets-plan.bemaerkninger', TEMA_BEMAERKNING),
        ],
      },
      {
        key: 'opfoelgning',
        title: 'Tema: Opfølgning',
        description:
          'Går i dybden med opfølgningen på indsatsen: rettidighed, vurdering af målene, barnets perspektiv og de beslutninger, opfølgningen fører til.',
        questions: [
          OPFOELGNING_FRIST,
          OPFOELGNING_PLAN,
          OPFOELGNING_MAALOPFYLDELSE,
          {
            key: 'opfoelgning.barnets-perspektiv',
            text: 'Er barnets egen oplevelse af indsatsen og af, hvordan det går, inddraget i opfølgningen?',
            help: 'Se efter en samtale med barnet eller andre oplysninger om barnets syn i forbindelse med opfølgningen.',
            legalRef: 'Barnets Lov § 5 og § 95',
            ...JND_KVALITET,
          },
          {
            key: 'opfoelgning.udfoerer',
            text: 'Er der indhentet oplysninger fra den, der udfører indsatsen, til brug for opfølgningen?',
            help: 'Se efter en status- eller udviklingsrapport fra fx familiebehandler, kontaktperson eller anbringelsessted, der forholder sig til målene.',
            legalRef: 'Barnets Lov § 95 (tidl. SEL § 70)',
            ...JND_PROCES,
          },
          OPFOELGNING_JUSTERING,
          {
            key: 'opfoelgning.beslutning',
            text: 'Er opfølgningen afsluttet med en dokumenteret beslutning om, at indsatsen fortsætter, ændres eller ophører?',
            help: 'Se efter et opfølgningsnotat med en samlet vurdering og en tydelig beslutning, og om en eventuel ændring er fulgt af en ny afgørelse.',
            legalRef: 'Barnets Lov § 95 (tidl. SEL § 70)',
            ...JND_PROCES,
          },
          oevrigeBemaerkninger('opfoelgning.bemaerkninger', TEMA_BEMAERKNING),
        ],
      },
    ],
  },
};
