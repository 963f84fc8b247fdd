import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Label, Link, ProgressBar, TextField } from 'react-aria-components';
import { api, dataOf, type Schemas } from '../api/client';
import { saveBlob } from '../app/download';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable } from '../app/TableRegion';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { NO_TOTALS, verifyAll, type VerifyTotals } from './verify-all';

type CaseSummary = Schemas['CaseSummaryDto'];

/**
 * Granskning, for auditors: verify every case with progress (the first bad revision and what
 * differs, named), the global anchor's hash to keep outside the system, and each case's
 * verification, history and export. Read-only: nothing here changes a case.
 */
export default function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t.audit.title);
  const cases = useQuery({ queryKey: ['cases', 'audit'], queryFn: async () => dataOf(await api.GET('/cases', { params: { query: { limit: 200 } } })) });
  return (
    <>
      <h1 tabIndex={-1}>{t.audit.title}</h1>
      <p>{t.audit.intro}</p>
      <Anchors />
      {cases.isPending && <Loading />}
      {cases.isError && <ErrorMessage error={cases.error} retry={() => cases.refetch()} />}
      {cases.data && (
        <>
          <VerifyAll cases={cases.data.items} total={cases.data.total} />
          <CaseTable cases={cases.data.items} />
        </>
      )}
    </>
  );
}

function Anchors() {
  const { t, lang } = useI18n();
  const anchors = useQuery({ queryKey: ['anchors'], queryFn: async () => dataOf(await api.GET('/audit/anchors')) });
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="anchor-heading" className="panel">
      <h2 id="anchor-heading">{t.audit.anchorHeading}</h2>
      <p>{t.audit.anchorHelp}</p>
      {anchors.isPending && <Loading />}
      {anchors.isError && <ErrorMessage error={anchors.error} retry={() => anchors.refetch()} />}
      {anchors.data && (
        <>
          <p className={anchors.data.intact ? 'verdict ok' : 'verdict bad'}>
            {anchors.data.intact ? t.audit.anchorsIntact(anchors.data.anchors) : t.audit.anchorsBroken}
          </p>
          {anchors.data.latest ? (
            <dl className="audit-facts">
              <dt>{t.audit.latestAnchor}</dt>
              <dd>
                <code className="hash" data-testid="anchor-hash">
                  {anchors.data.latest.hash}
                </code>{' '}
                <Button
                  className="button small"
                  onPress={async () => {
                    await navigator.clipboard?.writeText(anchors.data.latest!.hash);
                    setCopied(true);
                  }}
                >
                  {t.audit.copyHash}
                </Button>
                {copied && <span role="status"> {t.audit.copied}</span>}
              </dd>
              <dt>{t.audit.anchoredAt}</dt>
              <dd>{formatDateTime(anchors.data.latest.createdAt, lang)}</dd>
            </dl>
          ) : (
            <Empty text={t.audit.noAnchor} />
          )}
          <Problems problems={anchors.data.problems.map((problem) => problem.what)} />
        </>
      )}
    </section>
  );
}

function Problems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems">
      {problems.map((what) => (
        <li key={what} lang="en">
          {what}
        </li>
      ))}
    </ul>
  );
}

