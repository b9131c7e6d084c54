import type { EncryptionVerdict } from '../encryption';
import type { Policy } from '../policy/types';
import type { BrowserNetworkFacts, ConnectionFact, Finding, FlaggedParticipant, NetworkReport, PageRead, PlatformId } from '../types';

/** Everything a check may look at; built once per assessment by assess(). */
export interface CheckContext {
  platform: PlatformId | null;
  inCall: boolean;
  /** Page reads of every frame of the tab that has an adapter. */
  pages: PageRead[];
  participants: FlaggedParticipant[];
  encryption: EncryptionVerdict;
  connections: ConnectionFact[];
  network: NetworkReport;
  browserNetwork: BrowserNetworkFacts;
  policy: Policy;
}

/** One pure check per finding id: the finding with its default severity, or null. */
export type Check = (ctx: CheckContext) => Finding | null;
