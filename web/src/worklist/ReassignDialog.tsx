import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Input, Label, Modal, TextField } from 'react-aria-components';
import { api, dataOf } from '../api/client';
import { ErrorMessage } from '../app/states';
import { useT } from '../i18n/i18n';
import { todayInStockholm } from '../i18n/format';

interface Props {
  readonly caseId: string;
  readonly diarienummer: string | null;
  readonly revision: string;
}

/** Reassigns a case to another official: the assign-officer command, with the revision shown as If-Match and one Idempotency-Key per dialog. */
export function ReassignDialog({ caseId, diarienummer, revision }: Props) {
  const t = useT();
  return (
    <DialogTrigger>
      <Button className="button">{t.worklist.reassign}</Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">{({ close }) => <ReassignForm caseId={caseId} diarienummer={diarienummer} revision={revision} close={close} />}</Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function ReassignForm({ caseId, diarienummer, revision, close }: Props & { close: () => void }) {
  const t = useT();
  const queries = useQueryClient();
  const [officerId, setOfficerId] = useState('');
  const [officerName, setOfficerName] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const assign = useMutation({
    mutationFn: async () =>
      dataOf(
        await api.POST('/cases/{id}/commands/assign-officer', {
          params: { path: { id: caseId }, header: { 'If-Match': `"${revision}"`, 'Idempotency-Key': key } },
          body: { officer: { id: officerId.trim(), name: officerName.trim() }, assignedOn: todayInStockholm() },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries();
      close();
    },
  });
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate();
      }}
    >
      <Heading slot="title">{t.worklist.reassignTitle(diarienummer ?? caseId)}</Heading>
      <TextField value={officerId} onChange={setOfficerId} isRequired className="field" autoFocus>
        <Label>{t.worklist.officerId}</Label>
        <Input />
      </TextField>
      <TextField value={officerName} onChange={setOfficerName} isRequired className="field">
        <Label>{t.worklist.officerName}</Label>
        <Input />
      </TextField>
      {assign.isError && <ErrorMessage error={assign.error} />}
      <div className="dialog-actions">
        <Button type="submit" className="button primary" isDisabled={assign.isPending}>
          {t.worklist.reassignSubmit}
        </Button>
        <Button className="button" onPress={close}>
          {t.common.cancel}
        </Button>
      </div>
    </Form>
  );
}
