import type { PlatformId } from '../types';
import type { PlatformAdapter } from './adapter';
import { bigbluebutton } from './bigbluebutton';
import { discord } from './discord';
import { elementCall } from './element-call';
import { googleMeet } from './google-meet';
import { goto } from './goto';
import { jitsi } from './jitsi';
import { slack } from './slack';
import { teams } from './teams';
import { webex } from './webex';
import { genericWebrtc } from './webrtc';
import { whatsapp } from './whatsapp';
import { whereby } from './whereby';
import { zoom } from './zoom';

const ADAPTERS: Record<PlatformId, PlatformAdapter> = {
  'google-meet': googleMeet,
  zoom,
  teams,
  webex,
  jitsi,
  whereby,
  'element-call': elementCall,
  discord,
  slack,
  bigbluebutton,
  goto,
  whatsapp,
  webrtc: genericWebrtc,
};

export { platformForUrl, type ExtraSite } from './platform-for-url';

/** The adapter for a platform; sites of no known platform ("webrtc") are read by WebRTC alone. */
export function adapterFor(platform: PlatformId): PlatformAdapter {
  return ADAPTERS[platform] ?? genericWebrtc;
}
