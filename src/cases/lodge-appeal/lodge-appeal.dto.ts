import type { IsoDate, LodgeAppealPayload } from '../../lifecycle';
import { DateField, OptionalTextField, TextField } from '../shared/validation';

/** An appeal against the decision (laglighetsprövning). */
export class LodgeAppealDto implements LodgeAppealPayload {
  @DateField('The day the appeal was lodged.', '2023-09-25')
  lodgedOn!: IsoDate;

  @TextField('The court that tries the appeal.', 'Förvaltningsrätten i Stockholm')
  court!: string;

  @OptionalTextField("The court's case number, once known.", '12345-23')
  caseReference: string | null = null;
}
