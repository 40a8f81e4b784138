import type { ReactNode } from 'react';
import { AppLogo } from './app-logo';

interface PageShellProps {
  children: ReactNode;
  /** Extra content on the right of the header (e.g. the account menu). */
  headerRight?: ReactNode;
  /** Width and spacing of the main column. */
  mainClassName?: string;
  testId?: string;
}

/** The frame of Argmap's simple pages: the logo header and one centred column. */
export function PageShell({ children, headerRight, mainClassName = 'mx-auto max-w-md px-6 py-16', testId }: PageShellProps) {
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-6 py-4">
          <AppLogo />
          {headerRight}
        </div>
      </header>
      <main className={mainClassName} data-testid={testId}>
        {children}
      </main>
    </div>
  );
}
