/**
 * The unsent fields of the "New map" form, kept in the tab's session storage until the map is made:
 * a reload, Back/Forward or a failed send brings them back.
 */
export interface NewMapDraft {
  title: string;
  author: string;
  source: string;
  /** When it was published, `YYYY-MM`, or '' when not given. */
  published: string;
  text: string;
  /** The file the text was read from, if it was. */
  fileName: string | null;
}

const STORAGE_KEY = 'argmap.new-map';

/** Whether the fields hold anything a person typed (spaces do not count). */
export function hasWords(draft: NewMapDraft): boolean {
  return [draft.title, draft.author, draft.source, draft.text].some((field) => field.trim() !== '');
}

/** The kept draft, or `null` when there is none (or storage is refused). */
export function storedNewMapDraft(): NewMapDraft | null {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const { title, author, source, published, text, fileName } = stored as Record<string, unknown>;
    const draft: NewMapDraft = {
      title: typeof title === 'string' ? title : '',
      author: typeof author === 'string' ? author : '',
      source: typeof source === 'string' ? source : '',
      published: typeof published === 'string' ? published : '',
      text: typeof text === 'string' ? text : '',
      fileName: typeof fileName === 'string' ? fileName : null,
    };
    return hasWords(draft) ? draft : null;
  } catch {
    return null;
  }
}

/** Keeps the fields (or forgets them, when they hold nothing). */
export function keepNewMapDraft(draft: NewMapDraft): void {
  try {
    if (hasWords(draft)) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full (a 200 KB essay in a small quota) or refused: the form still works, unkept.
  }
}

export function clearNewMapDraft(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}
