import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { JSON_SCHEMAS } from './audit/case-history/case-history.dto';
import { withRecursiveSchemas } from './cases/shared/case-result.dto';
import pinoHttp from 'pino-http';
import { AppModule } from './app.module';
import { hardenHttp } from './http';
import type { AppConfig } from './config/app-config';
import { PinoNestLogger } from './logging/logger';
import { redactRequest } from './logging/redact';
import type { Clock } from './shared/clock';

export async function createApp(config: AppConfig, logger: Logger, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger, clock), {
    logger: new PinoNestLogger(logger),
    bodyParser: false, // hardenHttp installs the one bounded JSON parser
  });
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/health' }, serializers: { req: redactRequest } }));
  hardenHttp(app, config);
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** The OpenAPI document, served at /docs (and as JSON at /docs/openapi.json). */
export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('iop-engine')
    .setDescription(
      'Cases of idéburet offentligt partnerskap (IOP): from application to renewal or termination. ' +
        'Every change is a command on a case; the answer carries the new state and revision (ETag).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return withRecursiveSchemas(SwaggerModule.createDocument(app, config), JSON_SCHEMAS);
}

/**
 * Stops taking connections and lets in-flight requests finish (up to `timeoutMs`), then closes
 * the application: subscribers stop, then the database. Nest's own close() runs module destroy
 * hooks before it closes the HTTP server, which would pull the database from under running requests.
 */
export async function shutdown(app: NestExpressApplication, timeoutMs: number): Promise<void> {
  const server = app.getHttpServer() as Server;
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await drained;
  clearTimeout(timer);
  await app.close();
}
