import type { CommandDefinition, Recorded } from './command';
import { inOrder, notInFuture } from './rules';

export type AssignOfficerPayload = Recorded<'OfficerAssigned'>;

/** Assigning (or reassigning) the case officer (handläggare); possible until the case closes. */
export const assignOfficer: CommandDefinition<'OfficerAssigned', AssignOfficerPayload> = {
  event: 'OfficerAssigned',
  roles: ['registrator', 'chef'],
  rules: [
    inOrder(
      'ASSIGNED_BEFORE_REGISTERED',
      (f, d) => ({ earlier: f.registeredOn, later: d.assignedOn }),
      (e, l) => `Handläggaren kan inte tilldelas (${l}) före registreringen (${e}).`,
      (e, l) => `An officer cannot be assigned (${l}) before the case was registered (${e}).`,
    ),
    notInFuture((d) => d.assignedOn),
  ],
};
