import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, FieldError, Form, Heading, Input, Label, Modal, TextField } from 'react-aria-components';
import { api, dataOf } from '../api/client';
import { usePageTitle } from '../app/page';
import { ErrorMessage } from '../app/states';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** Administration (admins): erase a data subject's personal data, after saying what that does and asking again. */
export default function AdminPage() {
  const { t } = useI18n();
  usePageTitle(t.admin.title);
  return (
    <>
      <h1 tabIndex={-1}>{t.admin.title}</h1>
      <Erasure />
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
            <Button className="button danger" onPress={() => erase.mutate()} isPending={erase.isPending}>
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
