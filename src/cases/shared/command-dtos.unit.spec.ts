import { describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { COMMAND_TYPES, type CommandType } from '../../lifecycle';
import { bodyOf, VALID_BODIES, type Body } from '../../../test/support/command-bodies';
import { linkoping as L, robertsfors as R } from '../../demo/seed-cases';
import { AmendTermsDto } from '../amend-terms/amend-terms.dto';
import { AssignOfficerDto } from '../assign-officer/assign-officer.dto';
import { ClaimRepaymentDto } from '../claim-repayment/claim-repayment.dto';
import { CloseIneligibleDto } from '../close-ineligible/close-ineligible.dto';
import { CompleteRenewalDto } from '../complete-renewal/complete-renewal.dto';
import { DraftProposalDto } from '../draft-proposal/draft-proposal.dto';
import { GiveNoticeDto } from '../give-notice/give-notice.dto';
import { LodgeAppealDto } from '../lodge-appeal/lodge-appeal.dto';
import { RecordAppealOutcomeDto } from '../record-appeal-outcome/record-appeal-outcome.dto';
import { RecordDecisionDto } from '../record-decision/record-decision.dto';
import { RecordEvaluationDto } from '../record-evaluation/record-evaluation.dto';
import { RecordExpiryDto } from '../record-expiry/record-expiry.dto';
import { RecordFinalDto } from '../record-final/record-final.dto';
import { RecordJusteringDto } from '../record-justering/record-justering.dto';
import { RecordMeetingDto } from '../record-meeting/record-meeting.dto';
import { RecordPaymentDto } from '../record-payment/record-payment.dto';
import { RecordPostingDto } from '../record-posting/record-posting.dto';
import { RecordTerminationDto } from '../record-termination/record-termination.dto';
import { RegisterDto } from '../register/register.dto';
import { ScheduleMeetingDto } from '../schedule-meeting/schedule-meeting.dto';
import { SignProposalDto } from '../sign-proposal/sign-proposal.dto';
import { SignDto } from '../sign/sign.dto';
import { StartRenewalDto } from '../start-renewal/start-renewal.dto';
import { SubmitAnnualReportDto } from '../submit-annual-report/submit-annual-report.dto';
import { SubmitApplicationDto } from '../submit-application/submit-application.dto';
import { SubmitReportBackDto } from '../submit-report-back/submit-report-back.dto';
import { WithdrawDto } from '../withdraw/withdraw.dto';
import { bodyInKronor } from './in-kronor';
import { VALIDATION_OPTIONS, flattenValidationErrors } from './validation';

/** What an official records with the organisation's paper or e-mailed document (sign, give-notice, withdraw). */
const receipt = { channel: 'email', receivedOn: '2025-03-31' };

/** Per command type: its DTO, and the fields that may be left out (they become null). */
const dtos: { [K in CommandType]: { dto: ClassConstructor<object>; valid: Body; nullable?: string[] } } = {
  'submit-application': { dto: SubmitApplicationDto, valid: VALID_BODIES['submit-application'] },
  register: { dto: RegisterDto, valid: VALID_BODIES.register },
  'assign-officer': { dto: AssignOfficerDto, valid: VALID_BODIES['assign-officer'] },
  withdraw: { dto: WithdrawDto, valid: { ...VALID_BODIES.withdraw, receipt }, nullable: ['receipt'] },
  'close-ineligible': { dto: CloseIneligibleDto, valid: VALID_BODIES['close-ineligible'] },
  'draft-proposal': { dto: DraftProposalDto, valid: VALID_BODIES['draft-proposal'] },
  'sign-proposal': { dto: SignProposalDto, valid: VALID_BODIES['sign-proposal'] },
  'schedule-meeting': { dto: ScheduleMeetingDto, valid: VALID_BODIES['schedule-meeting'] },
  'record-decision': { dto: RecordDecisionDto, valid: VALID_BODIES['record-decision'], nullable: ['paragraph', 'recommendedTo', 'motivation'] },
  'record-justering': { dto: RecordJusteringDto, valid: VALID_BODIES['record-justering'] },
  'record-posting': { dto: RecordPostingDto, valid: VALID_BODIES['record-posting'] },
  'record-final': { dto: RecordFinalDto, valid: VALID_BODIES['record-final'] },
  'lodge-appeal': { dto: LodgeAppealDto, valid: VALID_BODIES['lodge-appeal'], nullable: ['caseReference'] },
  'record-appeal-outcome': { dto: RecordAppealOutcomeDto, valid: VALID_BODIES['record-appeal-outcome'] },
  sign: { dto: SignDto, valid: { ...VALID_BODIES.sign, receipt }, nullable: ['receipt'] },
  'record-payment': { dto: RecordPaymentDto, valid: VALID_BODIES['record-payment'], nullable: ['reference'] },
  'record-meeting': { dto: RecordMeetingDto, valid: VALID_BODIES['record-meeting'], nullable: ['minutesRef'] },
  'submit-annual-report': { dto: SubmitAnnualReportDto, valid: VALID_BODIES['submit-annual-report'] },
  'record-evaluation': { dto: RecordEvaluationDto, valid: VALID_BODIES['record-evaluation'] },
  'claim-repayment': { dto: ClaimRepaymentDto, valid: VALID_BODIES['claim-repayment'] },
  'submit-report-back': { dto: SubmitReportBackDto, valid: VALID_BODIES['submit-report-back'] },
  'amend-terms': { dto: AmendTermsDto, valid: VALID_BODIES['amend-terms'] },
  'start-renewal': { dto: StartRenewalDto, valid: VALID_BODIES['start-renewal'] },
  'complete-renewal': { dto: CompleteRenewalDto, valid: VALID_BODIES['complete-renewal'] },
  'give-notice': { dto: GiveNoticeDto, valid: { ...VALID_BODIES['give-notice'], receipt }, nullable: ['receipt'] },
  'record-termination': { dto: RecordTerminationDto, valid: VALID_BODIES['record-termination'] },
  'record-expiry': { dto: RecordExpiryDto, valid: VALID_BODIES['record-expiry'] },
};

async function check(type: CommandType, body: unknown) {
  const instance = plainToInstance(dtos[type].dto, body) as Body;
  const errors = flattenValidationErrors(await validate(instance, VALIDATION_OPTIONS));
  return { instance, fields: errors.map((e) => e.field) };
}

/**
 * A deep copy of `body` with the value at a dotted path replaced, or removed when `value` is
 * undefined. Copied through JSON like a request body: structuredClone's objects come from another
 * realm under jest, and class-transformer's discriminator tests `instanceof Object`.
 */
function withValue(body: Body, path: string, value: unknown): Body {
  const copy = JSON.parse(JSON.stringify(body)) as Body;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Body, copy);
  if (value === undefined) delete parent[keys.at(-1)!];
  else parent[keys.at(-1)!] = value;
  return copy;
}

