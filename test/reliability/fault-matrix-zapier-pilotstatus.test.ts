/** Fault matrix, Zapier PilotStatus app: every step that calls PilotStatus × every fault (see zapier-matrix.ts). */
import { PILOTSTATUS_ROWS, zapierMatrix } from './zapier-matrix';

zapierMatrix('Zapier PilotStatus: every service step × every fault (2 runs)', PILOTSTATUS_ROWS);
