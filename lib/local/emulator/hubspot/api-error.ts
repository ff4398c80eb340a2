/**
 * An error as the HubSpot CRM API reports it: an HTTP status and
 * `{ status: 'error', message, correlationId, category, … }`. The portal model throws these too, so a
 * scenario that writes something HubSpot would refuse is told so in HubSpot's words.
 */
export class HubSpotApiError extends Error {
  readonly status: number;
  readonly category: string;
  /** More fields of the body: `errors`, `context`, `policyName`, `errorType`, `subCategory`. */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: number, category: string, message: string, extra: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'HubSpotApiError';
    this.status = status;
    this.category = category;
    this.extra = extra;
  }

  toBody(correlationId: string): Record<string, unknown> {
    return { status: 'error', message: this.message, correlationId, category: this.category, ...this.extra };
  }
}

/** One property HubSpot refused, as its validation errors list them. */
export interface PropertyIssue {
  readonly name: string;
  /** `PROPERTY_DOESNT_EXIST`, `INVALID_OPTION`, `READ_ONLY_VALUE`, `INVALID_OWNER_ID`, … */
  readonly code: string;
  readonly message: string;
}

export const objectNotFound = (id: string): HubSpotApiError =>
  new HubSpotApiError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', {
    context: { id: [id] },
  });

export const badRequest = (message: string, extra: Readonly<Record<string, unknown>> = {}): HubSpotApiError =>
  new HubSpotApiError(400, 'VALIDATION_ERROR', message, extra);

/** HubSpot's "Property values were not valid" answer, with the legacy message and the structured `errors`. */
export function invalidProperties(issues: readonly PropertyIssue[]): HubSpotApiError {
  const legacy = issues.map((issue) => ({
    isValid: false,
    message: issue.message,
    error: issue.code,
    name: issue.name,
    localizedErrorMessage: issue.message,
  }));
  return badRequest(`Property values were not valid: ${JSON.stringify(legacy)}`, {
    errors: issues.map((issue) => ({
      message: issue.message,
      code: issue.code,
      context: { propertyName: [issue.name] },
    })),
  });
}
