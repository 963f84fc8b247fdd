import ical, { type ICalCalendar, type ICalEventData } from 'ical-generator';
import { addDays } from '../../calendar';
import type { CaseDeadlineRow } from '../views/list-deadlines/deadline-rows';

export interface FeedOptions {
  name: string;
  baseUrl: string;
  host: string;
  stamp: Date;
}

const utcMidnight = (date: string): Date => new Date(`${date}T00:00:00Z`);
const CLOSING = 'END:VCALENDAR';

/**
 * The deadlines as an iCalendar document, written a page at a time so that a large feed never
 * sits whole in memory nor holds the event loop: the calendar's opening lines, each page's
 * events, the closing line. One all-day VEVENT per deadline (DTSTART;VALUE=DATE, the Stockholm
 * date, with no time zone to shift it), summary in Swedish with the diarienummer and
 * organisation, the explanation as description, and a link to the case. The UID is stable per
 * case and deadline, so a calendar app updates a moved deadline instead of adding another.
 */
export async function* icalFeed(pages: AsyncIterable<readonly CaseDeadlineRow[]>, options: FeedOptions): AsyncGenerator<string> {
  const calendar = ical({ name: options.name, prodId: { company: 'iop-engine', product: 'deadlines', language: 'SV' } });
  // ical-generator renders a whole calendar; its empty one is the envelope the pages go into.
  const envelope = calendar.toString();
  const closingAt = envelope.lastIndexOf(CLOSING);
  yield envelope.slice(0, closingAt);
  for await (const page of pages) yield eventsOf(calendar, page, options);
  yield envelope.slice(closingAt);
}

/** One page's VEVENTs, folded as the whole calendar would fold them. */
function eventsOf(calendar: ICalCalendar, page: readonly CaseDeadlineRow[], options: FeedOptions): string {
  const events = page.map((deadline) => calendar.createEvent(eventData(deadline, options)));
  calendar.clear();
  return events
    .map((event) => event.toString())
    .join('')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');
}

/** The longest a line (or a continuation after its leading space) may be, in UTF-8 octets: RFC 5545 §3.1 says 75. */
const LINE_OCTETS = 74;

/**
 * Folds one content line as ical-generator's `foldLines` does (a break before the character that
 * would take it past 74 octets), in linear time: the library's encodes every character with a new
 * TextEncoder and grows the result by concatenation, ½ ms per event, which held the event loop for
 * minutes on a large feed.
 */
export function foldLine(line: string): string {
  if (line.length <= LINE_OCTETS / 4 || Buffer.byteLength(line) <= LINE_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length;) {
    const codePoint = line.codePointAt(i)!;
    const width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (octets + width > LINE_OCTETS) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += width;
    i += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

function eventData(d: CaseDeadlineRow, options: FeedOptions): ICalEventData {
  const about = [d.diarienummer, d.organisationName].filter(Boolean).join(', ');
  return {
    id: `${d.caseId}/${d.key}@${options.host}`,
    stamp: options.stamp,
    allDay: true,
    start: utcMidnight(d.date),
    end: utcMidnight(addDays(d.date, 1)),
    summary: about ? `${d.label} – ${about}` : d.label,
    description: `${d.explanation.sv}${d.status === 'met' ? ' (klar)' : ''}`,
    url: `${options.baseUrl.replace(/\/$/, '')}/cases/${d.caseId}`,
  };
}
