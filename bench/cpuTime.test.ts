import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendants, parseProcStat, sampleTreeCpu } from './cpuTime.ts';

describe("the benchmark's CPU time", () => {
  it('reads a process line of /proc, whatever its command name holds', () => {
    const fields = ['S', '45', '45', '1', '0', '-1', '4194304', '127', '0', '0', '0', '250', '31', '7', '2', '20'];
    expect(parseProcStat(`123 (node (a) b) ${fields.join(' ')}`)).toEqual({ pid: 123, ppid: 45, ticks: 281 });
    expect(parseProcStat('not a stat line')).toBeUndefined();
  });

  it('takes every process under the root, and no other', () => {
    const tree = [
      { pid: 1, ppid: 0, ticks: 1 },
      { pid: 10, ppid: 1, ticks: 2 },
      { pid: 11, ppid: 10, ticks: 3 },
      { pid: 12, ppid: 11, ticks: 4 },
      { pid: 13, ppid: 1, ticks: 5 },
    ];
    expect(descendants(tree, 10).map((stat) => stat.pid)).toEqual([10, 11, 12]);
    expect(descendants(tree, 99)).toEqual([]);
  });

  it('adds up a process and the process it starts, each busy for 0.4 s of CPU', async () => {
    // Each spins until it has used 0.4 s of CPU in user mode (asking every million additions: the asking is a system call),
    // the parent while its child does the same.
    const spin =
      'let x = 0; const t = process.cpuUsage(); while (process.cpuUsage(t).user < 400_000) for (let i = 0; i < 1e6; i++) x += i;';
    const script = `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'inherit' }); ${spin} c.on('exit', () => {});`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
    const cpu = sampleTreeCpu(parent.pid!, 50);
    await new Promise((done) => parent.on('close', done));
    const seconds = cpu.stop();
    // At most the last 50 ms of each process is missed (it ends between two samples); the child's 0.4 s is counted.
    expect(seconds).toBeGreaterThan(0.6);
    expect(seconds).toBeLessThan(5);
  }, 30_000);
});
