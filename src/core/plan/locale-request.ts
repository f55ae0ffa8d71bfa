import { CANONICAL_LOCALE, type CatalogAgent } from '../catalog/catalog.js';
import { renderWarnings } from '../catalog/lookup.js';
import type { Diagnostic } from '../diagnostics.js';
import { resolveAgentLocale } from './choose-locale.js';
import { assessAgent } from './plan.js';
import type { PlanAction, PlanInput } from './types.js';
import { isSkeletonTranslation } from '../i18n/skeleton.js';

/** What a run tells the user about a locale it chose: where the choice came from, or why another one was written. */
type LocaleNote =
  | { code: 'from-env' | 'from-lang'; locale: string }
  | { code: 'translation-invalid' | 'translation-missing' | 'translation-skeleton'; agent: string; locale: string; path: string };

/** The locale written for one agent, what to tell about it, and the warnings of the file it is rendered from. */
export interface LocaleChoice {
  locale: string;
  note?: LocaleNote;
  warnings?: { path: string; diagnostics: Diagnostic[] };
}

/**
 * How `install` picks one agent's locale, decided before planning. `fresh` is for an agent that is not
 * installed, and for every agent when the locale was named (--locale, AGENTPACK_LOCALE). Chosen from the
 * language settings, an installed agent keeps its locale instead: `kept.byLocale` for each locale the agent
 * has, `kept.otherwise` for one it no longer has.
 */
export interface LocaleRequest {
  agent: string;
  from: 'flag' | 'env' | 'lang';
  fresh: LocaleChoice;
  kept?: { byLocale: ReadonlyMap<string, LocaleChoice>; otherwise: LocaleChoice };
}

/** The choice a request makes for the locale installed now (null or undefined: not installed). */
export function choiceFor(request: LocaleRequest, installed: string | null | undefined): LocaleChoice {
  if (!request.kept || installed === null || installed === undefined || installed === '') return request.fresh;
  return request.kept.byLocale.get(installed) ?? request.kept.otherwise;
}

/** The locale an agent is installed in now, for the planner: none for a file agentpack did not write. */
export function installedLocale(input: PlanInput, agent: string): string | undefined {
  const inst = assessAgent(input, agent);
  return inst.state === 'none' || inst.state === 'foreign' ? undefined : (inst.locale ?? undefined);
}

/** The locale installed before a planned action, null when none was (PlanAction: `fromLocale` of a write, `locale` otherwise). */
export function localeBefore(action: Pick<PlanAction, 'kind' | 'locale' | 'fromLocale'>): string | null {
  return action.kind === 'create' || action.kind === 'overwrite' || action.kind === 'switch' ? action.fromLocale : action.locale;
}

type Named = { flag: string | undefined; env: Record<string, string | undefined>; messageLang: string };

/** The locale named by --locale or AGENTPACK_LOCALE, else the CLI's language: the choice for an agent not installed yet. */
function wanted(options: Named): { locale: string; from: LocaleRequest['from'] } {
  const { locale, from } = resolveAgentLocale(options);
  return { locale, from: from === 'installed' ? 'lang' : from };
}

/** `install` from the package: a locale the agent lacks falls back to the canonical one, unless it was named. */
export function packageRequest(options: Named & { agent: CatalogAgent }): LocaleRequest {
  const { agent } = options;
  const { locale, from } = wanted(options);
  if (from === 'flag') return { agent: agent.name, from, fresh: { locale } };
  if (from === 'env') return { agent: agent.name, from, fresh: { locale, note: { code: 'from-env', locale } } };
  const fresh = agent.variants.has(locale) ? locale : agent.canonical;
  const byLocale = new Map([...agent.variants.keys()].map((l): [string, LocaleChoice] => [l, { locale: l }]));
  return {
    agent: agent.name,
    from,
    fresh: { locale: fresh, note: { code: 'from-lang', locale: fresh } },
    kept: { byLocale, otherwise: { locale: agent.canonical } },
  };
}

/**
 * `install --from`: a translation that does not load, or that the folder lacks, gives the agent in its own
 * language instead, and the note says so (for a missing one only when the locale was named). English is the
 * only language put in place of one named with --locale: a Japanese-only agent asked for in English keeps
 * the locale asked for, which the planner refuses (LOCALE_UNAVAILABLE, listing `ja`).
 */
export function folderRequest(options: Named & { agent: CatalogAgent; loads: (locale: string) => boolean }): LocaleRequest {
  const { agent, loads } = options;
  const { locale: asked, from } = wanted(options);
  const strict = from === 'flag';
  const first = [...agent.variants.values()][0];
  const own = agent.variants.has(agent.canonical) ? agent.canonical : ([...agent.variants.keys()][0] ?? agent.canonical);
  const withWarnings = (choice: LocaleChoice): LocaleChoice => {
    const variant = agent.variants.get(choice.locale);
    const diagnostics = variant ? renderWarnings(variant) : [];
    return variant && diagnostics.length > 0 ? { ...choice, warnings: { path: variant.relPath, diagnostics } } : choice;
  };
  const choose = (locale: string, named: boolean): LocaleChoice => {
    const variant = agent.variants.get(locale);
    if (variant && isSkeletonTranslation(variant))
      return withWarnings({ locale: own, note: { code: 'translation-skeleton', agent: agent.name, locale, path: variant.relPath } });
    if (variant && !loads(locale))
      return withWarnings({ locale: own, note: { code: 'translation-invalid', agent: agent.name, locale, path: variant.relPath } });
    if (variant) return withWarnings({ locale });
    if (!named) return withWarnings({ locale: own });
    if (strict && own !== CANONICAL_LOCALE) return { locale };
    return withWarnings({ locale: own, note: { code: 'translation-missing', agent: agent.name, locale, path: first?.relPath ?? '' } });
  };
  const fresh = choose(asked, from !== 'lang');
  if (from !== 'lang') return { agent: agent.name, from, fresh };
  const byLocale = new Map([...agent.variants.keys()].map((l): [string, LocaleChoice] => [l, choose(l, false)]));
  return { agent: agent.name, from, fresh, kept: { byLocale, otherwise: withWarnings({ locale: own }) } };
}
