import type { Lang } from '../../src/core/lang.js';
import { loadMessageCatalog } from '../../src/io/package/message-catalogs.js';
import { createMessages, type Messages } from '../../src/ui/messages.js';

/** The CLI's messages in one language, read from the repository's catalogs as a run reads them. */
export function messagesIn(lang: Lang): Messages {
  return createMessages({ lang, load: loadMessageCatalog });
}
