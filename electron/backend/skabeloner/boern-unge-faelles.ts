import type { DateField, QuestionInput } from '../../../shared/domain/template';
import { FORLOEB_JA_NEJ, FRIST_KRAV, JND_KRAV, JND_KVALITET, naarSvar, SKALA_KVALITET } from './faelles';

/**
 * Dates and questions that the two children's templates share. A question asked in both the overordnet and the
 * tematiseret template is defined once here, so its key, answer type and wording stay the same and results can
 * be compared across templates and years.
 */

export const DATOFELTER = {
  underretning_modtaget: { key: 'underretning_modtaget', label: 'Underretningen blev modtaget' },
  underretning_vurderet: { key: 'underretning_vurderet', label: 'Underretningen blev vurderet' },
  opmaerksomhed: { key: 'opmaerksomhed', label: 'Kommunen blev opmærksom på behov' },
  bfu_afsluttet: { key: 'bfu_afsluttet', label: 'Den børnefaglige undersøgelse blev afsluttet' },
  afgoerelse: { key: 'afgoerelse', label: 'Afgørelsen om indsats blev truffet' },
  barnets_plan: { key: 'barnets_plan', label: 'Barnets plan blev udarbejdet' },
  indsats_start: { key: 'indsats_start', label: 'Indsatsen blev iværksat' },
  foerste_opfoelgning: { key: 'foerste_opfoelgning', label: 'Første opfølgning blev gennemført' },
} as const satisfies Record<string, DateField>;

// --- Afdækning og børnefaglig undersøgelse -------------------------------------------------------------

export const BFU_GENNEMFOERT: QuestionInput = {
  key: 'bfu.gennemfoert',
  text: 'Er der gennemført en børnefaglig undersøgelse i sagen?',
  help: 'Svaret styrer, hvilke af de følgende spørgsmål der vises, og tæller ikke med i resultaterne. Om undersøgelsesformen passede til sagen, vurderes i de efterfølgende spørgsmål.',
  legalRef: 'Barnets Lov § 20 (tidl. SEL § 50)',
  category: 'proces',
  answerType: 'valg',
  options: FORLOEB_JA_NEJ,
  active: true,
};

const bfuJa = naarSvar('bfu.gennemfoert', 'ja');

export const BFU_FRIST: QuestionInput = {
  key: 'bfu.frist',
  text: 'Blev den børnefaglige undersøgelse afsluttet senest 4 måneder efter, at kommunen blev opmærksom på, at barnet kunne have behov for støtte?',
  help: 'Fristen regnes fra den dag, kommunen fik kendskab til det mulige behov (fx modtagelsen af underretningen), til den dag, undersøgelsen blev afsluttet. Find datoerne i underretningen, screeningen og den afsluttede undersøgelse.',
  legalRef: 'Barnets Lov § 20 (tidl. SEL § 50)',
  ...FRIST_KRAV,
  frist: { fra: 'opmaerksomhed', til: 'bfu_afsluttet', graense: 4, enhed: 'maaneder' },
  rules: [bfuJa],
};

export const BFU_FORELOEBIG_VURDERING: QuestionInput = {
  key: 'bfu.foreloebig-vurdering',
  text: 'Hvis undersøgelsen ikke blev afsluttet inden for 4 måneder: blev der lavet en foreløbig vurdering, og blev undersøgelsen afsluttet hurtigst muligt derefter?',
  help: 'Se efter et notat med en foreløbig vurdering ved fristens udløb og en begrundelse for forsinkelsen. Svar Ikke relevant, hvis undersøgelsen blev afsluttet inden for fristen.',
  legalRef: 'Barnets Lov § 20 (tidl. SEL § 50)',
  ...JND_KRAV,
  rules: [bfuJa],
};

export const BFU_RESSOURCER_BEHOV: QuestionInput = {
  key: 'bfu.ressourcer-behov',
  text: 'Beskriver undersøgelsen både barnets ressourcer og barnets behov?',
  help: 'Undersøgelsen skal give et helhedsbillede af barnets udfordringer og ressourcer og ikke kun beskrive problemer. Se efter, om det fremgår, hvad barnet er god til, og hvad der skal til for at støtte barnets udvikling.',
  legalRef: 'Barnets Lov § 22, stk. 1 (tidl. SEL § 50)',
  ...JND_KRAV,
  rules: [bfuJa],
};

