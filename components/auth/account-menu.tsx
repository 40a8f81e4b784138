'use client';

import { useContext, useEffect, useState, useSyncExternalStore } from 'react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { ChevronDown, LogIn, ShieldOff, UserRound } from 'lucide-react';
import { DEFERRED } from '@/components/map-store/deferred';
import { MapStoreContext } from '@/components/map-store/map-store';
import { LazyPopup, type TriggerProps } from '@/components/ui/lazy-popup';
import { getSignedInUser, logOut } from '@/lib/api-client/session';
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
  const viewer = useSyncExternalStore(
    subscribe,
    () => store?.getState().view.viewer ?? null,
    () => store?.getState().view.viewer ?? null,
  );
  const policy = useSyncExternalStore(
    subscribe,
    () => store?.getState().view.map.policy ?? null,
    () => store?.getState().view.map.policy ?? null,
  );
  return viewer && policy ? { viewer, policy } : null;
}

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
  const search = useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => '',
  );
  const [fetched, setFetched] = useState<Account>({ state: 'loading' });
  const [signOutFailed, setSignOutFailed] = useState(false);

  useEffect(() => {
    // A map page knows already (its view's `viewer`); other pages ask.
    if (store) return;
    let cancelled = false;
    getSignedInUser()
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
      await logOut();
    } catch {
      setSignOutFailed(true);
      return;
    }
    setFetched({ state: 'signed-out' });
    // On a map, read it again as the signed-out visitor (a members-only map then shows its join screen).
    if (store)
      await store
        .getState()
        .refresh()
        .catch(() => undefined);
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
        module={DEFERRED.accountMenu}
        popup="menu"
        trigger={triggerProps({
          name: account.username,
          role: shownRole,
          label: `Account: ${account.username}${shownRole ? `, ${shownRole} on this map` : ''}`,
          testId: 'account.menu',
        })}
      >
        {(loaded, popup) => <loaded.AccountPopup radix={loaded} popup={popup} username={account.username} onMap={onMap} onSignOut={() => void signOut()} />}
      </LazyPopup>
    </div>
  );
}

/** The menu button: an icon, the name (cut short when long) and the role on this map. */
function triggerProps({ name, role, label, testId }: { name: string; role: string | null; label: string; testId: string }): TriggerProps {
  return {
    className:
      'inline-flex h-8 max-w-[16rem] shrink-0 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-100 data-[state=open]:bg-slate-100',
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

/** A student who joined by invite, without an account: their name and role, and what the role allows. */
function MemberMenu({ name, role, policy, alias }: { name: string; role: MapView['viewer']['role']; policy: Policy; alias: string | null }) {
  return (
    <LazyPopup
      module={DEFERRED.accountMenu}
      popup="menu"
      trigger={triggerProps({ name, role, label: `You: ${name}${role ? `, ${role} on this map` : ''}`, testId: 'account.member' })}
    >
      {(loaded, popup) => <loaded.MemberPopup radix={loaded} popup={popup} name={name} role={role} policy={policy} alias={alias} />}
    </LazyPopup>
  );
}

/** Shown once the live stream says this person may no longer see the map. */
function NoAccess({ signedIn }: { signedIn: boolean }) {
  const trigger = {
    className:
      'inline-flex h-8 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full bg-red-50 px-3 text-sm font-semibold text-red-800 ring-1 ring-inset ring-red-200 hover:bg-red-100',
    'data-testid': 'account.no-access',
    children: (
      <>
        <ShieldOff aria-hidden className="h-4 w-4" /> No access
      </>
    ),
  };
  return (
    <LazyPopup module={DEFERRED.accountMenu} popup="menu" trigger={trigger}>
      {(loaded, popup) => <loaded.NoAccessPopup radix={loaded} popup={popup} signedIn={signedIn} />}
    </LazyPopup>
  );
}
