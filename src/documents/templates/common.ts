import type { CaseFacts, IsoDate, Party } from '../../lifecycle';
import type { Block } from '../pdf-writer';

/** Facts a template needs that the state it is made in guarantees; a missing one is a bug in the kind's `reached`. */
export function known<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`A document needs ${what}, which the case does not have yet`);
  return value;
}

export const diarienummerOf = (facts: CaseFacts): string => known(facts.diarienummer, 'a diarienummer');

/** "Datum 2023-08-10", "Dnr KS 2023/01692": the head of every document, as in the seeds. */
export function head(facts: CaseFacts, date: IsoDate): [string, string][] {
  return [
    ['Datum', date],
    ['Dnr', diarienummerOf(facts)],
  ];
}

export const partyText = (party: Party): string => `${party.name}, organisationsnummer ${party.organisationNumber}`;

/** The two parties with their organisationsnummer, the way the agreement and the kvittens name them. */
export function partiesBlock(facts: CaseFacts): Block {
  return {
    kind: 'fields',
    rows: [
      ['Offentlig sektor', partyText(known(facts.municipality, 'the municipality'))],
      ['Idéburen sektor', partyText(known(facts.organisation, 'the organisation'))],
    ],
  };
}
