import { caseCommandController } from '../shared/case-command.controller';
import { CompleteRenewalCommand } from './complete-renewal.command';
import { CompleteRenewalDto } from './complete-renewal.dto';

export class CompleteRenewalController extends caseCommandController('complete-renewal', CompleteRenewalDto, CompleteRenewalCommand, 'Record that the linked renewal case was signed; this case ends as renewed') {}
