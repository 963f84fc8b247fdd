import type { CaseFacts } from '../../lifecycle';
import type { DocumentContent } from '../pdf-writer';
import { fundingRows } from '../funding';
import { head, known } from './common';

/**
 * The administration's proposal (as Österåker's): to the body, ärendet and sammanfattning, the
 * decision points in order, financing, attachments, and the director who signed it.
 */
export function tjansteutlatande(facts: CaseFacts): DocumentContent {
  const proposal = known(facts.proposal, 'a proposal');
  const terms = known(facts.terms, 'the terms');
  const municipality = known(facts.municipality, 'the municipality');
  const organisation = known(facts.organisation, 'the organisation');
  const to = facts.meeting?.body.name ?? facts.diarienummer?.split(' ')[0];
  return {
    title: proposal.title,
    head: head(facts, proposal.draftedOn),
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Tjänsteutlåtande', `${municipality.name}, version ${proposal.revision}`],
          ...(to ? [['Till', to] as [string, string]] : []),
          ...(facts.officer ? [['Handläggare', facts.officer.name] as [string, string]] : []),
        ],
      },
      { kind: 'heading', text: 'Ärendet' },
      {
        kind: 'paragraph',
        text: `${organisation.name} (organisationsnummer ${organisation.organisationNumber}) ansökte den ${known(facts.receivedOn, 'the date received')} om att ingå ett idéburet offentligt partnerskap med ${municipality.name} (organisationsnummer ${municipality.organisationNumber}). Syfte: ${known(facts.purpose, 'the purpose')}.`,
      },
      { kind: 'heading', text: 'Sammanfattning' },
      { kind: 'paragraph', text: proposal.summary },
      ...(facts.targetGroups.length > 0 ? [{ kind: 'heading', text: 'Målgrupper' } as const, { kind: 'bullets', items: facts.targetGroups } as const] : []),
      ...(facts.activities.length > 0 ? [{ kind: 'heading', text: 'Verksamhet' } as const, { kind: 'bullets', items: facts.activities } as const] : []),
      { kind: 'heading', text: 'Förslag till beslut' },
      { kind: 'numbered', items: proposal.decisionPoints },
      { kind: 'heading', text: 'Finansiering' },
      { kind: 'paragraph', text: proposal.financing },
      { kind: 'fields', rows: [['Period', `${terms.period.start} – ${terms.period.end}`], ...fundingRows(terms)] },
      ...(terms.exclusions.length > 0 ? [{ kind: 'heading', text: 'Omfattas inte' } as const, { kind: 'bullets', items: terms.exclusions } as const] : []),
      { kind: 'heading', text: 'Beslutsunderlag och bilagor' },
      { kind: 'bullets', items: [`Tjänsteutlåtande ${proposal.draftedOn}`, ...proposal.attachments] },
      {
        kind: 'signatures',
        parties: [
          {
            heading: 'Undertecknat',
            lines: proposal.signedBy
              ? [proposal.signedBy.name, proposal.signedBy.title, `Datum ${known(proposal.signedOn, 'the signing date')}`]
              : ['Ej undertecknat'],
          },
        ],
      },
    ],
  };
}
