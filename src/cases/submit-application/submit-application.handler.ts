import { CommandHandler } from '@nestjs/cqrs';
import type { ContactPerson } from '../../lifecycle';
import { DataSubjects } from '../../personal-data/data-subjects';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { CaseCommandService } from '../shared/case-command.service';
import type { ContactPersonInputDto } from './submit-application.dto';
import { SubmitApplicationCommand } from './submit-application.command';

@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler extends CaseCommandHandler<SubmitApplicationCommand> {
  constructor(
    commands: CaseCommandService,
    private readonly subjects: DataSubjects,
  ) {
    super(commands);
  }

  /** A case submitted through the API renews nothing; renewals are opened by start-renewal. */
  protected override async domainPayload(command: SubmitApplicationCommand): Promise<object> {
    const { contactPerson, ...application } = command.payload;
    return { ...application, previousCaseId: null, contactPerson: contactPerson ? await this.dataSubject(command.actor.tenant, contactPerson) : null };
  }

  /** The contact person as a data subject: the live subject with that email, or a new one. */
  private async dataSubject(tenant: string, { name, email, phone }: ContactPersonInputDto): Promise<ContactPerson> {
    return { subjectId: await this.subjects.subjectFor(tenant, email), name, email, phone: phone ?? null, erased: false };
  }
}
