import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { commandController } from '../shared/case-command.controller';
import { CaseResultDto, ErrorDto } from '../shared/case-result.dto';
import { ETAG_HEADER } from '../shared/case-view';
import { MigrateMachineCommand } from './migrate-machine.handler';
import { MigrateMachineDto } from './migrate-machine.dto';

const refusals: Array<[number, string]> = [
  [400, 'VALIDATION_FAILED'],
  [403, 'FORBIDDEN_ROLE: admins only.'],
  [404, 'CASE_NOT_FOUND'],
  [409, 'CASE_CHANGED: the case changed meanwhile.'],
  [412, 'PRECONDITION_FAILED: If-Match names an older revision.'],
  [422, 'MIGRATION_REFUSED: the state or facts do not fit the target machine; `details.reasons` say why.'],
];

/** `POST /cases/:id/machine-migrations`: an admin moves a live case to another version of its machine. */
export const MigrateMachineController = commandController({
  tag: 'Case machine versions',
  path: ':id/machine-migrations',
  docs: [
    ApiOperation({ operationId: 'migrateMachine', summary: 'Moves a live case to another version of its machine (admins), if its state and facts fit there' }),
    ApiParam({ name: 'id', format: 'uuid', description: 'The case id.' }),
    ApiBody({ type: MigrateMachineDto }),
    ApiOkResponse({ type: CaseResultDto, description: 'The case under its new machine.', headers: ETAG_HEADER }),
    ...refusals.map(([status, description]) => ApiResponse({ status, type: ErrorDto, description })),
  ],
  command: (actor, caseId, body, request) => new MigrateMachineCommand(actor, caseId, body, request),
});
