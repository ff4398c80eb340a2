/**
 * An error as the Salesforce REST API reports it: HTTP status and `[{ message, errorCode, fields }]`.
 * The org model throws these too, so a scenario that writes something Salesforce would refuse is told so.
 */
export class SalesforceApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly fields: readonly string[];

  constructor(status: number, errorCode: string, message: string, fields: readonly string[] = []) {
    super(message);
    this.name = 'SalesforceApiError';
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
  }

  toBody(): { message: string; errorCode: string; fields: string[] }[] {
    return [{ message: this.message, errorCode: this.errorCode, fields: [...this.fields] }];
  }
}

export const notFound = (what = 'The requested resource does not exist'): SalesforceApiError =>
  new SalesforceApiError(404, 'NOT_FOUND', what);

export const invalidField = (message: string, fields: readonly string[] = []): SalesforceApiError =>
  new SalesforceApiError(400, 'INVALID_FIELD', message, fields);

export const malformedQuery = (message: string): SalesforceApiError =>
  new SalesforceApiError(400, 'MALFORMED_QUERY', message);
