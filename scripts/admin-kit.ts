// The admin kit: every file an administrator needs to deploy CallGuard, generated from
// public/managed_schema.json, the one description of CallGuard's settings. Windows ADMX + ADML
// (en-US, fr-FR, de-DE), .reg files and PowerShell scripts, Intune steps, macOS configuration
// profiles and a Jamf Pro schema, Linux policy files, a Google Admin console policy, Firefox
// policies.json. test/unit/scripts/admin-kit.test.ts reads every file the way its consumer does
// and checks that docs/admin/kit/ is exactly what this script writes.
//
//   node scripts/admin-kit.ts             write docs/admin/kit/ (and remove files it no longer writes)
//   node scripts/admin-kit.ts --check     exit 1 when docs/admin/kit/ is not up to date
//   node scripts/admin-kit.ts --out DIR --chrome-id ID [--chrome-update-url URL]
//                             [--edge-id ID] [--edge-update-url URL]
//                                         a whole kit, ADMX included, for other extension ids
//                                         (the store copies' ids, or an organisation's own key)
//
// Plain TypeScript with erasable syntax only, so Node runs it as it is. Output is deterministic:
// no dates, and profile UUIDs derived from fixed strings.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Schema and identities

export interface SchemaNode {
  type: string;
  title?: string;
  description?: string;
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

export interface Schema extends SchemaNode {
  properties: Record<string, SchemaNode>;
}

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SCHEMA_FILE = path.join(ROOT, 'public/managed_schema.json');
export const KIT_DIR = path.join(ROOT, 'docs/admin/kit');

export function readSchema(file: string = SCHEMA_FILE): Schema {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
}

/** Fixed by the `key` in the manifest (wxt.config.ts): the id of every self-hosted CRX. */
export const SELF_HOSTED_ID = 'cnldncfpjacjjaieclaikfncgalbodkg';
export const GECKO_ID = 'callguard@callguard.app';
/** The organisation's own server: an example, every sample says to replace it. */
export const SELF_HOSTED_UPDATE_URL = 'https://extensions.example.org/callguard/updates.xml';
export const FIREFOX_INSTALL_URL = 'https://extensions.example.org/callguard/callguard-latest.xpi';
export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_ADDONS_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';
/** The stores assign ids at publication; until then the store samples carry these. */
export const CHROME_STORE_PLACEHOLDER = 'CHROME_STORE_EXTENSION_ID';
export const EDGE_STORE_PLACEHOLDER = 'EDGE_STORE_EXTENSION_ID';
/**
 * CallGuard's value name in ExtensionInstallForcelist on Windows. Chromium reads any numeric
 * name (registry_dict.cc); a high one stays clear of the 1, 2, 3, … that Group Policy and
 * hand-written samples use, so adding CallGuard never overwrites an entry.
 */
export const FORCELIST_SLOT = '7216';
export const INTUNE_ADMX_INSTALL = './Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/CallGuard/Policy/CallGuardAdmx';
export const PROFILE_PREFIX = 'org.example.callguard';

export type Browser = 'chrome' | 'edge';
export const CHROMIUM_BROWSERS: readonly Browser[] = ['chrome', 'edge'];

export interface BrowserInfo {
  name: string;
  registryRoot: string;
  macDomain: string;
  /** The caption of ExtensionInstallForcelist in the browser's own ADMX. */
  forcelistCaption: string;
  extensionsPage: string;
  /** With its article, as it reads in a sentence. */
  storeName: string;
  category: string;
}

export const BROWSERS: Record<Browser, BrowserInfo> = {
  chrome: {
    name: 'Google Chrome',
    registryRoot: 'Software\\Policies\\Google\\Chrome',
    macDomain: 'com.google.Chrome',
    forcelistCaption: 'Configure the list of force-installed apps and extensions',
    extensionsPage: 'chrome://extensions',
    storeName: 'the Chrome Web Store',
    category: 'CallGuardChrome',
  },
  edge: {
    name: 'Microsoft Edge',
    registryRoot: 'Software\\Policies\\Microsoft\\Edge',
    macDomain: 'com.microsoft.Edge',
    forcelistCaption: 'Control which extensions are installed silently',
    extensionsPage: 'edge://extensions',
    storeName: 'Edge Add-ons',
    category: 'CallGuardEdge',
  },
};

export interface Target {
  id: string;
  updateUrl: string;
}

/**
 * Which CallGuard a kit is for. "self-hosted": the CRX signed with CallGuard's key, from the
 * organisation's server. "store": copies from the Chrome Web Store / Edge Add-ons, with
 * placeholder ids until the stores assign them. "given": ids passed on the command line.
 */
export interface Identity {
  kind: 'self-hosted' | 'store' | 'given';
  chrome: Target;
  edge: Target;
}

export const SELF_HOSTED: Identity = {
  kind: 'self-hosted',
  chrome: { id: SELF_HOSTED_ID, updateUrl: SELF_HOSTED_UPDATE_URL },
  edge: { id: SELF_HOSTED_ID, updateUrl: SELF_HOSTED_UPDATE_URL },
};

export const STORE: Identity = {
  kind: 'store',
  chrome: { id: CHROME_STORE_PLACEHOLDER, updateUrl: CHROME_WEB_STORE_UPDATE_URL },
  edge: { id: EDGE_STORE_PLACEHOLDER, updateUrl: EDGE_ADDONS_UPDATE_URL },
};

/** One sentence that says which id a file uses and where the other one comes from. */
export function identityNote(identity: Identity, browser: Browser): string {
  const { id } = identity[browser];
  const info = BROWSERS[browser];
  switch (identity.kind) {
    case 'self-hosted':
      return `Extension id ${id}: the self-hosted CallGuard (the CRX signed with CallGuard's key, installed from your own update URL). A copy from ${info.storeName} has another id (docs/admin/README.md, "Two identities").`;
    case 'store':
      return `Extension id ${id} is a placeholder for the id ${info.storeName} gave CallGuard at publication: replace it everywhere in this file. The id is the last part of the store listing's address, and ${info.extensionsPage} shows it (Developer mode on).`;
    case 'given':
      return `Extension id ${id}, as given to scripts/admin-kit.ts.`;
  }
}

export const FIREFOX_NOTE = `Add-on id ${GECKO_ID}: the same for the addons.mozilla.org copy and for a self-hosted signed XPI.`;
const GENERATED = 'Generated by scripts/admin-kit.ts from public/managed_schema.json: do not edit, run `node scripts/admin-kit.ts`.';

// ---------------------------------------------------------------------------------------------
// Example values: one per setting, shown in every sample (admins copy what they need)

export const EXAMPLE_SETTINGS: Readonly<Record<string, unknown>> = {
  requireE2EE: true,
  trustedNetworks: ['203.0.113.0/24', '198.51.100.32/27', '2001:db8:1200::/40'],
  trustVpn: true,
  homeTimeZones: ['Europe/Berlin', 'Europe/Paris'],
  allowedPlatforms: ['teams', 'webex', 'jitsi'],
  blockedPlatforms: ['discord', 'whatsapp'],
  conferenceSites: [
    { pattern: 'https://meet.example.org/*', platform: 'jitsi' },
    { pattern: 'https://bbb.example.org/*', platform: 'bigbluebutton' },
  ],
  banner: 'risk',
  severity: { recording: 'danger', 'external-participant': 'warning', travel: 'warning' },
  acknowledgeDanger: true,
  trustedInterceptionRoots: ['5C:8B:2E:1F:9A:3D:47:60:B2:C4:E8:91:0F:7A:6D:35:28:4E:B9:C1:73:0A:DE:52:96:1B:F4:08:67:A3:CD:E0'],
  supportMessage: 'Questions about a call? Call the IT service desk on +49 30 1234 5678.',
  supportUrl: 'https://intranet.example.org/secure-calls',
  acceptProviderEncryption: ['teams', 'webex'],
  confirmBeforeJoin: 'danger',
  allowNamesInExport: false,
};

/** The example of every setting of the schema, in the schema's order. */
export function exampleSettings(schema: Schema): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    if (!Object.hasOwn(EXAMPLE_SETTINGS, key)) {
      throw new Error(`scripts/admin-kit.ts: EXAMPLE_SETTINGS has no example for the setting "${key}"`);
    }
    settings[key] = EXAMPLE_SETTINGS[key];
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Translations of the schema's titles and descriptions (ADML fr-FR, de-DE)

export type Language = 'en-US' | 'fr-FR' | 'de-DE';
export const LANGUAGES: readonly Language[] = ['en-US', 'fr-FR', 'de-DE'];
type Translated = Exclude<Language, 'en-US'>;
export const TRANSLATED: readonly Translated[] = ['fr-FR', 'de-DE'];

export interface Translation {
  /** englishHash() of the schema text it was translated from: a changed text shows as stale. */
  from: string;
  'fr-FR': [title: string, description: string];
  'de-DE': [title: string, description: string];
}

/** Keyed by schemaTextPaths(): "banner", "severity.recording", "conferenceSites[].pattern". */
export const TRANSLATIONS: Readonly<Record<string, Translation>> = {
  requireE2EE: {
    from: '4ebaa378',
    'fr-FR': [
      'Exiger le chiffrement de bout en bout',
      "Les appels doivent être chiffrés de bout en bout : un appel non chiffré est un danger, un appel dont le chiffrement n'est pas confirmé un avertissement.",
    ],
    'de-DE': [
      'Ende-zu-Ende-Verschlüsselung verlangen',
      'Anrufe müssen Ende-zu-Ende-verschlüsselt sein: Ein unverschlüsselter Anruf ist eine Gefahr, ein unbestätigter eine Warnung.',
    ],
  },
  trustedNetworks: {
    from: 'f887a2a4',
    'fr-FR': [
      'Réseaux de confiance',
      "CIDR IPv4/IPv6 des réseaux de sortie de l'organisation, p. ex. « 203.0.113.0/24 ». Un appel depuis une adresse publique hors de ces réseaux est signalé. Vide : non vérifié.",
    ],
    'de-DE': [
      'Vertrauenswürdige Netze',
      'IPv4-/IPv6-CIDRs der Ausgangsnetze der Organisation, z. B. „203.0.113.0/24“. Ein Anruf von einer öffentlichen Adresse außerhalb dieser Netze wird gemeldet. Leer: keine Prüfung.',
    ],
  },
  trustVpn: {
    from: 'e0b791f6',
    'fr-FR': [
      'Faire confiance aux connexions VPN',
      'Considérer une connexion dont le navigateur indique le type de réseau « vpn » comme étant sur un réseau de confiance.',
    ],
    'de-DE': [
      'VPN-Verbindungen vertrauen',
      'Eine Verbindung, deren Netzwerktyp der Browser als „vpn“ meldet, als Verbindung aus einem vertrauenswürdigen Netz werten.',
    ],
  },
  homeTimeZones: {
    from: 'b9120f7f',
    'fr-FR': [
      'Fuseaux horaires habituels',
      'Fuseaux horaires IANA où les utilisateurs travaillent habituellement, p. ex. « Europe/Paris ». Un appel depuis un autre fuseau horaire est signalé comme un déplacement. Vide : non vérifié.',
    ],
    'de-DE': [
      'Heimat-Zeitzonen',
      'IANA-Zeitzonen, in denen die Nutzer normalerweise arbeiten, z. B. „Europe/Paris“. Ein Anruf aus einer anderen Zeitzone wird als Reise gemeldet. Leer: keine Prüfung.',
    ],
  },
  allowedPlatforms: {
    from: '7a5fdfe8',
    'fr-FR': [
      'Plateformes autorisées',
      "Plateformes de conférence que les utilisateurs peuvent utiliser. Les appels sur d'autres plateformes sont signalés. Vide : toutes les plateformes sont autorisées.",
    ],
    'de-DE': [
      'Erlaubte Plattformen',
      'Konferenzplattformen, die Nutzer verwenden dürfen. Anrufe auf anderen Plattformen werden gemeldet. Leer: Alle Plattformen sind erlaubt.',
    ],
  },
  blockedPlatforms: {
    from: '7ae8f9e8',
    'fr-FR': [
      'Plateformes bloquées',
      'Plateformes de conférence que les utilisateurs ne doivent pas utiliser. Les appels sur ces plateformes sont signalés.',
    ],
    'de-DE': ['Gesperrte Plattformen', 'Konferenzplattformen, die Nutzer nicht verwenden dürfen. Anrufe darauf werden gemeldet.'],
  },
  conferenceSites: {
    from: 'b93a3a17',
    'fr-FR': [
      'Sites de conférence supplémentaires',
      'Sites de conférence auto-hébergés ou supplémentaires : un motif de correspondance sans port, p. ex. « https://meet.example.org/* » ou « *://*.example.org/* », et la plateforme dont le lecteur doit y être utilisé.',
    ],
    'de-DE': [
      'Zusätzliche Konferenzseiten',
      'Selbst gehostete oder zusätzliche Konferenzseiten: ein Übereinstimmungsmuster ohne Port, z. B. „https://meet.example.org/*“ oder „*://*.example.org/*“, und die Plattform, deren Leser dort verwendet wird.',
    ],
  },
  'conferenceSites[].pattern': {
    from: '32a51635',
    'fr-FR': ['Motif de correspondance', 'Un motif de correspondance WebExtension avec le schéma http, https ou *, sans port.'],
    'de-DE': ['Übereinstimmungsmuster', 'Ein WebExtension-Übereinstimmungsmuster mit dem Schema http, https oder * und ohne Port.'],
  },
  'conferenceSites[].platform': {
    from: '34d8be01',
    'fr-FR': ['Plateforme', "L'identifiant de la plateforme dont le lecteur doit être utilisé sur les pages correspondantes."],
    'de-DE': ['Plattform', 'Die Plattform-ID, deren Leser auf passenden Seiten verwendet wird.'],
  },
  banner: {
    from: '1ab84cd5',
    'fr-FR': [
      'Bannière dans la page',
      "Quand afficher la bannière sur la page de l'appel : « always » (toujours), seulement en cas de « risk » (avertissement ou danger), ou « off » (jamais).",
    ],
    'de-DE': [
      'Banner auf der Seite',
      'Wann das Banner auf der Anrufseite erscheint: „always“ (immer), nur bei „risk“ (Warnung oder Gefahr) oder „off“ (nie).',
    ],
  },
  severity: {
    from: '95ed070a',
    'fr-FR': [
      'Niveaux de gravité imposés',
      'Gravité imposée pour chaque constat : identifiant du constat vers « info » (information), « warning » (avertissement) ou « danger ».',
    ],
    'de-DE': [
      'Schweregrade festlegen',
      'Schweregrad je Befund: Befund-ID auf „info“ (Information), „warning“ (Warnung) oder „danger“ (Gefahr).',
    ],
  },
  'severity.e2ee-off': {
    from: 'c2b921ca',
    'fr-FR': ['E2EE désactivé', "Le média n'est pas chiffré de bout en bout."],
    'de-DE': ['E2EE aus', 'Die Medien sind nicht Ende-zu-Ende-verschlüsselt.'],
  },
  'severity.e2ee-unverified': {
    from: '17fab08d',
    'fr-FR': ['E2EE non vérifié', "Le chiffrement n'a pu être ni confirmé ni infirmé."],
    'de-DE': ['E2EE unbestätigt', 'Die Verschlüsselung ließ sich weder bestätigen noch ausschließen.'],
  },
  'severity.dial-in-participant': {
    from: 'e841432b',
    'fr-FR': ['Participant par téléphone', "Un participant par téléphone, RTC ou SIP est dans l'appel."],
    'de-DE': ['Einwahlteilnehmer', 'Ein Teilnehmer per Telefon, Festnetz (PSTN) oder SIP ist im Anruf.'],
  },
  'severity.recording': {
    from: 'f0a91e9d',
    'fr-FR': ['Enregistrement', "L'appel est enregistré."],
    'de-DE': ['Aufzeichnung', 'Der Anruf wird aufgezeichnet.'],
  },
  'severity.transcription': {
    from: '29b18741',
    'fr-FR': ['Transcription', 'La transcription, les notes IA ou les sous-titres en direct sont enregistrés par le fournisseur.'],
    'de-DE': ['Transkription', 'Transkription, KI-Notizen oder Live-Untertitel werden vom Anbieter gespeichert.'],
  },
  'severity.ai-notetaker': {
    from: 'e64c0b9a',
    'fr-FR': ['Preneur de notes IA', "Un robot preneur de notes participe à l'appel."],
    'de-DE': ['KI-Protokollant', 'Ein Bot, der Notizen macht, ist Teilnehmer.'],
  },
  'severity.external-participant': {
    from: '97542ffb',
    'fr-FR': ['Participant externe', "Un participant invité, externe, non vérifié ou anonyme est dans l'appel."],
    'de-DE': ['Externer Teilnehmer', 'Ein Gast oder ein externer, nicht verifizierter oder anonymer Teilnehmer ist im Anruf.'],
  },
  'severity.meeting-open': {
    from: 'bb58068d',
    'fr-FR': ['Réunion ouverte', "Pas de salle d'attente, de verrou ni de mot de passe alors que la plateforme en propose."],
    'de-DE': ['Offenes Meeting', 'Kein Warteraum, keine Sperre und kein Passwort, obwohl die Plattform sie anbietet.'],
  },
  'severity.untrusted-network': {
    from: '07ebb264',
    'fr-FR': ['Réseau non fiable', "L'adresse publique de cet ordinateur est hors des réseaux de confiance."],
    'de-DE': ['Nicht vertrauenswürdiges Netz', 'Die öffentliche Adresse dieses Computers liegt außerhalb der vertrauenswürdigen Netze.'],
  },
  'severity.tls-interception': {
    from: '82daac1b',
    'fr-FR': [
      'Interception TLS',
      'Le certificat du site de conférence remonte à une racine que le navigateur ne fournit pas (Firefox).',
    ],
    'de-DE': [
      'TLS-Abfangen',
      'Das Zertifikat der Konferenzseite führt zu einem Stammzertifikat, das der Browser nicht mitbringt (Firefox).',
    ],
  },
  'severity.captive-portal': {
    from: '7505ce3b',
    'fr-FR': ['Portail captif', 'Le navigateur est derrière un portail captif (Firefox).'],
    'de-DE': ['Captive Portal', 'Der Browser befindet sich hinter einem Captive Portal (Firefox).'],
  },
  'severity.travel': {
    from: 'f60217b5',
    'fr-FR': ['Déplacement', "Le fuseau horaire de l'appareil est hors des fuseaux horaires habituels."],
    'de-DE': ['Reise', 'Die Zeitzone des Geräts liegt außerhalb der Heimat-Zeitzonen.'],
  },
  'severity.platform-not-allowed': {
    from: 'c9052ce2',
    'fr-FR': ['Plateforme non autorisée', "L'organisation n'autorise pas cette plateforme."],
    'de-DE': ['Plattform nicht erlaubt', 'Die Organisation erlaubt diese Plattform nicht.'],
  },
  'severity.weak-transport': {
    from: '14a43903',
    'fr-FR': ['Transport faible', "DTLS n'est pas connecté ou utilise un algorithme de chiffrement inattendu."],
    'de-DE': ['Schwacher Transport', 'DTLS ist nicht verbunden oder verwendet ein unerwartetes Verschlüsselungsverfahren.'],
  },
  acknowledgeDanger: {
    from: '06b75017',
    'fr-FR': ['Confirmer les dangers', "L'utilisateur doit confirmer une bannière de danger avant de pouvoir la fermer."],
    'de-DE': ['Gefahr bestätigen', 'Der Nutzer muss ein Gefahrenbanner bestätigen, bevor er es schließen kann.'],
  },
  trustedInterceptionRoots: {
    from: '02cc8fa4',
    'fr-FR': [
      "Racines d'inspection TLS de confiance",
      "Empreintes SHA-256 (64 chiffres hexadécimaux, deux-points facultatifs) des certificats racines d'inspection TLS de l'organisation. L'interception par ces racines n'est pas signalée.",
    ],
    'de-DE': [
      'Vertrauenswürdige Stammzertifikate der TLS-Inspektion',
      'SHA-256-Fingerabdrücke (64 Hexadezimalziffern, Doppelpunkte optional) der Stammzertifikate, mit denen die Organisation TLS inspiziert. Abfangen durch diese Zertifikate wird nicht gemeldet.',
    ],
  },
  supportMessage: {
    from: 'cfd157a6',
    'fr-FR': [
      "Message d'assistance",
      "Un court message de l'organisation affiché avec les avertissements, p. ex. qui contacter. Un seul message pour toutes les langues, ou un par langue, écrit comme un objet JSON associant une étiquette de langue à un message, p. ex. {\"en\": \"Call the service desk on 1234.\", \"fr\": \"Appelez le service d'assistance au 1234.\"} (la valeur de la stratégie est du texte : Chrome et Edge n'admettent qu'un type par paramètre).",
    ],
    'de-DE': [
      'Support-Hinweis',
      'Eine kurze Nachricht der Organisation, die mit Warnungen angezeigt wird, z. B. an wen man sich wendet. Eine Nachricht für alle Sprachen oder eine je Sprache, geschrieben als JSON-Objekt aus Sprach-Tag und Nachricht, z. B. {"en": "Call the service desk on 1234.", "de": "Rufen Sie den Service Desk unter 1234 an."} (der Richtlinienwert ist Text: Chrome und Edge erlauben nur einen Typ je Einstellung).',
    ],
  },
  supportUrl: {
    from: '9df8a6a5',
    'fr-FR': ["URL d'assistance", "Un lien https:// vers la page d'aide de l'organisation, affiché avec les avertissements."],
    'de-DE': ['Support-URL', 'Ein https://-Link zur Hilfeseite der Organisation, der mit Warnungen angezeigt wird.'],
  },
  acceptProviderEncryption: {
    from: 'eecdb5a1',
    'fr-FR': [
      'Accepter le chiffrement du fournisseur sur ces plateformes',
      "Plateformes sur lesquelles l'organisation accepte le chiffrement en transit, où le fournisseur peut accéder au média (le cas habituel sur Meet, Zoom, Teams et Webex dans le navigateur). Sur celles-ci, « non chiffré de bout en bout » est affiché comme une information et ne fait jamais apparaître la bannière. Vide : nulle part.",
    ],
    'de-DE': [
      'Anbieterverschlüsselung auf diesen Plattformen akzeptieren',
      'Plattformen, auf denen die Organisation Transportverschlüsselung akzeptiert, bei der der Anbieter auf die Medien zugreifen kann (der Normalfall bei Meet, Zoom, Teams und Webex im Browser). Dort wird „nicht Ende-zu-Ende-verschlüsselt“ als Information angezeigt und löst nie das Banner aus. Leer: nirgends.',
    ],
  },
  allowNamesInExport: {
    from: 'dc7de551',
    'fr-FR': [
      'Autoriser les noms dans les rapports exportés',
      "Indique si « Exporter le rapport » peut inclure les noms et numéros de téléphone des participants lorsque l'utilisateur coche « Inclure les noms ». false : les exports les remplacent toujours par des substituts. Par défaut : true.",
    ],
    'de-DE': [
      'Namen in exportierten Berichten erlauben',
      'Ob „Bericht exportieren“ Namen und Telefonnummern der Teilnehmenden enthalten darf, wenn der Nutzer „Namen einschließen“ ankreuzt. false: Exporte ersetzen sie immer durch Platzhalter. Standard: true.',
    ],
  },
  confirmBeforeJoin: {
    from: '3e1172c4',
    'fr-FR': [
      'Confirmer avant de rejoindre',
      "Sur l'écran qui précède l'appel, le bouton de la plateforme pour rejoindre demande d'abord une confirmation dans la bannière de CallGuard lorsque ce qui est déjà connu atteint ce niveau : « warning » (avertissement) ou « danger ». « off » : jamais.",
    ],
    'de-DE': [
      'Vor dem Beitreten bestätigen',
      'Auf dem Bildschirm vor dem Beitritt fragt die Beitreten-Schaltfläche der Plattform zuerst im Banner von CallGuard nach einer Bestätigung, wenn das bereits Bekannte diese Stufe erreicht: „warning“ (Warnung) oder „danger“ (Gefahr). „off“: nie.',
    ],
  },
};

/** Labels of the values admins pick from a drop-down list (the values themselves in English). */
export const ENUM_LABELS: Readonly<Record<Translated, Readonly<Record<string, string>>>> = {
  'fr-FR': {
    always: 'always (toujours)',
    risk: 'risk (avertissement ou danger)',
    off: 'off (jamais)',
    info: 'info (information)',
    warning: 'warning (avertissement)',
    danger: 'danger',
  },
  'de-DE': {
    always: 'always (immer)',
    risk: 'risk (Warnung oder Gefahr)',
    off: 'off (nie)',
    info: 'info (Information)',
    warning: 'warning (Warnung)',
    danger: 'danger (Gefahr)',
  },
};

/** Every schema node with a title, by path: "key", "key.child", "key[].child". */
export function schemaTextPaths(schema: Schema): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = [];
  const visit = (prefix: string, properties: Record<string, SchemaNode> | undefined) => {
    for (const [name, node] of Object.entries(properties ?? {})) {
      const at = prefix ? `${prefix}.${name}` : name;
      found.push([at, node]);
      visit(at, node.properties);
      if (node.items?.properties) visit(`${at}[]`, node.items.properties);
    }
  };
  visit('', schema.properties);
  return found;
}

