import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/problem';

/**
 * Puts an API error where the user looks: beside each field it names that the form has, and everything else
 * (a detail without a field, or a field this form does not show) at the top of the form.
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string | null {
  if (!(error instanceof ApiError)) {
    return 'TikTimer could not be reached. Check your connection and try again.';
  }
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: 'server', message: capitalise(message) });
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  if (unplaced.length > 0) return unplaced.join('; ');
  return error.formMessage;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