export const BFU_FAMILIE: QuestionInput = {
  key: 'bfu.familie',
  text: 'Er familiens forhold belyst, herunder forældrenes ressourcer og evne til at drage omsorg for barnet?',
  help: 'Se efter en beskrivelse af familien, forældrenes egen situation og samspillet mellem barn og forældre. Begge forældre bør være hørt, også en forælder barnet ikke bor hos.',
  // A life area of old SEL § 50's list: good practice for the whole picture (§ 22, stk. 1), not itself a legal
  // requirement, so a quality question with a quality måltal.
  legalRef: 'Barnets Lov § 22, stk. 1 (livsområderne fra tidl. SEL § 50 som god praksis)',
  ...JND_KVALITET,
  rules: [bfuJa],
};

export const BFU_SKOLE_DAGTILBUD: QuestionInput = {
  key: 'bfu.skole-dagtilbud',
  text: 'Er barnets forhold i skole eller dagtilbud belyst?',
  help: 'Se efter oplysninger om trivsel, læring, fremmøde og relationer, fx en udtalelse fra skole eller dagtilbud. Er barnet ikke i skole eller dagtilbud, skal det fremgå, hvorfor.',
  // A life area of old SEL § 50's list: good practice for the whole picture (§ 22, stk. 1), not itself a legal
  // requirement, so a quality question with a quality måltal.
  legalRef: 'Barnets Lov § 22, stk. 1 (livsområderne fra tidl. SEL § 50 som god praksis)',
  ...JND_KVALITET,
  rules: [bfuJa],
};

export const BFU_SUNDHED: QuestionInput = {
  key: 'bfu.sundhed',
  text: 'Er barnets sundhed og udvikling belyst?',
  help: 'Se efter oplysninger om fysisk og psykisk helbred og udvikling, fx fra sundhedspleje, egen læge, tandpleje eller PPR. Det skal fremgå, hvis oplysninger er søgt, men ikke modtaget.',
  // A life area of old SEL § 50's list: good practice for the whole picture (§ 22, stk. 1), not itself a legal
  // requirement, so a quality question with a quality måltal.
  legalRef: 'Barnets Lov § 22, stk. 1 (livsområderne fra tidl. SEL § 50 som god praksis)',
  ...JND_KVALITET,
  rules: [bfuJa],
};

export const BFU_NETVAERK: QuestionInput = {
  key: 'bfu.netvaerk',
  text: 'Er barnets fritid, venskaber og netværk belyst, og er det vurderet, om netværket kan støtte barnet?',
  help: 'Se efter fx et netværkskort eller en beskrivelse af familie, venner og voksne, barnet er knyttet til. Det bør fremgå, om nogen i netværket kan indgå i løsningen.',
  // A life area of old SEL § 50's list: good practice for the whole picture (§ 22, stk. 1), not itself a legal
  // requirement, so a quality question with a quality måltal.
  legalRef: 'Barnets Lov § 22, stk. 1 (livsområderne fra tidl. SEL § 50 som god praksis)',
  ...JND_KVALITET,
  rules: [bfuJa],
};

export const BFU_KONKLUSION: QuestionInput = {
  key: 'bfu.begrundet-konklusion',
  text: 'Ender undersøgelsen med en begrundet konklusion, og fremgår barnets og forældrenes syn på støtten?',
  help: 'Se efter en konklusion, der bygger på undersøgelsens oplysninger og siger, om og hvilken støtte barnet har brug for, og efter barnets og forældrenes egne ord om støtten.',
  legalRef: 'Barnets Lov § 22, stk. 6',
  ...JND_KRAV,
  rules: [bfuJa],
};

export const BFU_SOESKENDE: QuestionInput = {
  key: 'bfu.soeskende',
  text: 'Er det vurderet, om barnets søskende har behov for støtte?',
  help: 'Når et barn har behov for støtte, skal kommunen også vurdere søskendes behov. Se efter et notat om søskende, eller at det er begrundet, hvorfor det ikke er relevant.',
  legalRef: 'Barnets Lov § 21',
  ...JND_KRAV,
  rules: [bfuJa],
};

// --- Børnesamtale og barnets perspektiv ----------------------------------------------------------------

