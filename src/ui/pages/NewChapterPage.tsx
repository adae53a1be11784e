import { useApp } from '../../app/context';
import { navigate } from '../../app/router';
import { todayIso } from '../../app/chapters';
import { t } from '../../i18n';
import { ChapterForm } from '../components/ChapterForm';

export function NewChapterPage() {
  const app = useApp();
  const empty = { name: '', city: '', region: '', country: '', foundedOn: todayIso(), description: '' };
  return (
    <section aria-labelledby="new-chapter-title">
      <h1 id="new-chapter-title">{t('chapter.form.title')}</h1>
      <ChapterForm
        idPrefix="new-chapter"
        initial={empty}
        submitLabel={t('chapter.form.create')}
        onCancel={() => navigate('/')}
        onSubmit={async (input) => {
          const result = await app.chapters.createChapter(input);
          if (!result.ok) return result.error;
          navigate(`/chapters/${result.value}`, { replace: true });
          return null;
        }}
      />
    </section>
  );
}
