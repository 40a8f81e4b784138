'use client';

import type { ReactNode } from 'react';
import { Dialog } from 'radix-ui';
import { X } from 'lucide-react';

interface ModalContentProps {
  children: ReactNode;
  /** Width and any extra classes for the panel. */
  className?: string;
}

/** The panel of a Radix dialog: dimmed backdrop, centred card, a close button in the corner. */
export function ModalContent({ children, className = 'w-[440px]' }: ModalContentProps) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <Dialog.Content
        className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] max-w-[95vw] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ${className}`}
      >
        {children}
        <Dialog.Close className="absolute right-4 top-4 rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Close">
          <X aria-hidden className="h-4 w-4" />
        </Dialog.Close>
      </Dialog.Content>
    </Dialog.Portal>
  );
}

interface ModalActionsProps {
  /** The form is being sent: the button is disabled and says `busyLabel`. */
  busy: boolean;
  label: string;
  busyLabel: string;
  testId: string;
}

/** A dialog form's buttons: Cancel, then the submit button. */
export function ModalActions({ busy, label, busyLabel, testId }: ModalActionsProps) {
  return (
    <div className="flex justify-end gap-2">
      <Dialog.Close className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">Cancel</Dialog.Close>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        data-testid={testId}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