export function englishHash(node: SchemaNode): string {
  return createHash('sha256').update(`${node.title ?? ''}\n${node.description ?? ''}`).digest('hex').slice(0, 8);
}

/** Paths whose translation is missing, or was made from another English text. */
export function translationProblems(schema: Schema): { missing: string[]; stale: { path: string; hash: string }[] } {
  const missing: string[] = [];
  const stale: { path: string; hash: string }[] = [];
  for (const [at, node] of schemaTextPaths(schema)) {
    const translation = TRANSLATIONS[at];
    if (!translation) missing.push(at);
    else if (translation.from !== englishHash(node)) stale.push({ path: at, hash: englishHash(node) });
  }
  return { missing, stale };
}

interface Text {
  title: string;
  description: string;
}

function nodeText(at: string, node: SchemaNode, language: Language): Text {
  if (language === 'en-US') return { title: node.title ?? at, description: node.description ?? '' };
  const translation = TRANSLATIONS[at];
  if (!translation) throw new Error(`scripts/admin-kit.ts: TRANSLATIONS has no entry for "${at}"`);
  const [title, description] = translation[language];
  return { title, description };
}

function enumLabel(value: string, language: Language): string {
  if (language === 'en-US') return value;
  const label = ENUM_LABELS[language][value];
  if (label === undefined) throw new Error(`scripts/admin-kit.ts: ENUM_LABELS["${language}"] has no label for "${value}"`);
  return label;
}

