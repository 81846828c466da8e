'use strict';
// Fixture source node: emits the JSON array in its "items" parameter as items,
// so a workflow can feed several items to the node under test without
// n8n-nodes-base (Manual Trigger, Set) being installed.
Object.defineProperty(exports, '__esModule', { value: true });
exports.Items = void 0;

class Items {
  constructor() {
    this.description = {
      displayName: 'Items',
      name: 'items',
      group: ['input'],
      version: 1,
      description: 'Emits fixed items',
      defaults: { name: 'Items' },
      inputs: ['main'],
      outputs: ['main'],
      properties: [
        {
          displayName: 'Items (JSON Array)',
          name: 'items',
          type: 'json',
          default: '[]',
        },
      ],
    };
  }

  async execute() {
    const raw = this.getNodeParameter('items', 0);
    const list = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return [list.map((json) => ({ json, pairedItem: { item: 0 } }))];
  }
}
exports.Items = Items;
