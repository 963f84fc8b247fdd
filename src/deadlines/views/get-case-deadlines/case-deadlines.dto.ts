import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATUSES, type DeadlineKind, type DeadlineStatus } from '../..';
import { LabelDto } from '../../../cases/shared/case-result.dto';

export const DEADLINE_STATUS_DOC =
  "`met` by the case's facts; otherwise against today's date in Stockholm: `upcoming`, `due-today`, and once past `overdue` when something is still owed (a payment, a report, a signature) or `passed` when the date needed nothing more (an appeal window that ran out, the last day to give notice).";

/** One deadline of a case: when, why (a checkable explanation), and where it stands today. */
export class DeadlineDto {
  @ApiProperty({ example: 'yearly-payment:2024', description: 'Unique within the case and stable as the case changes.' })
  key!: string;

  @ApiProperty({ enum: DEADLINE_KINDS, example: 'appeal-window-ends' })
  kind!: DeadlineKind;

  @ApiProperty({ format: 'date', example: '2024-04-02', description: 'A Europe/Stockholm calendar date.' })
  date!: string;

  @ApiProperty({ example: 'kl-13-5-appeal-window', description: 'The rule that produced the date.' })
  rule!: string;

  @ApiProperty({ example: 'Överklagandetiden går ut', description: 'What it is, in Swedish, for officials.' })
  label!: string;

  @ApiProperty({
    type: () => LabelDto,
    example: {
      sv: 'anslaget 2024-03-08 + 3 veckor = 2024-03-29; flyttas till nästa vardag 2024-04-02 enligt lag (1930:173) om beräkning av lagstadgad tid eftersom …',
      en: 'the posting 2024-03-08 + 3 weeks = 2024-03-29; moved to the next working day 2024-04-02 under Lag (1930:173) … because …',
    },
    description: 'How the date was computed, to check by hand.',
  })
  explanation!: LabelDto;

  @ApiProperty({ enum: DEADLINE_STATUSES, description: DEADLINE_STATUS_DOC })
  status!: DeadlineStatus;
}

export class CaseDeadlinesDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'SON 2019-536' })
  diarienummer!: string | null;

  @ApiProperty({ format: 'date', example: '2025-03-31', description: 'Today in Stockholm: what the statuses are relative to.' })
  today!: string;

  @ApiProperty({ type: () => [DeadlineDto], description: 'Open and met deadlines, by date. Cancelled ones (e.g. the period end after notice) are left out.' })
  deadlines!: DeadlineDto[];
}