// ---------------------------------------------------------------------------------------------
// Fixed ADML phrases

interface Phrases {
  category: (browser: string) => string;
  categoryExplain: (browser: string) => string;
  supported: (browser: string, id: string) => string;
  identity: (identity: Identity, id: string) => string;
  forceInstallTitle: string;
  forceInstallExplain: (browser: string, caption: string, target: Target) => string;
  forceInstallLabel: string;
  booleanHint: string;
  lockedBoolean: string;
  lockedValue: string;
  listHint: string;
  allowedValues: (values: string) => string;
  jsonHint: (example: string) => string;
  dictHint: (notSet: string) => string;
  notSet: string;
  registry: string;
}

export const PHRASES: Readonly<Record<Language, Phrases>> = {
  'en-US': {
    category: (browser) => `CallGuard for ${browser}`,
    categoryExplain: (browser) =>
      `Settings of the CallGuard extension in ${browser}. A setting set here is locked for users ("Set by your organisation" on CallGuard's options page).`,
    supported: (browser, id) => `${browser} with CallGuard (extension id ${id})`,
    identity: (identity, id) =>
      identity.kind === 'self-hosted'
        ? `Extension id ${id}: the self-hosted CallGuard. A copy from a browser store has another id; generate a template for it with scripts/admin-kit.ts.`
        : `Extension id ${id}.`,
    forceInstallTitle: 'Force-install CallGuard',
    forceInstallExplain: (browser, caption, target) =>
      `Adds CallGuard to the force-install list of ${browser} (ExtensionInstallForcelist) as the value named ${FORCELIST_SLOT}. Users cannot remove or disable it. The other entries of the list stay as they are.\n\nThe value is the extension id and the update URL, separated by a semicolon. Replace the example update URL with your own: ${target.id};${target.updateUrl}\n\nIf you also set the browser's own policy "${caption}" (ExtensionInstallForcelist), add this line to that list instead and leave this setting Not configured: that policy replaces every value of the list when it applies, this one included.\n\nDisabled: CallGuard is removed.`,
    forceInstallLabel: 'Extension id;update URL',
    booleanHint: 'Enabled: on. Disabled: off.',
    lockedBoolean: 'Enabled or Disabled, the setting is locked for users. Not configured: users choose (CallGuard’s default applies until they do).',
    lockedValue: 'Enabled: the value below, locked for users. Disabled or Not configured: users choose (CallGuard’s default applies until they do).',
    listHint: 'One entry per line.',
    allowedValues: (values) => `Allowed values: ${values}.`,
    jsonHint: (example) => `JSON text, for example: ${example}`,
    dictHint: (notSet) => `For each finding, choose a severity, or leave “${notSet}” to keep CallGuard’s own.`,
    notSet: '(not set)',
    registry: 'Registry:',
  },
  'fr-FR': {
    category: (browser) => `CallGuard pour ${browser}`,
    categoryExplain: (browser) =>
      `Paramètres de l'extension CallGuard dans ${browser}. Un paramètre défini ici est verrouillé pour les utilisateurs (« Défini par votre organisation » dans les options de CallGuard).`,
    supported: (browser, id) => `${browser} avec CallGuard (identifiant d'extension ${id})`,
    identity: (identity, id) =>
      identity.kind === 'self-hosted'
        ? `Identifiant d'extension ${id} : CallGuard auto-hébergé. Une copie issue d'une boutique de navigateur a un autre identifiant ; générez un modèle pour celui-ci avec scripts/admin-kit.ts.`
        : `Identifiant d'extension ${id}.`,
    forceInstallTitle: "Installer CallGuard d'office",
    forceInstallExplain: (browser, _caption, target) =>
      `Ajoute CallGuard à la liste d'installation forcée de ${browser} (ExtensionInstallForcelist) sous la valeur nommée ${FORCELIST_SLOT}. Les utilisateurs ne peuvent ni le supprimer ni le désactiver. Les autres entrées de la liste restent inchangées.\n\nLa valeur est l'identifiant de l'extension et l'URL de mise à jour, séparés par un point-virgule. Remplacez l'URL de mise à jour d'exemple par la vôtre : ${target.id};${target.updateUrl}\n\nSi vous définissez aussi la stratégie ExtensionInstallForcelist du modèle de ${browser}, ajoutez plutôt cette ligne à cette liste et laissez ce paramètre Non configuré : cette stratégie remplace toutes les valeurs de la liste lorsqu'elle s'applique, y compris celle-ci.\n\nDésactivé : CallGuard est désinstallé.`,
    forceInstallLabel: "Identifiant d'extension;URL de mise à jour",
    booleanHint: 'Activé : oui. Désactivé : non.',
    lockedBoolean:
      "Activé ou Désactivé, le paramètre est verrouillé pour les utilisateurs. Non configuré : les utilisateurs choisissent (la valeur par défaut de CallGuard s'applique tant qu'ils ne l'ont pas fait).",
    lockedValue:
      "Activé : la valeur ci-dessous, verrouillée pour les utilisateurs. Désactivé ou Non configuré : les utilisateurs choisissent (la valeur par défaut de CallGuard s'applique tant qu'ils ne l'ont pas fait).",
    listHint: 'Une entrée par ligne.',
    allowedValues: (values) => `Valeurs admises : ${values}.`,
    jsonHint: (example) => `Texte JSON, par exemple : ${example}`,
    dictHint: (notSet) => `Pour chaque constat, choisissez une gravité, ou laissez « ${notSet} » pour garder celle de CallGuard.`,
    notSet: '(non défini)',
    registry: 'Registre :',
  },
  'de-DE': {
    category: (browser) => `CallGuard für ${browser}`,
    categoryExplain: (browser) =>
      `Einstellungen der Erweiterung CallGuard in ${browser}. Eine hier festgelegte Einstellung ist für Nutzer gesperrt („Von Ihrer Organisation festgelegt“ in den Optionen von CallGuard).`,
    supported: (browser, id) => `${browser} mit CallGuard (Erweiterungs-ID ${id})`,
    identity: (identity, id) =>
      identity.kind === 'self-hosted'
        ? `Erweiterungs-ID ${id}: das selbst gehostete CallGuard. Eine Kopie aus einem Browser-Store hat eine andere ID; erzeugen Sie dafür eine Vorlage mit scripts/admin-kit.ts.`
        : `Erweiterungs-ID ${id}.`,
    forceInstallTitle: 'CallGuard zwangsweise installieren',
    forceInstallExplain: (browser, _caption, target) =>
      `Fügt CallGuard der Liste zwangsweise installierter Erweiterungen von ${browser} (ExtensionInstallForcelist) als Wert mit dem Namen ${FORCELIST_SLOT} hinzu. Nutzer können es weder entfernen noch deaktivieren. Die übrigen Einträge der Liste bleiben unverändert.\n\nDer Wert besteht aus Erweiterungs-ID und Update-URL, getrennt durch ein Semikolon. Ersetzen Sie die Beispiel-Update-URL durch Ihre eigene: ${target.id};${target.updateUrl}\n\nWenn Sie auch die Richtlinie ExtensionInstallForcelist aus der Vorlage von ${browser} festlegen, tragen Sie diese Zeile stattdessen dort ein und lassen Sie diese Einstellung auf „Nicht konfiguriert“: Jene Richtlinie ersetzt beim Anwenden alle Werte der Liste, auch diesen.\n\nDeaktiviert: CallGuard wird entfernt.`,
    forceInstallLabel: 'Erweiterungs-ID;Update-URL',
    booleanHint: 'Aktiviert: ein. Deaktiviert: aus.',
    lockedBoolean:
      'Aktiviert oder deaktiviert ist die Einstellung für Nutzer gesperrt. Nicht konfiguriert: Die Nutzer wählen selbst (bis dahin gilt die Voreinstellung von CallGuard).',
    lockedValue:
      'Aktiviert: der Wert unten, für Nutzer gesperrt. Deaktiviert oder nicht konfiguriert: Die Nutzer wählen selbst (bis dahin gilt die Voreinstellung von CallGuard).',
    listHint: 'Ein Eintrag pro Zeile.',
    allowedValues: (values) => `Zulässige Werte: ${values}.`,
    jsonHint: (example) => `JSON-Text, zum Beispiel: ${example}`,
    dictHint: (notSet) => `Wählen Sie je Befund einen Schweregrad oder lassen Sie „${notSet}“, um den von CallGuard zu behalten.`,
    notSet: '(nicht festgelegt)',
    registry: 'Registrierung:',
  },
};

