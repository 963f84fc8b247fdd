import { caseCommandController } from '../shared/case-command.controller';
import { AmendTermsCommand } from './amend-terms.command';
import { AmendTermsDto } from './amend-terms.dto';

export class AmendTermsController extends caseCommandController('amend-terms', AmendTermsDto, AmendTermsCommand, 'Amend the agreement\'s terms after a dialogue') {}
