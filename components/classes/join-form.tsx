'use client';

import { useId, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { joinClass } from '@/lib/api-client/invites';
import { ApiError } from '@/lib/api-client/errors';
import { rememberName } from '@/lib/api-client/identity';
import { DEFERRED } from '@/components/map-store/deferred';
import { FormAlert } from '@/components/ui/form-alert';

interface JoinFormProps {
  /** A code from the invite link; without it the form asks for one. */
  code?: string;
}

/** Join a class map with the invite code and the name the class will see. */
export function JoinForm({ code: fixedCode }: JoinFormProps) {
  const router = useRouter();
  const [code, setCode] = useState(fixedCode ?? '');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const codeId = useId();
  const nameId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The schemas (zod) load on the first try, not with the page: the map page carries this form for
    // a members-only map, and every visitor of every map would fetch zod before the canvas otherwise.
    let schemas;
    try {
      schemas = await DEFERRED.classSchemas.load();
    } catch {
      setErrors({ form: 'Could not reach Argmap. Check the connection, then try again.' });
      return;
    }
    const { inviteCodeSchema, joinSchema, notAnInviteCode } = schemas;
    const next: typeof errors = {};
    const parsedCode = inviteCodeSchema.safeParse(code);
    if (!parsedCode.success) next.code = notAnInviteCode(code, 'typed');
    const parsedName = joinSchema.safeParse({ name });
    if (!parsedName.success) next.name = parsedName.error.issues[0].message;
    setErrors(next);
    if (next.code || next.name) return;
    setBusy(true);
    try {
      const { map } = await joinClass(parsedCode.data!, { name: parsedName.data!.name });
      rememberName(parsedName.data!.name);
      router.push(`/maps/${map.slug}`);
      router.refresh();
    } catch (error) {
      // A name the class already uses is the name field's problem, said there.
      const onName = error instanceof ApiError ? error.issues.find((issue) => issue.path[0] === 'name') : undefined;
      setErrors(onName ? { name: onName.message } : { form: error instanceof ApiError ? error.message : 'Could not join. Try again.' });
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="join.form">
      {!fixedCode && (
        <div>
          <label htmlFor={codeId} className="mb-1 block text-sm font-medium text-slate-700">
            Invite code
          </label>
          <input
            id={codeId}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoCapitalize="characters"
            placeholder="K7QX2M"
            autoFocus
            className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-lg tracking-widest uppercase"
            data-testid="join.code"
          />
          {errors.code && (
            <p className="mt-1 text-sm text-red-700" data-testid="join.code-error">
              {errors.code}
            </p>
          )}
        </div>
      )}
      <div>
        <label htmlFor={nameId} className="mb-1 block text-sm font-medium text-slate-700">
          Your name
        </label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="As your class knows you"
          className="w-full rounded-md border border-slate-300 px-3 py-2"
          autoFocus={Boolean(fixedCode)}
          data-testid="join.name"
        />
        {errors.name && (
          <p className="mt-1 text-sm text-red-700" data-testid="join.name-error">
            {errors.name}
          </p>
        )}
      </div>
      {errors.form && <FormAlert testId="join.error">{errors.form}</FormAlert>}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        data-testid="join.submit"
      >
        {busy ? 'Joining…' : 'Join the class'}
      </button>
    </form>
  );
}
