'use client';

import Link from 'next/link';
import { Home, LogIn, LogOut } from 'lucide-react';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as DropdownMenuParts from '@/components/ui/popups/dropdown-menu';
import { roleSummary } from '@/lib/auth/role-summary';
import type { MapView } from '@/lib/argument/map-view';
import type { Policy } from '@/lib/auth/permissions';

/**
 * The account menus themselves (`AccountMenu` draws their buttons until this loads, with Radix's
 * DropdownMenu: `DEFERRED.accountMenu`).
 */

const MENU_CONTENT = 'z-50 w-72 rounded-lg border border-slate-200 bg-white p-1 shadow-lg';
const MENU_ITEM = 'flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100';

type Radix = typeof DropdownMenuParts;
type Role = MapView['viewer']['role'];

/** A signed-in person's menu: who, what their role on this map allows, and "Sign out". */
export function AccountPopup({
  radix: { DropdownMenu },
  popup,
  username,
  onMap,
  onSignOut,
}: {
  radix: Radix;
  popup: LoadedPopup;
  username: string;
  onMap: { viewer: MapView['viewer']; policy: Policy } | null;
  onSignOut: () => void;
}) {
  return (
    <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
      <DropdownMenu.Trigger {...popup.trigger} />
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={MENU_CONTENT}>
          <DropdownMenu.Label className="px-3 py-1.5 text-xs text-slate-500">Signed in as {username}</DropdownMenu.Label>
          {onMap && <RoleSummary role={onMap.viewer.role} policy={onMap.policy} />}
          {onMap?.viewer.alias && <AliasNote alias={onMap.viewer.alias} />}
          <DropdownMenu.Item onSelect={onSignOut} className={MENU_ITEM} data-testid="account.signout">
            <LogOut aria-hidden className="h-4 w-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function RoleSummary({ role, policy }: { role: Role; policy: Policy }) {
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
export function MemberPopup({
  radix: { DropdownMenu },
  popup,
  name,
  role,
  policy,
  alias,
}: {
  radix: Radix;
  popup: LoadedPopup;
  name: string;
  role: Role;
  policy: Policy;
  alias: string | null;
}) {
  return (
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
          <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
            This browser keeps your place in the class: come back in the same browser to carry on.
          </p>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** Once the live stream says this person may no longer see the map: what that means, and the ways on. */
export function NoAccessPopup({ radix: { DropdownMenu }, popup, signedIn }: { radix: Radix; popup: LoadedPopup; signedIn: boolean }) {
  return (
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
  );
}
