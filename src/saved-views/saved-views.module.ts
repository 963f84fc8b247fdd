import { Module } from '@nestjs/common';
import { SavedViewsController } from './saved-views.controller';
import { SavedViews } from './saved-views';

/** Saved views of the case list (`/views`), kept in a table of their own. */
@Module({ controllers: [SavedViewsController], providers: [SavedViews] })
export class SavedViewsModule {}
