'use client';

import { useContext, useEffect, useState, useSyncExternalStore } from 'react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { ChevronDown, Home, LogIn, LogOut, ShieldOff, UserRound } from 'lucide-react';
import { DEFERRED } from '@/components/map-workspace/deferred';
import { MapStoreContext } from '@/components/map-workspace/map-store';
import { LazyPopup, type TriggerProps } from '@/components/ui/lazy-popup';
import { roleSummary } from '@/lib/auth/role-words';
import type { MapView } from '@/lib/argument/map-view';
import type { Policy } from '@/lib/auth/permissions';

type Account = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; username: string };

const noSubscription = () => () => {};

/**
 * Who the map page's store says is looking (kept current by the live stream), and the map's
 * policy; null outside a map page.
 */
function useMapViewer(): { viewer: MapView['viewer']; policy: Policy } | null {
  const store = useContext(MapStoreContext);
  const subscribe = store?.subscribe ?? noSubscription;
  const viewer = useSyncExternalStore(subscribe, () => store?.getState().view.viewer ?? null, () => store?.getState().view.viewer ?? null);
  const policy = useSyncExternalStore(subscribe, () => store?.getState().view.map.policy ?? null, () => store?.getState().view.map.policy ?? null);
  return viewer && policy ? { viewer, policy } : null;
}

const MENU_CONTENT = 'z-50 w-72 rounded-lg border border-slate-200 bg-white p-1 shadow-lg';
const MENU_ITEM = 'flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100';

/**
 * The header's account control. On a map page it shows who the map knows: a member or a signed-in
 * person by name and, unless everyone on the map may edit, their role ("Mina · commenter"), with a
 * menu that says what the role allows (and "Sign out" for an account); "No access" once the live
 * stream says access was taken away. "Sign in" (back to this page afterwards) only for someone
 * neither signed in nor a member. Elsewhere it asks the server who is signed in.
 */
