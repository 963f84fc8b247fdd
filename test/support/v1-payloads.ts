import type { CaseEvent } from '../../src/lifecycle';
import type { FundingLine, Terms } from '../../src/lifecycle/case.values';

/**
 * A current event's payload as a build before issue 11 wrote it (schema version 1 of every type):
 * no receipt, no withdrawn finality, no effective date; one funding and whole kronor. For tests
 * that store old streams and read them back through the upcasters. Amounts must be whole kronor.
 */
export function v1Payload(event: CaseEvent): Record<string, unknown> {
  const { receipt: _r, finalityWithdrawn: _f, effectiveFrom: _e, ...data } = event.data as Record<string, unknown>;
  if (data.terms) data.terms = v1Terms(data.terms as Terms);
  for (const field of ['amount', 'fundsUsed', 'refund']) if (typeof data[field] === 'number') data[field] = wholeKronor(data[field]);
  return data;
}

function v1Terms({ fundingLines, ...rest }: Terms): Record<string, unknown> {
  const [grant, own] = [fundingLines.find((l) => l.kind !== 'ownContribution'), fundingLines.find((l) => l.kind === 'ownContribution')];
  return {
    ...rest,
    funding: v1Funding(grant),
    volunteerContribution: own?.kind === 'ownContribution' ? { hours: own.hours ?? 0, valueKr: wholeKronor(own.statedValue ?? 0) } : null,
    indexation: grant?.kind === 'fixed' || grant?.kind === 'perInhabitant' ? grant.indexation : null,
  };
}

function v1Funding(line: FundingLine | undefined): Record<string, unknown> {
  if (line?.kind === 'fixed') return { kind: 'fixed', amountPerYear: wholeKronor(line.amountPerYear) };
  if (line?.kind === 'perInhabitant')
    return { kind: 'perInhabitant', amountPerInhabitant: wholeKronor(line.ratePerInhabitant), inhabitants: line.inhabitants.count };
  throw new Error('A v1 payload needs a funding line');
}

function wholeKronor(ore: number): number {
  if (ore % 100 !== 0) throw new Error(`${ore} öre is not whole kronor: a v1 payload cannot carry it`);
  return ore / 100;
}
