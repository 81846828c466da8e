/**
 * One database for both services. Secrets are stored only as SHA-256 hashes. Destinations
 * (phones, group ids) are stored only where the key's retention allows: `messages.destination`
 * and `label_contacts` stay empty for retention-0 keys; `destination_hash` is keyed.
 */
export const SCHEMA = `
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- PilotStatus
CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS numbers (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
  phone TEXT NOT NULL, provider TEXT NOT NULL DEFAULT 'EVOLUTION', paid INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  tenant_id TEXT NOT NULL REFERENCES tenants(id), number_id TEXT REFERENCES numbers(id),
  scope TEXT NOT NULL CHECK (scope IN ('NUMBER', 'TENANT')),
  retention_days INTEGER NOT NULL DEFAULT 0 CHECK (retention_days >= 0)
);
CREATE TABLE IF NOT EXISTS templates (
  id TEXT PRIMARY KEY, number_id TEXT NOT NULL REFERENCES numbers(id), name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT 'UTILITY', body TEXT NOT NULL, variables TEXT NOT NULL DEFAULT '[]',
  UNIQUE (number_id, name)
);
-- WhatsApp profile names the connected number can see (what "display-name fill" reads).
CREATE TABLE IF NOT EXISTS wa_profiles (destination TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, correlation_id TEXT NOT NULL UNIQUE, wa_id TEXT UNIQUE,
  number_id TEXT NOT NULL REFERENCES numbers(id), api_key_id TEXT NOT NULL REFERENCES api_keys(id),
  destination_kind TEXT NOT NULL CHECK (destination_kind IN ('PHONE', 'GROUP', 'CHANNEL')),
  destination TEXT, destination_hash TEXT NOT NULL, destination_expires_at TEXT,
  mode TEXT NOT NULL, template_id TEXT, labels TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL, error_code TEXT, deliver_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  sent_at TEXT, delivered_at TEXT, read_at TEXT, canceled_at TEXT, failed_at TEXT
);
CREATE TABLE IF NOT EXISTS labels (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL,
  name_key TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (tenant_id, name_key)
);
CREATE TABLE IF NOT EXISTS label_contacts (
  label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
  destination_kind TEXT NOT NULL CHECK (destination_kind IN ('PHONE', 'GROUP')),
  destination TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', expires_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (label_id, destination)
);
CREATE TABLE IF NOT EXISTS webhooks (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), number_id TEXT REFERENCES numbers(id),
  name TEXT, url TEXT NOT NULL, events TEXT NOT NULL DEFAULT '[]', active INTEGER NOT NULL DEFAULT 1,
  secret_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, event TEXT NOT NULL, event_id TEXT NOT NULL,
  attempt INTEGER NOT NULL, status_code INTEGER, error TEXT, duplicate INTEGER NOT NULL DEFAULT 0, at TEXT NOT NULL
);

-- RyzeAPI
CREATE TABLE IF NOT EXISTS ryze_accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS ryze_instances (
  name TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES ryze_accounts(id), token_hash TEXT NOT NULL UNIQUE,
  connected INTEGER NOT NULL DEFAULT 1, next_tag_id INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS ryze_tags (
  instance TEXT NOT NULL REFERENCES ryze_instances(name), id TEXT NOT NULL, name TEXT NOT NULL,
  color INTEGER NOT NULL DEFAULT 0, type TEXT NOT NULL DEFAULT 'CUSTOM', deleted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, deleted_at TEXT, PRIMARY KEY (instance, id)
);
CREATE TABLE IF NOT EXISTS ryze_chats (
  instance TEXT NOT NULL REFERENCES ryze_instances(name), chat_jid TEXT NOT NULL, name TEXT,
  PRIMARY KEY (instance, chat_jid)
);
CREATE TABLE IF NOT EXISTS ryze_chat_tags (
  instance TEXT NOT NULL, chat_jid TEXT NOT NULL, tag_id TEXT NOT NULL, assigned_at TEXT NOT NULL,
  PRIMARY KEY (instance, chat_jid, tag_id)
);
`;

/** Tables in dependency order, children first: what a reset empties. */
export const TABLES = [
  'webhook_logs', 'webhooks', 'label_contacts', 'labels', 'messages', 'wa_profiles', 'templates', 'api_keys', 'numbers', 'tenants',
  'ryze_chat_tags', 'ryze_chats', 'ryze_tags', 'ryze_instances', 'ryze_accounts', 'meta',
] as const;
