import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor';
import type { AuthenticatedRequest } from './auth.guard';

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
});
