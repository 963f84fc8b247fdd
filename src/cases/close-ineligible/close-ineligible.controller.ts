import { caseCommandController } from '../shared/case-command.controller';
import { CloseIneligibleCommand } from './close-ineligible.command';
import { CloseIneligibleDto } from './close-ineligible.dto';

export class CloseIneligibleController extends caseCommandController('close-ineligible', CloseIneligibleDto, CloseIneligibleCommand, 'Close the case as not eligible for IOP (e.g. really a purchase under LOU)') {}
