import { Injectable } from '@nestjs/common';
import type { CompleteRenewalPayload } from '../../lifecycle';
import type { CommandExtension, ExtensionInput } from '../shared/case-command';
import type { CompleteRenewalDto } from './complete-renewal.dto';

/** The renewal case is the one start-renewal opened; the caller only says when it was signed. */
@Injectable()
export class CompleteRenewalExtension implements CommandExtension<'complete-renewal'> {
  payload({ body, loaded }: ExtensionInput<CompleteRenewalDto>): CompleteRenewalPayload {
    // Without a renewal under way the machine refuses the command before this id is looked at.
    return { ...body, newCaseId: loaded.snapshot.context.renewal?.newCaseId ?? '' };
  }
}
