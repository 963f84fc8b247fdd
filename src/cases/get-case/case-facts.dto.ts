import { ApiProperty } from '@nestjs/swagger';
import {
  APPEAL_OUTCOMES,
  DECISION_OUTCOMES,
  FOLLOW_UP_FORUMS,
  PARTY_ROLES,
  type AppealOutcome,
  type CaseFacts,
  type DecisionOutcome,
  type FollowUpForum,
  type IsoDate,
  type PartyRole,
  type Terms,
} from '../../lifecycle';
import { KRONOR_FORM, type InKronor } from '../../money';
import {
  BODY_CODE_DOC,
  DateRangeDto,
  DecidingBodyDto,
  ORGANISATION_NUMBER_DOC,
  OfficerDto,
  PARTY_ROLE_DOC,
  PartyDto,
  PersonDto,
  RecordedReceiptDto,
  TermsDto,
} from '../shared/values.dto';

/**
 * The response shape of a case's facts (`GET /cases/:id` → `facts`). Each class implements the
 * lifecycle's type, so a fact added or changed there fails compilation here until it is
 * documented. The lifecycle exports only `CaseFacts` itself; the nested types are taken from it.
 * Facts are always present in the answer (null when not known yet), so every property is required.
 */

/** The facts as the API gives them: amounts as kronor strings (src/cases/shared/in-kronor.ts). */
export type ApiFacts = InKronor<CaseFacts>;
type Fact<K extends keyof ApiFacts> = NonNullable<ApiFacts[K]>;
type ItemOf<K extends keyof ApiFacts> = ApiFacts[K] extends readonly (infer T)[] ? T : never;
type Closure = Fact<'closed'>['as'];
type Protocol = CaseFacts['protocol'];
type Signature = NonNullable<CaseFacts['signatures'][PartyRole]>;

/**
 * How a case ended. The lifecycle has no exported list of closures (only the `Closure` type in
 * case.facts.ts), so the list is here, checked against the type both ways.
 */
export const CLOSURES = ['withdrawn', 'ineligible', 'rejected', 'quashed', 'renewed', 'terminated', 'expired'] as const satisfies readonly Closure[];
type MissingClosures = Exclude<Closure, (typeof CLOSURES)[number]>;
const closuresComplete: [MissingClosures] extends [never] ? true : MissingClosures = true;
void closuresComplete;

const date = (description: string, example: IsoDate) => ({ description, example, type: String, format: 'date' });
const nullableDate = (description: string, example: IsoDate) => ({ ...date(description, example), nullable: true });
const kronor = (description: string, example: string) => ({ ...KRONOR_FORM, description: `${description} ${KRONOR_FORM.description}`, example });

export class ProposalDto implements Fact<'proposal'> {
  @ApiProperty({
    description: 'The title of the proposal (tjänsteskrivelse).',
    example: 'Idéburet offentligt partnerskap (IOP) mellan Brottsofferjouren i Linköping och Linköpings kommun',
  })
  title!: string;

  @ApiProperty({ description: 'A summary of the matter.', example: 'Förlängning av överenskommelsen från 2019 med tydliggjorda åtaganden.' })
  summary!: string;

  @ApiProperty({
    type: [String],
    description: 'The numbered decision points (beslutspunkter), in order.',
    example: ['Godkänna överenskommelsen om IOP med Brottsofferjouren i Linköping 2023–2025.'],
  })
  decisionPoints!: string[];

  @ApiProperty({ description: 'How the agreement is financed.', example: 'Finansieras av social- och omsorgsnämnden med 472 200 kr per år.' })
  financing!: string;

  @ApiProperty({ type: [String], description: 'The attachments (bilagor) by name.', example: ['Bilaga 1, aktörernas ansvar'] })
  attachments!: string[];

  @ApiProperty(date('The day the proposal was drafted.', '2022-10-20'))
  draftedOn!: IsoDate;

  @ApiProperty({ type: 'integer', description: '1 for the first draft; each revision (also after återremiss) counts up.', example: 1 })
  revision!: number;

  @ApiProperty({ type: () => PersonDto, nullable: true, description: 'Who signed the proposal; null until it is signed.' })
  signedBy!: PersonDto | null;

