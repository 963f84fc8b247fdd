import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { api, ApiError, type ErrorBody } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { check, emptyDraft, toBody, type Draft } from './draft';
import { commandSchema, type OpenApiDocument } from './schema';
import { SchemaFields } from './SchemaFields';

interface Refusal {
  readonly stale?: boolean;
  readonly messages: string[];
  readonly fields: Record<string, string>;
}

type Violation = { rule: string; sv: string; en: string };
type FieldProblem = { field: string; messages: string[] };

/** What the service said, as the person should read it: the rule's message in their language, the field it concerns. */
function refusalOf(error: ApiError, lang: 'sv' | 'en'): Refusal {
  const body = error.body as (ErrorBody & { details?: { violations?: Violation[]; fields?: FieldProblem[] } }) | undefined;
  if (error.status === 412) return { stale: true, messages: [], fields: {} };
  const violations = body?.details?.violations ?? [];
  const fields = Object.fromEntries((body?.details?.fields ?? []).map((f) => [f.field, f.messages.join(' ')]));
  const messages = violations.length > 0 ? violations.map((v) => v[lang]) : Object.keys(fields).length > 0 ? [] : [body?.message ?? error.message];
  return { messages, fields };
}

/**
 * A case command as a form made from its request schema: checked in the browser with the
 * schema's own constraints, sent with If-Match (the revision on screen) and an Idempotency-Key
 * that stays the same until the command succeeds, so a double click or a retry writes once.
 */
export function CommandForm({ document, caseId, command, revision }: { document: OpenApiDocument; caseId: string; command: string; revision: string }) {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const schema = commandSchema(document, command);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(document, schema));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const reload = () => queries.invalidateQueries({ queryKey: ['case', caseId] });
  const submit = useMutation({
    mutationFn: async (body: unknown) => {
      const { response, error } = await api.POST(`/cases/{id}/commands/${command}` as '/cases/{id}/commands/record-final', {
        params: { path: { id: caseId } },
        body: body as never,
        headers: { 'If-Match': `"${revision}"`, 'Idempotency-Key': idempotencyKey.current },
      });
      if (!response.ok) throw new ApiError(response.status, error as ErrorBody);
    },
    onSuccess: () => {
      idempotencyKey.current = crypto.randomUUID();
      setRefusal(null);
      return reload();
    },
    onError: (error) => setRefusal(error instanceof ApiError ? refusalOf(error, lang) : { messages: [t.shell.error], fields: {} }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const fields = check(document, schema, draft, t);
    if (Object.keys(fields).length > 0) return setRefusal({ messages: [t.form.invalid], fields });
    submit.mutate(toBody(document, schema, draft));
  };
  const title = t.commands[command] ?? command;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="command-form">
      {refusal && (refusal.stale || refusal.messages.length > 0) && (
        <div role="alert" className="error-box">
          {refusal.stale ? (
            <>
              <p>{t.form.stale}</p>
              <Button className="button" onPress={reload}>
                {t.form.reload}
              </Button>
            </>
          ) : (
            <>
              <p>{t.form.refused}</p>
              <ul>
                {refusal.messages.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <SchemaFields document={document} schema={schema} path="" value={draft} onChange={setDraft} errors={refusal?.fields ?? {}} />
      <Button type="submit" className="button primary" isDisabled={submit.isPending}>
        {title}
      </Button>
    </form>
  );
}