/** A value of the wrong type for whatever the field holds. */
const wrongTypeFor = (value: unknown) => (typeof value === 'boolean' ? 'yes' : true);

/** [type, field] for each field of each valid body that `keep` selects. */
const fieldsWhere = (keep: (field: string, nullable: string[]) => boolean) =>
  COMMAND_TYPES.flatMap((type) => {
    const { valid, nullable = [] } = dtos[type];
    return Object.keys(valid)
      .filter((field) => keep(field, nullable))
      .map((field): [CommandType, string] => [type, field]);
  });

describe('every command DTO', () => {
  it.each(COMMAND_TYPES)('%s accepts a valid body as it is', async (type) => {
    const { instance, fields } = await check(type, dtos[type].valid);
    expect(fields).toEqual([]);
    // Amounts arrive as kronor strings and are held as öre: written back as kronor, the body is as sent.
    expect(bodyInKronor(JSON.parse(JSON.stringify(instance)) as Body)).toEqual(dtos[type].valid);
  });

  it.each(COMMAND_TYPES)('%s refuses an unknown field', async (type) => {
    expect((await check(type, { ...dtos[type].valid, unexpected: 1 })).fields).toEqual(['unexpected']);
  });

  it.each(fieldsWhere((field, nullable) => !nullable.includes(field)))('%s requires %s', async (type, field) => {
    expect((await check(type, withValue(dtos[type].valid, field, undefined))).fields).toEqual([field]);
  });

  it.each(fieldsWhere(() => true))('%s refuses %s of the wrong type', async (type, field) => {
    const { valid } = dtos[type];
    expect((await check(type, withValue(valid, field, wrongTypeFor(valid[field])))).fields).toEqual([field]);
  });

  it.each(fieldsWhere((field, nullable) => nullable.includes(field)))('%s records a missing %s as null', async (type, field) => {
    const { instance, fields } = await check(type, withValue(dtos[type].valid, field, undefined));
    expect(fields).toEqual([]);
    expect(instance[field]).toBeNull();
  });
});

