import { caseIdOfStream } from '../../cases/shared/case-stream';
import type { StreamName } from '../../event-store/event-store.port';
import { ERASURES_STREAM } from '../../erasure/erasure.service';
import { REFERENCE_DATA_STREAM } from '../../reference-data/reference-data.store';

/**
 * What a stream is, told from its name alone, so that verification finds every stream the store
 * holds rather than those a list names. A kind the engine does not know yet is still verified:
 * its hash chain and its head.
 */
export const STREAM_KINDS = ['case', 'diarium', 'erasure', 'reference-data', 'other'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export function kindOf(stream: StreamName): StreamKind {
  if (caseIdOfStream(stream) !== undefined) return 'case';
  if (stream.id.startsWith('diarium-')) return 'diarium';
  if (stream.id === ERASURES_STREAM) return 'erasure';
  if (stream.id === REFERENCE_DATA_STREAM) return 'reference-data';
  return 'other';
}

/** The first bad revision of a stream and what differs there. */
export interface StreamProblem {
  readonly revision: string;
  readonly what: string;
  /** The cases the problem concerns, where it concerns some (a diarienummer given twice names both). */
  readonly cases?: string[];
}