export const BOERNESAMTALE_AFHOLDT: QuestionInput = {
  key: 'boernesamtale.afholdt',
  text: 'Er der talt med barnet, før der blev truffet afgørelse?',
  help: 'Se efter et notat om samtalen med dato. Svar Ikke relevant, hvis barnets alder eller modenhed udelukker en samtale; om barnets perspektiv så er belyst på anden måde, vurderes i næste spørgsmål.',
  legalRef: 'Barnets Lov § 5, stk. 3-4 (tidl. SEL § 48)',
  ...JND_KRAV,
};

export const BOERNESAMTALE_UNDLADT_BEGRUNDET: QuestionInput = {
  key: 'boernesamtale.undladt-begrundet',
  text: 'Er det begrundet i sagen, hvorfor der ikke er talt med barnet, og er barnets perspektiv belyst på anden måde?',
  help: 'Samtalen kan kun undlades i helt særlige tilfælde, og begrundelsen skal fremgå af sagen. Se efter, om barnets perspektiv er belyst på anden måde, fx ved observation eller oplysninger fra personer tæt på barnet.',
  legalRef: 'Barnets Lov § 5, stk. 3-4 (tidl. SEL § 48)',
  ...JND_KRAV,
  rules: [naarSvar('boernesamtale.afholdt', 'nej', 'ikke_relevant')],
};

export const BOERNESAMTALE_SYNSPUNKTER_GENGIVET: QuestionInput = {
  key: 'boernesamtale.synspunkter-gengivet',
  text: 'Er barnets egne synspunkter gengivet i sagen, så det fremgår, hvad barnet selv har sagt eller vist?',
  help: 'Se efter, om barnets ord og ønsker er skrevet ned, gerne med barnets egne formuleringer, og adskilt fra de voksnes fortolkning.',
  legalRef: 'Barnets Lov § 5 (tidl. SEL § 48)',
  ...JND_KVALITET,
};

export const BOERNESAMTALE_TILLAGT_VAEGT: QuestionInput = {
  key: 'boernesamtale.tillagt-vaegt',
  text: 'I hvilken grad fremgår det, hvordan barnets synspunkter er indgået i vurderingen og afgørelsen?',
  help: 'Se efter, om vurderingen og afgørelsen forholder sig til det, barnet har sagt, også når kommunen lander et andet sted end barnets ønske.',
  legalRef: 'Barnets Lov § 5 (tidl. SEL § 48)',
  ...SKALA_KVALITET,
};

// --- Afgørelse og anbringelse --------------------------------------------------------------------------

/**
 * Whether the sag has an indsats in the period: the opfølgning (and its § 95 frist) applies only then. It decides
 * what applies and counts for nothing itself.
 */
export const INDSATS_IVAERKSAT: QuestionInput = {
  key: 'indsats.ivaerksat',
  text: 'Er der iværksat en indsats i sagen?',
  help: 'Svaret styrer, om spørgsmålene om indsatsen og opfølgningen på den vises, og tæller ikke med i resultaterne. Fristen for opfølgning (§ 95) gælder kun sager med en indsats.',
  legalRef: 'Barnets Lov §§ 32 og 95',
  category: 'proces',
  answerType: 'valg',
  options: FORLOEB_JA_NEJ,
  active: true,
};

/** The opfølgning applies only where an indsats was iværksat. */
export const indsatsJa = naarSvar('indsats.ivaerksat', 'ja');

export const AFGOERELSE_ANBRINGELSE: QuestionInput = {
  key: 'afgoerelse.anbringelse',
  text: 'Er der truffet afgørelse om anbringelse uden for hjemmet?',
  help: 'Svaret styrer, om spørgsmålene om anbringelse vises, og tæller ikke med i resultaterne. Svar Ja ved anbringelse både med og uden samtykke.',
  legalRef: 'Barnets Lov §§ 46-47 (tidl. SEL § 52, stk. 3, nr. 7, og § 58)',
  category: 'proces',
  answerType: 'valg',
  options: FORLOEB_JA_NEJ,
  active: true,
};

export const anbringelseJa = naarSvar('afgoerelse.anbringelse', 'ja');

export const ANBRINGELSE_PLAN_FOER_AFGOERELSE: QuestionInput = {
  key: 'anbringelse.plan-foer-afgoerelse',
  text: 'Ved anbringelse uden samtykke: forelå barnets plan, da afgørelsen blev truffet?',
  help: 'Ved anbringelse uden samtykke skal planen være udarbejdet, inden afgørelsen træffes. Svar Ikke relevant ved anbringelse med samtykke; her gælder fristen på 3 måneder.',
  legalRef: 'Barnets Lov § 91 (tidl. SEL § 140)',
  ...JND_KRAV,
  rules: [anbringelseJa],
};

