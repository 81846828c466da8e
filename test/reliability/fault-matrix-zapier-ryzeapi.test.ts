/** Fault matrix, Zapier RyzeAPI app: every step that calls RyzeAPI × every fault (see zapier-matrix.ts). */
import { RYZEAPI_ROWS, zapierMatrix } from './zapier-matrix';

zapierMatrix('Zapier RyzeAPI: every service step × every fault (2 runs)', RYZEAPI_ROWS);
