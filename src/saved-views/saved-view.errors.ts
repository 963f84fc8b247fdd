import { EngineError } from '../shared/engine-error';

/**
 * Refusals of the saved-views API: no such view (or one the caller may not see: the same answer),
 * a view only its owner may change, sharing by someone who has no team to share with, a stale If-Match.
 */
export class SavedViewError extends EngineError<'VIEW_NOT_FOUND' | 'VIEW_NOT_OWNED' | 'VIEW_NOT_SHAREABLE' | 'VIEW_CHANGED'> {}

export function viewNotFound(id: string): SavedViewError {
  return new SavedViewError('VIEW_NOT_FOUND', `No saved view ${id}.`);
}
