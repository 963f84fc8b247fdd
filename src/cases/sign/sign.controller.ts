import { caseCommandController } from '../shared/case-command.controller';
import { SignCommand } from './sign.command';
import { SignDto } from './sign.dto';

export class SignController extends caseCommandController('sign', SignDto, SignCommand, 'Sign the agreement for one party (municipality or organisation), in either order') {}