/** Seed domain.md § 8: a full review lacked the procedure in børne- og ungeudvalget. */
export const ANBRINGELSE_BOERNE_UNGEUDVALG: QuestionInput = {
  key: 'anbringelse.boerne-ungeudvalg',
  text: 'Ved anbringelse uden samtykke: traf børne- og ungeudvalget afgørelsen på et møde, efter at forældremyndighedsindehaveren, barnet og advokaten havde haft lejlighed til at udtale sig?',
  help: 'Børne- og ungeudvalget træffer i et møde bl.a. afgørelse om anbringelse uden samtykke (§§ 47 og 49), om opretholdelse af en anbringelse (§ 50) og om videreførelse (§ 67). Barnets udtalelse kan undlades, hvis barnet er under 10 år, eller hvis det må antages at skade barnet; så skal det fremgå af sagen. Svar Ikke relevant ved anbringelse med samtykke.',
  legalRef: 'Barnets Lov § 142, stk. 1 og 2 (tidl. SEL § 74)',
  ...JND_KRAV,
  rules: [anbringelseJa],
};

// --- Barnets plan --------------------------------------------------------------------------------------

export const BARNETS_PLAN_UDARBEJDET: QuestionInput = {
  key: 'barnets-plan.udarbejdet',
  text: 'Er der udarbejdet en barnets plan, hvor loven kræver det?',
  help: 'Ved anbringelse er planen obligatorisk; ved støtte efter § 32 skal det fremgå, at der er taget stilling til, om der er behov for en plan. Svar Ikke relevant, hvis en plan er fravalgt med en begrundelse; for unge kan planen være en ungeplan (Barnets Lov § 108).',
  legalRef: 'Barnets Lov §§ 91-92 (tidl. SEL § 140)',
  ...JND_KRAV,
};

const planFindes = naarSvar('barnets-plan.udarbejdet', 'ja', 'delvist');

export const BARNETS_PLAN_FRIST: QuestionInput = {
  key: 'barnets-plan.frist',
  text: 'Blev barnets plan udarbejdet senest 3 måneder efter afgørelsen om indsats?',
  help: 'Fristen regnes fra afgørelsen om indsats til den dato, planen blev udarbejdet. En plan udarbejdet før afgørelsen opfylder fristen; ved anbringelse uden samtykke skal den netop foreligge før afgørelsen (§ 91, stk. 2). Sager afgjort før 1.1.2024 vurderes efter serviceloven § 140.',
  legalRef: 'Barnets Lov § 91 (tidl. SEL § 140)',
  ...FRIST_KRAV,
  frist: {
    fra: 'afgoerelse',
    til: 'barnets_plan',
    graense: 3,
    enhed: 'maaneder',
    foerOpfylder: true,
    kilde: 'Barnets Lov § 91, stk. 1-2 (LBK nr. 282 af 17.03.2025)',
    tidligereRegler: [
      {
        foer: '2024-01-01',
        graense: 4,
        enhed: 'maaneder',
        foerOpfylder: true,
        kilde: 'SEL § 140: planen før afgørelsen, højst 4 måneder efter; bekræftes lokalt',
      },
    ],
  },
  rules: [planFindes],
};

export const BARNETS_PLAN_MAAL_KONKRETE: QuestionInput = {
  key: 'barnets-plan.maal-konkrete',
  text: 'Indeholder planen konkrete mål for barnets udvikling og trivsel?',
  help: 'Se efter mål, der beskriver, hvad der skal være anderledes for barnet, og ikke kun hvilken indsats der gives. Generelle formuleringer som »barnet skal trives« er ikke konkrete mål.',
  legalRef: 'Barnets Lov §§ 91-92 (tidl. SEL § 140)',
  ...JND_KRAV,
  rules: [planFindes],
};

