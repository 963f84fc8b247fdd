import { Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller';
import { Erasure } from './erasure.service';

/** Erasing a data subject (GDPR art. 17): the act recorded as an event, then the subject's key deleted. */
@Module({ controllers: [ErasureController], providers: [Erasure] })
export class ErasureModule {}