  @ApiProperty(nullableDate('The day the proposal was signed; null until it is signed.', '2022-10-25'))
  signedOn!: IsoDate | null;
}

export class MeetingDto implements Fact<'meeting'> {
  @ApiProperty({ type: () => DecidingBodyDto, description: 'The body that meets.' })
  body!: DecidingBodyDto;

  @ApiProperty(date('The day of the meeting.', '2022-11-09'))
  meetingDate!: IsoDate;
}

export class NextMeetingDto implements Fact<'nextMeeting'> {
  @ApiProperty({ ...BODY_CODE_DOC, description: 'The body whose meeting must come next.', example: 'KS' })
  bodyCode!: string;

  @ApiProperty(date('The next meeting must be after this day (the meeting that deferred or recommended).', '2017-11-28'))
  after!: IsoDate;
}

/** A decision together with the meeting that made it. */
export class DecisionDto extends MeetingDto implements ItemOf<'decisions'> {
  @ApiProperty({ enum: [...DECISION_OUTCOMES], description: 'What the body decided.', example: 'approved' })
  outcome!: DecisionOutcome;

  @ApiProperty({ type: String, nullable: true, description: 'The protocol paragraph.', example: '§ 187' })
  paragraph!: string | null;

  @ApiProperty({ type: () => DecidingBodyDto, nullable: true, description: 'The higher body, when the outcome is `recommended`.' })
  recommendedTo!: DecidingBodyDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The motivation, when recorded.',
    example: 'Utskottet rekommenderar kommunstyrelsen att ingå avtal.',
  })
  motivation!: string | null;
}

export class ProtocolDto implements Protocol {
  @ApiProperty(nullableDate('The day the protocol was approved (justerat).', '2022-11-14'))
  justeradOn!: IsoDate | null;

  @ApiProperty(nullableDate('The day the approved protocol was posted on the official notice board (anslagstavlan).', '2022-11-15'))
  postedOn!: IsoDate | null;

  @ApiProperty(nullableDate('The last day to appeal (three weeks after posting).', '2022-12-06'))
  appealWindowEndsOn!: IsoDate | null;
}

export class AppealDto implements Fact<'appeal'> {
  @ApiProperty(date('The day the appeal (laglighetsprövning) was lodged.', '2022-12-01'))
  lodgedOn!: IsoDate;

  @ApiProperty({ description: 'The court that tries the appeal.', example: 'Förvaltningsrätten i Linköping' })
  court!: string;

  @ApiProperty({ type: String, nullable: true, description: "The court's case number, when known.", example: '1234-22' })
  caseReference!: string | null;

  @ApiProperty({
    enum: [...APPEAL_OUTCOMES],
    nullable: true,
    description: 'What the court did with the decision: `upheld` (the appeal failed) or `quashed` (upphävt); null while pending.',
    example: 'upheld',
  })
  outcome!: AppealOutcome | null;

  @ApiProperty({
    type: () => FinalityWithdrawnDto,
    nullable: true,
    description:
      'Set when the appeal became known after the decision was recorded final: the decision was not final after all. Null for an appeal lodged while the window was open.',
  })
  finalityWithdrawn!: FinalityWithdrawnDto | null;
}

export class FinalityWithdrawnDto implements NonNullable<Fact<'appeal'>['finalityWithdrawn']> {
  @ApiProperty(date('The day the decision had been recorded final (laga kraft), withdrawn by the late appeal.', '2022-12-07'))
  finalOn!: IsoDate;

  @ApiProperty({
    enum: [...PARTY_ROLES],
    isArray: true,
    description: 'The parties that had signed before the appeal became known: a person must resolve what they signed.',
    example: ['municipality'],
  })
  signedBy!: PartyRole[];
}

export class SignatureDto implements Signature {
  @ApiProperty(PARTY_ROLE_DOC)
  party!: PartyRole;

  @ApiProperty({ type: () => PersonDto, description: 'Who signed, and in what capacity.' })
  signatory!: PersonDto;

  @ApiProperty({ ...ORGANISATION_NUMBER_DOC, description: "The signing party's organisationsnummer, as written on the agreement.", example: '822004-0417' })
  organisationNumber!: string;