describe('command DTO rules, by the path of the field', () => {
  it.each<[CommandType, string, unknown, string?]>([
    ['submit-application', 'purpose', '  '],
    ['submit-application', 'receivedOn', '2022-02-30'],
    ['submit-application', 'receivedOn', '2022-9-1'],
    ['submit-application', 'targetGroups', ['Anhöriga', 3]],
    ['submit-application', 'organisation.organisationNumber', '822004-0418'],
    // The municipality party is the tenant's, from its reference data: not the caller's to send.
    ['submit-application', 'municipality', { name: 'Linköpings kommun', organisationNumber: '212000-0449' }],
    ['submit-application', 'terms.period.end', undefined],
    ['submit-application', 'terms.period', []],
    ['submit-application', 'terms.noticeMonths', 6.5],
    ['submit-application', 'terms.paymentSchedule', 'monthly'],
    ['submit-application', 'terms.fundingLines', [{ kind: 'grant' }], 'terms.fundingLines.0.kind'],
    ['submit-application', 'terms.fundingLines', 'fixed'],
    ['submit-application', 'terms.fundingLines', null],
    ['submit-application', 'terms.fundingLines', []],
    ['submit-application', 'terms.fundingLines', [null], 'terms.fundingLines.0'],
    ['submit-application', 'terms.fundingLines.0.amountPerYear', 472_200],
    ['submit-application', 'terms.fundingLines.0.amountPerYear', 105_574.4],
    ['submit-application', 'terms.fundingLines.0.amountPerYear', '105574.401'],
    ['submit-application', 'terms.fundingLines.0.amountPerYear', '1 000'],
    ['submit-application', 'terms.fundingLines.0.amountPerYear', '1,50'],
    ['submit-application', 'terms.fundingLines.0.amountPerYear', '99999999999999999999'],
    ['submit-application', 'terms.fundingLines.0.id', 'Bidrag'],
    ['submit-application', 'terms.fundingLines.0.label', ' '],
    ['submit-application', 'terms.fundingLines.0.indexation.from', '2024-01'],
    ['submit-application', 'terms.fundingLines.1.hours', 1_500.5],
    ['submit-application', 'terms.fundingLines.1.statedValue', 341_314],
    ['submit-application', 'terms.exclusions', 'Skyddat boende'],
    ['submit-application', 'previousCaseId', 'case-2022'],
    ['register', 'bodyCode', 'ks'],
    ['register', 'diarienummer', 'KS 2023/01692'],
    ['assign-officer', 'officer.id', ''],
    ['schedule-meeting', 'bodyCode', 'Kommunstyrelsen'],
    // A body is named by its code; its name and kind are the reference data's.
    ['schedule-meeting', 'body', { code: 'KS', name: 'Kommunstyrelsen', kind: 'council' }],
    ['record-decision', 'outcome', 'maybe'],
    ['record-decision', 'recommendedTo', { code: 'KS', name: 'Kommunstyrelsen', kind: 'board' }],
    ['record-decision', 'recommendedTo', 'ks'],
    ['sign', 'party', 'state'],
    ['sign', 'organisationNumber', '212000-0448'],
    ['sign', 'organisationNumber', ' 212000-0449'],
    ['sign', 'signatory.title', undefined],
    ['record-payment', 'covers.start', '2023-13-01'],
    ['record-payment', 'amount', 472_200.5],
    ['record-payment', 'amount', '472200.005'],
    ['claim-repayment', 'amount', 25_000],
    ['submit-annual-report', 'fundsUsed', '472 200'],
    ['amend-terms', 'effectiveFrom', '2024-02-30'],
    ['record-appeal-outcome', 'outcome', 'dismissed'],
    ['record-meeting', 'forum', 'board'],
    ['start-renewal', 'newCaseId', 'case-2026'],
    ['complete-renewal', 'newCaseId', 'case-2026'],
    ['give-notice', 'inWriting', 'true'],
    ['sign', 'receipt.channel', 'fax'],
    ['withdraw', 'receipt.receivedOn', '2025-02-30'],
    ['give-notice', 'receipt.receivedOn', undefined],
  ])('%s refuses %s = %j', async (type, path, value, field = path) => {
    expect((await check(type, withValue(dtos[type].valid, path, value))).fields).toEqual([field]);
  });

  it('accepts a line per inhabitant without indexing (null when left out), and kronor with one decimal or none', async () => {
    const robertsfors = bodyOf(R.submit, 'previousCaseId', 'municipality');
    const { instance, fields } = await check('submit-application', withValue(robertsfors, 'terms.fundingLines.0.indexation', undefined));
    expect(fields).toEqual([]);
    expect(bodyInKronor(JSON.parse(JSON.stringify(instance)) as Body)).toEqual(robertsfors);
    const oneDecimal = await check('record-payment', { ...dtos['record-payment'].valid, amount: '105574.4' });
    expect(oneDecimal.instance.amount).toBe(10_557_440);
    expect((await check('record-payment', { ...dtos['record-payment'].valid, amount: '472200' })).instance.amount).toBe(47_220_000);
  });

  it('says what a kronor field takes', async () => {
    const instance = plainToInstance(RecordPaymentDto, { ...dtos['record-payment'].valid, amount: 105_574.4 });
    const [error] = flattenValidationErrors(await validate(instance, VALIDATION_OPTIONS));
    expect(error).toEqual({ field: 'amount', messages: ['amount must be kronor as a decimal string with at most two decimals, e.g. "105574.40"'] });
  });

  it('accepts an organisation number without its hyphen, as the lifecycle does', async () => {
    expect((await check('sign', bodyOf(L.signOrganisation))).fields).toEqual([]);
  });

  it('leaves the domain rules to the lifecycle: negative amounts and periods out of order pass', async () => {
    const [grant, own] = (dtos['amend-terms'].valid.terms as { fundingLines: Body[] }).fundingLines;
    const terms = { ...L.submit.terms, fundingLines: [{ ...grant, amountPerYear: '-1.00' }, own], period: { start: '2025-12-31', end: '2023-01-01' } };
    expect((await check('amend-terms', { ...dtos['amend-terms'].valid, terms })).fields).toEqual([]);
  });
});

