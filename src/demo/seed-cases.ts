import type { IsoDate, Timestamp } from '../calendar';
import type { Command, CommandOf, CommandPayloads, CommandType } from '../lifecycle';
import type { DecidingBody, FundingLine, Terms } from '../lifecycle/case.values';
import { kronor, ore } from '../money';

/**
 * The four cases of shared/seeds as command sequences, for tests and demo data. Facts come from
 * the documents; where a document is silent (dates of steps, some organisation numbers and
 * amounts) the values are illustrative and marked so. Organisation numbers all carry a valid
 * check digit; only Linköping's two are printed in the source.
 */

/** Noon UTC is the same calendar date in Stockholm all year round. */
export const noon = (date: IsoDate): Timestamp => `${date}T12:00:00Z`;

/** A command given on `date` (its `now`), e.g. `command('register', '2022-09-02', {...})`. */
export function command<K extends CommandType>(type: K, date: IsoDate, payload: CommandPayloads[K]): CommandOf<K> {
  return { type, now: noon(date), ...payload } as CommandOf<K>;
}

/** Ordered, named steps: tests take a case "up to" a step, or a step with one field changed. */
export type SeedCase = Record<string, Command>;

const body = (code: string, name: string, kind: DecidingBody['kind']): DecidingBody => ({ code, name, kind });
export const bodies = {
  SON: body('SON', 'Social- och omsorgsnämnden', 'board'),
  KS: body('KS', 'Kommunstyrelsen', 'board'),
  SN: body('SN', 'Socialnämnden', 'board'),
  SU: body('SU', 'Sociala utskottet', 'committee'),
  KF: body('KF', 'Kommunfullmäktige', 'council'),
};

/** Linköping: 472 200 kr a year from the board, indexed by OPI from 2024, and ~1 500 volunteer hours valued at 341 314 kr: 813 514 kr in all. */
const linkopingTerms: Terms = {
  fundingLines: [
    {
      id: 'bidrag',
      label: 'Bidrag från social- och omsorgsnämnden',
      kind: 'fixed',
      amountPerYear: kronor(472_200),
      indexation: { index: 'OPI', from: '2024-01-01' },
    },
    { id: 'ideell-insats', label: 'Ideell insats', kind: 'ownContribution', hours: 1_500, hourlyValue: null, statedValue: kronor(341_314) },
  ],
  period: { start: '2023-01-01', end: '2025-12-31' },
  noticeMonths: 6,
  paymentSchedule: 'yearly-in-january',
  exclusions: [],
};

/** 3 kr per inhabitant: Robertsfors (6 784 inhabitants) and Österåker's Brottsofferjouren. */
const perInhabitant = (count: number, asOf: string): FundingLine => ({
  id: 'bidrag',
  label: 'Bidrag, 3 kr per kommuninvånare',
  kind: 'perInhabitant',
  ratePerInhabitant: kronor(3),
  inhabitants: { count, asOf },
  indexation: null,
});

/** Kvinnojouren's IOP grant (illustrative); its föreningsbidrag (2 kr/inhabitant) is decided apart and is not a line of the IOP. */
const kvinnojourenLines: FundingLine[] = [
  { id: 'bidrag', label: 'Ersättning enligt överenskommelsen', kind: 'fixed', amountPerYear: kronor(300_000), indexation: null },
];

