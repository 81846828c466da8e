import { createHash } from 'node:crypto';
import { defineCreate, type Bundle, type PlainInputField, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { ValidationError } from '../../../../shared/errors';
import { FILE_FIELD, importContactsFromBuffer } from '../../../../shared/labels';
import { downloadFile } from '../../../common/file';
import { defaultCountryField, optionalText } from '../../../common/input';
import { handled } from '../client';

const fields = [
  {
    key: FILE_FIELD,
    label: 'File',
    type: 'file',
    required: true,
    helpText:
      'A CSV (comma or semicolon) or XLSX contact list with a header row: a phone column (number, phone, telefone, celular, …), optionally a group column (groupId, group) and a name column.',
  },
  defaultCountryField,
] satisfies PlainInputField[];

/**
 * Reads a contact list with the core's import (the rules of the PilotStatus dashboard import):
 * one `contacts` line item per distinct destination, one `failures` line item per rejected row.
 * PilotStatus has no public import endpoint, so nothing is sent: later steps use the rows
 * (e.g. Send Message with Labels, once per contact).
 */
const perform = handled(async (z: ZObject, bundle: Bundle) => {
  const bytes = await downloadFile(z, bundle.inputData[FILE_FIELD], FILE_FIELD);
  const defaultCountry = optionalText(bundle.inputData.defaultCountry);
  const { contacts, failures, columns } = await importContactsFromBuffer(bytes, defaultCountry ? { defaultCountry } : {});
  return {
    id: createHash('sha256').update(bytes).digest('hex'),
    contactCount: contacts.length,
    failureCount: failures.length,
    columns,
    contacts: contacts.map(({ row, destination, name, extra }) => ({ row, destination: destination.value, kind: destination.kind, name, extra })),
    failures: failures.map(({ row, issues, duplicateOf }) => ({
      row,
      message: new ValidationError(issues).message,
      field: issues[0]?.field ?? '',
      rule: issues[0]?.rule ?? '',
      duplicateOf: duplicateOf ?? null,
    })),
  };
}, fields) satisfies CreatePerform;

export default defineCreate({
  key: 'import_contacts',
  noun: 'Contact List',
  display: {
    label: 'Import Contacts',
    description: 'Reads a CSV or XLSX contact list into WhatsApp destinations, one line item per contact, and reports every row it rejects.',
  },
  operation: {
    inputFields: [...fields],
    perform,
    sample: {
      id: '3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a',
      contactCount: 2,
      failureCount: 1,
      columns: { phone: 'phone', group: null, name: 'name' },
      contacts: [
        { row: 2, destination: '+5511988887777', kind: 'PHONE', name: 'Ana Souza', extra: {} },
        { row: 3, destination: '120363025246125486@g.us', kind: 'GROUP', name: 'Store team', extra: {} },
      ],
      failures: [{ row: 4, message: 'phone is too short: 5 digits, at least 8 are needed', field: 'phone', rule: 'phone.too_short', duplicateOf: null }],
    },
    outputFields: [
      { key: 'id', label: 'File Fingerprint (SHA-256)' },
      { key: 'contactCount', label: 'Contact Count', type: 'integer' },
      { key: 'failureCount', label: 'Failure Count', type: 'integer' },
      { key: 'columns__phone', label: 'Phone Column' },
      { key: 'columns__group', label: 'Group Column' },
      { key: 'columns__name', label: 'Name Column' },
      { key: 'contacts[]row', label: 'Contact Row', type: 'integer' },
      { key: 'contacts[]destination', label: 'Contact Destination' },
      { key: 'contacts[]kind', label: 'Contact Kind' },
      { key: 'contacts[]name', label: 'Contact Name' },
      { key: 'failures[]row', label: 'Failure Row', type: 'integer' },
      { key: 'failures[]message', label: 'Failure Message' },
      { key: 'failures[]field', label: 'Failure Field' },
      { key: 'failures[]rule', label: 'Failure Rule' },
      { key: 'failures[]duplicateOf', label: 'Failure Duplicate Of Row', type: 'integer' },
    ],
  },
});
