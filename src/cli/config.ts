/**
 * Config files with rules of your own (src/rules/user.ts): given with
 * --config, or found by walking up from each input's folder (from the current
 * folder for stdin), the way tools find .editorconfig or .eslintrc.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, validateConfig, type UserConfig } from '../rules/user.js';
import { reasonFor, type Input } from './inputs.js';

export const CONFIG_NAMES = ['article-clean.config.json', '.articlecleanrc'];

export interface LoadedConfig {
  file: string;
  config: UserConfig;
}

/** A config that cannot be used: its path and why. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

const exists = (file: string): Promise<boolean> => stat(file).then((s) => s.isFile(), () => false);

/** Read and validate one config file. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigFileError(file, `cannot read the config: ${reasonFor(err)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  try {
    return { file, config: validateConfig(value) };
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigFileError(file, err.message);
    throw err;
  }
}

/** Finds and loads configs, each file once. */
export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();

  /** The nearest config at or above `folder`. */
  private nearest(folder: string): Promise<string | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_NAMES) if (await exists(path.join(folder, name))) return path.join(folder, name);
        const parent = path.dirname(folder);
        return parent === folder ? undefined : this.nearest(parent);
      })();
      this.byFolder.set(folder, found);
    }
    return found;
  }

  load(file: string): Promise<LoadedConfig> {
    let config = this.loaded.get(file);
    if (!config) this.loaded.set(file, (config = loadConfig(file)));
    return config;
  }

  /** The config for an input: `explicit` (--config) if given, else the nearest one above it. */
  async forInput(input: Input, cwd: string, explicit: string | undefined): Promise<LoadedConfig | undefined> {
    if (explicit !== undefined) return this.load(path.resolve(cwd, explicit));
    const file = await this.nearest(input.kind === 'file' ? path.dirname(input.path) : cwd);
    return file === undefined ? undefined : this.load(file);
  }
}
