import { For } from 'solid-js';
import { useApp } from '../../app/context';
import { isLocaleCode, t } from '../../i18n';

/** Chooses the interface language; member-written content is never translated. */
export function LanguagePicker() {
  const app = useApp();
  const language = app.language;
  return (
    <section class="card stack field" aria-labelledby="language-title">
      <h2 id="language-title">{t('settings.language')}</h2>
      <div>
        <label for="language-picker">{t('settings.language.label')}</label>
        <select
          id="language-picker"
          data-testid="language-picker"
          aria-describedby="language-help"
          value={language.current()}
          onChange={(event) => {
            const code = event.currentTarget.value;
            if (isLocaleCode(code)) void language.choose(code);
          }}
        >
          <For each={language.languages}>
            {(option) => (
              <option value={option.code} lang={option.code} selected={option.code === language.current()}>
                {option.name}
              </option>
            )}
          </For>
        </select>
        <p id="language-help" class="field-help muted">
          {t('settings.language.help')}
        </p>
      </div>
    </section>
  );
}
