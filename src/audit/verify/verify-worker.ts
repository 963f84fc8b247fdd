/**
 * A worker thread of {@link VerifierThreads}: verifies the case streams it is sent (hash chain,
 * fold, stored snapshots) and answers their verdicts in the order sent. Pure computation: it reads
 * nothing itself, so it works whatever the event store is.
 */
import { parentPort } from 'node:worker_threads';
import { caseVerdictsOf, type CaseToVerify } from './case-verdict';

parentPort?.on('message', (cases: CaseToVerify[]) => {
  try {
    parentPort!.postMessage({ verdicts: caseVerdictsOf(cases) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
