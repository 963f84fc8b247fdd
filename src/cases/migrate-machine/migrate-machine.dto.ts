import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { IsText } from '../shared/validation';

export class MigrateMachineDto {
  @ApiProperty({ example: 2, description: 'The version of the case machine to move the case to.' })
  @IsInt()
  @Min(1)
  toVersion!: number;

  @ApiProperty({ example: 'Ny delegationsordning från 2024-01-01', description: 'Why the case moves; recorded in its history.' })
  @IsText()
  reason!: string;
}
