import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { register as registerAccount } from '../api/client';
import { useSession } from '../auth/session';
import { Field, FormAlert } from '../components/Form';
import { showServerErrors } from '../components/serverErrors';
import { useTitle } from '../components/useTitle';

// The same rules auth-service applies, so most mistakes are caught before a round trip; the server still decides
// (it also refuses common passwords and ones containing the username, and names the field when it does).
const schema = z.object({
  email: z.email('Enter an email address like name@example.com').max(254),
  username: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,50}$/, "3 to 50 letters, digits, '_', '.' or '-'"),
  password: z.string().min(10, 'At least 10 characters').max(128, 'At most 128 characters'),
});
type SignUpForm = z.infer<typeof schema>;
const FIELDS = ['email', 'username', 'password'] as const;

export function SignUp() {
  useTitle('Sign up');
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpForm>({ resolver: zodResolver(schema), mode: 'onTouched' });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await registerAccount(values);
    } catch (error) {
      setFormError(showServerErrors(error, FIELDS, setError));
      return;
    }
    try {
      await signIn(values.username, values.password);
      navigate('/home', { replace: true });
    } catch {
      navigate('/sign-in', { replace: true, state: { registered: values.username } });
    }
  });

  return (
    <section className="card narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your TikTimer account</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={formError} />
        <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register('email')} />
        <Field
          label="Username"
          autoComplete="username"
          hint="3 to 50 letters, digits, '_', '.' or '-'"
          error={errors.username?.message}
          {...register('username')}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="10 to 128 characters; not a common password, and not containing your username"
          error={errors.password?.message}
          {...register('password')}
        />
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
      <p className="small">
        By creating an account you accept the <Link to="/terms">terms of service</Link> and the{' '}
        <Link to="/privacy">privacy policy</Link>.
      </p>
    </section>
  );
}
