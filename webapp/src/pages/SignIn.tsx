import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useSession } from '../auth/session';
import { Field, FormAlert } from '../components/Form';
import { showServerErrors } from '../components/serverErrors';
import { useTitle } from '../components/useTitle';

const schema = z.object({
  username: z.string().trim().min(1, 'Enter your username or email'),
  password: z.string().min(1, 'Enter your password'),
});
type SignInForm = z.infer<typeof schema>;
const FIELDS = ['username', 'password'] as const;

interface Arrival {
  from?: string;
  registered?: string;
}

export function SignIn() {
  useTitle('Sign in');
  const navigate = useNavigate();
  const arrival = (useLocation().state ?? {}) as Arrival;
  const { signIn, ending } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInForm>({
    resolver: zodResolver(schema),
    defaultValues: { username: arrival.registered ?? '', password: '' },
  });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFormError(null);
    try {
      await signIn(username, password);
      navigate(arrival.from && arrival.from !== '/sign-in' ? arrival.from : '/home', { replace: true });
    } catch (error) {
      setFormError(showServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <section className="card narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to TikTimer</h1>
      {ending === 'signed-out' && <p role="status" className="notice">You are signed out.</p>}
      {ending === 'deleted' && (
        <p role="status" className="notice">Your account is deleted, and TikTimer is erasing everything it held.</p>
      )}
      {ending === 'expired' && <p role="status" className="notice">Your session has ended. Please sign in again.</p>}
      {arrival.registered && <p role="status" className="notice">Your account is ready. Sign in to continue.</p>}
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={formError} />
        <Field
          label="Username or email"
          autoComplete="username"
          error={errors.username?.message}
          {...register('username')}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New to TikTimer? <Link to="/sign-up">Create an account</Link>
      </p>
    </section>
  );
}
