import { labelKey } from '../../shared/labels';
import { hashSecret } from '../secret-hash';
import type { SandboxDatabase } from './database';

/**
 * Demo data. These keys and tokens exist only in the sandbox; they are printed on start and
 * written in the README so anyone can try the pack without an account.
 */
export const DEMO = {
  tenantId: 'tn_demo',
  numberId: 'num_demo',
  numberPhone: '+5511900000001',
  /** Number-scoped, retention 0: labels are created, no label–contact row is kept. */
  keyRetention0: 'ps_demo_retention0_key',
  /** Number-scoped, retention 30 days. */
  keyRetention30: 'ps_demo_retention30_key',
  /** Tenant-scoped: webhooks and numbers; cannot send. */
  tenantKey: 'ps_demo_tenant_key',
  /** A number whose plan has no media sends (402 SUBSCRIPTION_REQUIRED_FOR_MEDIA). */
  freeNumberId: 'num_free',
  keyFreePlan: 'ps_demo_free_plan_key',
  ryzeAccountToken: 'ryze_demo_account_token',
  ryzeInstance: 'demo',
  ryzeInstanceToken: 'ryze_demo_instance_token',
  ryzeOfflineInstance: 'offline',
  ryzeOfflineToken: 'ryze_demo_offline_token',
} as const;

export function seedDemo(db: SandboxDatabase, now: string): void {
  db.transaction(() => {
    db.run('INSERT INTO tenants (id, name) VALUES (?, ?)', [DEMO.tenantId, 'Demo tenant']);
    db.run('INSERT INTO numbers (id, tenant_id, name, phone, paid) VALUES (?, ?, ?, ?, 1)', [DEMO.numberId, DEMO.tenantId, 'Demo number', DEMO.numberPhone]);
    db.run('INSERT INTO numbers (id, tenant_id, name, phone, paid) VALUES (?, ?, ?, ?, 0)', [DEMO.freeNumberId, DEMO.tenantId, 'Free-plan number', '+5511900000002']);
    const keys: [string, string, string, string | null, 'NUMBER' | 'TENANT', number][] = [
      ['key_ret0', DEMO.keyRetention0, 'Demo number, retention 0', DEMO.numberId, 'NUMBER', 0],
      ['key_ret30', DEMO.keyRetention30, 'Demo number, retention 30 days', DEMO.numberId, 'NUMBER', 30],
      ['key_free', DEMO.keyFreePlan, 'Free-plan number', DEMO.freeNumberId, 'NUMBER', 30],
      ['key_tenant', DEMO.tenantKey, 'Tenant key', null, 'TENANT', 0],
    ];
    for (const [id, key, name, numberId, scope, retention] of keys) {
      db.run('INSERT INTO api_keys (id, key_hash, name, tenant_id, number_id, scope, retention_days) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id, hashSecret(key), name, DEMO.tenantId, numberId, scope, retention,
      ]);
    }
    const templates: [string, string, string, string[]][] = [
      ['tpl_order_update', 'order_update', 'Hi {{name}}, your order {{order}} is on its way.', ['name', 'order']],
      ['tpl_welcome', 'welcome', 'Welcome aboard, {{name}}!', ['name']],
      ['tpl_reminder', 'reminder', 'This is a friendly reminder about your appointment.', []],
    ];
    for (const [id, name, body, variables] of templates) {
      for (const numberId of [DEMO.numberId, DEMO.freeNumberId]) {
        db.run('INSERT INTO templates (id, number_id, name, body, variables) VALUES (?, ?, ?, ?, ?)', [
          numberId === DEMO.numberId ? id : `${id}_free`, numberId, name, body, JSON.stringify(variables),
        ]);
      }
    }
    db.run('INSERT INTO wa_profiles (destination, name) VALUES (?, ?)', ['+5511988887777', 'Ana Souza']);
    db.run('INSERT INTO labels (id, tenant_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)', ['lbl_customers', DEMO.tenantId, 'customers', labelKey('customers'), now]);

    db.run('INSERT INTO ryze_accounts (id, name, token_hash) VALUES (?, ?, ?)', ['acc_demo', 'Demo account', hashSecret(DEMO.ryzeAccountToken)]);
    db.run('INSERT INTO ryze_instances (name, account_id, token_hash, connected, next_tag_id) VALUES (?, ?, ?, 1, 3)', [
      DEMO.ryzeInstance, 'acc_demo', hashSecret(DEMO.ryzeInstanceToken),
    ]);
    db.run('INSERT INTO ryze_instances (name, account_id, token_hash, connected, next_tag_id) VALUES (?, ?, ?, 0, 1)', [
      DEMO.ryzeOfflineInstance, 'acc_demo', hashSecret(DEMO.ryzeOfflineToken),
    ]);
    db.run("INSERT INTO ryze_tags (instance, id, name, color, created_at) VALUES (?, '1', 'New customer', 1, ?)", [DEMO.ryzeInstance, now]);
    db.run("INSERT INTO ryze_tags (instance, id, name, color, created_at) VALUES (?, '2', 'VIP', 5, ?)", [DEMO.ryzeInstance, now]);
    const chats: [string, string][] = [['5511988887777@s.whatsapp.net', 'Ana Souza'], ['5521987654321@s.whatsapp.net', 'Bruno Lima'], ['120363025246125486@g.us', 'Store team']];
    for (const [jid, name] of chats) {
      db.run('INSERT INTO ryze_chats (instance, chat_jid, name) VALUES (?, ?, ?)', [DEMO.ryzeInstance, jid, name]);
    }
    db.run("INSERT INTO ryze_chat_tags (instance, chat_jid, tag_id, assigned_at) VALUES (?, '5511988887777@s.whatsapp.net', '2', ?)", [DEMO.ryzeInstance, now]);
    db.run("INSERT INTO meta (key, value) VALUES ('seeded_at', ?)", [now]);
  });
}
