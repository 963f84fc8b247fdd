import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, ScheduleMeetingPayload } from '../../lifecycle';
import { DateField, IsBodyCode } from '../shared/validation';
import { BODY_CODE_DOC } from '../shared/values.dto';

/**
 * Putting the case on a body's agenda. The caller names the body by its code; the engine takes the
 * body (its name and kind) from the tenant's reference data, so a request never sets a body's kind.
 */
export class ScheduleMeetingDto implements Omit<ScheduleMeetingPayload, 'body'> {
  @ApiProperty({ ...BODY_CODE_DOC, description: "The code of the body whose meeting takes up the case: one of the tenant's bodies (GET /reference-data)." })
  @IsBodyCode()
  bodyCode!: string;

  @DateField('The day of the meeting.', '2023-09-05')
  meetingDate!: IsoDate;
}
