import { useApp } from '../../app/context';
import { navigate } from '../../app/router';
import { todayIso } from '../../app/chapters';
import { t } from '../../i18n';
import { ChapterForm } from '../components/ChapterForm';

export function NewChapterPage() {
  const app = useApp();
  const empty = { name: '', city: '', region: '', country: '', foundedOn: todayIso(), description: '', founderName: app.identity.profile().displayName };
  return (
    <section aria-labelledby="new-chapter-title">
      <h1 id="new-chapter-title">{t('chapter.form.title')}</h1>
      <ChapterForm
        idPrefix="new-chapter"
        initial={empty}
        askFounderName
        submitLabel={t('chapter.form.create')}
        onCancel={() => navigate('/')}
        onSubmit={async (input) => {
          const result = await app.chapters.createChapter(input, input.founderName);
          if (!result.ok) return result.error;
          if (!app.identity.profile().displayName) {
            await app.identity.saveProfile({ ...app.identity.profile(), displayName: input.founderName.trim() });
          }
          navigate(`/chapters/${result.value}`, { replace: true });
          return null;
        }}
      />
    </section>
  );
}
