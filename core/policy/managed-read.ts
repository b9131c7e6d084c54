export interface ManagedReadOptions {
  /** Reads in all, at least one. */
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isFilledRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

/**
 * Reads managed storage, retrying while it comes back empty. Right after install or browser start
 * Chromium can answer {} before the policy is loaded, and no onChanged follows when it arrives
 * (w3c/webextensions#547); Firefox rejects with "Managed storage manifest not found" or gives
 * undefined. No policy at all looks the same, so this can take attempts × delayMs before giving
 * {}: apply the user's settings first rather than wait for it. Never throws.
 */
export async function readManagedWithRetry(
  get: () => Promise<unknown>,
  { attempts = 10, delayMs = 300, sleep = wait }: ManagedReadOptions = {},
): Promise<Record<string, unknown>> {
  for (let attempt = 1; attempt <= Math.max(1, attempts); attempt++) {
    try {
      if (attempt > 1) await sleep(delayMs);
      const value = await get();
      if (isFilledRecord(value)) return value;
    } catch {
      // A rejection (Firefox without a policy manifest) counts as an empty answer.
    }
  }
  return {};
}
