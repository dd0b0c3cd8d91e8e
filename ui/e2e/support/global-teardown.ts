import { rmSync } from 'node:fs';
import { workDir } from './env';

export default function globalTeardown() {
  rmSync(workDir, { recursive: true, force: true });
}
