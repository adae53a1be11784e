import { createSignal, For, type JSX, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { t } from '../../i18n';
import { KeyQr } from './KeyQr';

const NAME_MAX = 120;
const BIO_MAX = 1000;
const TAGS_MAX = 30;

/** Free tags typed as "a, b, c": trimmed, de-duplicated, at most TAGS_MAX of 60 characters each. */
const parseTags = (text: string): readonly string[] =>
  [...new Set(text.split(',').map((tag) => tag.trim().slice(0, 60)).filter((tag) => tag.length > 0))].slice(0, TAGS_MAX);

/** What a member tells others: kept on this device and used when they found or join a chapter. */
export function ProfileForm() {
  const app = useApp();
  const profile = app.identity.profile();
  const [name, setName] = createSignal(profile.displayName);
  const [pronouns, setPronouns] = createSignal(profile.pronouns);
  const [languages, setLanguages] = createSignal(profile.languages.join(', '));
  const [skills, setSkills] = createSignal(profile.skills.join(', '));
  const [bio, setBio] = createSignal(profile.bio);
  const [home, setHome] = createSignal(profile.homeChapter ?? '');
  // Only chapters on this device can be home; a chapter removed since reads as none chosen.
  const chapters = () => app.entries().filter((entry) => entry.kind === 'chapter');
  const [message, setMessage] = createSignal<{ readonly ok: boolean; readonly text: string } | null>(null);

  const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
    event.preventDefault();
    if (name().trim().length > NAME_MAX) return setMessage({ ok: false, text: t('profile.error.nameTooLong', { max: NAME_MAX }) });
    if (bio().length > BIO_MAX) return setMessage({ ok: false, text: t('profile.error.bioTooLong', { max: BIO_MAX }) });
    await app.identity.saveProfile({
      displayName: name().trim(),
      pronouns: pronouns().trim().slice(0, 40),
      languages: parseTags(languages()),
      skills: parseTags(skills()),
      bio: bio().trim(),
      homeChapter: chapters().some((entry) => entry.id === home()) ? home() : null,
    });
    setMessage({ ok: true, text: t('profile.saved') });
  };

  return (
    <form class="card stack field" aria-labelledby="profile-title" onSubmit={submit} noValidate>
      <h2 id="profile-title">{t('profile.title')}</h2>
      <div>
        <label for="profile-name">{t('profile.name')}</label>
        <input id="profile-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="profile-name" />
      </div>
      <div>
        <label for="profile-pronouns">{t('profile.pronouns')}</label>
        <input id="profile-pronouns" value={pronouns()} onInput={(e) => setPronouns(e.currentTarget.value)} />
      </div>
      <div>
        <label for="profile-languages">{t('profile.languages')}</label>
        <input id="profile-languages" value={languages()} onInput={(e) => setLanguages(e.currentTarget.value)} />
      </div>
      <div>
        <label for="profile-skills">{t('profile.skills')}</label>
        <input id="profile-skills" value={skills()} onInput={(e) => setSkills(e.currentTarget.value)} />
      </div>
      <div>
        <label for="profile-bio">{t('profile.bio')}</label>
        <textarea id="profile-bio" rows={3} value={bio()} onInput={(e) => setBio(e.currentTarget.value)} />
      </div>
      <div>
        <label for="profile-home">{t('profile.homeChapter')}</label>
        <select id="profile-home" class="profile-select" value={home()} onChange={(e) => setHome(e.currentTarget.value)} data-testid="profile-home">
          <option value="">{t('profile.homeChapter.none')}</option>
          <For each={chapters()}>
            {(entry) => (
              <option value={entry.id} selected={entry.id === home()}>
                {entry.title}
              </option>
            )}
          </For>
        </select>
      </div>
      <KeyQr deviceKey={app.identity.deviceKey} safetyCode={app.identity.safetyCode} />
      <div class="row">
        <button type="submit" class="button" data-testid="profile-save">
          {t('profile.save')}
        </button>
        <Show when={message()}>
          {(current) => (
            <span role={current().ok ? 'status' : 'alert'} class={current().ok ? '' : 'field-error'}>
              {current().text}
            </span>
          )}
        </Show>
      </div>
    </form>
  );
}