/** Linköping: a three-year agreement (SON 2019-536), six months' notice, paid each January. */
export const linkoping = {
  submit: command('submit-application', '2022-09-01', {
    municipality: { name: 'Linköpings kommun, Social- och omsorgsnämnden', organisationNumber: '212000-0449' },
    organisation: { name: 'Brottsofferjouren i Linköping', organisationNumber: '822004-0417' },
    purpose: 'Stöd till brottsutsatta, anhöriga och vittnen enligt 5 kap. 11 § SoL',
    targetGroups: ['Brottsutsatta kommuninvånare över 18 år', 'Anhöriga', 'Vittnen'],
    activities: ['Samtalsstöd', 'Information om rättsprocessen', 'Stöd vid rättegång', 'Vittnesstöd vid Linköpings tingsrätt'],
    terms: linkopingTerms,
    receivedOn: '2022-09-01',
    previousCaseId: null,
  }),
  register: command('register', '2022-09-02', { diarienummer: 'SON 2019-536', registeredOn: '2022-09-02' }),
  assignOfficer: command('assign-officer', '2022-09-05', {
    officer: { id: 'john.fristedt', name: 'John Fristedt' },
    assignedOn: '2022-09-05',
  }),
  draft: command('draft-proposal', '2022-10-20', {
    title: 'Idéburet offentligt partnerskap (IOP) mellan Brottsofferjouren i Linköping och Linköpings kommun',
    summary: 'Förlängning av överenskommelsen från 2019 med tydliggjorda åtaganden.',
    decisionPoints: ['Godkänna överenskommelsen om IOP med Brottsofferjouren i Linköping 2023–2025.'],
    financing: 'Finansieras av social- och omsorgsnämnden med 472 200 kr per år.',
    terms: linkopingTerms,
    attachments: ['Bilaga 1, aktörernas ansvar'],
    draftedOn: '2022-10-20',
  }),
  signProposal: command('sign-proposal', '2022-10-25', {
    signedBy: { name: 'Linda Ljungqvist', title: 'Social- och omsorgsdirektör' },
    signedOn: '2022-10-25',
  }),
  schedule: command('schedule-meeting', '2022-10-26', { body: bodies.SON, meetingDate: '2022-11-09' }),
  approve: command('record-decision', '2022-11-09', { outcome: 'approved', paragraph: '§ 187', recommendedTo: null, motivation: null }),
  justering: command('record-justering', '2022-11-14', { justeradOn: '2022-11-14' }),
  posting: command('record-posting', '2022-11-15', { postedOn: '2022-11-15' }),
  /** The window closes 2022-12-06; laga kraft the day after. */
  final: command('record-final', '2022-12-07', {}),
  signMunicipality: command('sign', '2022-12-10', {
    party: 'municipality',
    signatory: { name: 'Linda Ljungqvist', title: 'Social- och omsorgsdirektör' },
    organisationNumber: '212000-0449',
    signedOn: '2022-12-10',
  }),
  signOrganisation: command('sign', '2022-12-12', {
    party: 'organisation',
    signatory: { name: 'Firmatecknare för Brottsofferjouren i Linköping', title: 'Firmatecknare' },
    organisationNumber: '8220040417',
    signedOn: '2022-12-12',
  }),
  payment2023: command('record-payment', '2023-01-20', {
    amount: kronor(472_200),
    paidOn: '2023-01-20',
    covers: { start: '2023-01-01', end: '2023-12-31' },
    reference: null,
  }),
  operationalMeeting: command('record-meeting', '2023-04-12', {
    forum: 'operational',
    heldOn: '2023-04-12',
    convener: 'Leanlink/Stödcentrum',
    minutesRef: 'Minnesanteckningar 2023-04-12',
  }),
  strategicMeeting: command('record-meeting', '2023-05-10', {
    forum: 'strategic',
    heldOn: '2023-05-10',
    convener: 'Social- och omsorgsförvaltningen',
    minutesRef: null,
  }),
  annualReport2023: command('submit-annual-report', '2024-02-15', {
    year: 2023,
    volunteerHours: 1_512,
    fundsUsed: kronor(472_200),
    submittedOn: '2024-02-15',
  }),
  evaluation2023: command('record-evaluation', '2024-03-01', {
    year: 2023,
    evaluatedOn: '2024-03-01',
    fundsUsedAsIntended: true,
    summary: 'Verksamheten motsvarar överenskommelsen.',
  }),
  /** Illustrative OPI uplift from 2024-01-01: 472 200,00 kr × (1 + 4,10 %) = 491 560,20 kr. */
  payment2024: command('record-payment', '2024-01-19', {
    amount: ore(49_156_020),
    paidOn: '2024-01-19',
    covers: { start: '2024-01-01', end: '2024-12-31' },
    reference: null,
  }),
  /** 491 560,20 kr × (1 + 3,20 %) = 507 290,13 kr (illustrative OPI 2025). */
  payment2025: command('record-payment', '2025-01-17', {
    amount: ore(50_729_013),
    paidOn: '2025-01-17',
    covers: { start: '2025-01-01', end: '2025-12-31' },
    reference: null,
  }),
  /** "Återrapport … första kvartalet 2025." */
  reportBack: command('submit-report-back', '2025-03-20', {
    submittedOn: '2025-03-20',
    summary: 'Återrapport till social- och omsorgsnämnden om överenskommelsens sista år.',
  }),
  /** Notice in writing takes effect six months later: 2025-09-30, the agreement's last day in force. */
  notice: command('give-notice', '2025-03-31', { party: 'organisation', receivedOn: '2025-03-31', inWriting: true }),
  /** Recorded the day after the last day in force, as the timer does. */
  terminate: command('record-termination', '2025-10-01', {}),
} satisfies SeedCase;

