/**
 * Runs a conditional write: true when it was applied, false when its condition did not hold (someone
 * else wrote first). Every other error propagates: a throttle or an outage must not read as "lost".
 */
export async function whenConditionHolds(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    // By name, not instanceof: two copies of the SDK in one bundle would defeat instanceof.
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
