import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BudgetController } from './budget.controller';
import { BudgetService } from './budget.service';

/** `GET /budget`: a year's commitments, the sums of the cases' payment plans. Reads only. */
@Module({ imports: [CasesModule], controllers: [BudgetController], providers: [BudgetService] })
export class BudgetModule {}
