import { present } from '../case.facts';
import type { CommandDefinition, NoPayload } from './command';
import { afterLastDayInForce, notBeforeDate, rule, since, unless, until } from './rules';

export type RecordExpiryPayload = NoPayload;

const EXPIRY = { sv: 'Utgången', en: 'The expiry' };

/**
 * The agreement ends with its period, unless it is under notice (then it ends by termination). It
 * is in force up to and including the period's last day; expiry is recorded from the day after
 * (machine v2; v1 took it on the last day itself).
 */
export const recordExpiry: CommandDefinition<'AgreementExpired', RecordExpiryPayload> = {
  event: 'AgreementExpired',
  roles: ['handlaggare'],
  rules: [
    until(
      1,
      notBeforeDate('PERIOD_NOT_ENDED', EXPIRY, (_, d) => d.expiredOn),
    ),
    since(
      2,
      afterLastDayInForce(EXPIRY, (_, d) => d.expiredOn),
    ),
    rule('NOTICE_PENDING', (f) =>
      unless(f.notice === null, 'Överenskommelsen är uppsagd och upphör genom uppsägningen.', 'The agreement is under notice: it ends by termination.'),
    ),
  ],
  record: (_, facts) => ({ expiredOn: present(facts.terms).period.end }),
};
