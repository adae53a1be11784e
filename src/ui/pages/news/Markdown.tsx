import { createResource, Show } from 'solid-js';
import { renderMarkdown } from '../../../app/news';
import { t } from '../../../i18n';

/**
 * Shows Markdown through the app's sanitizing renderer (loaded on first use). The HTML set
 * here has been escaped and allow-listed: no scripts, handlers, styles, frames, forms or images.
 */
export function Markdown(props: { readonly source: string; readonly testid?: string }) {
  const [html] = createResource(() => props.source, renderMarkdown);
  return (
    <Show when={html.state === 'ready' || html.latest !== undefined} fallback={<p class="muted">{t('organizing.loading')}</p>}>
      <div class="markdown" data-testid={props.testid} innerHTML={html.latest ?? ''} />
    </Show>
  );
}
