import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, FieldError, Form, Heading, Input, Label, Link, Modal, TextField } from 'react-aria-components';
import { api, dataOf } from '../api/client';
import { usePageTitle } from '../app/page';
import { ErrorMessage } from '../app/states';
import { formatDateTime } from '../i18n/format';
import { DataTable } from '../app/TableRegion';
import { Empty } from '../app/states';
import { useI18n } from '../i18n/i18n';

/** Administration (admins): a way to the municipality's reference data; erase a data subject's personal data, after saying what that does and asking again; preview a lifecycle change. */
export default function AdminPage() {
  const { t } = useI18n();
  usePageTitle(t.admin.title);
  return (
    <>
      <h1 tabIndex={-1}>{t.admin.title}</h1>
      <section aria-labelledby="reference-data-heading" className="panel">
        <h2 id="reference-data-heading">{t.admin.referenceData.heading}</h2>
        <p>{t.admin.referenceData.help}</p>
        <Link href="/referensdata">{t.admin.referenceData.link}</Link>
      </section>
      <Erasure />
      <MigrationPreview />
    </>
  );
}

function Erasure() {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: async () => dataOf(await api.POST('/data-subjects/erasures', { body: { email: email.trim() } })),
    onSettled: () => setConfirming(false),
  });
  return (
    <section aria-labelledby="erasure-heading" className="panel">
      <h2 id="erasure-heading">{t.admin.erasureHeading}</h2>
      <p>{t.admin.erasureHelp}</p>
      <Form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          erase.reset();
          setConfirming(true);
        }}
      >
        <TextField value={email} onChange={setEmail} type="email" isRequired className="field wide">
          <Label>{t.admin.email}</Label>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <Button type="submit" className="button">
          {t.admin.erase}
        </Button>
      </Form>
      <Modal className="modal" isOpen={confirming} onOpenChange={setConfirming} isDismissable>
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{t.admin.confirmTitle}</Heading>
          <p>{t.admin.confirmText(email.trim())}</p>
          <ul>
            {t.admin.consequences.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <Button className="button danger" onPress={() => erase.mutate()} isDisabled={erase.isPending}>
              {t.admin.confirm}
            </Button>
            <Button className="button" onPress={() => setConfirming(false)} autoFocus>
              {t.common.cancel}
            </Button>
          </div>
        </Dialog>
      </Modal>
      {erase.isError && <ErrorMessage error={erase.error} />}
      {erase.data && (
        <p role="status" className="verdict ok">
          {t.admin.erased(formatDateTime(erase.data.erasedAt, lang), erase.data.subjectId)}
        </p>
      )}
    </section>
  );
}

/** The machine-migration preview: what would become of the tenant's live cases under a version of the lifecycle this build has. */
function MigrationPreview() {
  const { t } = useI18n();
  const [version, setVersion] = useState('1');
  const preview = useMutation({
    mutationFn: async () => dataOf(await api.GET('/machine-migrations/preview', { params: { query: { version: Number(version) } } })),
  });
  return (
    <section aria-labelledby="preview-heading" className="panel">
      <h2 id="preview-heading">{t.admin.previewHeading}</h2>
      <p>{t.admin.previewHelp}</p>
      <Form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          preview.mutate();
        }}
      >
        <TextField
          value={version}
          onChange={setVersion}
          isRequired
          className="field"
          validate={(v) => (/^[1-9]\d*$/.test(v) ? undefined : t.checks.wholeNumber)}
        >
          <Label>{t.admin.version}</Label>
          <Input inputMode="numeric" />
          <FieldError className="field-error" />
        </TextField>
        <Button type="submit" className="button primary" isDisabled={preview.isPending}>
          {t.admin.preview}
        </Button>
      </Form>
      {preview.isError && <ErrorMessage error={preview.error} />}
      {preview.data && (
        <div role="status" data-testid="preview-result">
          <p>{t.admin.previewSummary(preview.data.summary)}</p>
          {preview.data.cases.length === 0 ? (
            <Empty text={t.admin.noLiveCases} />
          ) : (
            <DataTable
              label={t.admin.previewHeading}
              headers={[t.columns.diarienummer, t.admin.outcome, t.admin.now, t.admin.candidate]}
              items={preview.data.cases}
              rowKey={(c) => c.caseId}
              row={(c) => (
                <>
                  <th scope="row">{c.diarienummer ?? c.caseId}</th>
                  <td>
                    {t.admin.outcomes[c.outcome as keyof typeof t.admin.outcomes]}
                    {c.refused && <> ({t.admin.refusedAt(c.refused.revision, c.refused.eventType)})</>}
                  </td>
                  <td>{c.now.join(', ')}</td>
                  <td>{c.candidate.join(', ')}</td>
                </>
              )}
            />
          )}
        </div>
      )}
    </section>
  );
}