// ---------------------------------------------------------------------------------------------
// The Windows registry, in the forms Chromium reads (components/policy/core/common/registry_dict.cc)

export type RegData = { type: 'REG_SZ'; value: string } | { type: 'REG_DWORD'; value: number };
export interface RegWrite {
  key: string;
  name: string;
  data: RegData;
}

/**
 * How a setting is stored. Chromium converts registry values guided by the extension's schema:
 * a DWORD becomes a boolean, a subkey of numbered values a list, a subkey of named values an
 * object, and a string where a list or object is expected is parsed as JSON. Lists of objects
 * can only be JSON (Group Policy lists hold text only).
 */
export type RegistryForm = 'dword' | 'sz' | 'list' | 'dict' | 'json';

export function registryForm(node: SchemaNode): RegistryForm {
  if (node.type === 'boolean') return 'dword';
  if (node.type === 'string') return 'sz';
  if (node.type === 'array') return node.items?.type === 'string' ? 'list' : 'json';
  const children = Object.values(node.properties ?? {});
  if (node.type === 'object' && children.length > 0 && children.every((child) => child.type === 'string' && child.enum)) return 'dict';
  return 'json';
}

const sz = (value: string): RegData => ({ type: 'REG_SZ', value });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function encodeSetting(writes: RegWrite[], key: string, name: string, node: SchemaNode, value: unknown): void {
  switch (registryForm(node)) {
    case 'dword':
      writes.push({ key, name, data: { type: 'REG_DWORD', value: value === true ? 1 : 0 } });
      return;
    case 'sz':
      writes.push({ key, name, data: sz(String(value)) });
      return;
    case 'json':
      writes.push({ key, name, data: sz(JSON.stringify(value)) });
      return;
    case 'list':
      (Array.isArray(value) ? value : []).forEach((item, index) => writes.push({ key: `${key}\\${name}`, name: String(index + 1), data: sz(String(item)) }));
      return;
    case 'dict':
      for (const [child, childNode] of Object.entries(node.properties ?? {})) {
        if (isRecord(value) && Object.hasOwn(value, child)) encodeSetting(writes, `${key}\\${name}`, child, childNode, value[child]);
      }
  }
}

/** The registry values that hold `settings` under `key`, in the schema's order. */
export function settingsRegistryWrites(schema: Schema, settings: Record<string, unknown>, key: string): RegWrite[] {
  const writes: RegWrite[] = [];
  for (const [name, node] of Object.entries(schema.properties)) {
    if (Object.hasOwn(settings, name)) encodeSetting(writes, key, name, node, settings[name]);
  }
  return writes;
}

export function policyKey(browser: Browser, id: string): string {
  return `${BROWSERS[browser].registryRoot}\\3rdparty\\extensions\\${id}\\policy`;
}

export function forcelistKey(browser: Browser): string {
  return `${BROWSERS[browser].registryRoot}\\ExtensionInstallForcelist`;
}

