import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, Link, Text, TextField } from 'react-aria-components';
import { useLocation } from 'wouter';
import { api, type Schemas } from '../api/client';
import { saveAnswer } from '../api/download';
import { useAuth } from '../auth/auth';
import { ErrorMessage, Empty } from '../app/states';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Entry = Schemas['HistoryEntryDto'];
const FORMATS = ['jsonl', 'csv', 'html'] as const;

/** Historik: who did what, in which role, when, and how the stage changed; filterable; each step opens the case as it was. */
export function History({ caseId, entries }: { caseId: string; entries: Entry[] }) {
  const { t, lang } = useI18n();
  const [type, setType] = useState('');
  const [person, setPerson] = useState('');
  const types = [...new Set(entries.map((e) => e.type))];
  const people = [...new Map(entries.map((e) => [e.actor.id, e.actor.name])).entries()];
  const shown = entries.filter((e) => (!type || e.type === type) && (!person || e.actor.id === person));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t.history.title}</h2>
      <AsOfForm caseId={caseId} />
      <div className="filters-row">
        <div className="field">
          <label htmlFor="history-type">{t.history.filterLabel}</label>
          <select id="history-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t.history.allEvents}</option>
            {types.map((value) => (
              <option key={value} value={value}>
                {t.events[value] ?? value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-person">{t.history.personLabel}</label>
          <select id="history-person" value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{t.history.allPeople}</option>
            {people.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 && <Empty text={t.history.empty} />}
      <ol className="timeline">
        {shown.map((entry) => (
          <li key={entry.revision} className="timeline-entry">
            <p>
              <time dateTime={entry.recordedAt}>{formatDateTime(entry.recordedAt, lang)}</time> – <strong>{t.events[entry.type] ?? entry.type}</strong>
            </p>
            <p>{t.history.entry(entry.actor.name, t.roles[entry.actor.role as keyof typeof t.roles] ?? entry.actor.role)}</p>
            <p className="muted">
              {entry.stateBefore.label[lang] === entry.stateAfter.label[lang]
                ? t.history.sameStage(entry.stateAfter.label[lang])
                : t.history.stageChange(entry.stateBefore.label[lang], entry.stateAfter.label[lang])}
            </p>
            <Link href={`/arenden/${caseId}?version=${entry.revision}`}>{t.history.asItWas}</Link>
          </li>
        ))}
      </ol>
      <Export caseId={caseId} />
    </section>
  );
}

function AsOfForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [date, setDate] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
    setInvalid(!valid);
    if (valid) navigate(`/arenden/${caseId}?datum=${date}`);
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <TextField value={date} onChange={setDate} isInvalid={invalid} className="field">
        <Label>{t.history.asOfLabel}</Label>
        <Input />
        <Text slot="description" className="help">
          {t.history.asOfHelp}
        </Text>
        <FieldError className="field-error">{t.form.errors.date}</FieldError>
      </TextField>
      <Button type="submit" className="button">
        {t.history.show}
      </Button>
    </form>
  );
}

/** The export for the record, downloaded with the person's token (auditors and administrators). */
function Export({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const auth = useAuth();
  const download = useMutation({
    mutationFn: async (format: (typeof FORMATS)[number]) => {
      const { data, response } = await api.GET('/audit/cases/{id}/export', { params: { path: { id: caseId }, query: { format } }, parseAs: 'blob' });
      saveAnswer(data, response, `arende-${caseId}.${format}`);
    },
  });
  if (!auth.has('auditor', 'admin')) return null;
  return (
    <section aria-labelledby="export-heading" className="panel">
      <h3 id="export-heading">{t.history.export}</h3>
      <p className="muted">{t.history.exportHelp}</p>
      <div className="button-row">
        {FORMATS.map((format) => (
          <Button key={format} className="button" onPress={() => download.mutate(format)}>
            {`${t.history.export}: ${t.history.exportFormats[format]}`}
          </Button>
        ))}
      </div>
      {download.isError && <ErrorMessage error={download.error} />}
    </section>
  );
}
