import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { BooleanQuery } from '../cases/shared/validation';
import { CaseSummaryDto, ListCasesQueryDto } from '../cases/list-cases/list-cases.dto';
import { LabelDto } from '../cases/shared/case-result.dto';
import { COMMAND_TYPES, type CommandType } from '../lifecycle';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../deadlines';

/** `mine`, and the case list's paging. */
export class WorklistQueryDto extends PickType(ListCasesQueryDto, ['limit', 'offset'] as const) {
  @ApiPropertyOptional({ description: 'Only the cases the caller is the officer of.' })
  @BooleanQuery()
  mine?: boolean;
}

export class NextDeadlineDto {
  @ApiProperty({ format: 'date', example: '2024-01-31' })
  date!: string;

  @ApiProperty({ example: 'Årlig utbetalning 2024' })
  label!: string;

  @ApiProperty({ enum: DEADLINE_STATUSES })
  status!: DeadlineStatus;
}

export class WorklistItemDto extends CaseSummaryDto {
  @ApiProperty({ enum: COMMAND_TYPES, isArray: true, description: "What the case waits for that the caller's roles may give now." })
  commands!: CommandType[];

  @ApiProperty({ description: 'The caller is its officer.' })
  assignedToMe!: boolean;

  @ApiProperty({ description: 'The caller may give it another officer now (assign-officer: their roles and the case’s state allow it).' })
  reassignable!: boolean;

  @ApiProperty({ type: () => NextDeadlineDto, nullable: true, description: 'Its earliest deadline not yet met.' })
  nextDeadline!: NextDeadlineDto | null;
}

export class StageCountDto {
  @ApiProperty({ example: 'decision', description: 'A top-level state of the case machine.' })
  stage!: string;

  @ApiProperty({ type: () => LabelDto })
  label!: LabelDto;

  @ApiProperty({ example: 3, description: 'Open cases in this stage that the caller may see.' })
  count!: number;
}

export class MyDeadlineCountsDto {
  @ApiProperty({ example: 1 })
  overdue!: number;

  @ApiProperty({ example: 0 })
  dueToday!: number;

  @ApiProperty({ example: 2, description: 'Due within `upcomingDays` after today.' })
  upcoming!: number;

  @ApiProperty({ example: 14 })
  upcomingDays!: number;
}

export class WorklistDto {
  @ApiProperty({ format: 'date', description: 'Today in Stockholm: what deadline statuses are relative to.' })
  today!: string;

  @ApiProperty({ type: () => [WorklistItemDto], description: 'Open cases waiting on the caller, by earliest open deadline, then most recently changed.' })
  items!: WorklistItemDto[];

  @ApiProperty({ description: 'All cases waiting on the caller, across pages.' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty({ type: () => [StageCountDto], description: 'Open cases per stage, in the order of the lifecycle.' })
  stages!: StageCountDto[];

  @ApiProperty({
    type: () => MyDeadlineCountsDto,
    description: "The caller's deadlines (of the cases they are the officer of; an organisation's representative: its organisation's).",
  })
  deadlines!: MyDeadlineCountsDto;
}