/** Robertsfors: the social committee (utskott) recommends KS to enter the IOP; KS decides. */
export const robertsfors = {
  submit: command('submit-application', '2017-11-17', {
    municipality: { name: 'Robertsfors kommun', organisationNumber: '212000-2742' },
    organisation: { name: 'Brottsofferjouren i Umeå', organisationNumber: '802012-3454' },
    purpose: 'Utveckla stödet till brottsoffer, vittnen och anhöriga i Robertsfors kommun',
    targetGroups: ['Brottsoffer', 'Vittnen', 'Anhöriga'],
    activities: [
      'Ökad tillgänglighet genom informationsinsatser',
      'Fler personliga besök',
      'Utbildning av stödpersoner',
      'Ökad samverkan med polis och domstol',
    ],
    terms: {
      // 6 784 inhabitants as the application counts them for 2018; the date of the figure is illustrative.
      fundingLines: [perInhabitant(6_784, '2017-11-01')],
      // The application says 2020-12-23 (likely meant 12-31): data, so stored as written.
      period: { start: '2018-01-01', end: '2020-12-23' },
      noticeMonths: 9,
      paymentSchedule: 'yearly-in-january',
      exclusions: [],
    },
    receivedOn: '2017-11-17',
    previousCaseId: null,
  }),
  register: command('register', '2017-11-20', { diarienummer: 'KS 2017/0412', registeredOn: '2017-11-20' }),
  assignOfficer: command('assign-officer', '2017-11-20', {
    officer: { id: 'jhonas.nilsson', name: 'Jhonas Nilsson' },
    assignedOn: '2017-11-20',
  }),
  draft: command('draft-proposal', '2017-11-22', {
    title: 'Ansökan från Brottsofferjouren om att ingå Idéburet Offentligt Partnerskap (IOP)',
    summary: 'Robertsfors kommun bidrar årligen med 3 kr per kommuninvånare, för 2018 20 352 kr.',
    decisionPoints: ['Sociala utskottet rekommenderar kommunstyrelsen att ingå avtal med Brottsofferjouren i Umeå om IOP i enlighet med ansökan.'],
    financing: '3 kr per kommuninvånare och år.',
    terms: {
      fundingLines: [perInhabitant(6_784, '2017-11-01')],
      period: { start: '2018-01-01', end: '2020-12-23' },
      noticeMonths: 9,
      paymentSchedule: 'yearly-in-january',
      exclusions: ['Professionellt stöd som åligger socialtjänsten, t.ex. stöd till barn och unga och medling vid brott'],
    },
    attachments: ['Ansökan från Brottsofferjouren i Umeå'],
    draftedOn: '2017-11-22',
  }),
  signProposal: command('sign-proposal', '2017-11-23', {
    signedBy: { name: 'Jhonas Nilsson', title: 'Socialchef' },
    signedOn: '2017-11-23',
  }),
  scheduleCommittee: command('schedule-meeting', '2017-11-23', { body: bodies.SU, meetingDate: '2017-11-28' }),
  recommend: command('record-decision', '2017-11-28', {
    outcome: 'recommended',
    paragraph: '§ 61',
    recommendedTo: bodies.KS,
    motivation: 'Utskottet rekommenderar kommunstyrelsen att ingå avtal.',
  }),
  scheduleBoard: command('schedule-meeting', '2017-11-29', { body: bodies.KS, meetingDate: '2017-12-12' }),
  approve: command('record-decision', '2017-12-12', { outcome: 'approved', paragraph: '§ 203', recommendedTo: null, motivation: null }),
  justering: command('record-justering', '2017-12-15', { justeradOn: '2017-12-15' }),
  posting: command('record-posting', '2017-12-18', { postedOn: '2017-12-18' }),
  final: command('record-final', '2018-01-09', {}),
  signOrganisation: command('sign', '2018-01-10', {
    party: 'organisation',
    signatory: { name: 'Ordförande, Brottsofferjouren i Umeå', title: 'Firmatecknare' },
    organisationNumber: '802012-3454',
    signedOn: '2018-01-10',
  }),
  signMunicipality: command('sign', '2018-01-11', {
    party: 'municipality',
    signatory: { name: 'Kommunstyrelsens ordförande', title: 'Ordförande' },
    organisationNumber: '212000-2742',
    signedOn: '2018-01-11',
  }),
  payment2018: command('record-payment', '2018-01-31', {
    amount: kronor(20_352),
    paidOn: '2018-01-31',
    covers: { start: '2018-01-01', end: '2018-12-31' },
    reference: null,
  }),
  /** The day after the period's last day, as the timer does. */
  expire: command('record-expiry', '2020-12-24', {}),
} satisfies SeedCase;

