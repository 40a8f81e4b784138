'use client';

export interface TextAreaFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The most characters the field's schema allows; typing may go a little past it, to be told. */
  max: number;
  rows: number;
  error?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Prefix of the test ids: `<testId>` on the box, `<testId>-error` on its message. */
  testId: string;
  /** Show the "n/max" counter once the text is this share of `max` long (0: always). */
  countFrom?: number;
}

/**
 * A text box for a point or a comment, with its error (announced) and its length counter beneath;
 * the label is the caller's, tied by `id`.
 */
export function TextAreaField({ id, value, onChange, max, rows, error, placeholder, autoFocus, testId, countFrom = 0 }: TextAreaFieldProps) {
  return (
    <>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={rows}
        maxLength={max + 50}
        placeholder={placeholder}
        className={`w-full rounded-md border px-3 py-2 text-[15px] leading-snug shadow-inner focus:outline-none focus:ring-2 focus:ring-indigo-500 ${error ? 'border-red-500' : 'border-slate-300'}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        autoFocus={autoFocus}
        data-testid={testId}
      />
      <div id={`${id}-help`} className="mt-1 flex justify-between text-xs">
        <span className="text-red-700" role={error ? 'alert' : undefined} data-testid={`${testId}-error`}>
          {error}
        </span>
        {value.length >= max * countFrom && (
          <span className={value.length > max ? 'text-red-700' : 'text-slate-500'}>
            {value.length}/{max}
          </span>
        )}
      </div>
    </>
  );
}
