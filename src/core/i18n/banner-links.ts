import { bannerLabel, languageOfLabel } from '../agent/banner.js';
import { canonicalVariant, type Catalog, type CatalogAgent, type Variant } from '../catalog/catalog.js';
import { catalogLink, resolveCatalogLink } from '../catalog/links.js';
import { makeDiagnostic, type Diagnostic, type DiagnosticParams } from '../diagnostics.js';

/**
 * Check one variant's banner links: each must lead to another variant of the same agent. Returns the
 * locales it reaches, and warnings for links that lead nowhere (dead), to some other file (wrong), or to a
 * variant whose language differs from the link's label (mislabelled).
 */
function checkLinks(options: { variant: Variant; agent: CatalogAgent; knownFiles: ReadonlySet<string> }): {
  reached: Set<string>;
  broken: boolean;
  diagnostics: Diagnostic[];
} {
  const { variant, agent, knownFiles } = options;
  const banner = variant.parsed.banner;
  const reached = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  if (!banner) return { reached, broken: false, diagnostics };
  const warn = (code: 'BANNER_LINK_DEAD' | 'BANNER_LINK_WRONG' | 'BANNER_LINK_MISLABELLED', params: DiagnosticParams): void => {
    diagnostics.push(makeDiagnostic({ severity: 'warning', code, file: variant.relPath, line: banner.line, params }));
  };
  let broken = false;
  for (const link of banner.links) {
    const resolved = resolveCatalogLink({ from: variant.relPath, href: link.href });
    const target = [...agent.variants.values()].find((v) => v.relPath === resolved && v.locale !== variant.locale);
    const labelLocale = languageOfLabel(link.label);
    if (target) {
      reached.add(target.locale);
      if (labelLocale !== undefined && labelLocale !== target.locale)
        warn('BANNER_LINK_MISLABELLED', { label: link.label, href: link.href, locale: target.locale });
      continue;
    }
    broken = true;
    const meant = labelLocale === undefined ? undefined : agent.variants.get(labelLocale);
    const params: DiagnosticParams = { label: link.label, href: link.href };
    if (meant && meant !== variant) params['suggestion'] = catalogLink({ from: variant.relPath, to: meant.relPath });
    if (resolved !== undefined && knownFiles.has(resolved)) warn('BANNER_LINK_WRONG', { ...params, target: resolved });
    else warn('BANNER_LINK_DEAD', params);
  }
  return { reached, broken, diagnostics };
}

/**
 * Banner links both ways (a reader on GitHub follows them): every banner link resolves, relative to its file, to the other variant
 * of the same agent; each translation links to its source and the source links to each translation. All
 * findings are warnings: the banner is for people reading the files on GitHub, not for Claude Code.
 */
export function checkBannerLinks(catalog: Catalog): Diagnostic[] {
  const knownFiles = new Set<string>();
  for (const agent of catalog.agents.values()) for (const v of agent.variants.values()) knownFiles.add(v.relPath);
  for (const orphan of catalog.orphans) knownFiles.add(orphan.relPath);
  const out: Diagnostic[] = [];
  for (const agent of catalog.agents.values()) {
    const canonical = canonicalVariant(agent);
    if (!canonical) continue;
    for (const variant of agent.variants.values()) {
      if (!variant.parsed.isAgent) continue;
      const { reached, broken, diagnostics } = checkLinks({ variant, agent, knownFiles });
      out.push(...diagnostics);
      if (broken) continue;
      const line = variant.parsed.banner?.line ?? variant.parsed.bodyLine;
      const needed = variant === canonical ? [...agent.variants.values()].filter((v) => v !== canonical) : [canonical];
      for (const target of needed) {
        if (reached.has(target.locale)) continue;
        const expected = catalogLink({ from: variant.relPath, to: target.relPath });
        const code = variant === canonical ? 'BANNER_TRANSLATION_LINK_MISSING' : 'BANNER_SOURCE_LINK_MISSING';
        out.push(
          makeDiagnostic({
            severity: 'warning',
            code,
            file: variant.relPath,
            line,
            params: { locale: target.locale, expected, label: bannerLabel(target.locale), own: bannerLabel(variant.locale) },
          }),
        );
      }
    }
  }
  return out;
}
