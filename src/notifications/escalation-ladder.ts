import type { NotificationIntent, RecipientRole } from './notification-outbox.port';

const LADDER: readonly RecipientRole[] = ['officer', 'manager', 'boardSecretary'];
const DAY_MS = 86_400_000;

/**
 * officer → manager → board secretary: an unacknowledged reminder climbs one rung after the days
 * configured for the rung it is on (NOTIFY_ESCALATION_DAYS "3,3": three days each). Reminders to
 * someone not on the ladder (the organisation's contact) and other occasions do not escalate.
 */
export class EscalationLadder {
  constructor(private readonly days: readonly number[]) {}

  static parse(setting: string): EscalationLadder {
    return new EscalationLadder(
      setting
        .split(',')
        .filter((d) => d.trim() !== '')
        .map(Number),
    );
  }

  /** Who rung `rung` of this intent goes to; undefined above the top. */
  roleAt(intent: NotificationIntent, rung: number): RecipientRole | undefined {
    if (rung === 0) return intent.recipient;
    const start = this.start(intent);
    return start < 0 ? undefined : LADDER[start + rung];
  }

  /** When deliveries made at `from` on this rung escalate if nobody acknowledges; null: never. */
  escalateAt(intent: NotificationIntent, rung: number, from: Date): Date | null {
    const position = this.start(intent) + rung;
    if (this.start(intent) < 0 || position + 1 >= LADDER.length || position >= this.days.length) return null;
    return new Date(from.getTime() + this.days[position] * DAY_MS);
  }

  private start(intent: NotificationIntent): number {
    return intent.occasion === 'reminder' ? LADDER.indexOf(intent.recipient) : -1;
  }
}