  @ApiProperty(date('The day of signing.', '2022-12-12'))
  signedOn!: IsoDate;

  @ApiProperty({
    type: () => RecordedReceiptDto,
    nullable: true,
    description: "The organisation's signature as received on paper or by e-mail and recorded by an official; null when signed through the API.",
  })
  receipt!: RecordedReceiptDto | null;
}

/** One signature per party (the keys are PARTY_ROLES); null until that party has signed. */
export class SignaturesDto implements Record<PartyRole, SignatureDto | null> {
  @ApiProperty({ type: () => SignatureDto, nullable: true, description: "The municipality's signature." })
  municipality!: SignatureDto | null;

  @ApiProperty({ type: () => SignatureDto, nullable: true, description: "The organisation's signature." })
  organisation!: SignatureDto | null;
}

export class PaymentDto implements ItemOf<'payments'> {
  @ApiProperty(kronor('The amount paid.', '491560.20'))
  amount!: string;

  @ApiProperty(date('The day of payment.', '2023-01-20'))
  paidOn!: IsoDate;

  @ApiProperty({ type: () => DateRangeDto, description: 'The period the payment covers.' })
  covers!: DateRangeDto;

  @ApiProperty({ type: String, nullable: true, description: 'An invoice or voucher reference, when recorded.', example: 'Faktura 2023-117' })
  reference!: string | null;
}

export class FollowUpMeetingDto implements ItemOf<'followUpMeetings'> {
  @ApiProperty({ enum: [...FOLLOW_UP_FORUMS], description: 'The forum: operational (verksamhetsnära) or strategic (samverkansråd).', example: 'operational' })
  forum!: FollowUpForum;

  @ApiProperty(date('The day the meeting was held.', '2023-04-12'))
  heldOn!: IsoDate;

  @ApiProperty({ description: 'Who convened the meeting.', example: 'Leanlink/Stödcentrum' })
  convener!: string;

  @ApiProperty({ type: String, nullable: true, description: 'A reference to the minutes, when kept.', example: 'Minnesanteckningar 2023-04-12' })
  minutesRef!: string | null;
}

export class AnnualReportDto implements ItemOf<'annualReports'> {
  @ApiProperty({ type: 'integer', description: 'The year the report covers.', example: 2023 })
  year!: number;

  @ApiProperty({ type: 'integer', description: 'Volunteer hours worked in the year.', example: 1_512 })
  volunteerHours!: number;

  @ApiProperty(kronor('Funds used in the year.', '472200.00'))
  fundsUsed!: string;

  @ApiProperty(date('The day the report was submitted.', '2024-02-15'))
  submittedOn!: IsoDate;
}

export class EvaluationDto implements ItemOf<'evaluations'> {
  @ApiProperty({ type: 'integer', description: 'The year evaluated.', example: 2023 })
  year!: number;

  @ApiProperty(date('The day of the evaluation.', '2024-03-01'))
  evaluatedOn!: IsoDate;

  @ApiProperty({ description: 'Whether the funds were used as the agreement intends.', example: true })
  fundsUsedAsIntended!: boolean;

  @ApiProperty({ description: 'The conclusion of the evaluation.', example: 'Verksamheten motsvarar överenskommelsen.' })
  summary!: string;
}

export class RepaymentClaimDto implements ItemOf<'repaymentClaims'> {
  @ApiProperty(kronor('The amount claimed back.', '25000.00'))
  amount!: string;

  @ApiProperty(date('The day of the claim.', '2024-03-15'))
  claimedOn!: IsoDate;

  @ApiProperty({ description: 'Why the funds are claimed back.', example: 'Medel använda utanför överenskommelsen.' })
  reason!: string;
}

export class ReportBackDto implements Fact<'reportBack'> {
  @ApiProperty(date('The day the report back (återrapport) was submitted.', '2025-03-20'))
  submittedOn!: IsoDate;

  @ApiProperty({ description: 'What the report back says.', example: 'Återrapport till social- och omsorgsnämnden om överenskommelsens sista år.' })
  summary!: string;
}

