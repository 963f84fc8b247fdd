import { Controller, Get, NotFoundException, Param, ParseIntPipe, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, machines } from '../../lifecycle';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { layoutStatechart, type Statechart } from './statechart';
import { StatechartDto } from './statechart.dto';

/** The lifecycle's statechart, laid out for drawing: the case page shows it with the case's state on it. */
@ApiTags('Lifecycle')
@ApiBearerAuth()
@Controller('lifecycle')
export class StatechartController implements OnApplicationBootstrap {
  /** A machine version never changes, so neither does its layout (ELK takes a moment the first time). */
  private readonly layouts = new Map<string, Promise<Statechart>>();

  onApplicationBootstrap(): void {
    void this.layout(CASE_MACHINE_ID, CASE_MACHINE_VERSION);
  }

  @Get('machines/:id/:version/statechart')
  @ApiOperation({ operationId: 'statechart', summary: "A lifecycle version's states (nested, parallel) and transitions, laid out for drawing" })
  @ApiOkResponse({ type: StatechartDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No such machine version.' })
  statechart(@Param('id') id: string, @Param('version', ParseIntPipe) version: number): Promise<Statechart> {
    if (!machines[id]?.[version]) throw new NotFoundException(`No lifecycle ${id} version ${version}.`);
    return this.layout(id, version);
  }

  private layout(id: string, version: number): Promise<Statechart> {
    const key = `${id}@${version}`;
    if (!this.layouts.has(key)) this.layouts.set(key, layoutStatechart(machines[id][version]));
    return this.layouts.get(key)!;
  }
}
