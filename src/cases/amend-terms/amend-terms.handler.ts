import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { AmendTermsCommand } from './amend-terms.command';

@CommandHandler(AmendTermsCommand)
export class AmendTermsHandler extends CaseCommandHandler<AmendTermsCommand> {}
