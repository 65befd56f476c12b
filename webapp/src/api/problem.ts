/**
 * RFC 9457 problem+json as every TikTimer service answers it: `title`, `detail`, `status`, and for input errors
 * `violations[]` (`field`, `in`, `message`) or, for a duplicate, a top-level `field`.
 */
export interface FieldErrors {
  [field: string]: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly fieldErrors: FieldErrors;

  constructor(status: number, title: string, detail: string | null, fieldErrors: FieldErrors) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }

  /** What to show at the top of a form: the detail, unless every part of it is already shown beside a field. */
  get formMessage(): string | null {
    return Object.keys(this.fieldErrors).length > 0 ? null : (this.detail ?? this.title);
  }
}

/**
 * Bean Validation names a field by its path (`register.request.email`); the form knows it as `email`. Services that
 * name the field themselves already use the wire name (`password`, `current_password`).
 */
export function fieldName(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.replace(/\[\d+]$/, '');
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  field?: unknown;
  violations?: unknown;
}

export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  const problem: ProblemBody = typeof body === 'object' && body !== null ? (body as ProblemBody) : {};
  const title = typeof problem.title === 'string' ? problem.title : statusText || `HTTP ${status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : null;
  const fieldErrors: FieldErrors = {};
  if (Array.isArray(problem.violations)) {
    for (const violation of problem.violations) {
      if (violation && typeof violation.field === 'string') {
        const name = fieldName(violation.field);
        const message = typeof violation.message === 'string' ? violation.message : 'is not valid';
        fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]}; ${message}` : message;
      }
    }
  } else if (typeof problem.field === 'string') {
    fieldErrors[fieldName(problem.field)] = detail ?? title;
  }
  return new ApiError(status, title, detail, fieldErrors);
}
