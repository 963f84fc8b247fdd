import { ApiError } from './client';

/**
 * Saves a file the API answered. It was fetched with the person's token (a plain link would go
 * without it), so it is handed to the browser as a blob, under the name the API gave it.
 */
export function saveAnswer(data: unknown, response: Response, fallbackName: string): void {
  if (!response.ok || !data) throw new ApiError(response.status, undefined);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data as Blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
