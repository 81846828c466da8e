import { searchTags } from './listSearch';
import { getTags } from './loadOptions';

export const listSearch = { searchTags };
export const loadOptions = { getTags };
