import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { api, ApiError, dataOf, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { ErrorMessage, Loading } from '../app/states';
import { useAuth } from '../auth/auth';
import { todayInStockholm } from '../i18n/format';
import { useT } from '../i18n/i18n';
import { isCalendarDate, isKronor, isOrganisationNumber, isWholeNumber, kronorText, lines } from './checks';
import { Field } from './Field';

type FundingKind = 'fixed' | 'perInhabitant';
type Schedule = 'yearly-in-january' | 'on-invoice';

const EMPTY = {
  organisationName: '',
  organisationNumber: '',
  purpose: '',
  targetGroups: '',
  activities: '',
  amountPerYear: '',
  amountPerInhabitant: '',
  inhabitants: '',
  inhabitantsAsOf: '',
  start: '',
  end: '',
  noticeMonths: '6',
  exclusions: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};
type Values = typeof EMPTY;

/** The service's field errors (VALIDATION_FAILED details.fields), by field name, for the form to show next to each field. */
function fieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.body?.details as { fields?: { field: string; messages: string[] }[] } | undefined)?.fields ?? [];
  return Object.fromEntries(fields.map(({ field, messages }) => [field, messages]));
}

/** Organisationens sidor: a representative submits a new application, with a contact person (personal data, erasable). */
export default function ApplicationPage() {
  const t = useT();
  usePageTitle(t.application.title);
  const municipality = useQuery({ queryKey: ['municipality'], queryFn: async () => dataOf(await api.GET('/municipality')) });
  return (
    <>
      <h1 tabIndex={-1}>{t.application.title}</h1>
      <p>
        <Link href="/organisation">{t.application.back}</Link>
      </p>
      {municipality.isPending && <Loading />}
      {municipality.isError && <ErrorMessage error={municipality.error} retry={() => municipality.refetch()} />}
      {municipality.data && <ApplicationForm municipality={municipality.data} />}
    </>
  );
}

