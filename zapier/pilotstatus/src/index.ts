import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from '../package.json';
import authentication from './authentication';
import cancelMessage from './creates/cancel-message';
import importContacts from './creates/import-contacts';
import sendMessage from './creates/send-message';
import findMessage from './searches/find-message';
import messageEvent from './triggers/message-event';
import template from './triggers/template';

/** PilotStatus for Zapier: a thin mapping of Zapier fields onto the shared core (../../../shared). */
export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  // Every request goes through z.request, which Zapier logs itself: no need for core to patch
  // Node's global http, https and fetch to log requests made some other way.
  flags: { skipHttpPatch: true },
  triggers: {
    [messageEvent.key]: messageEvent,
    [template.key]: template,
  },
  creates: {
    [sendMessage.key]: sendMessage,
    [cancelMessage.key]: cancelMessage,
    [importContacts.key]: importContacts,
  },
  searches: {
    [findMessage.key]: findMessage,
  },
});
