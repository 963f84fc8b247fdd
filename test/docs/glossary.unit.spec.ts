import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../../src/lifecycle/commands/command';
import { RECIPIENT_ROLES } from '../../src/notifications/notification-directory';

/** The glossary is one vocabulary only if the identifiers it names are the code's. */
describe('docs/GLOSSARY.md', () => {
  const glossary = readFileSync(join(__dirname, '../../docs/GLOSSARY.md'), 'utf8');
  const named = (kind: string) => [...glossary.matchAll(new RegExp(`${kind} \`([A-Za-z]+)\``, 'g'))].map((match) => match[1]);

  it('names every role by its identifier, and no role the code does not have', () => {
    expect(new Set(named('role'))).toEqual(new Set(ROLES));
  });

  it('names every notification recipient by its identifier, each with the role it is', () => {
    expect(new Set(named('recipient'))).toEqual(new Set(RECIPIENT_ROLES));
  });
});
