'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { DropdownMenu } from 'radix-ui';
import { ChevronDown, LogIn, LogOut, UserRound } from 'lucide-react';

type Account = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; username: string };

/**
 * The header's account control: "Sign in" (back to this page afterwards), or the signed-in
 * username with a menu holding "Sign out".
 */
export function AccountMenu() {
  const router = useRouter();
  const pathname = usePathname();
  const [account, setAccount] = useState<Account>({ state: 'loading' });
  const [signOutFailed, setSignOutFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch('/api/auth/me', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ user: { username: string } | null }>) : { user: null }))
      .catch(() => ({ user: null }))
      .then(({ user }) => {
        if (!cancelled) setAccount(user ? { state: 'signed-in', username: user.username } : { state: 'signed-out' });
      });
    return () => {
      cancelled = true;
    };
  }, [pathname]);

  async function signOut() {
    setSignOutFailed(false);
    try {
      const response = await fetch('/api/auth/logout', { method: 'POST', cache: 'no-store' });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
    } catch {
      setSignOutFailed(true);
      return;
    }
    setAccount({ state: 'signed-out' });
    router.refresh();
  }

  if (account.state === 'loading') return <span aria-hidden className="inline-block h-8 w-24" />;

  if (account.state === 'signed-out') {
    // Read here, not during server rendering: this branch only renders after the fetch in the browser.
    const here = `${pathname}${window.location.search}`;
    return (
      <Link
        href={`/signin?next=${encodeURIComponent(here)}`}
        className="inline-flex h-8 shrink-0 items-center gap-2 whitespace-nowrap rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        data-testid="account.signin"
      >
        <LogIn aria-hidden className="h-4 w-4" /> Sign in
      </Link>
    );
  }

  return (
    <div className="flex items-center gap-2">
      {signOutFailed && (
        <p role="alert" className="text-sm text-red-700" data-testid="account.error">
          Signing out failed — try again.
        </p>
      )}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          className="inline-flex h-8 max-w-[14rem] items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 data-[state=open]:bg-slate-100"
          aria-label={`Account: ${account.username}`}
          data-testid="account.menu"
        >
          <UserRound aria-hidden className="h-4 w-4 shrink-0 text-slate-500" />
          <span className="truncate">{account.username}</span>
          <ChevronDown aria-hidden className="h-4 w-4 shrink-0 text-slate-500" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
            <DropdownMenu.Label className="px-3 py-1.5 text-xs text-slate-500">Signed in as {account.username}</DropdownMenu.Label>
            <DropdownMenu.Item
              onSelect={() => void signOut()}
              className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100"
              data-testid="account.signout"
            >
              <LogOut aria-hidden className="h-4 w-4" /> Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
