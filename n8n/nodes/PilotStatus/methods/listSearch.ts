import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { connectPilotStatus, toNodeError } from '../runtime';

/** The Template list: the templates of the key's number, filtered by the text typed in the search box. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
  try {
    const { client } = await connectPilotStatus(this);
    const wanted = filter?.trim().toLowerCase() ?? '';
    const templates = await client.listTemplates();
    return {
      results: templates
        .filter((template) => !wanted || template.name.toLowerCase().includes(wanted) || template.id.toLowerCase().includes(wanted))
        .map((template) => ({
          name: template.name,
          value: template.id,
          ...(template.category || template.metaStatus ? { description: [template.category, template.metaStatus].filter(Boolean).join(' · ') } : {}),
        })),
    };
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
