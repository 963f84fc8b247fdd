import { Injectable } from '@nestjs/common';
import { decide, type RegisterPayload } from '../../lifecycle';
import type { CommandExtension, ExtensionInput } from '../shared/case-command';
import { Diarium } from './diarium';
import type { RegisterDto } from './register.dto';

/** Registration: the engine allocates the diarienummer in the named body's series. */
@Injectable()
export class RegisterExtension implements CommandExtension<'register'> {
  constructor(private readonly diarium: Diarium) {}

  /** Allocated only once the case could take it, so that a refusal leaves no gap in the series. */
  async payload({ body: { bodyCode, registeredOn }, actor, loaded, now }: ExtensionInput<RegisterDto>): Promise<RegisterPayload> {
    decide(loaded.snapshot, { type: 'register', now, diarienummer: await this.diarium.standIn(actor, bodyCode, registeredOn), registeredOn });
    return { diarienummer: await this.diarium.allocate(actor, bodyCode, registeredOn, loaded.id), registeredOn };
  }
}
