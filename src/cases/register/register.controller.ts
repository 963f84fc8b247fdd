import { caseCommandController } from '../shared/case-command.controller';
import { RegisterCommand } from './register.command';
import { RegisterDto } from './register.dto';

export class RegisterController extends caseCommandController('register', RegisterDto, RegisterCommand, 'Register the case in the diarium: the engine gives the next diarienummer of the body\'s series') {}