export function AccountMenu() {
  const router = useRouter();
  const pathname = usePathname();
  const store = useContext(MapStoreContext);
  const onMap = useMapViewer();
  // The query string, for "back to this page" after signing in ('' while rendering on the server).
  const search = useSyncExternalStore(noSubscription, () => window.location.search, () => '');
  const [fetched, setFetched] = useState<Account>({ state: 'loading' });
  const [signOutFailed, setSignOutFailed] = useState(false);

  useEffect(() => {
    // A map page knows already (its view's `viewer`); other pages ask.
    if (store) return;
    let cancelled = false;
    fetch('/api/auth/me', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ user: { username: string } | null }>) : { user: null }))
      .catch(() => ({ user: null }))
      .then(({ user }) => {
        if (!cancelled) setFetched(user ? { state: 'signed-in', username: user.username } : { state: 'signed-out' });
      });
    return () => {
      cancelled = true;
    };
  }, [pathname, store]);

  async function signOut() {
    setSignOutFailed(false);
    try {
      const response = await fetch('/api/auth/logout', { method: 'POST', cache: 'no-store' });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
    } catch {
      setSignOutFailed(true);
      return;
    }
    setFetched({ state: 'signed-out' });
    // On a map, read it again as the signed-out visitor (a members-only map then shows its join screen).
    if (store) await store.getState().refresh().catch(() => undefined);
    router.refresh();
  }

  if (onMap && onMap.viewer.role === null) return <NoAccess signedIn={onMap.viewer.signedIn} />;

  const account: Account = onMap
    ? onMap.viewer.signedIn && onMap.viewer.name
      ? { state: 'signed-in', username: onMap.viewer.name }
      : { state: 'signed-out' }
    : fetched;
  const member = onMap && !onMap.viewer.signedIn ? onMap.viewer.name : null;

  if (account.state === 'loading') return <span aria-hidden className="inline-block h-8 w-24" />;

  if (member && onMap) return <MemberMenu name={member} role={onMap.viewer.role} policy={onMap.policy} alias={onMap.viewer.alias} />;

  if (account.state === 'signed-out') {
    const here = `${pathname}${search}`;
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

  const shownRole = onMap && (onMap.policy !== 'open' || onMap.viewer.role !== 'editor') ? onMap.viewer.role : null;
  return (
    <div className="flex items-center gap-2">
      {signOutFailed && (
        <p role="alert" className="text-sm text-red-700" data-testid="account.error">
          Signing out failed — try again.
        </p>
      )}
      <LazyPopup
        module={DEFERRED.dropdownMenu}
        popup="menu"
        trigger={triggerProps({ name: account.username, role: shownRole, label: `Account: ${account.username}${shownRole ? `, ${shownRole} on this map` : ''}`, testId: 'account.menu' })}
      >
        {({ DropdownMenu }, popup) => (
          <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
            <DropdownMenu.Trigger {...popup.trigger} />
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="end" sideOffset={6} className={MENU_CONTENT}>
                <DropdownMenu.Label className="px-3 py-1.5 text-xs text-slate-500">Signed in as {account.username}</DropdownMenu.Label>
                {onMap && <RoleSummary role={onMap.viewer.role} policy={onMap.policy} />}
                {onMap?.viewer.alias && <AliasNote alias={onMap.viewer.alias} />}
                <DropdownMenu.Item onSelect={() => void signOut()} className={MENU_ITEM} data-testid="account.signout">
                  <LogOut aria-hidden className="h-4 w-4" /> Sign out
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </LazyPopup>
    </div>
  );
}

/** The menu button: an icon, the name (cut short when long) and the role on this map. */
function triggerProps({ name, role, label, testId }: { name: string; role: string | null; label: string; testId: string }): TriggerProps {
  return {
    className: 'inline-flex h-8 max-w-[16rem] shrink-0 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-100 data-[state=open]:bg-slate-100',
    'aria-label': label,
    'data-testid': testId,
    children: (
      <>
        <UserRound aria-hidden className="h-4 w-4 shrink-0 text-slate-500" />
        <span className="min-w-0 truncate">{name}</span>
        {role && (
          <span className="shrink-0 font-normal text-slate-500">
            <span aria-hidden> · </span>
            {role}
          </span>
        )}
        <ChevronDown aria-hidden className="h-4 w-4 shrink-0 text-slate-500" />
      </>
    ),
  };
}

function RoleSummary({ role, policy }: { role: MapView['viewer']['role']; policy: Policy }) {
  return (
    <p className="px-3 pb-2 text-sm text-slate-700" data-testid="account.role-summary">
      {roleSummary(role, policy)}
    </p>
  );
}

/** On an anonymous class: how classmates see this student. */
function AliasNote({ alias }: { alias: string }) {
  return (
    <p className="border-t border-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="account.alias">
      This class is anonymous: classmates see you as <span className="font-semibold">{alias}</span>. Your teacher sees your name.
    </p>
  );
}

/** A student who joined by invite, without an account: their name and role, and what the role allows. */
function MemberMenu({ name, role, policy, alias }: { name: string; role: MapView['viewer']['role']; policy: Policy; alias: string | null }) {
  return (
    <LazyPopup module={DEFERRED.dropdownMenu} popup="menu" trigger={triggerProps({ name, role, label: `You: ${name}${role ? `, ${role} on this map` : ''}`, testId: 'account.member' })}>
      {({ DropdownMenu }, popup) => (
        <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
          <DropdownMenu.Trigger {...popup.trigger} />
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={6} className={MENU_CONTENT}>
              <DropdownMenu.Label className="px-3 py-1.5 text-xs text-slate-500">
                Joined as <span className="font-semibold text-slate-700">{name}</span>
                {role && ` · ${role}`}
              </DropdownMenu.Label>
              <RoleSummary role={role} policy={policy} />
              {alias && <AliasNote alias={alias} />}
              <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">This browser keeps your place in the class: come back in the same browser to carry on.</p>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
    </LazyPopup>
  );
}

/** Shown once the live stream says this person may no longer see the map. */
function NoAccess({ signedIn }: { signedIn: boolean }) {
  const trigger = {
    className: 'inline-flex h-8 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full bg-red-50 px-3 text-sm font-semibold text-red-800 ring-1 ring-inset ring-red-200 hover:bg-red-100',
    'data-testid': 'account.no-access',
    children: (
      <>
        <ShieldOff aria-hidden className="h-4 w-4" /> No access
      </>
    ),
  };
  return (
    <LazyPopup module={DEFERRED.dropdownMenu} popup="menu" trigger={trigger}>
      {({ DropdownMenu }, popup) => (
        <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
          <DropdownMenu.Trigger {...popup.trigger} />
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={6} className={MENU_CONTENT}>
              <p className="px-3 py-2 text-sm text-slate-700">
                You no longer have access to this map. What is on screen stays readable, but nothing can be changed. Ask your teacher if this is a mistake.
              </p>
              <DropdownMenu.Item asChild className={MENU_ITEM}>
                <Link href="/">
                  <Home aria-hidden className="h-4 w-4" /> All maps
                </Link>
              </DropdownMenu.Item>
              {!signedIn && (
                <DropdownMenu.Item asChild className={MENU_ITEM}>
                  <Link href="/signin">
                    <LogIn aria-hidden className="h-4 w-4" /> Sign in
                  </Link>
                </DropdownMenu.Item>
              )}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
    </LazyPopup>
  );
}
