import type { CaseFacts } from '../../lifecycle';
import type { Block, DocumentContent } from '../pdf-writer';
import { amountText } from '../funding';
import { head, known, partiesBlock } from './common';

/** The återrapport's date: when it was submitted, before that the period's last day. */
export const reportDate = (facts: CaseFacts) => facts.reportBack?.submittedOn ?? known(facts.terms, 'the terms').period.end;

const FORUM_TEXT = { operational: 'Operativt möte', strategic: 'Strategiskt möte' } as const;

/** What the board hears at the period's end: what was paid, which meetings were held, what was reported and evaluated. */
export function aterrapport(facts: CaseFacts): DocumentContent {
  const { period } = known(facts.terms, 'the terms');
  const paid = facts.payments.reduce((sum, payment) => sum + payment.amount, 0);
  const section = (heading: string, items: string[], none: string): Block[] => [
    { kind: 'heading', text: heading },
    items.length > 0 ? { kind: 'bullets', items } : { kind: 'paragraph', text: none },
  ];
  return {
    title: 'Återrapport – idéburet offentligt partnerskap (IOP)',
    head: head(facts, reportDate(facts)),
    blocks: [
      partiesBlock(facts),
      { kind: 'fields', rows: [['Period', `${period.start} – ${period.end}`]] },
      ...(facts.reportBack ? [{ kind: 'heading', text: 'Sammanfattning' } as const, { kind: 'paragraph', text: facts.reportBack.summary } as const] : []),
      ...section(
        `Utbetalt, totalt ${amountText(paid)}`,
        facts.payments.map((p) => `${p.paidOn}: ${amountText(p.amount)} för ${p.covers.start} – ${p.covers.end}${p.reference ? ` (${p.reference})` : ''}`),
        'Inga utbetalningar.',
      ),
      ...section(
        'Uppföljningsmöten',
        facts.followUpMeetings.map((m) => `${m.heldOn}: ${FORUM_TEXT[m.forum]}, sammankallande ${m.convener}${m.minutesRef ? ` (${m.minutesRef})` : ''}`),
        'Inga uppföljningsmöten registrerade.',
      ),
      ...section(
        'Årsrapporter',
        facts.annualReports.map((r) => `${r.year}: ${r.volunteerHours} ideellt arbetade timmar, använda medel ${amountText(r.fundsUsed)}, inlämnad ${r.submittedOn}`),
        'Inga årsrapporter.',
      ),
      ...section(
        'Utvärderingar',
        facts.evaluations.map((e) => `${e.year} (${e.evaluatedOn}): ${e.fundsUsedAsIntended ? 'medlen använda för avsett ändamål' : 'medlen inte använda för avsett ändamål'}. ${e.summary}`),
        'Inga utvärderingar.',
      ),
      ...(facts.repaymentClaims.length > 0
        ? section(
            'Krav på återbetalning',
            facts.repaymentClaims.map((c) => `${c.claimedOn}: ${amountText(c.amount)}, ${c.reason}`),
            '',
          )
        : []),
    ],
  };
}
