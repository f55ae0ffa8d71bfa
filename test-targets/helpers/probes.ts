import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from './pinned.js';
import {
  clientOf,
  durations,
  type LoadedAgent,
  offlineEnv,
  type Place,
  type ProbeOptions,
  type ProbeResult,
  plain,
  runClient,
  withModelEndpoint,
} from './run.js';

/**
 * Ask each real client which agents it loaded from a home (user scope) and a project (the working directory),
 * offline and without an account (test-targets/README.md). These are the clients' own debug outputs and
 * requests, not documented interfaces: the versions are pinned, and every test keeps a negative control.
 */

function need(client: Client) {
  const program = clientOf(client);
  if (program === undefined) throw new Error(`no ${client} client (the suite should have skipped)`);
  return program;
}

function record(result: ProbeResult): ProbeResult {
  durations.push(result.durationMs);
  return result;
}

/**
 * OpenCode: `opencode debug config` prints the resolved configuration as JSON, with every agent file under
 * `agent` (no built-in agents there). One invalid agent file makes the whole configuration invalid: exit 1,
 * and the reason on stderr.
 */
export async function probeOpencode(place: Place, options: ProbeOptions = {}): Promise<ProbeResult> {
  const { home, project } = place;
  const env = offlineEnv(home, {
    XDG_CONFIG_HOME: options.relocated ?? join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    // Without these it fetches its model catalogue (models.opencode.ai) and checks for updates.
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
  });
  const r = await runClient(need('opencode'), ['debug', 'config'], { cwd: project, env, prefix: options.prefix });
  const agents: LoadedAgent[] = [];
  if (r.code === 0) {
    const config = JSON.parse(r.stdout) as { agent?: Record<string, { description?: string }> };
    for (const [name, agent] of Object.entries(config.agent ?? {})) agents.push({ name, description: agent.description ?? '' });
  }
  const problems = r.code === 0 ? [] : [plain(r.stderr).trim()];
  return record({ agents, problems, code: r.code, durationMs: r.durationMs });
}

const CODEX_ROLE = /^(.+): \{\n([\s\S]*?)\n\}$/gm;

/**
 * Codex CLI: `codex debug prompt-input` prints the prompt it would send, as JSON; the agents are the
 * "Available roles" of the `spawn_agent` tool's `agent_type` (built-ins last), which is absent when no custom
 * agent loaded. A bad file is skipped silently. Project agents load only for a trusted project, so the probe
 * trusts `place.project` in the temporary `CODEX_HOME` (= `<home>/.codex`) unless told not to.
 */