export class AmendmentDto implements ItemOf<'amendments'> {
  @ApiProperty({ type: () => TermsDto, description: 'The terms as amended.' })
  terms!: InKronor<Terms>;

  @ApiProperty({ description: 'Why the terms were amended.', example: 'Utökat uppdrag.' })
  reason!: string;

  @ApiProperty(date('The day the parties agreed on the amendment.', '2024-05-02'))
  agreedOn!: IsoDate;

  @ApiProperty(date('The day the amended terms apply from; the payment plan follows the earlier terms before it.', '2024-07-01'))
  effectiveFrom!: IsoDate;
}

export class RenewalDto implements Fact<'renewal'> {
  @ApiProperty({ format: 'uuid', description: 'The new case that renews this one.', example: '0b9e6c1e-3f4a-4c55-9a51-2f1d7c3b8e20' })
  newCaseId!: string;

  @ApiProperty(date('The day the renewal was started.', '2025-04-01'))
  startedOn!: IsoDate;

  @ApiProperty(nullableDate('The day both parties had signed the new agreement; null while the renewal is under way.', '2025-12-15'))
  completedOn!: IsoDate | null;
}

export class NoticeDto implements Fact<'notice'> {
  @ApiProperty({ ...PARTY_ROLE_DOC, description: 'The party that gave notice (sade upp överenskommelsen).' })
  party!: PartyRole;

  @ApiProperty(date('The day the other party received the notice.', '2025-03-31'))
  receivedOn!: IsoDate;

  @ApiProperty({ description: 'Whether the notice was given in writing.', example: true })
  inWriting!: boolean;

  @ApiProperty(date('The day the notice takes effect: the notice period (in months) after receipt.', '2025-09-30'))
  effectiveOn!: IsoDate;

  @ApiProperty({
    type: () => RecordedReceiptDto,
    nullable: true,
    description: "The organisation's notice as received on paper or by e-mail and recorded by an official; null when given through the API.",
  })
  receipt!: RecordedReceiptDto | null;
}

export class ClosedDto implements Fact<'closed'> {
  @ApiProperty({ enum: [...CLOSURES], description: 'How the case ended.', example: 'terminated' })
  as!: Closure;

  @ApiProperty(date('The day the case ended.', '2025-09-30'))
  on!: IsoDate;
}

/** Personal data: what a reader sees, opened, or `[raderad]` in every text field once the person is erased. */
export class ContactPersonDto implements Fact<'contactPerson'> {
  @ApiProperty({ format: 'uuid', description: 'The data subject: erasure by this id (or by email) deletes the key of the fields below.' })
  subjectId!: string;

  @ApiProperty({ example: 'Anna Berg', description: '`[raderad]` once erased.' })
  name!: string;

  @ApiProperty({ example: 'anna.berg@example.se', description: '`[raderad]` once erased.' })
  email!: string;

  @ApiProperty({ type: String, nullable: true, example: '070-123 45 67', description: '`[raderad]` once erased (null when none was given).' })
  phone!: string | null;

  @ApiProperty({ description: "True once the person's data has been erased." })
  erased!: boolean;
}

export class CaseFactsDto implements ApiFacts {
  @ApiProperty({ type: () => PartyDto, nullable: true, description: 'The municipality (or its board) that is party to the agreement.' })
  municipality!: PartyDto | null;

  @ApiProperty({ type: () => PartyDto, nullable: true, description: 'The non-profit organisation that is party to the agreement.' })
  organisation!: PartyDto | null;

