import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { changePassword, deleteAccount, me } from '../api/client';
import { useSession } from '../auth/session';
import { Field, FormAlert } from '../components/Form';
import { showServerErrors } from '../components/serverErrors';
import { useTitle } from '../components/useTitle';

export function Settings() {
  useTitle('Settings');
  return (
    <div className="page">
      <h1>Settings</h1>
      <div className="grid">
        <PasswordChange />
        <AccountDeletion />
      </div>
    </div>
  );
}

// auth-service's length rule, checked here first; it also refuses common passwords and names the field.
const passwordSchema = z.object({
  current_password: z.string().min(1, 'Enter your current password'),
  password: z.string().min(10, 'At least 10 characters').max(128, 'At most 128 characters'),
});
type PasswordForm = z.infer<typeof passwordSchema>;
const PASSWORD_FIELDS = ['current_password', 'password'] as const;

function PasswordChange() {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PasswordForm>({ resolver: zodResolver(passwordSchema), mode: 'onTouched' });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    try {
      await changePassword(values.current_password, values.password);
    } catch (error) {
      setFormError(showServerErrors(error, PASSWORD_FIELDS, setError));
      return;
    }
    reset({ current_password: '', password: '' });
    setDone(true);
  });

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={formError} />
        <Field label="Current password" type="password" autoComplete="current-password"
          error={errors.current_password?.message} {...register('current_password')} />
        <Field label="New password" type="password" autoComplete="new-password"
          hint="10 to 128 characters; not a common password, and not containing your username"
          error={errors.password?.message} {...register('password')} />
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Changing…' : 'Change password'}
        </button>
      </form>
      <div role="status">
        {done && <p className="notice">Your password is changed. Every other device you were signed in on is signed out.</p>}
      </div>
    </section>
  );
}

/**
 * Deleting is final, so the user types their username first (the API takes the access token alone: a tab left
 * open is all it needs, and a slip of the mouse must not be enough).
 */
function AccountDeletion() {
  const user = useQuery({ queryKey: ['me'], queryFn: me });
  const { signOut } = useSession();
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmed = user.data !== undefined && typed.trim() === user.data.username;

  async function remove() {
    setDeleting(true);
    setFailure(null);
    try {
      await deleteAccount();
    } catch (error) {
      setDeleting(false);
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    await signOut('deleted');
  }

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <p>
        This deletes your TikTimer account for good: your scheduled posts are never published, your uploaded media
        is erased, and TikTimer gives up its access to your TikTok accounts. Posts already on TikTok stay there.
      </p>
      <div className="field">
        <label htmlFor="confirm-username">Type your username to confirm</label>
        <input id="confirm-username" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)}
          aria-describedby="confirm-username-hint" />
        <p id="confirm-username-hint" className="hint">
          {user.data ? <>Your username is <strong>{user.data.username}</strong>.</> : 'Loading your username…'}
        </p>
      </div>
      <button type="button" className="danger" onClick={remove} disabled={!confirmed || deleting}>
        {deleting ? 'Deleting…' : 'Delete my account'}
      </button>
      {failure && <p role="alert" className="alert">Your account could not be deleted: {failure}</p>}
    </section>
  );
}