describe('the OpenAPI schemas of the command DTOs', () => {
  @Module({})
  class NoRoutesModule {}

  type Schema = { type?: string; $ref?: string; allOf?: unknown[]; oneOf?: unknown[]; items?: Schema; properties?: Record<string, Schema> };
  /** A property is typed when it names its type, or refers to or combines schemas; lists say what they hold. */
  const typed = (s: Schema): boolean =>
    s.$ref !== undefined ||
    s.oneOf !== undefined ||
    s.allOf !== undefined ||
    (s.type === 'array' ? s.items !== undefined && typed(s.items) : s.type !== undefined && s.type !== 'object');

  it('type every property: a named type, a reference or a composition, never a bare object', async () => {
    const app = await NestFactory.create(NoRoutesModule, { logger: false });
    const models = COMMAND_TYPES.map((type) => dtos[type].dto);
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build(), { extraModels: models });
    await app.close();

    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([...models.map((m) => m.name), 'TermsDto', 'FixedLineDto', 'PerInhabitantLineDto', 'OwnContributionLineDto']),
    );
    const untyped = Object.entries(schemas as Record<string, Schema>).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, property]) => !typed(property))
        .map(([property]) => `${name}.${property}`),
    );
    expect(untyped).toEqual([]);
    expect(schemas.RecordDecisionDto).toMatchObject({ required: ['outcome'] });
  });
});