  @ApiProperty({ type: () => ContactPersonDto, nullable: true, description: "The organisation's contact person (personal data)." })
  contactPerson!: ContactPersonDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The purpose of the partnership.',
    example: 'Stöd till brottsutsatta, anhöriga och vittnen enligt 5 kap. 11 § SoL',
  })
  purpose!: string | null;

  @ApiProperty({ type: [String], description: 'Who the work is for.', example: ['Brottsutsatta kommuninvånare över 18 år', 'Anhöriga', 'Vittnen'] })
  targetGroups!: string[];

  @ApiProperty({ type: [String], description: 'What the organisation does.', example: ['Samtalsstöd', 'Information om rättsprocessen', 'Stöd vid rättegång'] })
  activities!: string[];

  @ApiProperty({ type: () => TermsDto, nullable: true, description: "The requested terms at first, then the proposal's, then as amended." })
  terms!: InKronor<Terms> | null;

  @ApiProperty({
    type: () => TermsDto,
    nullable: true,
    description: "The terms before any amendment: the application's, then the proposal's. The payment plan starts from them.",
  })
  agreedTerms!: InKronor<Terms> | null;

  @ApiProperty(nullableDate('The day the application was received.', '2022-09-01'))
  receivedOn!: IsoDate | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case this one renews; null for a first agreement.' })
  previousCaseId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The diarienummer, once the case is registered.', example: 'SON 2019-536' })
  diarienummer!: string | null;

  @ApiProperty(nullableDate('The day the case was registered.', '2022-09-02'))
  registeredOn!: IsoDate | null;

  @ApiProperty({ type: () => OfficerDto, nullable: true, description: 'The case officer (handläggare).' })
  officer!: OfficerDto | null;

  @ApiProperty({ type: () => ProposalDto, nullable: true, description: 'The proposal (tjänsteskrivelse), latest revision.' })
  proposal!: ProposalDto | null;

  @ApiProperty({ type: () => MeetingDto, nullable: true, description: 'The meeting the case is on now.' })
  meeting!: MeetingDto | null;

  @ApiProperty({
    type: () => NextMeetingDto,
    nullable: true,
    description: 'After a deferral or a recommendation: the body whose meeting must come next, and the day it must come after.',
  })
  nextMeeting!: NextMeetingDto | null;

  @ApiProperty({ type: [DecisionDto], description: 'Every decision on the case, in order, each with its meeting.' })
  decisions!: DecisionDto[];

  @ApiProperty({ type: () => ProtocolDto, description: 'Justering and posting of the protocol with the decision, and the appeal window.' })
  protocol!: ProtocolDto;

  @ApiProperty(nullableDate('The day the decision became final (vann laga kraft).', '2022-12-07'))
  finalOn!: IsoDate | null;

  @ApiProperty({ type: () => AppealDto, nullable: true, description: 'The appeal against the decision, if any.' })
  appeal!: AppealDto | null;

  @ApiProperty({ type: () => SignaturesDto, description: "Each party's signature of the agreement." })
  signatures!: SignaturesDto;

  @ApiProperty({ type: [PaymentDto], description: 'Payments made, in order.' })
  payments!: PaymentDto[];

  @ApiProperty({ type: [FollowUpMeetingDto], description: 'Follow-up meetings held, in order.' })
  followUpMeetings!: FollowUpMeetingDto[];

  @ApiProperty({ type: [AnnualReportDto], description: "The organisation's annual reports (verksamhetsberättelser)." })
  annualReports!: AnnualReportDto[];

  @ApiProperty({ type: [EvaluationDto], description: "The municipality's yearly evaluations." })
  evaluations!: EvaluationDto[];

  @ApiProperty({ type: [RepaymentClaimDto], description: 'Claims to pay funds back (återkrav).' })
  repaymentClaims!: RepaymentClaimDto[];

  @ApiProperty({ type: () => ReportBackDto, nullable: true, description: 'The report back (återrapport) to the deciding body, once submitted.' })
  reportBack!: ReportBackDto | null;

  @ApiProperty({ type: [AmendmentDto], description: 'Amendments of the terms, in order; `terms` holds the latest.' })
  amendments!: AmendmentDto[];

  @ApiProperty({ type: () => RenewalDto, nullable: true, description: 'The renewal by a new case, once started.' })
  renewal!: RenewalDto | null;

  @ApiProperty({ type: () => NoticeDto, nullable: true, description: 'Notice of termination (uppsägning), once given.' })
  notice!: NoticeDto | null;

  @ApiProperty({
    ...kronor('Unused funds to pay back on termination, pro rata by day over the paid periods (see `money.refund` for the arithmetic).', '127864.88'),
    nullable: true,
  })
  refund!: string | null;

  @ApiProperty({ type: () => ClosedDto, nullable: true, description: 'How and when the case ended; null while it is open.' })
  closed!: ClosedDto | null;
}
