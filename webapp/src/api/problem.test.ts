import { describe, expect, it } from 'vitest';
import { toApiError } from './problem';

describe('problem+json', () => {
  it('puts each violation next to the field it names, by its last path segment', () => {
    const error = toApiError(400, {
      title: 'Bad Request',
      detail: 'register.request.email: must be a well-formed email address',
      violations: [
        { field: 'register.request.email', in: 'body', message: 'must be a well-formed email address' },
        { field: 'password', in: 'body', message: 'is too common; choose a less guessable password' },
      ],
    });
    expect(error.fieldErrors).toEqual({
      email: 'must be a well-formed email address',
      password: 'is too common; choose a less guessable password',
    });
    expect(error.formMessage).toBeNull();
  });

  it('names the field of a duplicate (409 with a top-level field)', () => {
    const error = toApiError(409, { title: 'Conflict', detail: 'username is already registered', field: 'username' });
    expect(error.fieldErrors).toEqual({ username: 'username is already registered' });
  });

  it('shows the detail at the top of the form when no field is named', () => {
    const error = toApiError(401, { title: 'Unauthorized', detail: 'Incorrect username or password' });
    expect(error.fieldErrors).toEqual({});
    expect(error.formMessage).toBe('Incorrect username or password');
  });

  it('survives a body that is not a problem', () => {
    expect(toApiError(502, 'Bad Gateway', 'Bad Gateway').formMessage).toBe('Bad Gateway');
  });
});