const regKeyName = (key: string) => `HKEY_LOCAL_MACHINE\\${key.replace(/^Software\\/, 'SOFTWARE\\')}`;
const regString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A REGEDIT5 file: comment lines, then keys to delete and keys with their values, in order. */
export function regFile(comments: string[], deletes: string[], writes: RegWrite[]): string {
  const lines = ['Windows Registry Editor Version 5.00', '', ...comments.map((line) => `; ${line}`.trimEnd())];
  for (const key of deletes) lines.push('', `[-${regKeyName(key)}]`);
  const keys = [...new Set(writes.map((write) => write.key))];
  for (const key of keys) {
    lines.push('', `[${regKeyName(key)}]`);
    for (const write of writes.filter((w) => w.key === key)) {
      const data = write.data.type === 'REG_DWORD' ? `dword:${write.data.value.toString(16).padStart(8, '0')}` : regString(write.data.value);
      lines.push(`${regString(write.name)}=${data}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

export function chromiumReg(schema: Schema, browser: Browser, identity: Identity): string {
  const info = BROWSERS[browser];
  const target = identity[browser];
  const settingsKey = policyKey(browser, target.id);
  const page = browser === 'chrome' ? 'chrome://policy' : 'edge://policy';
  const updateSource =
    identity.kind === 'store' ? `${info.storeName} (its update URL)` : 'your own update server (replace the example URL)';
  const comments = [
    ...wrap(`CallGuard for ${info.name} on Windows: force-install from ${updateSource} and CallGuard's settings.`),
    ...wrap(identityNote(identity, browser)),
    '',
    ...wrap(
      `Adding, not replacing: CallGuard's line goes into ExtensionInstallForcelist as the value named ${FORCELIST_SLOT}, so the entries your organisation already has (1, 2, 3, ...) stay. If Group Policy or Intune sets that list ("${info.forcelistCaption}"), add the line there instead: that policy rewrites the whole list when it applies, and this value would be deleted.`,
    ),
    ...wrap(`CallGuard's own key (...\\3rdparty\\extensions\\${target.id}\\policy) is deleted first, so entries removed from a list do not linger. Nothing else is deleted.`),
    '',
    ...wrap(
      'Forms Chromium reads: true/false as REG_DWORD (1/0); text as REG_SZ; a list of text as a subkey of numbered REG_SZ values; severity as a subkey of REG_SZ values; conferenceSites as REG_SZ holding JSON.',
    ),
    ...wrap(`Change the example values before use. Import as administrator (reg import <file>) and check ${page}.`),
    ...(identity.kind === 'store'
      ? []
      : wrap('Off-store force-installs need a machine joined to Active Directory or Microsoft Entra ID, or enrolled in browser management.')),
    ...wrap(GENERATED),
  ];
  const writes: RegWrite[] = [
    { key: forcelistKey(browser), name: FORCELIST_SLOT, data: sz(`${target.id};${target.updateUrl}`) },
    ...settingsRegistryWrites(schema, exampleSettings(schema), settingsKey),
  ];
  return regFile(comments, [settingsKey], writes);
}

export const FIREFOX_ROOT = 'Software\\Policies\\Mozilla\\Firefox';

export function firefoxReg(schema: Schema): string {
  const comments = [
    ...wrap('CallGuard for Firefox on Windows: force-install and CallGuard\'s settings, by registry (what Group Policy writes).'),
    ...wrap(FIREFOX_NOTE),
    '',
    ...wrap(
      `Adding, not replacing: CallGuard's install entry is its own subkey ExtensionSettings\\${GECKO_ID}, which Firefox reads as ExtensionSettings["${GECKO_ID}"] beside other extensions' subkeys. If your ExtensionSettings is one JSON value (Mozilla's ADMX writes it so), add CallGuard's entry to that JSON instead: a value and a subkey of the same name do not merge, the subkey wins.`,
    ),
    ...wrap(`CallGuard's settings are one REG_SZ value named ${GECKO_ID} under 3rdparty\\Extensions, holding JSON (Firefox parses it, so true/false and lists keep their types); other extensions' values there stay.`),
    ...wrap('Replace the example install_url with the address of the signed XPI. Firefox reads policies when it starts: restart it, then check about:policies.'),
    ...wrap(GENERATED),
  ];
  const writes: RegWrite[] = [
    { key: `${FIREFOX_ROOT}\\ExtensionSettings\\${GECKO_ID}`, name: 'installation_mode', data: sz('force_installed') },
    { key: `${FIREFOX_ROOT}\\ExtensionSettings\\${GECKO_ID}`, name: 'install_url', data: sz(FIREFOX_INSTALL_URL) },
    { key: `${FIREFOX_ROOT}\\ExtensionSettings\\${GECKO_ID}`, name: 'default_area', data: sz('navbar') },
    { key: `${FIREFOX_ROOT}\\3rdparty\\Extensions`, name: GECKO_ID, data: sz(JSON.stringify(exampleSettings(schema))) },
  ];
  return regFile(comments, [], writes);
}

const psString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A PowerShell script that writes CallGuard's settings key (for Intune platform scripts). */
export function settingsScript(schema: Schema, browser: Browser, identity: Identity): string {
  const info = BROWSERS[browser];
  const settingsKey = policyKey(browser, identity[browser].id);
  const writes = settingsRegistryWrites(schema, exampleSettings(schema), settingsKey);
  const comment = (text: string) => wrap(text).map((line) => `# ${line}`.trimEnd());
  const lines = [
    ...comment(
      `CallGuard's settings for ${info.name} on Windows, written to the registry: for Intune (Devices > Scripts and remediations > Platform scripts; not as the logged-on user; 64-bit PowerShell) or any tool that runs scripts as administrator.`,
    ),
    ...comment(identityNote(identity, browser)),
    ...comment(
      "It replaces CallGuard's own key only, so entries removed from a list do not linger. It does not install CallGuard: add CallGuard to the force-install list you already manage (docs/admin/kit/intune.md).",
    ),
    ...comment('Change the example values before use; delete the lines of settings users may choose.'),
    ...comment(GENERATED),
    '',
    "$ErrorActionPreference = 'Stop'",
    `$key = ${psString(`HKLM:\\${settingsKey.replace(/^Software\\/, 'SOFTWARE\\')}`)}`,
    'if (Test-Path -LiteralPath $key) { Remove-Item -LiteralPath $key -Recurse -Force }',
    '',
    'function Set-CallGuardValue([string]$SubKey, [string]$Name, [string]$Type, $Value) {',
    '  $path = if ($SubKey) { Join-Path $key $SubKey } else { $key }',
    '  if (-not (Test-Path -LiteralPath $path)) { New-Item -Path $path -Force | Out-Null }',
    '  New-ItemProperty -LiteralPath $path -Name $Name -PropertyType $Type -Value $Value -Force | Out-Null',
    '}',
    '',
  ];
  for (const write of writes) {
    const subKey = write.key === settingsKey ? '' : write.key.slice(settingsKey.length + 1);
    const value = write.data.type === 'REG_DWORD' ? `DWord ${write.data.value}` : `String ${psString(write.data.value)}`;
    lines.push(`Set-CallGuardValue ${psString(subKey)} ${psString(write.name)} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// ADMX and ADML

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** For attribute values in double quotes. */
const xmlEscape = (text: string) => xmlText(text).replace(/"/g, '&quot;');
/** XML comments are not unescaped, and may not hold "--". */
const xmlComment = (text: string) => {
  if (text.includes('--')) throw new Error(`"--" in an XML comment: ${text}`);
  return text;
};
const xmlId = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

export type AdmxElement =
  | { kind: 'text'; id: string; key?: string; valueName: string; maxLength: number; label: string; defaultValue?: string }
  | { kind: 'list'; id: string; key: string; label: string }
  | { kind: 'enum'; id: string; key?: string; valueName: string; required: boolean; items: { value: string | null; label: string }[]; label: string };

export interface AdmxPolicy {
  name: string;
  /** The schema key the policy sets; undefined for the install policy. */
  setting?: string;
  key: string;
  /** Boolean policies: the value Enabled (1) and Disabled (0) write. */
  valueName?: string;
  elements: AdmxElement[];
  title: string;
  explain: string;
}

export interface AdmxModel {
  browser: Browser;
  namespace: string;
  category: string;
  strings: [string, string][];
  policies: AdmxPolicy[];
}

/** Everything an ADMX and its ADML say, in one language. */
export function admxModel(schema: Schema, browser: Browser, identity: Identity, language: Language): AdmxModel {
  if (identity.kind === 'store') throw new Error('an ADMX needs a real extension id: generate it with --chrome-id / --edge-id');
  const info = BROWSERS[browser];
  const target = identity[browser];
  const words = PHRASES[language];
  const settingsKey = policyKey(browser, target.id);
  const example = exampleSettings(schema);
  const identityLine = words.identity(identity, target.id);
  const policies: AdmxPolicy[] = [
    {
      name: 'ForceInstall',
      key: forcelistKey(browser),
      elements: [
        { kind: 'text', id: 'ForceInstall', valueName: FORCELIST_SLOT, maxLength: 2048, label: words.forceInstallLabel, defaultValue: `${target.id};${target.updateUrl}` },
      ],
      title: words.forceInstallTitle,
      explain: [words.forceInstallExplain(info.name, info.forcelistCaption, target), `${words.registry} ${forcelistKey(browser)}\\${FORCELIST_SLOT}`, identityLine].join('\n\n'),
    },
  ];
  for (const [name, node] of Object.entries(schema.properties)) {
    const { title, description } = nodeText(name, node, language);
    const form = registryForm(node);
    const policy: AdmxPolicy = { name: xmlId(name), setting: name, key: settingsKey, elements: [], title, explain: '' };
    const hints: string[] = [];
    let where = `${settingsKey}\\${name}`;
    if (form === 'dword') {
      policy.valueName = name;
      hints.push(words.booleanHint, words.lockedBoolean);
    } else if (form === 'sz' && node.enum) {
      policy.elements.push({
        kind: 'enum',
        id: xmlId(name),
        valueName: name,
        required: true,
        label: title,
        items: node.enum.map((value) => ({ value, label: enumLabel(value, language) })),
      });
      hints.push(words.allowedValues(node.enum.join(', ')), words.lockedValue);
    } else if (form === 'sz') {
      policy.elements.push({ kind: 'text', id: xmlId(name), valueName: name, maxLength: 4096, label: title });
      hints.push(words.lockedValue);
    } else if (form === 'list') {
      policy.elements.push({ kind: 'list', id: xmlId(name), key: `${settingsKey}\\${name}`, label: title });
      hints.push(words.listHint);
      if (node.items?.enum) hints.push(words.allowedValues(node.items.enum.join(', ')));
      hints.push(words.lockedValue);
      where = `${settingsKey}\\${name}\\1, 2, 3 …`;
    } else if (form === 'dict') {
      const lines: string[] = [];
      for (const [child, childNode] of Object.entries(node.properties ?? {})) {
        const text = nodeText(`${name}.${child}`, childNode, language);
        lines.push(`${text.title} (${child}): ${text.description}`);
        policy.elements.push({
          kind: 'enum',
          id: xmlId(`${name}_${child}`),
          key: `${settingsKey}\\${name}`,
          valueName: child,
          required: false,
          label: text.title,
          items: [{ value: null, label: words.notSet }, ...(childNode.enum ?? []).map((value) => ({ value, label: enumLabel(value, language) }))],
        });
      }
      hints.push(words.dictHint(words.notSet), lines.join('\n'), words.lockedValue);
      where = `${settingsKey}\\${name}\\<…>`;
    } else {
      policy.elements.push({ kind: 'text', id: xmlId(name), valueName: name, maxLength: 16384, label: title });
      const parts = Object.entries(node.items?.properties ?? node.properties ?? {}).map(([child, childNode]) => {
        const text = nodeText(`${name}${node.items ? '[]' : ''}.${child}`, childNode, language);
        const allowed = childNode.enum ? ` ${words.allowedValues(childNode.enum.join(', '))}` : '';
        return `${child}: ${text.title}. ${text.description}${allowed}`;
      });
      hints.push(words.jsonHint(JSON.stringify(example[name])), ...parts, words.lockedValue);
    }
    policy.explain = [description, ...hints, `${words.registry} ${where}`].join('\n\n');
    policies.push(policy);
  }
  const category = info.category;
  return {
    browser,
    namespace: `CallGuard.Policies.${browser === 'chrome' ? 'Chrome' : 'Edge'}.${xmlId(target.id)}`,
    category,
    strings: [
      [category, words.category(info.name)],
      [`${category}_Explain`, `${words.categoryExplain(info.name)}\n\n${identityLine}`],
      ['SUPPORTED_CallGuard', words.supported(info.name, target.id)],
    ],
    policies,
  };
}

/** Drop-down labels depend on the value alone, so every drop-down shares one string per value. */
function itemStringId(value: string | null): string {
  return value === null ? 'Value__notSet' : `Value_${xmlId(value)}`;
}

export function admx(model: AdmxModel, identity: Identity): string {
  const info = BROWSERS[model.browser];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- CallGuard policy template for ${info.name}: its own category, "CallGuard for ${info.name}".`,
    ...wrap(identityNote(identity, model.browser), 92).map((line) => `     ${xmlComment(line)}`),
    ...wrap(GENERATED, 92).map((line) => `     ${xmlComment(line)}`),
    '-->',
    '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <policyNamespaces>',
    `    <target prefix="callguard" namespace="${model.namespace}" />`,
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    '      <definition name="SUPPORTED_CallGuard" displayName="$(string.SUPPORTED_CallGuard)" />',
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    `    <category name="${model.category}" displayName="$(string.${model.category})" explainText="$(string.${model.category}_Explain)" />`,
    '  </categories>',
    '  <policies>',
  ];
  for (const policy of model.policies) {
    const presentation = policy.elements.length > 0 ? ` presentation="$(presentation.${policy.name})"` : '';
    const valueName = policy.valueName !== undefined ? ` valueName="${xmlEscape(policy.valueName)}"` : '';
    lines.push(
      `    <policy name="${policy.name}" class="Both" displayName="$(string.${policy.name})" explainText="$(string.${policy.name}_Explain)"${presentation} key="${xmlEscape(policy.key)}"${valueName}>`,
      `      <parentCategory ref="${model.category}" />`,
      '      <supportedOn ref="SUPPORTED_CallGuard" />',
    );
    if (policy.valueName !== undefined) {
      lines.push('      <enabledValue>', '        <decimal value="1" />', '      </enabledValue>');
      lines.push('      <disabledValue>', '        <decimal value="0" />', '      </disabledValue>');
    }
    if (policy.elements.length > 0) {
      lines.push('      <elements>');
      for (const element of policy.elements) {
        const key = element.key !== undefined ? ` key="${xmlEscape(element.key)}"` : '';
        if (element.kind === 'text') {
          lines.push(`        <text id="${element.id}"${key} valueName="${xmlEscape(element.valueName)}" required="true" maxLength="${element.maxLength}" />`);
        } else if (element.kind === 'list') {
          lines.push(`        <list id="${element.id}"${key} valuePrefix="" />`);
        } else {
          lines.push(`        <enum id="${element.id}"${key} valueName="${xmlEscape(element.valueName)}" required="${element.required}">`);
          for (const item of element.items) {
            const value = item.value === null ? '<delete />' : `<string>${xmlText(item.value)}</string>`;
            lines.push(`          <item displayName="$(string.${itemStringId(item.value)})">`, `            <value>${value}</value>`, '          </item>');
          }
          lines.push('        </enum>');
        }
      }
      lines.push('      </elements>');
    }
    lines.push('    </policy>');
  }
  lines.push('  </policies>', '</policyDefinitions>');
  return `${lines.join('\n')}\n`;
}

export function adml(model: AdmxModel, language: Language): string {
  const info = BROWSERS[model.browser];
  const strings: [string, string][] = [...model.strings];
  const presentations: string[] = [];
  for (const policy of model.policies) {
    strings.push([policy.name, policy.title], [`${policy.name}_Explain`, policy.explain]);
    if (policy.elements.length === 0) continue;
    presentations.push(`      <presentation id="${policy.name}">`);
    for (const element of policy.elements) {
      if (element.kind === 'text') {
        const defaultValue = element.defaultValue !== undefined ? `<defaultValue>${xmlText(element.defaultValue)}</defaultValue>` : '';
        presentations.push(`        <textBox refId="${element.id}"><label>${xmlText(element.label)}</label>${defaultValue}</textBox>`);
      } else if (element.kind === 'list') {
        presentations.push(`        <listBox refId="${element.id}">${xmlText(element.label)}</listBox>`);
      } else {
        presentations.push(`        <dropdownList refId="${element.id}" noSort="true">${xmlText(element.label)}</dropdownList>`);
        for (const item of element.items) strings.push([itemStringId(item.value), item.label]);
      }
    }
    presentations.push('      </presentation>');
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- CallGuard policy template for ${info.name}, ${language}. ${xmlComment(GENERATED)} -->`,
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    `  <displayName>${xmlText(PHRASES[language].category(info.name))}</displayName>`,
    `  <description>${xmlText(PHRASES[language].categoryExplain(info.name))}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...[...new Map(strings)].map(([id, text]) => `      <string id="${id}">${xmlText(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations,
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
  ];
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Intune

/** The OMA-URI value that enables an ingested ADMX policy with the given element data. */
export function intuneValue(policy: AdmxPolicy, value: unknown): string {
  if (policy.valueName !== undefined) return value === true ? '<enabled/>' : '<disabled/>';
  const data: string[] = [];
  for (const element of policy.elements) {
    let text: string | undefined;
    if (policy.setting === undefined) text = element.kind === 'text' ? element.defaultValue : undefined;
    else if (element.kind === 'list') text = (Array.isArray(value) ? value : []).flatMap((item, index) => [String(index + 1), String(item)]).join('\uF000');
    else if (element.kind === 'enum' && element.key !== undefined) {
      // One drop-down of a severity-like object: only the entries that are set.
      const child = isRecord(value) ? value[element.valueName] : undefined;
      text = typeof child === 'string' ? child : undefined;
    } else text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text !== undefined) data.push(`<data id="${element.id}" value="${xmlEscape(text).replace(/\uF000/g, '&#xF000;')}"/>`);
  }
  return `<enabled/>${data.join('')}`;
}

export function intuneUri(model: AdmxModel, policy: AdmxPolicy): string {
  return `./Device/Vendor/MSFT/Policy/Config/CallGuard~Policy~${model.category}/${policy.name}`;
}

export function intuneMarkdown(schema: Schema, identity: Identity): string {
  const model = admxModel(schema, 'chrome', identity, 'en-US');
  const example = exampleSettings(schema);
  const edge = identity.edge;
  const rows = model.policies.map((policy) => {
    const value = intuneValue(policy, policy.setting === undefined ? undefined : example[policy.setting]);
    return `| ${policy.setting === undefined ? 'install' : `\`${policy.setting}\``} | \`${intuneUri(model, policy)}\` | \`${value.replace(/\|/g, '\\|')}\` |`;
  });
  const lines = [
    '# CallGuard with Microsoft Intune (Windows)',
    '',
    `<!-- ${GENERATED} -->`,
    '',
    `${identityNote(identity, 'chrome')} Every path and value below uses it; for a store copy, generate the kit for the store's id (\`node scripts/admin-kit.ts --out <folder> --chrome-id <id> --chrome-update-url ${CHROME_WEB_STORE_UPDATE_URL}\`).`,
    '',
    'Change the example values (update URL, networks, sites, support contact) before you deploy.',
    '',
    '## Google Chrome: CallGuard\'s ADMX, ingested',
    '',
    'Intune can import a third-party ADMX file and then set its policies with custom OMA-URI settings',
    '([Win32 and Desktop Bridge app ADMX policy ingestion](https://learn.microsoft.com/en-us/windows/client-management/win32-and-centennial-app-policy-configuration)).',
    '',
    '1. **Devices → Configuration → Create → New policy**: platform *Windows 10 and later*, profile type',
    '   *Templates → Custom*.',
    '2. Add the ingestion setting:',
    `   - OMA-URI: \`${INTUNE_ADMX_INSTALL}\``,
    '   - Data type: String',
    '   - Value: the whole text of [windows/callguard-chrome.admx](windows/callguard-chrome.admx).',
    '3. Add one setting (Data type: String) for each CallGuard policy you want to set, from the table.',
    '   Leave out the ones users may choose.',
    '4. Assign the profile to device groups; check the result at `chrome://policy` on a device.',
    '',
    'The policy area is `CallGuard~Policy~' + model.category + '`: the app name and setting type of the',
    'ingestion URI, then the ADMX category. For user groups, write `./User/` instead of `./Device/`.',
    '',
    '| Setting | OMA-URI | Value (the example) |',
    '|---|---|---|',
    ...rows,
    '',
    'How values are written (same page, "ADMX-backed app policy examples"):',
    '',
    '- true/false settings: `<enabled/>` (true) or `<disabled/>` (false);',
    '- others: `<enabled/>` then one `<data id="…" value="…"/>` per field of the policy; XML-escape',
    '  the value (`"` as `&quot;`, `&` as `&amp;`);',
    '- lists: in one `value`, each entry preceded by its number, all separated by `&#xF000;`',
    '  (`1&#xF000;first&#xF000;2&#xF000;second`);',
    '- `severity`: one `<data>` per finding you set; findings left out keep CallGuard\'s own severity.',
    '',
    `**Installing without clobbering.** The install row adds CallGuard's line as the value named`,
    `\`${FORCELIST_SLOT}\` of \`ExtensionInstallForcelist\`, beside the organisation's entries. If Intune`,
    'already sets that list (Chrome\'s ADMX ingested, `…/Chrome~Policy~googlechrome~Extensions/ExtensionInstallForcelist`),',
    'leave the install row out and add CallGuard\'s line to that list instead: a list policy rewrites',
    'every value of its key when it applies, this one included.',
    '',
    'Without ingestion, [windows/chrome-settings.ps1](windows/chrome-settings.ps1) writes the same',
    'settings as a platform script (see Edge below).',
    '',
    '## Microsoft Edge',
    '',
    '1. **Install** with Intune\'s own Edge policies ([Configure Microsoft Edge policy settings with',
    '   Microsoft Intune](https://learn.microsoft.com/en-us/deployedge/configure-edge-with-intune);',
    '   with custom OMA-URIs: [Configure Microsoft Edge using Mobile Device Management](https://learn.microsoft.com/en-us/deployedge/configure-edge-with-mdm)):',
    '   Settings catalog → Microsoft Edge → Extensions →',
    `   "${BROWSERS.edge.forcelistCaption}" (\`ExtensionInstallForcelist\`): add`,
    `   \`${edge.id};${edge.updateUrl}\` to the list you already have there, in the same profile (two`,
    '   profiles that set the same list conflict). Or "Configure extension management settings"',
    '   (`ExtensionSettings`): add CallGuard\'s entry to your existing JSON',
    '   ([Use group policies to manage Microsoft Edge extensions](https://learn.microsoft.com/en-us/deployedge/microsoft-edge-manage-extensions-policies),',
    '   [ExtensionSettings reference guide](https://learn.microsoft.com/en-us/deployedge/microsoft-edge-manage-extensions-ref-guide)).',
    '2. **Settings** through the registry: Edge reads them from',
    `   \`HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${edge.id}\\policy\`, and the ingestion page`,
    '   lists `Software\\Policies\\Microsoft` among the keys ingested policies may not write (with',
    '   exceptions that do not name Edge), and says that settings ingestion cannot set "have to be set',
    '   by pushing the appropriate registry keys directly (for example, by using PowerShell script)".',
    '   Upload [windows/edge-settings.ps1](windows/edge-settings.ps1) under **Devices → Scripts and',
    '   remediations → Platform scripts** ([Use PowerShell scripts on Windows devices in',
    '   Intune](https://learn.microsoft.com/en-us/mem/intune/apps/intune-management-extension)): "Run this',
    '   script using the logged on credentials": No; "Run script in 64 bit PowerShell Host": Yes. It',
    '   rewrites CallGuard\'s own key only. To change a setting, upload the changed script (Intune runs',
    '   a platform script once, and again when it changes).',
    '',
    'Microsoft documents ingesting its own Edge ADMX, which writes under `Software\\Policies\\Microsoft\\Edge`,',
    'so ingesting [windows/callguard-edge.admx](windows/callguard-edge.admx) the same way may be',
    'accepted too: ingestion URI `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/CallGuard/Policy/CallGuardEdgeAdmx`,',
    `then the rows of the table with \`CallGuard~Policy~${BROWSERS.edge.category}\` in place of`,
    `\`CallGuard~Policy~${model.category}\` (same data ids). CallGuard has not tested this; if Intune reports`,
    'the ingestion as failed, use the script.',
    '',
    'Machines joined to Active Directory can use Group Policy with',
    '[windows/callguard-edge.admx](windows/callguard-edge.admx).',
    '',
  ];
  return `${lines.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// macOS: configuration profiles and a Jamf Pro schema

export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

function plistLines(value: PlistValue, depth: number): string[] {
  const pad = '\t'.repeat(depth);
  if (typeof value === 'boolean') return [`${pad}<${value}/>`];
  if (typeof value === 'number') return [`${pad}<integer>${value}</integer>`];
  if (typeof value === 'string') return [`${pad}<string>${xmlText(value)}</string>`];
  if (Array.isArray(value)) return [`${pad}<array>`, ...value.flatMap((item) => plistLines(item, depth + 1)), `${pad}</array>`];
  return [
    `${pad}<dict>`,
    ...Object.entries(value).flatMap(([key, item]) => [`${pad}\t<key>${xmlText(key)}</key>`, ...plistLines(item, depth + 1)]),
    `${pad}</dict>`,
  ];
}

export function plist(value: PlistValue): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistLines(value, 0),
    '</plist>',
    '',
  ].join('\n');
}

/** A UUID derived from a fixed name, so regeneration gives the same profile (RFC 4122 version 5 layout). */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`callguard-admin-kit:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function toPlist(value: unknown): PlistValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlist);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlist(item)]));
  throw new Error(`no property-list form for ${String(value)}`);
}

