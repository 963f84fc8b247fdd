import ical from 'ical-generator';
import { addDays } from '../../calendar';
import type { CaseDeadlineRow } from '../views/list-deadlines/deadline-rows';

const utcMidnight = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * The deadlines as an iCalendar document: one all-day VEVENT each (DTSTART;VALUE=DATE, the
 * Stockholm date, with no time zone to shift it), summary in Swedish with the diarienummer and
 * organisation, the explanation as description, and a link to the case. The UID is stable per
 * case and deadline, so a calendar app updates a moved deadline instead of adding another.
 */
export function icalFeed(deadlines: readonly CaseDeadlineRow[], options: { name: string; baseUrl: string; host: string; stamp: Date }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'iop-engine', product: 'deadlines', language: 'SV' } });
  for (const d of deadlines) {
    const about = [d.diarienummer, d.organisationName].filter(Boolean).join(', ');
    calendar.createEvent({
      id: `${d.caseId}/${d.key}@${options.host}`,
      stamp: options.stamp,
      allDay: true,
      start: utcMidnight(d.date),
      end: utcMidnight(addDays(d.date, 1)),
      summary: about ? `${d.label} – ${about}` : d.label,
      description: `${d.explanation.sv}${d.status === 'met' ? ' (klar)' : ''}`,
      url: `${options.baseUrl.replace(/\/$/, '')}/cases/${d.caseId}`,
    });
  }
  return calendar.toString();
}
