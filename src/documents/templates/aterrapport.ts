import type { CaseFacts } from '../../lifecycle';
import type { Block, DocumentContent } from '../pdf-writer';
import { add } from '../../money';
import { amountText } from '../funding';
import { head, known, partiesBlock } from './common';

/** The återrapport's date: when it was submitted, before that the period's last day. */
export const reportDate = (facts: CaseFacts) => facts.reportBack?.submittedOn ?? known(facts.terms, 'the terms').period.end;

const FORUM_TEXT = { operational: 'Operativt möte', strategic: 'Strategiskt möte' } as const;

/** What the board hears at the period's end: what was paid, which meetings were held, what was reported and evaluated. */
export function aterrapport(facts: CaseFacts): DocumentContent {
  const paid = add(...facts.payments.map((payment) => payment.amount));
  const section = (heading: string, items: string[], none: string): Block[] => [
    { kind: 'heading', text: heading },
    items.length > 0 ? { kind: 'bullets', items } : { kind: 'paragraph', text: none },
  ];
  return {
    title: 'Återrapport – idéburet offentligt partnerskap (IOP)',
    head: head(facts, reportDate(facts)),
    blocks: [
      partiesBlock(facts),
      { kind: 'fields', rows: agreementRows(facts) },
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
        facts.annualReports.map(
          (r) => `${r.year}: ${r.volunteerHours} ideellt arbetade timmar, använda medel ${amountText(r.fundsUsed)}, inlämnad ${r.submittedOn}`,
        ),
        'Inga årsrapporter.',
      ),
      ...section(
        'Utvärderingar',
        facts.evaluations.map(
          (e) =>
            `${e.year} (${e.evaluatedOn}): ${e.fundsUsedAsIntended ? 'medlen använda för avsett ändamål' : 'medlen inte använda för avsett ändamål'}. ${e.summary}`,
        ),
        'Inga utvärderingar.',
      ),
      ...(facts.notice || facts.closed ? [{ kind: 'heading', text: 'Uppsägning och avslut' } as const, { kind: 'fields', rows: endRows(facts) } as const] : []),
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

const PARTY_TEXT = { municipality: 'kommunen', organisation: 'organisationen' } as const;

/** The agreement as it came about: period, finality, each party's signature. */
function agreementRows(facts: CaseFacts): [string, string][] {
  const { period } = known(facts.terms, 'the terms');
  const signatures = (['municipality', 'organisation'] as const).flatMap((party): [string, string][] => {
    const signature = facts.signatures[party];
    return signature ? [[`Undertecknad av ${PARTY_TEXT[party]}`, `${signature.signedOn}, ${signature.signatory.name} (${signature.signatory.title})`]] : [];
  });
  return [
    ['Period', `${period.start} – ${period.end}`],
    ...(facts.finalOn ? [['Beslutet vann laga kraft', facts.finalOn] as [string, string]] : []),
    ...signatures,
  ];
}

/** How a case ended, as the documents and the archive description say it. */
export const CLOSURE_TEXT = {
  withdrawn: 'ansökan återkallad',
  ineligible: 'avslutat, inte IOP',
  rejected: 'avslag',
  quashed: 'beslutet upphävt',
  renewed: 'förnyad',
  terminated: 'uppsagd',
  expired: 'avtalsperioden har löpt ut',
} as const;

/** Notice, the end and the refund of unused funds. */
function endRows({ notice, closed, refund }: CaseFacts): [string, string][] {
  return [
    ...(notice
      ? [['Uppsägning', `mottagen ${notice.receivedOn} från ${PARTY_TEXT[notice.party]}, gäller från ${notice.effectiveOn}`] as [string, string]]
      : []),
    ...(closed ? [['Avslutad', `${closed.on}, ${CLOSURE_TEXT[closed.as]}`] as [string, string]] : []),
    ...(refund !== null ? [['Återbetalning av ej utnyttjade medel', amountText(refund)] as [string, string]] : []),
  ];
}
