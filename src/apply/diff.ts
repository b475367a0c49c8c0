import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

const isText = (b: Buffer): boolean => !b.includes(0);

/** A unified diff of the live file against the rendered one; secrets get a size note, never content. */
export function fileDiff(path: string, current: Buffer | undefined, desired: Buffer, secret: boolean): string {
  if (current?.equals(desired)) return '';
  if (secret) return current ? `(secret content changed, ${desired.length} bytes)` : `(secret content, ${desired.length} bytes)`;
  if ((current && !isText(current)) || !isText(desired)) return `(binary content differs, ${desired.length} bytes)`;
  return createTwoFilesPatch(path, path, current?.toString('utf8') ?? '', desired.toString('utf8'),
    current ? 'live' : '(absent)', 'rendered', { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
