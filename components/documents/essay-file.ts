import { ESSAY_TEXT_MAX_BYTES } from '@/lib/validation/limits';
import { essayTooLargeMessage, formatBytes } from '@/lib/validation/documents';

/** File names the "New map from an essay" page reads: plain text and Markdown. */
export const ESSAY_FILE_ACCEPT = '.txt,.md,.markdown,text/plain,text/markdown';

const ESSAY_FILE_NAME = /\.(?:txt|md|markdown)$/i;

/** What reading a chosen file gave: its text, or the reason it was refused (nothing is sent then). */
export type EssayFileResult = { ok: true; text: string; name: string; bytes: number } | { ok: false; message: string };

/**
 * Reads a chosen essay file in the browser. Refuses, with a message for the person, a file that is
 * not `.txt`/`.md`, one over {@link ESSAY_TEXT_MAX_BYTES} (checked before reading it), and an
 * empty one (no bytes, or only whitespace).
 */
export async function readEssayFile(file: File): Promise<EssayFileResult> {
  if (!ESSAY_FILE_NAME.test(file.name)) {
    return { ok: false, message: `“${file.name}” is not a text file. Choose a .txt or .md file, or paste the essay’s text.` };
  }
  if (file.size > ESSAY_TEXT_MAX_BYTES) return { ok: false, message: `“${file.name}” is too large. ${essayTooLargeMessage(file.size)}` };
  if (file.size === 0) return { ok: false, message: `“${file.name}” is empty. Choose a file with the essay’s text in it.` };
  const text = await file.text();
  if (text.trim() === '') return { ok: false, message: `“${file.name}” has only blank space in it. Choose a file with the essay’s text in it.` };
  return { ok: true, text, name: file.name, bytes: file.size };
}

/** "12 KB of 200 KB" for the size line under the text. */
export function sizeLine(bytes: number): string {
  return `${formatBytes(bytes)} of ${formatBytes(ESSAY_TEXT_MAX_BYTES)}`;
}

/** A title guessed from a file name: "the-time-is-now.txt" → "the time is now". */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}
