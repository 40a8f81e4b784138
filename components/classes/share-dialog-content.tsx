'use client';

import { useCallback, useEffect, useState } from 'react';
import { UserMinus } from 'lucide-react';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as DialogParts from '@/components/ui/popups/dialog';
import {
  changeInvite,
  getSharing,
  removeMember,
  setMemberRole,
  type Invite,
  type InviteChange,
  type Member,
  type MemberRoleChange,
  type Sharing,
} from '@/lib/api-client/classes';
import { updateMap } from '@/lib/api-client/maps';
import { DEFERRED } from '@/components/map-store/deferred';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import type { Policy } from '@/lib/auth/permissions';

const POLICY_LABELS: Record<Policy, string> = {
  invite: 'Members only — students join with the invite',
  open: 'Open — anyone with the link can add points under a name',
  'read-only': 'Read-only — anyone with the link can read; nobody changes anything',
};

/**
 * The sharing panel itself (`ShareDialog` draws its button until this loads, with Radix's Dialog:
 * `DEFERRED.shareDialog`): invite link, code and QR code; members and their roles; the access
 * policy. Read from the server each time it opens.
 */
export function SharePopup({
  radix: { Dialog, ModalContent },
  popup,
  open,
  onOpenChange,
}: {
  radix: typeof DialogParts;
  popup: LoadedPopup;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const slug = useMapStore((s) => s.view.map.slug);
  const refresh = useMapStore((s) => s.refresh);
  const notify = useMapStore((s) => s.notify);
  const [members, setMembers] = useState<Member[]>([]);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [policy, setPolicyState] = useState<Policy>('invite');
  const [anonymous, setAnonymous] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const link = invite && typeof window !== 'undefined' ? `${window.location.origin}/join/${invite.code}` : '';

  const show = useCallback((data: Sharing) => {
    setMembers(data.members);
    setInvite(data.invite);
    setPolicyState(data.policy);
    setAnonymous(data.anonymous);
  }, []);
  const load = useCallback(() => getSharing(slug).then(show), [slug, show]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    getSharing(slug)
      .then((data) => current && show(data))
      .catch((e: unknown) => notify({ tone: 'error', message: `Sharing not loaded: ${messageOf(e)}` }));
    return () => {
      current = false;
    };
  }, [open, slug, show, notify]);

  useEffect(() => {
    if (!link) return;
    let current = true;
    // The QR library is only needed here; it loads once the map page is idle (offline: no QR code yet).
    void DEFERRED.qrCode
      .load()
      .then((QR) => QR.toDataURL(link, { margin: 1, width: 360 }))
      .then((url) => current && setQr(url))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [link]);

  // After a refusal, the dialog reads back what the server has (a switch flipped ahead of it goes back).
  const act = (promise: Promise<unknown>) =>
    promise.then(load).catch((e: unknown) => {
      notify({ tone: 'error', message: messageOf(e) });
      void load().catch(() => undefined);
    });

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger {...popup.trigger} />
      <ModalContent className="w-[680px]">
        <Dialog.Title className="text-lg font-semibold">Share with your class</Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">
          Students open the link (or type the code), give their name, and join — no password needed.
        </Dialog.Description>
        {invite ? (
          <div className="mt-5 grid grid-cols-[1fr_auto] gap-6" data-testid="share.invite">
            <div className="space-y-4">
              <div>
                <p className="text-xs font-semibold uppercase tracking-wider text-slate-500">Code</p>
                <p
                  className={`font-mono text-4xl font-bold tracking-[0.3em] ${invite.active ? 'text-slate-900' : 'text-slate-400 line-through'}`}
                  data-testid="share.code"
                >
                  {invite.code}
                </p>
              </div>
              <div>
                <p className="text-xs font-semibold uppercase tracking-wider text-slate-500">Link</p>
                <div className="mt-1 flex gap-2">
                  <input
                    readOnly
                    value={link}
                    className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
                    data-testid="share.link"
                    onFocus={(e) => e.target.select()}
                  />
                  <button
                    type="button"
                    className="rounded-md border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-50"
                    onClick={() => void navigator.clipboard?.writeText(link).then(() => notify({ tone: 'info', message: 'Link copied.' }))}
                  >
                    Copy
                  </button>
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <label className="flex items-center gap-2">
                  Students join as
                  <select
                    value={invite.role}
                    onChange={(e) => act(changeInvite(slug, { action: invite.active ? 'enable' : 'disable', role: e.target.value as InviteChange['role'] }))}
                    className="rounded-md border border-slate-300 px-2 py-1"
                  >
                    <option value="editor">editors</option>
                    <option value="commenter">commenters</option>
                    <option value="viewer">viewers</option>
                  </select>
                </label>
                <button
                  type="button"
                  className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
                  onClick={() => act(changeInvite(slug, { action: 'rotate' }))}
                  data-testid="share.rotate"
                >
                  New code
                </button>
                <button
                  type="button"
                  className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
                  onClick={() => act(changeInvite(slug, { action: invite.active ? 'disable' : 'enable' }))}
                  data-testid="share.toggle"
                >
                  {invite.active ? 'Turn the invite off' : 'Turn the invite on'}
                </button>
              </div>
            </div>
            {qr && invite.active && (
              // A data: URL made in the browser; next/image has nothing to optimise here.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={qr} alt={`QR code for ${link}`} className="h-44 w-44 rounded-md border border-slate-200" data-testid="share.qr" />
            )}
          </div>
        ) : (
          <p className="mt-4 text-sm text-slate-600">Loading…</p>
        )}

        <div className="mt-6">
          <label className="block text-sm">
            <span className="mb-1 block text-xs font-semibold uppercase tracking-wider text-slate-500">Who can take part</span>
            <select
              value={policy}
              onChange={(e) => act(updateMap(slug, { policy: e.target.value as Policy }).then(refresh))}
              className="w-full rounded-md border border-slate-300 px-2 py-2"
              data-testid="share.policy"
            >
              {(Object.keys(POLICY_LABELS) as Policy[]).map((p) => (
                <option key={p} value={p}>
                  {POLICY_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
          <label className="mt-4 flex items-start gap-3 text-sm" data-testid="share.anonymous">
            <input
              type="checkbox"
              checked={anonymous}
              onChange={(e) => {
                setAnonymous(e.target.checked);
                void act(updateMap(slug, { anonymous: e.target.checked }).then(refresh));
              }}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-indigo-600"
            />
            <span>
              <span className="font-medium text-slate-800">Anonymous class</span>
              <span className="block text-slate-600">
                Students see each other as “Student 1, 2, …” (numbered as they joined) on the map, in comments, history, exports and the brief. You still see
                their names. Turning it off shows the names again.
              </span>
            </span>
          </label>
        </div>

        <div className="mt-6">
          <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500">Members ({members.length})</h3>
          <ul className="mt-2 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200" data-testid="share.members">
            {members.map((m) => (
              <li key={m.id} className="flex items-center gap-3 px-3 py-2 text-sm" data-testid="share.member">
                <span className="flex-1 font-medium text-slate-800">
                  {m.name} {m.account && <span className="text-xs font-normal text-slate-500">(account)</span>}
                  {anonymous && m.alias && (
                    <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-600" title="How classmates see them">
                      {m.alias}
                    </span>
                  )}
                </span>
                {m.role === 'owner' ? (
                  <span className="text-slate-500">owner</span>
                ) : (
                  <>
                    <select
                      value={m.role}
                      aria-label={`Role of ${m.name}`}
                      onChange={(e) => act(setMemberRole(slug, m.id, { role: e.target.value as MemberRoleChange['role'] }))}
                      className="rounded-md border border-slate-300 px-2 py-1"
                    >
                      <option value="editor">editor</option>
                      <option value="commenter">commenter</option>
                      <option value="viewer">viewer</option>
                    </select>
                    <button
                      type="button"
                      aria-label={`Remove ${m.name}`}
                      className="rounded p-1 text-slate-500 hover:bg-red-50 hover:text-red-700"
                      onClick={() => act(removeMember(slug, m.id))}
                    >
                      <UserMinus aria-hidden className="h-4 w-4" />
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </ModalContent>
    </Dialog.Root>
  );
}
