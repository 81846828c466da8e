import zapier, { defineApp } from 'zapier-platform-core';
import packageJson from '../package.json';
import authentication from './authentication';
import assignTag from './creates/assign-tag';
import createTag from './creates/create-tag';
import deleteTag from './creates/delete-tag';
import unassignTag from './creates/unassign-tag';
import findTag from './searches/find-tag';
import newChatInTag from './triggers/new-chat-in-tag';
import newTag from './triggers/new-tag';

/** RyzeAPI for Zapier: a thin mapping of Zapier fields onto the shared core (../../../shared). */
export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  // Every request goes through z.request, which Zapier logs itself: no need for core to patch
  // Node's global http, https and fetch to log requests made some other way.
  flags: { skipHttpPatch: true },
  triggers: {
    [newTag.key]: newTag,
    [newChatInTag.key]: newChatInTag,
  },
  creates: {
    [createTag.key]: createTag,
    [deleteTag.key]: deleteTag,
    [assignTag.key]: assignTag,
    [unassignTag.key]: unassignTag,
  },
  searches: {
    [findTag.key]: findTag,
  },
  searchOrCreates: {
    [findTag.key]: {
      key: findTag.key,
      display: {
        label: 'Find or Create Tag',
        description: 'Finds a WhatsApp Business tag by name, creating it when there is none.',
      },
      search: findTag.key,
      create: createTag.key,
    },
  },
});
