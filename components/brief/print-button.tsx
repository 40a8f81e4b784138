'use client';

import { Printer } from 'lucide-react';

/** Opens the browser's print dialog (the print stylesheet turns the page into the paper brief). */
export function PrintButton({ className }: { className: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()} aria-label="Print" title="Print, or save as PDF" data-testid="brief.print">
      <Printer aria-hidden className="h-4 w-4" /> <span className="hidden sm:inline">Print</span>
    </button>
  );
}
