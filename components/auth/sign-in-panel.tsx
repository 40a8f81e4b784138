'use client';

import { useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Tabs } from 'radix-ui';
import { Eye, EyeOff, LogIn, UserPlus } from 'lucide-react';
import { logIn, signUp } from '@/lib/api-client/auth';
import { ApiError, type ApiIssue } from '@/lib/api-client/errors';
import { credentialsSchema } from '@/lib/validation/auth';
import { PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from '@/lib/validation/limits';
import { FormAlert } from '@/components/ui/form-alert';

export type SignInTab = 'signin' | 'signup';

interface SignInPanelProps {
  /** Where to go once signed in: a same-site path, already checked by the page. */
  next: string;
  initialTab: SignInTab;
}

/** "Sign in" and "Create an account", as two tabs of one card. */
export function SignInPanel({ next, initialTab }: SignInPanelProps) {
  const tabClass =
    'flex flex-1 items-center justify-center gap-2 whitespace-nowrap rounded-md px-2 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:bg-white data-[state=active]:text-indigo-700 data-[state=active]:shadow-sm';
  return (
    <Tabs.Root defaultValue={initialTab} className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <Tabs.List aria-label="Sign in or create an account" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        <Tabs.Trigger value="signin" className={tabClass} data-testid="signin.tab">
          <LogIn aria-hidden className="h-4 w-4" /> Sign in
        </Tabs.Trigger>
        <Tabs.Trigger value="signup" className={tabClass} data-testid="signup.tab">
          <UserPlus aria-hidden className="h-4 w-4" /> Create an account
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="signin" className="mt-6">
        <CredentialsForm mode="signin" next={next} />
      </Tabs.Content>
      <Tabs.Content value="signup" className="mt-6">
        <CredentialsForm mode="signup" next={next} />
      </Tabs.Content>
    </Tabs.Root>
  );
}

type Field = 'username' | 'password';
type FormErrors = Partial<Record<Field | 'form', string>>;

/** Sorts issues (from the schema in the browser, or from the server) onto the fields they name; the rest go to the form. */
function errorsFrom(issues: ApiIssue[], fallback?: string): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    const key = field === 'username' || field === 'password' ? field : 'form';
    errors[key] ??= issue.message;
  }
  if (!errors.username && !errors.password && !errors.form && fallback) errors.form = fallback;
  return errors;
}

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until React hydrates, true after. Until then the submit button
 * stays disabled: a native submit of the form would put the password in the URL.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

interface CredentialsFormProps {
  mode: SignInTab;
  next: string;
}

/** Username and password, checked with `credentialsSchema` here and again by the server. */
function CredentialsForm({ mode, next }: CredentialsFormProps) {
  const router = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hydrated = useHydrated();
  const signup = mode === 'signup';
  const testid = (name: string) => `${mode}.${name}`;

  function show(found: FormErrors) {
    setErrors(found);
    if (found.username) usernameRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = credentialsSchema.safeParse({ username, password });
    if (!parsed.success) {
      show(errorsFrom(parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))));
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await (signup ? signUp : logIn)(parsed.data);
      // Stay busy: the page is about to change.
      router.replace(next);
      router.refresh();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Something went wrong. Try again.';
      show(error instanceof ApiError ? errorsFrom(error.issues, message) : { form: message });
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid={testid('form')}>
      <div>
        <label htmlFor={`${id}-username`} className="mb-1 block text-sm font-medium text-slate-700">
          Username
        </label>
        <input
          ref={usernameRef}
          id={`${id}-username`}
          name="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? `${id}-username-error` : signup ? `${id}-username-hint` : undefined}
          className="w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-400"
          data-testid={testid('username')}
        />
        {errors.username ? (
          <p id={`${id}-username-error`} className="mt-1 text-sm text-red-700" data-testid={testid('username-error')}>
            {errors.username}
          </p>
        ) : (
          signup && (
            <p id={`${id}-username-hint`} className="mt-1 text-sm text-slate-500">
              {USERNAME_MIN}–{USERNAME_MAX} letters, digits, dots, dashes or underscores.
            </p>
          )
        )}
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="mb-1 block text-sm font-medium text-slate-700">
          Password
        </label>
        <div className="relative">
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type={showPassword ? 'text' : 'password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={signup ? 'new-password' : 'current-password'}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${id}-password-error` : signup ? `${id}-password-hint` : undefined}
            className="w-full rounded-md border border-slate-300 py-2 pl-3 pr-11 aria-[invalid=true]:border-red-400"
            data-testid={testid('password')}
          />
          <button
            type="button"
            onClick={() => setShowPassword((shown) => !shown)}
            aria-label={showPassword ? 'Hide password' : 'Show password'}
            aria-pressed={showPassword}
            className="absolute inset-y-0 right-0 grid w-10 place-items-center rounded-r-md text-slate-500 hover:text-slate-800"
          >
            {showPassword ? <EyeOff aria-hidden className="h-4 w-4" /> : <Eye aria-hidden className="h-4 w-4" />}
          </button>
        </div>
        {errors.password ? (
          <p id={`${id}-password-error`} className="mt-1 text-sm text-red-700" data-testid={testid('password-error')}>
            {errors.password}
          </p>
        ) : (
          signup && (
            <p id={`${id}-password-hint`} className="mt-1 text-sm text-slate-500">
              At least {PASSWORD_MIN} characters.
            </p>
          )
        )}
      </div>
      {errors.form && <FormAlert testId={testid('error')}>{errors.form}</FormAlert>}
      <button
        type="submit"
        disabled={busy || !hydrated}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        data-testid={testid('submit')}
      >
        {signup ? (busy ? 'Creating the account…' : 'Create the account') : busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
