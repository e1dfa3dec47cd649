// The compute worker when Paraneo runs from its TypeScript sources (tests, tsx): register tsx in this thread first.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./compute-worker.ts');
export default worker.default;