export async function probeCodex(place: Place, options: ProbeOptions & { trustProject?: boolean } = {}): Promise<ProbeResult> {
  const { home, project } = place;
  const codexHome = join(home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  const config = join(codexHome, 'config.toml');
  if (options.trustProject !== false && !existsSync(config)) writeFileSync(config, `[projects.${JSON.stringify(project)}]\ntrust_level = "trusted"\n`);
  // A model provider on 127.0.0.1: with the built-in one it reaches for api.openai.com (it needs no answer).
  const { r, url } = await withModelEndpoint(async (url) => {
    const provider = ['-c', 'model_provider="agentpack"', '-c', `model_providers.agentpack={name="agentpack",base_url="${url}/v1",wire_api="responses"}`];
    const env = offlineEnv(home, { CODEX_HOME: codexHome });
    return { r: await runClient(need('codex'), ['debug', 'prompt-input', ...provider], { cwd: project, env, prefix: options.prefix }), url };
  });
  const agents: LoadedAgent[] = [];
  if (r.code === 0) {
    const input = JSON.parse(r.stdout) as Array<{ tools?: Array<{ name?: string; tools?: Array<{ name?: string; parameters?: unknown }> }> }>;
    const spawnAgent = input
      .flatMap((item) => item.tools ?? [])
      .flatMap((tool) => tool.tools ?? [])
      .find((tool) => tool.name === 'spawn_agent');
    const roles = (spawnAgent?.parameters as { properties?: { agent_type?: { description?: string } } } | undefined)?.properties?.agent_type?.description;
    const list = roles?.split('Available roles:\n')[1] ?? '';
    for (const m of list.matchAll(CODEX_ROLE)) agents.push({ name: m[1] ?? '', description: m[2] ?? '' });
  }
  const problems = r.code === 0 ? [] : [plain(r.stderr).trim()];
  return record({ agents, problems, code: r.code, durationMs: r.durationMs, endpoint: url });
}

/** The `name:` line of a Markdown agent's front-matter, as Gemini CLI keys its acknowledgements by it. */
function frontMatterName(text: string): string | undefined {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const raw = /^name:[ \t]*(.+?)[ \t]*$/m.exec(block)?.[1];
  return raw?.replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * Gemini CLI: the agents are listed in the system instruction of its first model request
 * ("- <name> -> <description>"), sent here to a local endpoint; load errors go to stderr as
 * "Agent loading error: …". Project agents load only in a trusted folder (`--skip-trust`) and once
 * acknowledged (`~/.gemini/acknowledgments/agents.json`: project → name → SHA-256 of the file), which the
 * interactive client asks the user for; the probe acknowledges every project `.gemini/agents/*.md` unless told
 * not to.
 */
export async function probeGemini(place: Place, options: ProbeOptions & { acknowledge?: boolean } = {}): Promise<ProbeResult> {
  const { home, project } = place;
  // GEMINI_CLI_HOME stands for the home: its settings and acknowledgements are in <it>/.gemini.
  const gemini = join(options.relocated ?? home, '.gemini');
  mkdirSync(gemini, { recursive: true });
  // Usage statistics off: they would go to play.googleapis.com.
  const settings = { security: { auth: { selectedType: 'gemini-api-key' } }, privacy: { usageStatisticsEnabled: false }, telemetry: { enabled: false } };
  writeFileSync(join(gemini, 'settings.json'), `${JSON.stringify(settings)}\n`);
  const agentsDir = join(project, '.gemini', 'agents');
  if (options.acknowledge !== false && existsSync(agentsDir)) {
    const acknowledged: Record<string, string> = {};
    for (const file of readdirSync(agentsDir).filter((f) => f.endsWith('.md'))) {
      const bytes = readFileSync(join(agentsDir, file));
      const name = frontMatterName(bytes.toString('utf8'));
      if (name !== undefined) acknowledged[name] = createHash('sha256').update(bytes).digest('hex');
    }
    mkdirSync(join(gemini, 'acknowledgments'), { recursive: true });
    writeFileSync(join(gemini, 'acknowledgments', 'agents.json'), JSON.stringify({ [project]: acknowledged }));
  }
  return withModelEndpoint(async (url, firstBody) => {
    const relocated: Record<string, string> = options.relocated === undefined ? {} : { GEMINI_CLI_HOME: options.relocated };
    const env = offlineEnv(home, { GEMINI_API_KEY: 'agentpack-probe', GOOGLE_GEMINI_BASE_URL: url, ...relocated });
    const r = await runClient(need('gemini'), ['-p', 'hi', '-m', 'gemini-2.5-flash', '--output-format', 'json', '--skip-trust'], {
      cwd: project,
      env,
      prefix: options.prefix,
    });
    const body = firstBody();
    if (body === undefined) throw new Error(`gemini sent no model request (exit ${r.code}): ${plain(r.stderr).slice(0, 2000)}`);
    const request = JSON.parse(body) as { systemInstruction?: { parts?: Array<{ text?: string }> } };
    const system = (request.systemInstruction?.parts ?? []).map((p) => p.text ?? '').join('');
    const list = /The following sub-agents are available:\n\n([\s\S]*?)\n\nRemember that/.exec(system)?.[1] ?? '';
    const agents = [...list.matchAll(/^- (.+?) -> (.*)$/gm)].map((m) => ({ name: m[1] ?? '', description: m[2] ?? '' }));
    const problems = [...plain(r.stderr).matchAll(/^Agent loading error: .*(?:\n(?:\(|[a-z_]+(?:\.\d+)?: |Unrecognized ).*)*/gm)].map((m) => m[0]);
    return record({ agents, problems, code: r.code, durationMs: r.durationMs, endpoint: url });
  });
}

/**
 * GitHub Copilot CLI in its documented offline mode (COPILOT_OFFLINE with a local OpenAI-compatible provider,
 * no GitHub token): the agents are in the `task` tool of its first request ("User-provided custom agents:"
 * then "- **<id>**: <description>", after the built-ins); what it skipped is in its log file.
 */
export async function probeCopilot(place: Place, options: ProbeOptions = {}): Promise<ProbeResult> {
  const { home, project } = place;
  const logs = join(home, 'copilot-logs');
  return withModelEndpoint(async (url, firstBody) => {
    const env = offlineEnv(home, { COPILOT_OFFLINE: 'true', COPILOT_PROVIDER_BASE_URL: url, COPILOT_MODEL: 'gpt-4.1', COPILOT_AUTO_UPDATE: 'false' });
    const r = await runClient(need('copilot'), ['-p', 'hi', '--log-level', 'all', '--log-dir', logs], { cwd: project, env, prefix: options.prefix });
    const body = firstBody();
    if (body === undefined) throw new Error(`copilot sent no model request (exit ${r.code}): ${plain(r.stderr).slice(0, 2000)}`);
    const request = JSON.parse(body) as { tools?: Array<{ function?: { name?: string; description?: string } }> };
    const task = request.tools?.find((t) => t.function?.name === 'task')?.function?.description ?? '';
    const builtIn = task.split('User-provided custom agents:')[0] ?? '';
    const custom = task.split('User-provided custom agents:')[1] ?? '';
    const bullets = (text: string) => [...text.matchAll(/^- \*\*(.+?)\*\*: (.*)$/gm)].map((m) => ({ name: m[1] ?? '', description: m[2] ?? '' }));
    const logText = existsSync(logs)
      ? readdirSync(logs)
          .map((f) => readFileSync(join(logs, f), 'utf8'))
          .join('\n')
      : '';
    const problems = logText.split('\n').filter((l) => /\[(ERROR|WARNING)\] .*(agent|frontmatter|field)/i.test(l));
    return record({ agents: [...bullets(builtIn), ...bullets(custom)], problems, code: r.code, durationMs: r.durationMs, endpoint: url });
  });
}

/**
 * Qwen Code: the names are in the `init` event of `--output-format json`, the descriptions in the `agent`
 * tool of its first request ("- **<name>**: <description>"), sent to a local OpenAI-compatible endpoint; what
 * it skipped is in its debug log (`-d`, `~/.qwen/debug/`).
 */
export async function probeQwen(place: Place, options: ProbeOptions = {}): Promise<ProbeResult> {
  const { home, project } = place;
  const qwen = options.relocated ?? join(home, '.qwen');
  mkdirSync(qwen, { recursive: true });
  // Usage statistics off: they would go to Alibaba Cloud's RUM service.
  const settings = { security: { auth: { selectedType: 'openai' } }, privacy: { usageStatisticsEnabled: false }, telemetry: { enabled: false } };
  writeFileSync(join(qwen, 'settings.json'), `${JSON.stringify(settings)}\n`);
  return withModelEndpoint(async (url, firstBody) => {
    const relocated: Record<string, string> = options.relocated === undefined ? {} : { QWEN_HOME: options.relocated };
    const env = offlineEnv(home, { OPENAI_API_KEY: 'agentpack-probe', OPENAI_BASE_URL: url, OPENAI_MODEL: 'gpt-4.1', ...relocated });
    const r = await runClient(need('qwen'), ['-d', '-p', 'hi', '--output-format', 'json'], { cwd: project, env, prefix: options.prefix });
    const body = firstBody();
    if (body === undefined) throw new Error(`qwen sent no model request (exit ${r.code}): ${plain(r.stderr).slice(0, 2000)}`);
    const events = JSON.parse(r.stdout) as Array<{ type?: string; subtype?: string; agents?: string[] }>;
    const names = events.find((e) => e.type === 'system' && e.subtype === 'init')?.agents ?? [];
    const request = JSON.parse(body) as { tools?: Array<{ function?: { name?: string; description?: string } }> };
    const tool = request.tools?.find((t) => t.function?.name === 'agent')?.function?.description ?? '';
    const shown = new Map([...tool.matchAll(/^- \*\*(.+?)\*\*: (.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const debug = join(qwen, 'debug');
    const logText = existsSync(debug)
      ? readdirSync(debug)
          .map((f) => readFileSync(join(debug, f), 'utf8'))
          .join('\n')
      : '';
    const problems = [...new Set(logText.split('\n').filter((l) => l.includes('Skipped invalid file')))];
    return record({
      agents: names.map((name) => ({ name, description: shown.get(name) ?? '' })),
      problems,
      code: r.code,
      durationMs: r.durationMs,
      endpoint: url,
    });
  });
}

export const PROBES: Record<Client, (place: Place, options?: ProbeOptions) => Promise<ProbeResult>> = {
  codex: probeCodex,
  copilot: probeCopilot,
  gemini: probeGemini,
  opencode: probeOpencode,
  qwen: probeQwen,
};

const builtIns = new Map<Client, Promise<Set<string>>>();

/** Names a client lists with no agent file at all (its built-in agents), probed once per test file. */
export function builtInAgents(client: Client, fresh: () => Place): Promise<Set<string>> {
  let known = builtIns.get(client);
  if (known === undefined) {
    known = PROBES[client](fresh(), {}).then((r) => new Set(r.agents.map((a) => a.name)));
    builtIns.set(client, known);
  }
  return known;
}