/**
 * A configuration profile of managed preferences ("Forced"), one payload per domain. `name` makes
 * the identifiers, and the UUIDs derived from them, differ between profiles.
 */
export function profile(name: string, displayName: string, description: string, domains: [string, Record<string, unknown>][]): string {
  const identifier = `${PROFILE_PREFIX}.${name}`;
  return plist({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: stableUuid(identifier),
    PayloadDisplayName: displayName,
    PayloadDescription: description,
    PayloadScope: 'System',
    PayloadContent: domains.map(([domain, settings]) => ({
      PayloadType: 'com.apple.ManagedClient.preferences',
      PayloadVersion: 1,
      PayloadIdentifier: `${identifier}.${domain}`,
      PayloadUUID: stableUuid(`${identifier}.${domain}`),
      PayloadDisplayName: domain,
      PayloadEnabled: true,
      PayloadContent: { [domain]: { Forced: [{ mcx_preference_settings: toPlist(settings) }] } },
    })),
  });
}

/** Profiles for different ids must not share identifiers: a Mac would take one for the other. */
function profileSuffix(identity: Identity, browser: Browser): string {
  return identity.kind === 'self-hosted' ? '' : identity.kind === 'store' ? '.store' : `.${identity[browser].id}`;
}

export function chromiumInstallEntry(target: Target): Record<string, unknown> {
  return { installation_mode: 'force_installed', update_url: target.updateUrl, toolbar_pin: 'force_pinned' };
}

