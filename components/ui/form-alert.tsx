import type { ReactNode } from 'react';

interface FormAlertProps {
  children: ReactNode;
  /** Spacing around it, e.g. `mt-2`. */
  className?: string;
  testId?: string;
  /** `div` when it holds more than a line of text (a list, a button). */
  as?: 'p' | 'div';
}

/** Why a form or a panel could not do what was asked: a red box announced to screen readers. */
export function FormAlert({ children, className = '', testId, as: Tag = 'p' }: FormAlertProps) {
  return (
    <Tag className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`.trim()} role="alert" data-testid={testId}>
      {children}
    </Tag>
  );
}
