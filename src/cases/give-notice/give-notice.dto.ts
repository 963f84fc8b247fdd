import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { PARTY_ROLES, type GiveNoticePayload, type IsoDate, type PartyRole } from '../../lifecycle';
import { DateField } from '../shared/validation';
import { PARTY_ROLE_DOC, ReceiptDto, ReceiptField } from '../shared/values.dto';

/** Notice of termination; the engine computes the day it takes effect from the notice months. */
export class GiveNoticeDto implements GiveNoticePayload {
  @ApiProperty({ ...PARTY_ROLE_DOC, description: 'The party that gives notice.' })
  @IsIn(PARTY_ROLES)
  party!: PartyRole;

  @DateField('The day the other party received the notice.', '2025-03-31')
  receivedOn!: IsoDate;

  @ApiProperty({ description: 'Notice must be given in writing; the lifecycle refuses it otherwise.', example: true })
  @IsBoolean()
  inWriting!: boolean;

  @ReceiptField("the organisation's notice", " Its `receivedOn` must be the notice's own: notice runs from the day it came in.")
  receipt: ReceiptDto | null = null;
}
