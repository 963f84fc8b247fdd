import type { DirectoryData } from './notification-directory';

/**
 * Who the demo tenants' notifications go to when no NOTIFICATION_DIRECTORY_FILE is given: the
 * people of the demo cases, at addresses under example.se (a domain that receives nothing).
 */
export const DEMO_NOTIFICATION_DIRECTORY: DirectoryData = {
  tenants: {
    linkoping: {
      officers: { 'john.fristedt': 'john.fristedt@linkoping.example.se' },
      roles: {
        officer: { email: ['iop@linkoping.example.se'] },
        manager: { email: ['linda.ljungqvist@linkoping.example.se'] },
        boardSecretary: { email: ['namndsekreterare@linkoping.example.se'] },
      },
    },
    robertsfors: {
      officers: { 'jhonas.nilsson': 'jhonas.nilsson@robertsfors.example.se' },
      roles: {
        officer: { email: ['iop@robertsfors.example.se'] },
        manager: { email: ['socialchef@robertsfors.example.se'] },
        boardSecretary: { email: ['kommunstyrelsen@robertsfors.example.se'] },
      },
    },
    osteraker: {
      officers: {
        'frida.larsson': 'frida.larsson@osteraker.example.se',
        'katja.heljasvaara': 'katja.heljasvaara@osteraker.example.se',
      },
      roles: {
        officer: { email: ['iop@osteraker.example.se'] },
        manager: { email: ['staffan.erlandsson@osteraker.example.se'] },
        boardSecretary: { email: ['namndsekreterare@osteraker.example.se'] },
      },
    },
  },
};
