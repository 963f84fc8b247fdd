import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../cases/shared/case-result.dto';
import type { Statechart, StatechartState, StatechartTransition, StateKind } from './statechart';

export class PointDto {
  @ApiProperty()
  x!: number;

  @ApiProperty()
  y!: number;
}

export class StatechartStateDto implements StatechartState {
  @ApiProperty({ example: 'decision.approved.awaitingJustering' })
  path!: string;

  @ApiProperty({ type: String, nullable: true, example: 'decision.approved' })
  parent!: string | null;

  @ApiProperty({ type: () => LabelDto })
  label!: LabelDto;

  @ApiProperty({ enum: ['atomic', 'compound', 'parallel', 'final'] })
  kind!: StateKind;

  @ApiProperty()
  x!: number;

  @ApiProperty()
  y!: number;

  @ApiProperty()
  width!: number;

  @ApiProperty()
  height!: number;
}

export class StatechartTransitionDto implements StatechartTransition {
  @ApiProperty({ example: 'decision.approved.awaitingJustering' })
  from!: string;

  @ApiProperty({ example: 'decision.approved.awaitingPosting' })
  to!: string;

  @ApiProperty({ type: [String], example: ['JusteringRecorded'] })
  events!: string[];

  @ApiProperty({ type: () => [PointDto] })
  points!: PointDto[];
}

export class StatechartDto implements Statechart {
  @ApiProperty()
  width!: number;

  @ApiProperty()
  height!: number;

  @ApiProperty({ type: () => [StatechartStateDto], description: 'Parents before their children, in the order of the machine definition.' })
  states!: StatechartStateDto[];

  @ApiProperty({ type: () => [StatechartTransitionDto] })
  transitions!: StatechartTransitionDto[];
}
