import type { RecordExpiryPayload } from '../../lifecycle';

/** No body. The agreement period has ended; the engine takes the period's end as the day. */
export class RecordExpiryDto implements RecordExpiryPayload {}
