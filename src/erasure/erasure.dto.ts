import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail } from 'class-validator';

export class EraseByEmailDto {
  @ApiProperty({
    description: "The data subject's email, as the person gives it in the request (case and surrounding spaces do not matter).",
    example: 'anna.berg@example.se',
  })
  // Requests come as people write them, from letters and forms: surrounding spaces are not part of the address.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  email!: string;
}

export class ErasureDto {
  @ApiProperty({ format: 'uuid', description: 'The erased data subject.' })
  subjectId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({ example: 'data-subject-erasures', description: 'The stream that records the erasure (no personal data in it).' })
  stream!: string;

  @ApiProperty({ example: '0', description: "The erasure event's revision in that stream." })
  revision!: string;
}