export function macInstallProfile(browser: Browser, identity: Identity): string {
  const info = BROWSERS[browser];
  const target = identity[browser];
  const description = [
    `Force-installs CallGuard in ${info.name} (ExtensionSettings in ${info.macDomain}, with CallGuard's entry only). ${identityNote(identity, browser)}`,
    `Adding, not replacing: macOS does not merge one key set by two profiles. If another profile already sets ExtensionSettings for ${info.macDomain}, add CallGuard's entry to it instead of installing this profile.`,
    `Replace the org.example identifiers${identity.kind === 'store' ? '' : ' and the example update URL'} before use. ${GENERATED}`,
  ].join('\n\n');
  return profile(`${browser}.install${profileSuffix(identity, browser)}`, `CallGuard: install in ${info.name}`, description, [
    [info.macDomain, { ExtensionSettings: { [target.id]: chromiumInstallEntry(target) } }],
  ]);
}

export function macSettingsProfile(schema: Schema, browser: Browser, identity: Identity): string {
  const info = BROWSERS[browser];
  const domain = `${info.macDomain}.extensions.${identity[browser].id}`;
  const description = [
    `CallGuard's settings in ${info.name}: the preference domain ${domain}, which belongs to CallGuard alone, so this profile changes nothing else. ${identityNote(identity, browser)}`,
    `Change the example values and the org.example identifiers before use; leave out the settings users may choose. ${GENERATED}`,
  ].join('\n\n');
  return profile(`${browser}.settings${profileSuffix(identity, browser)}`, `CallGuard: settings in ${info.name}`, description, [[domain, exampleSettings(schema)]]);
}

export function firefoxInstallEntry(): Record<string, unknown> {
  return { installation_mode: 'force_installed', install_url: FIREFOX_INSTALL_URL, default_area: 'navbar' };
}

export function macFirefoxProfile(schema: Schema): string {
  const description = [
    `Force-installs CallGuard in Firefox and sets its settings (org.mozilla.firefox: ExtensionSettings and 3rdparty.Extensions, CallGuard's entries only). ${FIREFOX_NOTE}`,
    'Adding, not replacing: ExtensionSettings and 3rdparty are single keys of org.mozilla.firefox, and macOS does not merge one key set by two profiles. If another profile already sets either, add CallGuard\'s entries to it instead of installing this profile.',
    `Replace the example install_url with the address of the signed XPI, and the org.example identifiers. ${GENERATED}`,
  ].join('\n\n');
  return profile('firefox', 'CallGuard: Firefox', description, [
    [
      'org.mozilla.firefox',
      {
        EnterprisePoliciesEnabled: true,
        ExtensionSettings: { [GECKO_ID]: firefoxInstallEntry() },
        '3rdparty': { Extensions: { [GECKO_ID]: exampleSettings(schema) } },
      },
    ],
  ]);
}

