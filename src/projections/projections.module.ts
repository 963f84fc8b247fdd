import { Global, Module } from '@nestjs/common';
import { Subscriptions } from './subscriptions';

@Global()
@Module({ providers: [Subscriptions], exports: [Subscriptions] })
export class ProjectionsModule {}