/** Österåker, KS 2023/01692: Brottsofferjouren Roslagen, 3 kr per inhabitant, paid on invoice. */
export const osterakerBrottsofferjouren = {
  submit: command('submit-application', '2023-05-15', {
    municipality: { name: 'Österåkers kommun', organisationNumber: '212000-0035' },
    organisation: { name: 'Brottsofferjouren Roslagen', organisationNumber: '802478-9128' },
    purpose: 'Samtalsstöd och vägledning till brottsutsatta, anhöriga och vittnen i Österåkers kommun',
    targetGroups: ['Brottsutsatta', 'Anhöriga', 'Vittnen'],
    activities: ['Samtalsstöd', 'Stöd inför, under och efter rättegång', 'Vägledning kring polisanmälan och ersättningsfrågor'],
    terms: {
      // Inhabitants and period are illustrative; the report states 3 kr per inhabitant.
      fundingLines: [perInhabitant(48_000, '2022-12-31')],
      period: { start: '2024-01-01', end: '2026-12-31' },
      noticeMonths: 6,
      paymentSchedule: 'on-invoice',
      exclusions: [],
    },
    receivedOn: '2023-05-15',
    previousCaseId: null,
  }),
  register: command('register', '2023-05-16', { diarienummer: 'KS 2023/01692', registeredOn: '2023-05-16' }),
  assignOfficer: command('assign-officer', '2023-05-17', {
    officer: { id: 'frida.larsson', name: 'Frida Larsson' },
    assignedOn: '2023-05-17',
  }),
  draft: command('draft-proposal', '2023-08-10', {
    title: 'Överenskommelse om Idéburet Offentligt Partnerskap (IOP) mellan Österåkers kommun och Brottsofferjouren Roslagen',
    summary: 'Brottsofferjouren Roslagen vill ingå ett IOP med kommunen, vilket kommunen ställer sig positiv till.',
    decisionPoints: [
      'Godkänna bifogade IOP-överenskommelse mellan Österåkers kommun och Brottsofferjouren Roslagen.',
      'Kostnaden ska belasta Kommunstyrelsens budgetram.',
    ],
    financing: 'Kostnaden ska belasta Kommunstyrelsens budgetram.',
    terms: {
      fundingLines: [perInhabitant(48_000, '2022-12-31')],
      period: { start: '2024-01-01', end: '2026-12-31' },
      noticeMonths: 6,
      paymentSchedule: 'on-invoice',
      exclusions: [],
    },
    attachments: ['Överenskommelse om IOP mellan Österåkers kommun och Brottsofferjouren Roslagen'],
    draftedOn: '2023-08-10',
  }),
  signProposal: command('sign-proposal', '2023-08-11', {
    signedBy: { name: 'Staffan Erlandsson', title: 'Kommundirektör' },
    signedOn: '2023-08-11',
  }),
  schedule: command('schedule-meeting', '2023-08-14', { body: bodies.KS, meetingDate: '2023-09-05' }),
  approve: command('record-decision', '2023-09-05', { outcome: 'approved', paragraph: '§ 9:12', recommendedTo: null, motivation: null }),
  justering: command('record-justering', '2023-09-08', { justeradOn: '2023-09-08' }),
  posting: command('record-posting', '2023-09-11', { postedOn: '2023-09-11' }),
  /** Window closes 2023-10-02; the decision is final from 2023-10-03. */
  final: command('record-final', '2023-10-03', {}),
} satisfies SeedCase;

