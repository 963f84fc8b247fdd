import { caseCommandController } from '../shared/case-command.controller';
import { StartRenewalCommand } from './start-renewal.command';
import { StartRenewalDto } from './start-renewal.dto';

export class StartRenewalController extends caseCommandController('start-renewal', StartRenewalDto, StartRenewalCommand, 'Start a renewal: opens a linked new case') {}
