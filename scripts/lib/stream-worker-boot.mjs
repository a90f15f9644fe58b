// Worker entry under tsx (tests, `node --import tsx scripts/compress.ts`): worker threads do not inherit tsx's
// loader, so register it here, then load the TypeScript worker. The bundle (scripts/run-compress.mjs) needs no loader.
import { register } from 'tsx/esm/api';

register();
await import('./stream-worker.ts');