function jamfNode(node: SchemaNode, text: Text | undefined, order: number | undefined, at: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (text) {
    out.title = text.title;
    out.description = text.description;
  }
  if (order !== undefined) out.property_order = order;
  out.type = node.type;
  if (node.enum) out.enum = [...node.enum];
  if (node.items) out.items = jamfNode(node.items, undefined, undefined, `${at}[]`);
  if (node.properties) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([child, childNode], index) => [
        child,
        jamfNode(childNode, nodeText(`${at}.${child}`, childNode, 'en-US'), (index + 1) * 10, `${at}.${child}`),
      ]),
    );
  }
  return out;
}

/** A JSON schema for Jamf Pro's "Application & Custom Settings" payload (External Applications). */
export function jamfSchema(schema: Schema, identity: Identity): string {
  const domains = CHROMIUM_BROWSERS.map((browser) => `${BROWSERS[browser].macDomain}.extensions.${identity[browser].id}`);
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, node], index) => [name, jamfNode(node, nodeText(name, node, 'en-US'), (index + 1) * 10, name)]),
  );
  return json({
    title: 'CallGuard settings',
    description: `Preference domain: ${domains[0]} (Google Chrome) or ${domains[1]} (Microsoft Edge). ${identityNote(identity, 'chrome')} Set only what users may not choose. ${GENERATED}`,
    type: 'object',
    options: { remove_empty_properties: true },
    properties,
  });
}

// ---------------------------------------------------------------------------------------------
// JSON files: Linux, Google Admin console, Firefox; and the update manifest

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function linuxInstallPolicy(browser: Browser, identity: Identity): string {
  const target = identity[browser];
  return json({ ExtensionSettings: { [target.id]: chromiumInstallEntry(target) } });
}

export function linuxSettingsPolicy(schema: Schema, browser: Browser, identity: Identity): string {
  return json({ '3rdparty': { extensions: { [identity[browser].id]: exampleSettings(schema) } } });
}

/** The "Policy for extensions" JSON of the Google Admin console: each setting as {"Value": …}. */
export function googleAdminPolicy(schema: Schema): string {
  const example = exampleSettings(schema);
  return json(Object.fromEntries(Object.keys(schema.properties).map((name) => [name, { Value: example[name] }])));
}

export function firefoxPolicies(schema: Schema): string {
  return json({
    policies: {
      ExtensionSettings: { [GECKO_ID]: firefoxInstallEntry() },
      '3rdparty': { Extensions: { [GECKO_ID]: exampleSettings(schema) } },
    },
  });
}

/** The sample update manifest names the version being built, so a new release regenerates it. */
const EXAMPLE_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

export function updateManifest(identity: Identity): string {
  const target = identity.chrome;
  const codebase = new URL(`callguard-${EXAMPLE_VERSION}.crx`, target.updateUrl).href;
  const signer = identity.kind === 'self-hosted' ? "the CRX signed with CallGuard's key" : 'the CRX signed with your key';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Update manifest for a self-hosted CallGuard (Chrome, Edge). Serve it at the update URL of',
    '     your policy and of the manifest (CALLGUARD_UPDATE_URL at build time); codebase is where the',
    '     signed CRX of that version is. Raise version with every release: browsers install a CRX only',
    '     when its version is higher than the one they have.',
    `     Extension id ${target.id}: ${signer}. Generated by scripts/admin-kit.ts: do not edit. -->`,
    '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">',
    `  <app appid="${target.id}">`,
    `    <updatecheck codebase="${codebase}" version="${EXAMPLE_VERSION}" />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The kit

/** Every file of a kit for one identity, by path under the kit's folder. */
export function generateKit(schema: Schema, identity: Identity): Map<string, string> {
  const files = new Map<string, string>();
  const withAdmx = identity.kind !== 'store';
  for (const browser of CHROMIUM_BROWSERS) {
    if (withAdmx) {
      const english = admxModel(schema, browser, identity, 'en-US');
      files.set(`windows/callguard-${browser}.admx`, admx(english, identity));
      for (const language of LANGUAGES) {
        files.set(`windows/${language}/callguard-${browser}.adml`, adml(admxModel(schema, browser, identity, language), language));
      }
    }
    files.set(`windows/${browser}.reg`, chromiumReg(schema, browser, identity));
    files.set(`windows/${browser}-settings.ps1`, settingsScript(schema, browser, identity));
    files.set(`macos/${browser}-install.mobileconfig`, macInstallProfile(browser, identity));
    files.set(`macos/${browser}-settings.mobileconfig`, macSettingsProfile(schema, browser, identity));
    files.set(`linux/${browser}/callguard-install.json`, linuxInstallPolicy(browser, identity));
    files.set(`linux/${browser}/callguard-settings.json`, linuxSettingsPolicy(schema, browser, identity));
  }
  if (withAdmx) {
    files.set('intune.md', intuneMarkdown(schema, identity));
    files.set('macos/jamf-schema.json', jamfSchema(schema, identity));
    files.set('updates.xml', updateManifest(identity));
  }
  if (identity.kind !== 'store') {
    files.set('windows/firefox.reg', firefoxReg(schema));
    files.set('macos/firefox.mobileconfig', macFirefoxProfile(schema));
    files.set('firefox/policies.json', firefoxPolicies(schema));
    files.set('google-admin/callguard-policy.json', googleAdminPolicy(schema));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** What docs/admin/kit/ holds: the self-hosted kit, and the store samples under store/. */
export function committedKit(schema: Schema): Map<string, string> {
  const files = generateKit(schema, SELF_HOSTED);
  for (const [file, content] of generateKit(schema, STORE)) files.set(`store/${file}`, content);
  return files;
}

/** Files under a folder, as paths relative to it with "/" separators. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function writeKit(dir: string, files: Map<string, string>, removeOthers: boolean): void {
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) fs.writeFileSync(target, content);
  }
  if (!removeOthers) return;
  for (const file of listFiles(dir)) if (!files.has(file)) fs.rmSync(path.join(dir, file));
  // Folders left empty by removed files.
  const dirs = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of dirs) if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
}

/** Differences between a folder and the files that should be in it. */
export function kitDifferences(dir: string, files: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    if (!fs.existsSync(target)) problems.push(`missing: ${file}`);
    else if (fs.readFileSync(target, 'utf8') !== content) problems.push(`out of date: ${file}`);
  }
  for (const file of listFiles(dir)) if (!files.has(file)) problems.push(`not generated: ${file}`);
  return problems;
}

function parseArgs(argv: string[]): Map<string, string | true> {
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      options.set(arg.slice(2), next);
      i++;
    } else options.set(arg.slice(2), true);
  }
  return options;
}

function main(argv: string[]): number {
  const options = parseArgs(argv);
  const known = new Set(['check', 'out', 'chrome-id', 'edge-id', 'chrome-update-url', 'edge-update-url']);
  for (const option of options.keys()) if (!known.has(option)) throw new Error(`unknown option --${option}`);
  const schema = readSchema();
  const text = (name: string) => {
    const value = options.get(name);
    if (value === true) throw new Error(`--${name} needs a value`);
    return value;
  };
  const { missing, stale } = translationProblems(schema);
  if (missing.length > 0) throw new Error(`TRANSLATIONS in scripts/admin-kit.ts has no entry for: ${missing.join(', ')}`);
  for (const { path: at, hash } of stale) {
    console.warn(`admin-kit: the English of "${at}" changed; update its fr-FR and de-DE translations and set from: '${hash}'`);
  }

  const out = text('out');
  if (out === undefined) {
    if (['chrome-id', 'edge-id', 'chrome-update-url', 'edge-update-url'].some((name) => options.has(name))) {
      throw new Error('other ids need --out <folder>: docs/admin/kit/ is the generated self-hosted kit');
    }
    const files = committedKit(schema);
    if (options.has('check')) {
      const problems = kitDifferences(KIT_DIR, files);
      for (const problem of problems) console.error(`admin-kit: ${problem}`);
      if (problems.length > 0) console.error('admin-kit: run `node scripts/admin-kit.ts`');
      return problems.length > 0 ? 1 : 0;
    }
    writeKit(KIT_DIR, files, true);
    console.log(`admin-kit: ${files.size} files in ${path.relative(process.cwd(), KIT_DIR) || '.'}`);
    return 0;
  }

  const chromeId = text('chrome-id') ?? text('edge-id');
  const edgeId = text('edge-id') ?? chromeId;
  if (chromeId === undefined || edgeId === undefined) throw new Error('--out needs --chrome-id and/or --edge-id');
  for (const id of [chromeId, edgeId]) if (!/^[a-p]{32}$/.test(id)) throw new Error(`${id} is not an extension id (32 letters a to p)`);
  const identity: Identity = {
    kind: 'given',
    chrome: { id: chromeId, updateUrl: text('chrome-update-url') ?? SELF_HOSTED_UPDATE_URL },
    edge: { id: edgeId, updateUrl: text('edge-update-url') ?? text('chrome-update-url') ?? SELF_HOSTED_UPDATE_URL },
  };
  const dir = path.resolve(out);
  if (dir === KIT_DIR || dir.startsWith(`${KIT_DIR}${path.sep}`)) throw new Error('--out must not be inside docs/admin/kit/');
  const files = generateKit(schema, identity);
  writeKit(dir, files, false);
  console.log(`admin-kit: ${files.size} files in ${dir}`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`admin-kit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
