import type { CaseFacts, DecisionOutcome } from '../../lifecycle';
import type { Block, DocumentContent } from '../pdf-writer';
import { head, known, partiesBlock } from './common';

const OUTCOME_TEXT: Record<DecisionOutcome, string> = {
  approved: 'beslutar i enlighet med förslaget',
  rejected: 'avslår förslaget',
  returned: 'återremitterar ärendet till förvaltningen',
  deferred: 'bordlägger ärendet',
  recommended: 'föreslår att ärendet avgörs av',
};

/** The standard text on laglighetsprövning (13 kap. kommunallagen), as a protokollsutdrag ends. */
export const HOW_TO_APPEAL =
  'Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Den som är medlem i kommunen får överklaga beslutet hos förvaltningsrätten. Överklagandet ska vara skriftligt, ange vilket beslut som överklagas och varför beslutet ska upphävas. Det ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet justerats.';

/** An extract of the minutes for the case's latest decision: body, meeting, paragraph, decision, justering, posting, appeal. */
export function protokollsutdrag(facts: CaseFacts): DocumentContent {
  const decision = known(facts.decisions.at(-1), 'a decision');
  const proposal = known(facts.proposal, 'a proposal');
  const { justeradOn, postedOn, appealWindowEndsOn } = facts.protocol;
  const outcome = `${decision.body.name} ${OUTCOME_TEXT[decision.outcome]}${decision.recommendedTo ? ` ${decision.recommendedTo.name}` : ''}.`;
  const points: Block[] = decision.outcome === 'approved' || decision.outcome === 'recommended' ? [{ kind: 'numbered', items: proposal.decisionPoints }] : [];
  return {
    title: `Protokollsutdrag, ${decision.body.name}`,
    head: head(facts, decision.meetingDate),
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Sammanträdesdatum', decision.meetingDate],
          ['Paragraf', decision.paragraph ?? 'ej angiven'],
          ['Ärende', proposal.title],
        ],
      },
      partiesBlock(facts),
      ...(facts.decisions.length > 1
        ? [
            { kind: 'heading', text: 'Tidigare behandling' } as const,
            {
              kind: 'bullets',
              items: facts.decisions
                .slice(0, -1)
                .map(
                  (d) =>
                    `${d.body.name} ${d.meetingDate}${d.paragraph ? ` ${d.paragraph}` : ''}: ${OUTCOME_TEXT[d.outcome]}${d.recommendedTo ? ` ${d.recommendedTo.name}` : ''}`,
                ),
            } as const,
          ]
        : []),
      { kind: 'heading', text: 'Beslut' },
      { kind: 'paragraph', text: outcome },
      ...points,
      ...(decision.motivation ? [{ kind: 'heading', text: 'Motivering' } as const, { kind: 'paragraph', text: decision.motivation } as const] : []),
      { kind: 'heading', text: 'Justering och anslag' },
      {
        kind: 'fields',
        rows: [
          ['Protokollet justerat', justeradOn ?? 'ännu inte justerat'],
          ['Anslaget på anslagstavlan', postedOn ?? 'ännu inte anslaget'],
          ['Sista dag att överklaga', appealWindowEndsOn ?? 'räknas från anslaget'],
        ],
      },
      { kind: 'heading', text: 'Hur man överklagar' },
      { kind: 'paragraph', text: HOW_TO_APPEAL },
    ],
  };
}
