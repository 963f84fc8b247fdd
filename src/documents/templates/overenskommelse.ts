import type { CaseFacts } from '../../lifecycle';
import type { DocumentContent } from '../pdf-writer';
import { fundingRows, paymentPlanItems } from '../funding';
import { head, known, partiesBlock } from './common';

/** The day the agreement is dated: when the decision became final, before that the proposal's day. */
export const agreementDate = (facts: CaseFacts) => facts.finalOn ?? known(facts.proposal, 'a proposal').draftedOn;

/**
 * The agreement from the approved terms (as Linköping's): parties, purpose, period, money,
 * follow-up, notice, termination and repayment, and a signature block per party. It reads no
 * signature, so both parties sign the very same bytes.
 */
export function overenskommelse(facts: CaseFacts): DocumentContent {
  const terms = known(facts.terms, 'the terms');
  const municipality = known(facts.municipality, 'the municipality');
  const organisation = known(facts.organisation, 'the organisation');
  const { start, end } = terms.period;
  return {
    title: `Idéburet offentligt partnerskap (IOP) mellan ${organisation.name} och ${municipality.name}`,
    head: head(facts, agreementDate(facts)),
    blocks: [
      { kind: 'heading', text: 'Parter' },
      partiesBlock(facts),
      { kind: 'heading', text: 'Syfte' },
      { kind: 'paragraph', text: known(facts.purpose, 'the purpose') },
      ...(facts.targetGroups.length > 0 ? [{ kind: 'heading', text: 'Målgrupper' } as const, { kind: 'bullets', items: facts.targetGroups } as const] : []),
      ...(facts.activities.length > 0
        ? [{ kind: 'heading', text: 'Partnerskapets innehåll' } as const, { kind: 'bullets', items: facts.activities } as const]
        : []),
      ...(terms.exclusions.length > 0
        ? [{ kind: 'heading', text: 'Överenskommelsen omfattar inte' } as const, { kind: 'bullets', items: terms.exclusions } as const]
        : []),
      { kind: 'heading', text: 'Period' },
      { kind: 'paragraph', text: `Överenskommelsen gäller från och med ${start} till och med ${end}.` },
      { kind: 'heading', text: 'Ekonomi' },
      { kind: 'fields', rows: fundingRows(terms) },
      { kind: 'heading', text: 'Utbetalningsplan' },
      { kind: 'bullets', items: paymentPlanItems(facts) },
      { kind: 'heading', text: 'Uppföljning och återrapport' },
      {
        kind: 'bullets',
        items: [
          'Operativa möten och strategiska möten hålls för dialog och uppföljning av överenskommelsen, eller när någon av parterna påkallar behov.',
          'Organisationen lämnar årligen en rapport om ideellt arbetade timmar och hur medlen använts; kommunen utvärderar överenskommelsen varje år.',
          `Förvaltningen återrapporterar till nämnden under överenskommelsens sista år (${end.slice(0, 4)}).`,
        ],
      },
      { kind: 'heading', text: 'Uppsägning, ändring och återbetalning' },
      {
        kind: 'bullets',
        items: [
          `Vill någon av parterna frånträda överenskommelsen i förtid ska det göras skriftligen. Uppsägningstiden är ${terms.noticeMonths} månader.`,
          'Upphör överenskommelsen i förtid ska ej utnyttjade medel betalas tillbaka.',
          'Parterna har rätt att kräva återbetalning om utvärderingen visar att medel inte använts för avsett ändamål.',
          'Har en part på grund av väsentligt förändrade förutsättningar svårt att uppfylla sin del kan överenskommelsen ändras efter dialog.',
        ],
      },
      { kind: 'heading', text: 'Underskrifter' },
      {
        kind: 'signatures',
        parties: [municipality, organisation].map((party) => ({
          heading: `För ${party.name} (${party.organisationNumber})`,
          lines: ['Ort och datum: ______________________', 'Underskrift: ______________________', 'Namnförtydligande och titel: ______________________'],
        })),
      },
    ],
  };
}
