'use client';

import type * as DialogParts from '@/components/ui/popups/dialog';

const SHORTCUTS: [string, string][] = [
  ['O', 'Object to the selected point'],
  ['S', 'Support the selected point'],
  ['R', 'Rebut the selected objection'],
  ['U', 'Undercut the selected step of reasoning'],
  ['E', 'Edit the selected point'],
  ['Delete', 'Delete the selected point (with Undo)'],
  ['Esc', 'Close the form, then the gaps or history panel, then clear the selection'],
  ['V', 'Switch between the canvas and the outline'],
  ['↑ ↓ ← →', 'In the outline: move, open and close rows'],
  ['Enter', 'In the outline: actions on the row'],
  ['G', 'Find the gaps (study mode)'],
  ['/', 'Search the points'],
  ['Enter', 'In search: go to the next match (Shift+Enter: the one before)'],
  ['?', 'Show these shortcuts'],
];

/** The keyboard shortcuts sheet itself (`ShortcutsSheet` loads it when first asked for: `WORKSPACE_DEFERRED.shortcutsSheet`). */
export function ShortcutsDialog({
  radix: { Dialog, ModalContent },
  open,
  onOpenChange,
}: {
  radix: typeof DialogParts;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <ModalContent className="w-[420px]">
        <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">Select a point first (click it, or a highlight in the essay).</Dialog.Description>
        <dl className="mt-4 space-y-2">
          {SHORTCUTS.map(([key, what]) => (
            <div key={`${key} ${what}`} className="flex items-center gap-3 text-sm">
              <dt>
                <kbd className="inline-block min-w-12 rounded border border-slate-300 bg-slate-50 px-2 py-0.5 text-center font-mono text-xs">{key}</kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
      </ModalContent>
    </Dialog.Root>
  );
}
