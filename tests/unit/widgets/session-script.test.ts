import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawn} from 'node:child_process';
import {buildSessionScript} from '../../../src/components/ConnectionCheck/session-script';
import {startServer, type RunningServer} from '../../../src/endpoint/node-server';

/** Runs the script as a person would in a terminal, typing the password when it asks. */
function runScript(script: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], {env: {PATH: process.env.PATH}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${stderr}`))));
    child.stdin.end(`${password}\n`);
  });
}

describe('the terminal script for services a browser may not read', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({port: 0, host: '127.0.0.1', buildDir: null});
  });
  afterAll(async () => {
    await server.close();
  });

  it('asks for the password and signs in with serverVersion, clientVersion and authenticate', async () => {
    const issued = (await (await fetch(`${server.url}/qbwc/connections`, {method: 'POST'})).json()) as {
      userName: string;
      password: string;
    };
    const script = buildSessionScript(`${server.url}/qbwc`, issued.userName);
    expect(script).not.toContain(issued.password);
    // The password is read from the terminal, so it is fed as the first line of input.
    const output = await runScript(script, issued.password);
    expect(output).toContain(`Password for ${issued.userName}:`);
    expect(output).toMatch(/== serverVersion[\s\S]*serverVersionResult[\s\S]*\(HTTP 200\)/);
    expect(output).toMatch(/== clientVersion[\s\S]*clientVersionResult[\s\S]*\(HTTP 200\)/);
    expect(output).toMatch(/== authenticate[\s\S]*authenticateResult/);
    expect(output).not.toContain('nvu');
  });

  it('escapes the user name and password for XML and the shell, so odd ones still make a valid call', async () => {
    const script = buildSessionScript(`${server.url}/qbwc`, "o'brien & <co> $HOME");
    const output = await runScript(script, ' p&<"x\' $(id) ');
    // A well-formed envelope with a wrong user gets the protocol's answer, not a SOAP Fault.
    expect(output).toMatch(/== authenticate[\s\S]*authenticateResult[\s\S]*nvu/);
    expect(output).not.toMatch(/Fault/);
  });
});
