import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, RegisterPayload } from '../../lifecycle';
import { DateField, IsBodyCode } from '../shared/validation';
import { BODY_CODE_DOC } from '../shared/values.dto';

/**
 * Registration in the diarium. Does not implement the lifecycle's payload in full: the caller
 * names the body whose diarium series registers the case, and the engine allocates the
 * diarienummer in that series (`KS 2023/01692`).
 */
export class RegisterDto implements Omit<RegisterPayload, 'diarienummer'> {
  @ApiProperty({ ...BODY_CODE_DOC, description: 'The body whose diarium series registers the case.' })
  @IsBodyCode()
  bodyCode!: string;

  @DateField('The day of registration.', '2023-05-16')
  registeredOn!: IsoDate;
}