/** Österåker, SN 2023/0050: Kvinnojouren, with the sheltered housing kept out of the agreement. */
export const osterakerKvinnojouren = {
  submit: command('submit-application', '2023-06-01', {
    municipality: { name: 'Österåkers kommun', organisationNumber: '212000-0035' },
    organisation: { name: 'Kvinnojouren i Österåker', organisationNumber: '802016-3757' },
    purpose: 'Stöd till kvinnor och barn utsatta för våld i nära relation',
    targetGroups: ['Kvinnor utsatta för våld i nära relation', 'Deras barn'],
    activities: ['Stöd via telefon, chatt och fysiska möten', 'Stöd i kontakt med myndigheter, sjukvård och rättsväsende'],
    terms: {
      fundingLines: kvinnojourenLines,
      period: { start: '2024-01-01', end: '2026-12-31' },
      noticeMonths: 6,
      paymentSchedule: 'yearly-in-january',
      exclusions: [],
    },
    receivedOn: '2023-06-01',
    previousCaseId: null,
  }),
  register: command('register', '2023-06-02', { diarienummer: 'SN 2023/0050', registeredOn: '2023-06-02' }),
  assignOfficer: command('assign-officer', '2023-06-05', {
    officer: { id: 'katja.heljasvaara', name: 'Katja Heljasvaara' },
    assignedOn: '2023-06-05',
  }),
  draft: command('draft-proposal', '2023-10-11', {
    title: 'Idéburet Offentligt Partnerskap (IOP) mellan Österåkers kommun och Kvinnojouren i Österåker',
    summary: 'Gemensam målsättning att kvinnor och barn utsatta för våld i nära relation ska få stöd.',
    decisionPoints: [
      'Godkänna överenskommelse om idéburet offentligt partnerskap mellan Österåkers kommun och Kvinnojouren i Österåker.',
      'Finansiering sker inom socialnämndens tilldelade budgetram för 2023.',
      'Överenskommelsen ska inte innefatta det skyddade boendets verksamhet.',
      'Överenskommelsen om IOP påverkar inte beslutet om föreningsbidrag till Kvinnojouren i Österåker.',
    ],
    financing: 'Finansiering sker inom socialnämndens tilldelade budgetram för 2023.',
    terms: {
      // The amount is illustrative; the föreningsbidrag (2 kr/inhabitant) is deliberately not part of it.
      fundingLines: kvinnojourenLines,
      period: { start: '2024-01-01', end: '2026-12-31' },
      noticeMonths: 6,
      paymentSchedule: 'yearly-in-january',
      exclusions: ['Det skyddade boendets verksamhet'],
    },
    attachments: ['Överenskommelse mellan Österåkers kommun och Kvinnojouren i Österåker', 'Organisationsskiss IOP Kvinnojour'],
    draftedOn: '2023-10-11',
  }),
  signProposal: command('sign-proposal', '2023-10-12', {
    signedBy: { name: 'Mona Bakhshi Poor', title: 'Socialdirektör' },
    signedOn: '2023-10-12',
  }),
  schedule: command('schedule-meeting', '2023-10-13', { body: bodies.SN, meetingDate: '2023-10-25' }),
  approve: command('record-decision', '2023-10-25', { outcome: 'approved', paragraph: '§ 112', recommendedTo: null, motivation: null }),
  justering: command('record-justering', '2023-10-30', { justeradOn: '2023-10-30' }),
  posting: command('record-posting', '2023-10-31', { postedOn: '2023-10-31' }),
  final: command('record-final', '2023-11-22', {}),
  signMunicipality: command('sign', '2023-11-27', {
    party: 'municipality',
    signatory: { name: 'Mona Bakhshi Poor', title: 'Socialdirektör' },
    organisationNumber: '212000-0035',
    signedOn: '2023-11-27',
  }),
  signOrganisation: command('sign', '2023-11-28', {
    party: 'organisation',
    signatory: { name: 'Ordförande, Kvinnojouren i Österåker', title: 'Firmatecknare' },
    organisationNumber: '802016-3757',
    signedOn: '2023-11-28',
  }),
} satisfies SeedCase;
