import { useMutation, useQuery } from '@tanstack/react-query';
import { api, dataOf, type Schemas } from '../api/client';
import { saveAnswer } from '../api/download';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { useI18n } from '../i18n/i18n';

type CaseDocument = Schemas['CaseDocumentDto'];

export function useCaseDocuments(id: string) {
  return useQuery({ queryKey: ['case', id, 'documents'], queryFn: async () => dataOf(await api.GET('/cases/{id}/documents', { params: { path: { id } } })) });
}

/**
 * The documents the case has reached, each a link to its PDF: final (with the hash its event
 * recorded) or a draft. The PDF is fetched with the person's token, then saved.
 */
export function Documents({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const documents = useCaseDocuments(caseId);
  const download = useMutation({
    mutationFn: async (kind: CaseDocument['kind']) => {
      const { data, response } = await api.GET('/cases/{id}/documents/{kind}', { params: { path: { id: caseId, kind } }, parseAs: 'blob' });
      saveAnswer(data, response, `${kind}.pdf`);
    },
  });
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t.case.documents}</h2>
      {documents.isPending && <Loading />}
      {documents.isError && <ErrorMessage error={documents.error} retry={() => documents.refetch()} />}
      {documents.data?.length === 0 && <Empty text={t.case.noDocuments} />}
      {documents.data && documents.data.length > 0 && (
        <ul className="documents">
          {documents.data.map((document) => (
            <li key={document.kind}>
              <p>
                <a
                  href={document.href}
                  onClick={(event) => {
                    event.preventDefault();
                    download.mutate(document.kind);
                  }}
                >
                  {t.case.downloadDocument(document.name)}
                </a>{' '}
                <span className="badge">{t.case.documentStatus[document.status]}</span>
              </p>
              {document.issued && <p className="muted hash">{t.case.documentIssued(document.issued.event, document.issued.sha256)}</p>}
            </li>
          ))}
        </ul>
      )}
      {download.isError && <ErrorMessage error={download.error} />}
    </section>
  );
}
