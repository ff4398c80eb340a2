import type { FaultResponse } from '../faults.ts';

export type { FaultHook, FaultRequest, FaultResponse } from '../faults.ts';

export const SERVER_UNAVAILABLE: FaultResponse = {
  status: 503,
  body: [{ message: 'Server is temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE', fields: [] }],
};
