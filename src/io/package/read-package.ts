import type { Catalog } from '../../core/catalog/catalog.js';
import { renderPackage, type PackageRenders } from '../../core/plan/renders.js';
import { packageInfo } from './root.js';
import { readCatalog } from './read-catalog.js';

/** The package's catalog and the exact bytes of every installable variant, tagged with the package version. */
export async function readPackage(): Promise<{ catalog: Catalog; pkg: PackageRenders }> {
  const catalog = await readCatalog();
  return { catalog, pkg: renderPackage({ catalog, version: packageInfo().version }) };
}
