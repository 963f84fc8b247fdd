import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EscalationLadder } from './escalation-ladder';
import { deliveryId } from './notification-dispatcher';
import { NotificationDirectory } from './notification-directory';
import type { NotificationIntent } from './notification-outbox.port';
import { DEADLINE_KINDS } from '../deadlines/deadline-rules';
import { DEADLINE_LABELS, notificationText } from './notification-text';

const intent = (overrides: Partial<NotificationIntent> = {}): NotificationIntent => ({
  id: '0b6f3c1e-8a55-4c7e-9b0a-3d1f2e4c5a61',
  tenant: 'osteraker',
  caseId: '7f1c3a52-2f4e-4a8e-9d6b-0c2b1d7e9a10',
  deadline: {
    kind: 'appeal-window-ends',
    key: 'appeal-window-ends',
    date: '2024-03-25',
    rule: 'kl-13-5-appeal-window',
    explanation: { sv: 'anslaget 2024-03-04 + 3 veckor = 2024-03-25', en: '' },
  },
  occasion: 'reminder',
  daysBefore: 7,
  recipient: 'officer',
  case: { diarienummer: null, organisation: 'Kvinnojouren i Österåker', officer: null },
  firedAt: '2024-03-18T07:00:00.000Z',
  ...overrides,
});

describe('the escalation ladder', () => {
  const ladder = EscalationLadder.parse('3, 5');
  const from = new Date('2024-03-18T07:00:00.000Z');

  it('climbs officer → manager → board secretary after the days of each rung, and no further', () => {
    expect([0, 1, 2, 3].map((rung) => ladder.roleAt(intent(), rung))).toEqual(['officer', 'manager', 'boardSecretary', undefined]);
    expect(ladder.escalateAt(intent(), 0, from)).toEqual(new Date('2024-03-21T07:00:00.000Z'));
    expect(ladder.escalateAt(intent(), 1, from)).toEqual(new Date('2024-03-23T07:00:00.000Z'));
    expect(ladder.escalateAt(intent(), 2, from)).toBeNull();
  });

  it('starts where the reminder starts, and leaves other occasions and the organisation’s contact alone', () => {
    expect(ladder.roleAt(intent({ recipient: 'manager' }), 1)).toBe('boardSecretary');
    expect(ladder.escalateAt(intent({ recipient: 'manager' }), 0, from)).toEqual(new Date('2024-03-23T07:00:00.000Z'));
    expect(ladder.escalateAt(intent({ occasion: 'due' }), 0, from)).toBeNull();
    expect(ladder.escalateAt(intent({ recipient: 'organisationContact' }), 0, from)).toBeNull();
    expect(EscalationLadder.parse('3').escalateAt(intent(), 1, from)).toBeNull(); // one rung configured
  });
});

describe('delivery ids', () => {
  it('are the same for the same intent, rung, channel and address, and differ otherwise', () => {
    const id = deliveryId(intent().id, 0, 'email', 'a@example.se');
    expect(deliveryId(intent().id, 0, 'email', 'a@example.se')).toBe(id);
    expect(
      new Set([
        id,
        deliveryId(intent().id, 1, 'email', 'a@example.se'),
        deliveryId(intent().id, 0, 'webhook', 'a@example.se'),
        deliveryId(intent().id, 0, 'email', 'b@example.se'),
      ]).size,
    ).toBe(4);
  });
});

describe('the notification directory file', () => {
  const file = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'iop-dir-')), 'directory.json');
    writeFileSync(path, content);
    return path;
  };

  it("resolves the case's officer by id, else the role's addresses", () => {
    const directory = NotificationDirectory.fromFile(
      file(JSON.stringify({ tenants: { osteraker: { officers: { 'frida.larsson': 'frida@o.se' }, roles: { officer: { email: ['iop@o.se'] } } } } })),
    );
    expect(directory.emails('osteraker', 'officer', 'frida.larsson')).toEqual(['frida@o.se']);
    expect(directory.emails('osteraker', 'officer', 'someone.else')).toEqual(['iop@o.se']);
    expect(directory.emails('osteraker', 'manager')).toEqual([]);
    expect(directory.emails('linkoping', 'officer')).toEqual([]);
  });

  it('stops the start with a message naming what is wrong', () => {
    expect(() => NotificationDirectory.fromFile(file('{'))).toThrow(/cannot be read as JSON/);
    expect(() => NotificationDirectory.fromFile(file('{"tenants":{"x":{"roles":{"chief":{}}}}}'))).toThrow(/unknown role "chief"/);
    expect(() => NotificationDirectory.fromFile(file('{"tenants":{"x":{"roles":{"manager":{"webhooks":[{"url":"ftp://h","secret":"s"}]}}}}}'))).toThrow(
      /webhook url "ftp:\/\/h" is not http\(s\); x.manager: webhook secret must be "whsec_" \+ base64/,
    );
  });
});

describe('the Swedish text', () => {
  it('has a name for every kind of deadline the rules know', () => {
    expect(DEADLINE_KINDS.filter((kind) => !DEADLINE_LABELS[kind])).toEqual([]);
  });

  it('names an unregistered case as such, and says when a reminder was escalated', () => {
    const text = notificationText(intent(), { id: 'd-1', rung: 1, escalatedFrom: 'officer' }, 'https://iop.osteraker.se/');
    expect(text.subject).toBe('Påminnelse: Överklagandetiden går ut 2024-03-25 (om 7 dagar) – ej diariefört, Kvinnojouren i Österåker');
    expect(text.body.split('\n')[0]).toBe('Eskalerad: påminnelsen har inte kvitterats av handläggaren.');
    expect(text.link).toBe('https://iop.osteraker.se/cases/7f1c3a52-2f4e-4a8e-9d6b-0c2b1d7e9a10');
    expect(text.body).toContain('Kvittera påminnelsen: POST https://iop.osteraker.se/notifications/d-1/ack');
  });
});
