import { present } from '../case.facts';
import type { CommandDefinition, NoPayload } from './command';
import { notBeforeDate, rule, unless } from './rules';

export type RecordExpiryPayload = NoPayload;

/** The agreement ends with its period, unless it is under notice (then it ends by termination). */
export const recordExpiry: CommandDefinition<'AgreementExpired', RecordExpiryPayload> = {
  event: 'AgreementExpired',
  roles: ['handlaggare'],
  rules: [
    notBeforeDate('PERIOD_NOT_ENDED', { sv: 'Utgången', en: 'The expiry' }, (_, d) => d.expiredOn),
    rule('NOTICE_PENDING', (f) =>
      unless(f.notice === null, 'Överenskommelsen är uppsagd och upphör genom uppsägningen.', 'The agreement is under notice: it ends by termination.'),
    ),
  ],
  record: (_, facts) => ({ expiredOn: present(facts.terms).period.end }),
};
