import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { LOGGER } from '../../logging/logger';
import { SignInController } from './sign-in.controller';
import { StatechartController } from './statechart.controller';

/**
 * Where `npm run build` puts the web app (vite, web/vite.config.ts): dist/web. The service runs
 * from dist/src (npm start) or from src (tests through swc), so the root is found from either.
 */
export function webAppDir(): string {
  const above = resolve(__dirname, '../../..');
  return basename(above) === 'dist' ? join(above, 'web') : join(above, 'dist', 'web');
}

/** A browser navigating to a path of the app (it prefers HTML to JSON); API clients and asset loads are not. */
function isAppNavigation(request: Request): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * Serves the web app at `/`: its files as they are (hashed assets cached for a year), and
 * index.html for any other path a browser navigates to that no API route took. It is registered
 * in onModuleInit, which Nest runs after the API routes and before its not-found handler, so API
 * paths are unchanged and an unknown API path still answers 404 JSON.
 */
@Module({ controllers: [SignInController, StatechartController] })
export class WebAppModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const dir = webAppDir();
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      this.logger.warn({ dir }, 'the web app is not built (npm run build); serving the API only');
      return;
    }
    const http = this.adapter.httpAdapter.getInstance<Express>();
    http.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    http.use(express.static(dir, { index: false }));
    http.use((request: Request, response: Response, next: NextFunction) => {
      if (!isAppNavigation(request)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  }
}
