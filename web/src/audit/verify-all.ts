import { api, dataOf, type Schemas } from '../api/client';

export type VerifyPage = Schemas['VerifyAllDto'];

/** What a verification of every stream found, summed over its pages. */
export interface VerifyTotals {
  readonly cases: number;
  readonly events: number;
  readonly broken: Schemas['CaseVerdictDto'][];
  /** Streams of other kinds (diarium series, the erasure record) that do not verify. */
  readonly otherBroken: Schemas['StreamVerdictDto'][];
  readonly anchors?: Schemas['AnchorVerdictDto'];
  readonly done: boolean;
}

export const NO_TOTALS: VerifyTotals = { cases: 0, events: 0, broken: [], otherBroken: [], done: false };

/** Cases per request: small enough that the progress moves often. */
const PAGE = 25;

function add(totals: VerifyTotals, page: VerifyPage): VerifyTotals {
  return {
    cases: totals.cases + page.cases,
    events: totals.events + page.events,
    broken: [...totals.broken, ...page.broken],
    otherBroken: [...totals.otherBroken, ...page.kinds.filter((kind) => kind.kind !== 'case').flatMap((kind) => kind.broken)],
    anchors: totals.anchors ?? page.anchors,
    done: page.next === undefined,
  };
}

/** Verifies every stream of the tenant a page at a time (POST /audit/verify { limit, after }), reporting the totals after each page. */
export async function verifyAll(progress: (totals: VerifyTotals) => void, keptAnchor?: string): Promise<VerifyTotals> {
  let totals = NO_TOTALS;
  let after: string | undefined;
  do {
    const page = dataOf(await api.POST('/audit/verify', { body: { limit: PAGE, ...(after && { after }), ...(keptAnchor && { anchor: keptAnchor }) } }));
    totals = add(totals, page);
    progress(totals);
    after = page.next;
  } while (after !== undefined);
  return totals;
}
