import { defineEndpoint, segment } from '../http';
import { chatsByLabelSchema, createdTagSchema, deletedTagSchema, tagAssignmentSchema, tagListSchema } from './schemas';

const tags = (instance: string) => `/api/chat/tag/${segment(instance)}`;
const assignments = (instance: string) => `/api/chat/assignTag/${segment(instance)}`;

export const RYZEAPI_ENDPOINTS = {
  listTags: defineEndpoint({ method: 'GET', path: tags, idempotent: true, response: tagListSchema }),
  // Not idempotent: each call allocates a new id, even for a name that exists.
  createTag: defineEndpoint({ method: 'POST', path: tags, idempotent: false, response: createdTagSchema }),
  deleteTag: defineEndpoint({ method: 'DELETE', path: tags, idempotent: true, response: deletedTagSchema, goneAfterRetry: {} }),
  assignTag: defineEndpoint({ method: 'POST', path: assignments, idempotent: true, response: tagAssignmentSchema }),
  unassignTag: defineEndpoint({ method: 'DELETE', path: assignments, idempotent: true, response: tagAssignmentSchema }),
  chatsByLabel: defineEndpoint({
    method: 'GET',
    path: (instance: string) => `/api/chat/contactsByLabel/${segment(instance)}`,
    idempotent: true,
    response: chatsByLabelSchema,
  }),
};
