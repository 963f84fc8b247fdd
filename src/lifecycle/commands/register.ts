import { issuing, type CommandDefinition, type IssuingPayload } from './command';
import { notBeforeReceived, notInFuture } from './rules';

/** The diarienummer comes from the body's diarium series (the API allocates it). */
export type RegisterPayload = IssuingPayload<'CaseRegistered'>;

export const register: CommandDefinition<'CaseRegistered', RegisterPayload> = {
  event: 'CaseRegistered',
  roles: ['registrator'],
  rules: [notBeforeReceived((d) => d.registeredOn), notInFuture((d) => d.registeredOn)],
  record: issuing,
};