function ApplicationForm({ municipality }: { municipality: Schemas['MunicipalityDto'] }) {
  const t = useT();
  const auth = useAuth();
  const [values, setValues] = useState<Values>({ ...EMPTY, organisationNumber: auth.actor?.organisationNumber ?? '' });
  const [funding, setFunding] = useState<FundingKind>('fixed');
  const [schedule, setSchedule] = useState<Schedule>('yearly-in-january');
  const [key] = useState(() => crypto.randomUUID());
  const set = (name: keyof Values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const field = (name: keyof Values) => ({ name, value: values[name], onChange: set(name) });
  const submit = useMutation({
    mutationFn: async () =>
      dataOf(
        await api.POST('/cases', {
          params: { header: { 'Idempotency-Key': key } },
          body: {
            organisation: { name: values.organisationName.trim(), organisationNumber: values.organisationNumber.trim() },
            purpose: values.purpose.trim(),
            targetGroups: lines(values.targetGroups),
            activities: lines(values.activities),
            terms: {
              fundingLines: [
                funding === 'fixed'
                  ? { id: 'bidrag', label: t.application.fixed, kind: 'fixed', amountPerYear: kronorText(values.amountPerYear), indexation: null }
                  : {
                      id: 'bidrag',
                      label: t.application.perInhabitant,
                      kind: 'perInhabitant',
                      ratePerInhabitant: kronorText(values.amountPerInhabitant),
                      inhabitants: { count: Number(values.inhabitants), asOf: values.inhabitantsAsOf },
                      indexation: null,
                    },
              ],
              period: { start: values.start, end: values.end },
              noticeMonths: Number(values.noticeMonths),
              paymentSchedule: schedule,
              exclusions: lines(values.exclusions),
            },
            receivedOn: todayInStockholm(),
            contactPerson: { name: values.contactName.trim(), email: values.contactEmail.trim(), phone: values.contactPhone.trim() || null },
          },
        }),
      ),
  });
  const orgNumber = (v: string) => (isOrganisationNumber(v) ? undefined : t.checks.organisationNumber);
  const whole = (v: string) => (isWholeNumber(v) ? undefined : t.checks.wholeNumber);
  const kronor = (v: string) => (isKronor(v) ? undefined : t.checks.kronor);
  const date = (v: string) => (isCalendarDate(v) ? undefined : t.checks.date);
  const endAfterStart = (v: string) => date(v) ?? (values.start && v < values.start ? t.checks.endBeforeStart : undefined);
  if (submit.data) {
    return (
      <div role="status" className="panel">
        <h2>{t.application.submitted}</h2>
        <p>{t.application.submittedText}</p>
        <Link href={`/arenden/${submit.data.id}`}>{t.application.openCase}</Link> · <Link href="/organisation">{t.application.back}</Link>
      </div>
    );
  }
  return (
    <Form
      validationErrors={fieldErrors(submit.error)}
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <p className="muted">{t.application.requiredNote}</p>
      {submit.isError && <ErrorMessage error={submit.error} />}
      <fieldset>
        <legend>{t.application.organisation}</legend>
        <p>{t.application.appliesTo(municipality.name)}</p>
        <Field {...field('organisationName')} name="organisation.name" label={t.application.organisationName} isRequired />
        <Field
          {...field('organisationNumber')}
          name="organisation.organisationNumber"
          label={t.application.organisationNumber}
          description={t.application.organisationNumberHelp}
          isRequired
          check={orgNumber}
        />
      </fieldset>
      <fieldset>
        <legend>{t.application.partnership}</legend>
        <Field {...field('purpose')} label={t.application.purpose} multiline isRequired />
        <Field {...field('targetGroups')} label={t.application.targetGroups} description={t.application.onePerLine} multiline isRequired />
        <Field {...field('activities')} label={t.application.activities} description={t.application.onePerLine} multiline isRequired />
        <Field {...field('exclusions')} name="terms.exclusions" label={t.application.exclusions} description={t.application.onePerLine} multiline />
      </fieldset>
      <fieldset>
        <legend>{t.application.terms}</legend>
        <RadioGroup value={funding} onChange={(value) => setFunding(value as FundingKind)} className="choice-group">
          <Label>{t.application.fundingKind}</Label>
          <Radio value="fixed" className="choice">
            {t.application.fixed}
          </Radio>
          <Radio value="perInhabitant" className="choice">
            {t.application.perInhabitant}
          </Radio>
        </RadioGroup>
        {funding === 'fixed' ? (
          <Field {...field('amountPerYear')} name="terms.fundingLines.0.amountPerYear" label={t.application.amountPerYear} isRequired check={kronor} />
        ) : (
          <>
            <Field
              {...field('amountPerInhabitant')}
              name="terms.fundingLines.0.ratePerInhabitant"
              label={t.application.amountPerInhabitant}
              isRequired
              check={kronor}
            />
            <Field {...field('inhabitants')} name="terms.fundingLines.0.inhabitants.count" label={t.application.inhabitants} isRequired check={whole} />
            <Field
              {...field('inhabitantsAsOf')}
              name="terms.fundingLines.0.inhabitants.asOf"
              type="date"
              label={t.application.inhabitantsAsOf}
              isRequired
              check={date}
            />
          </>
        )}
        <Field {...field('start')} name="terms.period.start" type="date" label={t.application.start} isRequired check={date} />
        <Field {...field('end')} name="terms.period.end" type="date" label={t.application.end} isRequired check={endAfterStart} />
        <Field {...field('noticeMonths')} name="terms.noticeMonths" label={t.application.noticeMonths} isRequired check={whole} />
        <RadioGroup value={schedule} onChange={(value) => setSchedule(value as Schedule)} className="choice-group">
          <Label>{t.application.paymentSchedule}</Label>
          <Radio value="yearly-in-january" className="choice">
            {t.application.yearlyInJanuary}
          </Radio>
          <Radio value="on-invoice" className="choice">
            {t.application.onInvoice}
          </Radio>
        </RadioGroup>
      </fieldset>
      <fieldset>
        <legend>{t.application.contactPerson}</legend>
        <p className="muted">{t.application.contactPersonHelp}</p>
        <Field {...field('contactName')} name="contactPerson.name" label={t.application.contactName} isRequired />
        <Field {...field('contactEmail')} name="contactPerson.email" type="email" label={t.application.contactEmail} isRequired />
        <Field {...field('contactPhone')} name="contactPerson.phone" type="tel" label={t.application.contactPhone} />
      </fieldset>
      <Button type="submit" className="button primary" isDisabled={submit.isPending}>
        {t.application.submit}
      </Button>
    </Form>
  );
}
