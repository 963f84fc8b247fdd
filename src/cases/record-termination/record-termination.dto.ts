import type { RecordTerminationPayload } from '../../lifecycle';

/** No body. The agreement ends on the notice's effective day; the engine computes the refund of unused funds. */
export class RecordTerminationDto implements RecordTerminationPayload {}
