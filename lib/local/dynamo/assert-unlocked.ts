import { createRequire } from 'node:module';

interface LevelDb {
  open(): Promise<void>;
  close(): Promise<void>;
}
type LevelModule = { Level: new (path: string) => LevelDb };

/**
 * dynalite cannot report a database it failed to open: LevelDB allows one opener per directory, and
 * when a second crmflow (another `npm start`) points at the same one, dynalite throws "Database is
 * closed" from its request handler at the first request, which kills the process. So try the lock
 * first with the very `level` copy dynalite uses, and say what is wrong.
 */
export async function assertUnlocked(path: string): Promise<void> {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { Level } = fromDynalite('level') as LevelModule;
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') {
      throw new Error(`${path} is in use by another local DynamoDB (is crmflow already running?)`, { cause: error });
    }
    throw error;
  }
  await db.close();
}
