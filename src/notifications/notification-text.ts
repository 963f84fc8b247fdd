import type { NotificationIntent, RecipientRole } from './notification-outbox.port';

/** What each kind of deadline is called in a notification (a unit test holds it to the deadline rules' kinds). */
export const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  registration: 'Registrering av ansökan',
  'protocol-justering': 'Justering av protokollet',
  posting: 'Anslag av det justerade protokollet',
  'appeal-window-ends': 'Överklagandetiden går ut',
  'decision-final': 'Beslutet vinner laga kraft',
  'signing-pending': 'Överenskommelsen är ännu inte undertecknad',
  'yearly-payment': 'Årets utbetalning',
  'payment-adjustment': 'Justering av utbetalning efter reviderat index',
  'follow-up-meeting': 'Samverkansmöte',
  'annual-report': 'Årsrapport',
  evaluation: 'Utvärdering',
  'report-back': 'Återrapport till nämnden',
  'last-day-to-give-notice': 'Sista dag att säga upp överenskommelsen',
  'renewal-reminder': 'Dags att besluta om förlängning',
  'notice-takes-effect': 'Uppsägningen får verkan',
  'period-ends': 'Avtalsperioden löper ut',
};

export const ROLE_NAMES: Record<RecipientRole, string> = {
  officer: 'handläggaren',
  manager: 'chefen',
  boardSecretary: 'nämndsekreteraren',
  organisationContact: 'organisationens kontaktperson',
};

export interface NotificationText {
  readonly subject: string;
  readonly body: string;
  readonly link: string;
}

/** The Swedish text of one delivery: the same words in the email and in the webhook's payload. */
export function notificationText(
  intent: NotificationIntent,
  delivery: { id: string; rung: number; escalatedFrom?: RecipientRole },
  baseUrl: string,
): NotificationText {
  const { deadline } = intent;
  const label = DEADLINE_LABELS[deadline.kind] ?? deadline.kind;
  const diarienummer = intent.case.diarienummer ?? 'ej diariefört';
  const link = `${baseUrl.replace(/\/$/, '')}/cases/${intent.caseId}`;
  const what = {
    reminder: `Påminnelse: ${label} ${deadline.date} (om ${intent.daysBefore} dagar)`,
    due: `I dag: ${label} ${deadline.date}`,
    acted: `Genomfört: ${label} ${deadline.date}`,
  }[intent.occasion];
  const lines = [
    delivery.escalatedFrom ? `Eskalerad: påminnelsen har inte kvitterats av ${ROLE_NAMES[delivery.escalatedFrom]}.\n` : null,
    {
      reminder: `Om ${intent.daysBefore} dagar, ${deadline.date}, infaller: ${label}.`,
      due: `I dag, ${deadline.date}, infaller: ${label}.`,
      acted: `${label} (${deadline.date}) har nu registrerats i ärendet.`,
    }[intent.occasion],
    '',
    `Ärende: ${diarienummer}`,
    `Organisation: ${intent.case.organisation}`,
    intent.case.officer ? `Handläggare: ${intent.case.officer.name}` : null,
    `Datum: ${deadline.date}`,
    `Så har datumet räknats fram: ${deadline.explanation.sv}`,
    '',
    `Ärendet: ${link}`,
    `Kvittera påminnelsen: POST ${baseUrl.replace(/\/$/, '')}/notifications/${delivery.id}/ack`,
  ];
  return { subject: `${what} – ${diarienummer}, ${intent.case.organisation}`, body: lines.filter((l) => l !== null).join('\n'), link };
}
