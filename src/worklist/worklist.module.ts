import { Module } from '@nestjs/common';
import { WorklistController } from './worklist.controller';
import { Worklist } from './worklist';

/** What waits on the caller: `GET /worklist`, read from the case list's and the deadlines' read models. */
@Module({ controllers: [WorklistController], providers: [Worklist] })
export class WorklistModule {}
