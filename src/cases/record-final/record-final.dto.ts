import type { RecordFinalPayload } from '../../lifecycle';

/** No body. The decision became final (laga kraft); the engine takes the day after the appeal window closes. */
export class RecordFinalDto implements RecordFinalPayload {}