export const BARNETS_PLAN_MAAL_MAALBARE: QuestionInput = {
  key: 'barnets-plan.maal-maalbare',
  text: 'I hvilken grad er målene formuleret, så det ved opfølgningen kan vurderes, om de er nået?',
  help: 'Et målbart mål siger, hvad der skal ske, hvor meget og hvornår, fx fremmøde i skolen fire dage om ugen inden for et halvt år. Se også efter delmål for længere forløb.',
  legalRef: 'Barnets Lov § 92 (tidl. SEL § 140)',
  ...SKALA_KVALITET,
  rules: [planFindes],
};

export const BARNETS_PLAN_INDDRAGELSE: QuestionInput = {
  key: 'barnets-plan.inddragelse',
  text: 'Er barnet og forældrene inddraget i planen, og fremgår deres syn på målene?',
  help: 'Se efter, om planen er drøftet med barnet og forældrene, og om deres ønsker og eventuelle uenighed er skrevet ind.',
  legalRef: 'Barnets Lov § 5 og § 91 (tidl. SEL § 140)',
  ...JND_KVALITET,
  rules: [planFindes],
};

export const BARNETS_PLAN_FAMILIE_ANBRINGELSE: QuestionInput = {
  key: 'barnets-plan.familie-anbringelse',
  text: 'Ved anbringelse: beskriver planen støtten til familien under og efter anbringelsen?',
  help: 'Planen for et anbragt barn skal også beskrive den støtte, forældrene og familien får under anbringelsen og ved en hjemgivelse.',
  legalRef: 'Barnets Lov § 92, stk. 3',
  ...JND_KRAV,
  rules: [planFindes, anbringelseJa],
};

// --- Opfølgning ----------------------------------------------------------------------------------------

export const OPFOELGNING_FRIST: QuestionInput = {
  key: 'opfoelgning.frist',
  text: 'Blev der fulgt op på indsatsen første gang senest 3 måneder efter, at den blev iværksat?',
  help: 'Første opfølgning skal ske, når en sideløbende undersøgelse er afsluttet, eller senest 3 måneder efter indsatsens start, alt efter hvad der kommer først. Beregningen dækker 3-månedersgrænsen; burde opfølgningen være sket tidligere, fordi en sideløbende undersøgelse blev afsluttet, angives svaret manuelt med en begrundelse.',
  legalRef: 'Barnets Lov § 95 (tidl. SEL § 70)',
  ...FRIST_KRAV,
  frist: { fra: 'indsats_start', til: 'foerste_opfoelgning', graense: 3, enhed: 'maaneder' },
};

export const OPFOELGNING_PLAN: QuestionInput = {
  key: 'opfoelgning.plan',
  text: 'Er der efter første opfølgning lagt en begrundet plan for den videre opfølgning?',
  help: 'Se efter, hvornår der følges op næste gang, og hvorfor netop det tidspunkt passer til barnets situation. Serviceloven havde en fast rytme på 6 måneder; om kommunen har en lokal retningslinje for rytmen, skal bekræftes lokalt.',
  legalRef: 'Barnets Lov § 95 (tidl. SEL § 70)',
  ...JND_KRAV,
};

export const OPFOELGNING_MAALOPFYLDELSE: QuestionInput = {
  key: 'opfoelgning.maalopfyldelse',
  text: 'Forholder opfølgningen sig til, om målene i barnets plan nås, og om indsatsen virker?',
  help: 'Se efter en konkret vurdering af hvert mål og ikke kun en beskrivelse af, hvad der er sket. Uden en plan vurderes opfølgningen ud fra formålet i afgørelsen.',
  legalRef: 'Barnets Lov § 95 (tidl. SEL § 70)',
  ...JND_KVALITET,
};

export const OPFOELGNING_JUSTERING: QuestionInput = {
  key: 'opfoelgning.justering',
  text: 'Er indsatsen eller planen tilpasset, hvor opfølgningen viste behov for det?',
  help: 'Viser opfølgningen, at målene ikke nås eller at behovet har ændret sig, skal det fremgå, hvad der er gjort ved det. Svar Ikke relevant, hvis opfølgningen ikke gav anledning til ændringer.',
  legalRef: 'Barnets Lov § 95 (tidl. SEL § 70)',
  ...JND_KVALITET,
};

// --- Underretning og afgørelse (shared by the overordnet and the tematiseret template) -----------------

