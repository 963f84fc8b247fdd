import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsObject, MaxLength } from 'class-validator';
import { IsText } from '../cases/shared/validation';

/** The case list's columns a view may show, by the names of the list's fields (`GET /cases`). */
export const VIEW_COLUMNS = [
  'diarienummer',
  'organisationName',
  'organisationNumber',
  'stateLabel',
  'bodyCode',
  'officerName',
  'receivedOn',
  'updatedAt',
] as const;
export type ViewColumn = (typeof VIEW_COLUMNS)[number];

/** What a view is: a name, who sees it, the list query and the columns. */
export class SavedViewBodyDto {
  @ApiProperty({ example: 'Mina ärenden på dagordningen', maxLength: 100 })
  @IsText()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: "Shared with the tenant's officials (true), or personal (false). Organisation representatives keep personal views only." })
  @IsBoolean()
  shared!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { state: 'decision', closed: 'false' },
    description: 'The query parameters of `GET /cases` the view asks with, as in its URL; checked as that endpoint checks them.',
  })
  @IsObject()
  query!: Record<string, string>;

  @ApiProperty({ enum: VIEW_COLUMNS, isArray: true, example: ['diarienummer', 'organisationName', 'stateLabel'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(VIEW_COLUMNS.length)
  @IsIn(VIEW_COLUMNS, { each: true })
  columns!: ViewColumn[];
}

export class ViewOwnerDto {
  @ApiProperty({ example: 'frida.larsson' })
  id!: string;

  @ApiProperty({ example: 'Frida Larsson' })
  name!: string;
}

export class SavedViewDto extends SavedViewBodyDto {
  @ApiProperty({ format: 'uuid', description: "Stable: the view's URL carries it." })
  id!: string;

  @ApiProperty({ type: () => ViewOwnerDto })
  owner!: ViewOwnerDto;

  @ApiProperty({ description: 'Whether the caller may change or delete it: its owner, or an admin for a shared view.' })
  mayChange!: boolean;

  @ApiProperty({ type: 'integer', example: 1, description: 'Counts changes; also in the ETag header. Send it as If-Match with a change.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SavedViewListDto {
  @ApiProperty({ type: () => [SavedViewDto], description: "The caller's own views and the views shared in the tenant, by name." })
  items!: SavedViewDto[];
}

export class DeletedViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}
