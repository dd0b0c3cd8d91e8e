import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, workDir } from './env';

/**
 * A Marquee server of its own (same imported data as the main one, its own database), for tests
 * that must take the API down for real.
 */
export class DisposableServer {
  private process: ChildProcess | null = null;
  readonly url: string;

  constructor(
    readonly port: number,
    private readonly artifactsDir: string = join(workDir, `artifacts-${port}`),
    private readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const child = spawn(join(repoRoot, 'marquee'), ['serve', '--urls', this.url], {
      env: {
        ...process.env,
        MARQUEE_DATA_DIR: join(workDir, 'data'),
        MARQUEE_ARTIFACTS_DIR: this.artifactsDir,
        MARQUEE_DB: '',
        ...this.env,
      },
      stdio: 'ignore',
    });
    this.process = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`marquee serve exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`marquee serve did not answer on ${this.url} within a minute`);
  }

  /** Kills the server outright (no graceful shutdown): the API is simply gone. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }
}