export const UNDERRETNING_FRIST: QuestionInput = {
  key: 'underretning.frist',
  text: 'Blev underretningen vurderet inden for 24 timer efter modtagelsen?',
  help: 'Loven kræver en vurdering inden for 24 timer, men beregningen arbejder med datoer: en vurdering samme dag eller dagen efter modtagelsen regnes som rettidig. Viser klokkeslættene i sagen, at der gik mere end 24 timer, angives svaret manuelt som ikke opfyldt med en begrundelse.',
  legalRef: 'Barnets Lov § 136 (tidl. SEL § 155, stk. 2)',
  ...FRIST_KRAV,
  frist: { fra: 'underretning_modtaget', til: 'underretning_vurderet', graense: 1, enhed: 'dage' },
};

export const UNDERRETNING_AKUT_VURDERING: QuestionInput = {
  key: 'underretning.akut-vurdering',
  text: 'Fremgår det af vurderingen, om barnets sundhed eller udvikling er i fare, og om der er behov for akut handling?',
  help: 'Se efter et notat, der tager eksplicit stilling til barnets sikkerhed og til, om der skal handles med det samme, fx ved akut indsats eller politianmeldelse.',
  legalRef: 'Barnets Lov § 136 (tidl. SEL § 155, stk. 2)',
  ...JND_KRAV,
};

export const UNDERRETNING_HISTORIK: QuestionInput = {
  key: 'underretning.historik',
  text: 'Er tidligere underretninger og kendte oplysninger om barnet inddraget i vurderingen?',
  help: 'Se efter, om vurderingen nævner tidligere underretninger, eventuelle søskendesager og det, kommunen i forvejen ved om barnet. Gentagne underretninger kan samlet pege på et behov, som den enkelte underretning ikke viser.',
  legalRef: 'Barnets Lov § 136 (tidl. SEL § 155)',
  ...JND_KVALITET,
};

export const UNDERRETNING_GENVURDERING: QuestionInput = {
  key: 'underretning.genvurdering',
  text: 'Er underretningen genvurderet af en medarbejder, der ikke tidligere har været involveret, hvor loven kræver det?',
  help: 'Se efter, om en ny underretning om et barn, kommunen allerede kender, er vurderet af en anden end den hidtidige sagsbehandler. Svar Ikke relevant, hvor kravet ikke gælder; betingelserne i § 137 bekræftes lokalt.',
  legalRef: 'Barnets Lov § 137',
  ...JND_KRAV,
};

export const AFGOERELSE_PARTSHOERING: QuestionInput = {
  key: 'afgoerelse.partshoering',
  text: 'Er der foretaget partshøring før afgørelsen?',
  help: 'Parterne skal have haft mulighed for at udtale sig om oplysninger, der taler imod dem og har væsentlig betydning for afgørelsen. Se efter et partshøringsbrev eller et notat om mundtlig partshøring.',
  legalRef: 'Forvaltningsloven § 19',
  ...JND_KRAV,
};

export const AFGOERELSE_BARN_PART: QuestionInput = {
  key: 'afgoerelse.barn-part',
  text: 'Er barnet behandlet som part i sagen, hvis barnet er fyldt 10 år?',
  help: 'Fra barnet er fyldt 10 år, har det partsrettigheder, men kun i de sager, § 3 nævner (fx afgørelser efter §§ 32, 39, 46, 52 og 104): barnet skal fx partshøres og have afgørelsen. Svar Ikke relevant for børn under 10 år og for andre afgørelser.',
  legalRef: 'Barnets Lov § 3',
  ...JND_KRAV,
};

export const AFGOERELSE_BEGRUNDELSE: QuestionInput = {
  key: 'afgoerelse.begrundelse',
  text: 'Er afgørelsen skriftlig og begrundet med de retsregler, den bygger på, og de hensyn, der er lagt vægt på?',
  help: 'Se efter, om afgørelsen nævner lovgrundlaget, gengiver de væsentlige faktiske oplysninger og forklarer, hvorfor kommunen er nået til sit resultat.',
  legalRef: 'Forvaltningsloven §§ 22-24',
  ...JND_KRAV,
};

export const AFGOERELSE_KLAGEVEJLEDNING: QuestionInput = {
  key: 'afgoerelse.klagevejledning',
  text: 'Er der givet klagevejledning med afgørelsen?',
  help: 'Klagevejledningen skal oplyse, hvor der kan klages, hvordan og inden for hvilken frist.',
  legalRef: 'Forvaltningsloven § 25',
  ...JND_KRAV,
};
