import type { RecordedEvent } from '../../event-store/event-store.port';
import type { CaseFacts } from '../../lifecycle';
import { PERSONAL_FIELDS } from '../../personal-data/personal-fields';
import type { CaseHistoryDto, HistoryEntryDto } from '../case-history/case-history.dto';
import type { CaseVerdict } from '../verify/case-verdict';

/** Everything an export holds: the case now, its whole history, and whether it verifies. */
export interface CaseRecord {
  readonly tenant: string;
  readonly facts: CaseFacts;
  /** The events as stored: what the hash chain covers. */
  readonly events: readonly RecordedEvent[];
  readonly history: CaseHistoryDto;
  readonly verdict: CaseVerdict;
  readonly exportedAt: string;
}

export const EXPORT_FORMATS = ['jsonl', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * One JSON object per line, one line per event as stored (with everything its hash covers, so the
 * chain can be recomputed with any RFC 8785 implementation), then the verification: for programs.
 * Personal data is sealed in the stored events; the last line also gives it opened (or
 * `[raderad]`), by revision, when the case holds any.
 */
export function toJsonLines({ events, history, verdict }: CaseRecord): string {
  const lines = events.map(({ stream, revision, id, type, data, metadata, hash }) =>
    JSON.stringify({ tenant: stream.tenant, stream: stream.id, revision: revision.toString(), id, type, data, metadata, hash }),
  );
  const personalData = personalDataOf(history);
  return [...lines, JSON.stringify({ caseId: history.caseId, verification: verdict, ...(personalData.length > 0 && { personalData }) })].join('\n') + '\n';
}

/** The personal objects in a case's history, as readers see them. */
function personalDataOf(history: CaseHistoryDto): { revision: string; field: string; value: unknown }[] {
  return history.events.flatMap(({ revision, type, payload }) =>
    (PERSONAL_FIELDS[type as keyof typeof PERSONAL_FIELDS] ?? [])
      .filter(({ key }) => payload[key])
      .map(({ key }) => ({ revision, field: key, value: payload[key] })),
  );
}

const CSV_COLUMNS = ['revision', 'recordedAt', 'type', 'actorName', 'actorRole', 'stateBefore', 'stateAfter', 'payload', 'hash'] as const;

/** A row per event, for spreadsheets (RFC 4180; Swedish state labels). */
export function toCsv({ history }: CaseRecord): string {
  const rows = history.events.map((e) => [
    e.revision,
    e.recordedAt,
    e.type,
    e.actor.name,
    e.actor.role,
    e.stateBefore.label.sv,
    e.stateAfter.label.sv,
    JSON.stringify(e.payload),
    e.hash,
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One RFC 4180 field. A value a spreadsheet would read as a formula (starting with =, +, -, @, a tab
 * or a carriage return; an actor's name comes from a token) is prefixed with a single quote and
 * quoted, as OWASP's CSV injection advice says, so that it shows as the text it is.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /^'|[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A printable report for people: summary, timeline, signatures, verification with the hashes. */
export function toHtml({ tenant, facts, history, verdict, exportedAt }: CaseRecord): string {
  const title = `${facts.diarienummer ?? history.caseId} – ${facts.organisation?.name ?? ''}`;
  const signature = (party: 'municipality' | 'organisation') => {
    const s = facts.signatures[party];
    return s ? `${s.signatory.name}, ${s.signatory.title} (${s.organisationNumber}), ${s.signedOn}` : 'ej undertecknad';
  };
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;text-align:left;vertical-align:top}code{font-size:11px;word-break:break-all}@media print{a{color:inherit}}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>Kommun: ${esc(tenant)} · Ärende: ${esc(history.caseId)} · Utskrivet ${esc(exportedAt)}</p>
<h2>Sammanfattning</h2>
<table>
<tr><th>Organisation</th><td>${esc(facts.organisation ? `${facts.organisation.name} (${facts.organisation.organisationNumber})` : '')}</td></tr>
<tr><th>Kontaktperson</th><td>${esc(facts.contactPerson ? [facts.contactPerson.name, facts.contactPerson.email, facts.contactPerson.phone].filter(Boolean).join(', ') : '')}</td></tr>
<tr><th>Syfte</th><td>${esc(facts.purpose ?? '')}</td></tr>
<tr><th>Avtalsperiod</th><td>${esc(facts.terms ? `${facts.terms.period.start} – ${facts.terms.period.end}, uppsägningstid ${facts.terms.noticeMonths} månader` : '')}</td></tr>
<tr><th>Läge</th><td>${esc(history.events.at(-1)?.stateAfter.label.sv ?? '')}</td></tr>
</table>
<h2>Underskrifter</h2>
<table><tr><th>Kommunen</th><td>${esc(signature('municipality'))}</td></tr><tr><th>Organisationen</th><td>${esc(signature('organisation'))}</td></tr></table>
<h2>Händelser</h2>
<table><tr><th>#</th><th>Tid</th><th>Händelse</th><th>Av</th><th>Läge efter</th><th>Hash</th></tr>
${history.events.map(row).join('\n')}
</table>
<h2>Verifiering</h2>
<p>${verdict.intact ? `Intakt: ${verdict.events} händelser, hashkedjan och varje övergång stämmer.` : `<strong>Stämmer inte</strong> från revision ${esc(verdict.problem?.revision ?? '')}: ${esc(verdict.problem?.what ?? '')}`}</p>
</body></html>
`;
}

function row(e: HistoryEntryDto): string {
  return `<tr><td>${esc(e.revision)}</td><td>${esc(e.recordedAt)}</td><td>${esc(e.type)}</td><td>${esc(`${e.actor.name} (${e.actor.role})`)}</td><td>${esc(e.stateAfter.label.sv)}</td><td><code>${esc(e.hash)}</code></td></tr>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
