import type { CommandDefinition, Recorded } from './command';
import { notBeforeReceived, notInFuture } from './rules';

/** The diarienummer comes from the body's diarium series (the API allocates it). */
export type RegisterPayload = Recorded<'CaseRegistered'>;

export const register: CommandDefinition<'CaseRegistered', RegisterPayload> = {
  event: 'CaseRegistered',
  roles: ['registrator'],
  rules: [notBeforeReceived((d) => d.registeredOn), notInFuture((d) => d.registeredOn)],
};
