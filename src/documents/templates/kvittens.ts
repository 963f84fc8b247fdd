import type { CaseFacts } from '../../lifecycle';
import type { DocumentContent } from '../pdf-writer';
import { diarienummerOf, head, known, partiesBlock } from './common';

/** To the organisation on registration: its application came in, its diarienummer, what happens next and when. */
export function kvittens(facts: CaseFacts): DocumentContent {
  const registeredOn = known(facts.registeredOn, 'the registration date');
  const municipality = known(facts.municipality, 'the municipality').name;
  const organisation = known(facts.organisation, 'the organisation').name;
  const period = known(facts.terms, 'the requested terms').period;
  return {
    title: 'Kvittens – ansökan om idéburet offentligt partnerskap (IOP)',
    head: head(facts, registeredOn),
    blocks: [
      { kind: 'paragraph', text: `Till ${organisation}` },
      partiesBlock(facts),
      {
        kind: 'fields',
        rows: [
          ['Ansökan inkom', known(facts.receivedOn, 'the date received')],
          ['Registrerad', registeredOn],
          ['Diarienummer', diarienummerOf(facts)],
          ['Syfte', known(facts.purpose, 'the purpose')],
          ['Sökt period', `${period.start} – ${period.end}`],
        ],
      },
      {
        kind: 'paragraph',
        text: `${municipality} har tagit emot er ansökan och registrerat den i diariet. Ange diarienumret när ni kontaktar oss om ärendet. Ansökan är en allmän handling.`,
      },
      { kind: 'heading', text: 'Vad händer nu' },
      {
        kind: 'numbered',
        items: [
          'En handläggare utses och bereder ärendet: förvaltningen skriver ett tjänsteutlåtande med förslag till beslut.',
          'Ärendet tas upp i den nämnd som beslutar. När protokollet är justerat och anslaget kan beslutet överklagas i tre veckor.',
          `När beslutet vunnit laga kraft undertecknar parterna överenskommelsen, i god tid före den sökta periodens början ${period.start}.`,
        ],
      },
    ],
  };
}