function VerifyAll({ cases, total }: { cases: CaseSummary[]; total: number }) {
  const { t } = useI18n();
  const [keptAnchor, setKeptAnchor] = useState('');
  const [totals, setTotals] = useState<VerifyTotals>(NO_TOTALS);
  const run = useMutation({
    mutationFn: () => {
      setTotals(NO_TOTALS);
      return verifyAll(setTotals, keptAnchor.trim() || undefined);
    },
  });
  const started = run.isPending || run.isSuccess || run.isError;
  return (
    <section aria-labelledby="verify-heading" className="panel">
      <h2 id="verify-heading">{t.audit.verifyHeading}</h2>
      <Form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          run.mutate();
        }}
      >
        <TextField value={keptAnchor} onChange={setKeptAnchor} className="field wide">
          <Label>{t.audit.keptAnchor}</Label>
          <Input />
        </TextField>
        <Button type="submit" className="button primary" isDisabled={run.isPending}>
          {t.audit.verifyAll}
        </Button>
      </Form>
      {started && (
        <ProgressBar value={totals.cases} maxValue={Math.max(total, totals.cases, 1)} className="progress" valueLabel={t.audit.progress(totals.cases, total)}>
          {({ percentage, valueText }) => (
            <>
              <Label>{t.audit.progressLabel}</Label>
              <span className="progress-value">{valueText}</span>
              <div className="progress-track">
                <div className="progress-fill" style={{ width: `${percentage}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
      )}
      {run.isError && <ErrorMessage error={run.error} />}
      {run.isSuccess && <VerifyResult totals={run.data} cases={cases} />}
    </section>
  );
}

function VerifyResult({ totals, cases }: { totals: VerifyTotals; cases: CaseSummary[] }) {
  const { t } = useI18n();
  const byId = new Map(cases.map((c) => [c.id, c]));
  const anchorProblems = totals.anchors?.problems.map((problem) => problem.what) ?? [];
  const intact = totals.broken.length === 0 && totals.otherBroken.length === 0 && anchorProblems.length === 0;
  return (
    <div role="status" aria-live="polite" data-testid="verify-result">
      <p className={intact ? 'verdict ok' : 'verdict bad'}>
        {intact ? t.audit.allIntact(totals.cases, totals.events) : t.audit.someBroken(totals.cases, totals.events)}
      </p>
      {totals.broken.length > 0 && (
        <>
          <h3>{t.audit.brokenCases}</h3>
          <ul className="problems">
            {totals.broken.map((verdict) => (
              <li key={verdict.caseId}>
                <Link href={`/arenden/${verdict.caseId}/historik`}>{byId.get(verdict.caseId)?.diarienummer ?? verdict.caseId}</Link>
                {verdict.problem && (
                  <>
                    {': '}
                    {t.audit.firstBadRevision(verdict.problem.revision)} — <span lang="en">{verdict.problem.what}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {totals.otherBroken.length > 0 && (
        <>
          <h3>{t.audit.brokenStreams}</h3>
          <ul className="problems">
            {totals.otherBroken.map((verdict) => (
              <li key={verdict.stream}>
                {verdict.stream}: {t.audit.firstBadRevision(verdict.problem.revision)} — <span lang="en">{verdict.problem.what}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {anchorProblems.length > 0 && (
        <>
          <h3>{t.audit.anchorProblems}</h3>
          <Problems problems={anchorProblems} />
        </>
      )}
    </div>
  );
}

const FORMATS = ['jsonl', 'csv', 'html'] as const;

function CaseTable({ cases }: { cases: CaseSummary[] }) {
  const { t, lang } = useI18n();
  if (cases.length === 0) return <Empty text={t.audit.noCases} />;
  return (
    <section aria-labelledby="audit-cases-heading">
      <h2 id="audit-cases-heading">{t.audit.casesHeading}</h2>
      <DataTable
        label={t.audit.casesHeading}
        headers={[t.columns.diarienummer, t.columns.organisationName, t.columns.stateLabel, t.audit.verification, t.audit.historyAndExport]}
        items={cases}
        rowKey={(c) => c.id}
        row={(c) => (
          <>
            <th scope="row">
              <Link href={`/arenden/${c.id}`}>{c.diarienummer ?? c.id}</Link>
            </th>
            <td>{c.organisationName}</td>
            <td>{c.stateLabel[lang]}</td>
            <td>
              <VerifyOne caseSummary={c} />
            </td>
            <td>
              <Link href={`/arenden/${c.id}/historik`}>{t.audit.history}</Link>
              {FORMATS.map((format) => (
                <ExportButton key={format} caseSummary={c} format={format} />
              ))}
            </td>
          </>
        )}
      />
    </section>
  );
}

function VerifyOne({ caseSummary }: { caseSummary: CaseSummary }) {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: async () => dataOf(await api.GET('/audit/cases/{id}/verify', { params: { path: { id: caseSummary.id } } })) });
  const name = caseSummary.diarienummer ?? caseSummary.id;
  return (
    <>
      <Button className="button small" onPress={() => verify.mutate()} isDisabled={verify.isPending} aria-label={t.audit.verifyNamed(name)}>
        {t.audit.verify}
      </Button>
      <span role="status">
        {verify.data &&
          (verify.data.intact ? (
            <span className="verdict ok">{t.audit.caseIntact(verify.data.events)}</span>
          ) : (
            <span className="verdict bad">
              {t.audit.firstBadRevision(verify.data.problem?.revision ?? '?')} — <span lang="en">{verify.data.problem?.what}</span>
            </span>
          ))}
      </span>
      {verify.isError && <ErrorMessage error={verify.error} />}
    </>
  );
}

function ExportButton({ caseSummary, format }: { caseSummary: CaseSummary; format: (typeof FORMATS)[number] }) {
  const { t } = useI18n();
  const name = caseSummary.diarienummer ?? caseSummary.id;
  const download = useMutation({
    mutationFn: async () => {
      const result = await api.GET('/audit/cases/{id}/export', { params: { path: { id: caseSummary.id }, query: { format } }, parseAs: 'blob' });
      saveBlob(dataOf(result) as Blob, `${name.replace(/[^\w-]+/g, '-')}.${format}`);
    },
  });
  return (
    <>
      {' '}
      <Button
        className="button small"
        onPress={() => download.mutate()}
        isDisabled={download.isPending}
        aria-label={t.audit.exportNamed(t.audit.formats[format], name)}
      >
        {t.audit.formats[format]}
      </Button>
      {download.isError && <ErrorMessage error={download.error} />}
    </>
  );
}
