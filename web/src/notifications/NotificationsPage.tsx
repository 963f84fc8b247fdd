import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { api, dataOf, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable } from '../app/TableRegion';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Notification = Schemas['NotificationDto'];
type Filter = 'failed' | 'escalated' | 'all';

/** Notiser (chef, admin): failed and parked deliveries with retry and acknowledge, escalations, bulk retry with a dry run first. */
export default function NotificationsPage() {
  const { t } = useI18n();
  usePageTitle(t.notifications.title);
  const [filter, setFilter] = useState<Filter>('failed');
  const list = useQuery({
    queryKey: ['notifications', filter],
    queryFn: async () =>
      dataOf(await api.GET('/notifications', { params: { query: { ...(filter === 'failed' && { status: 'failed' as const }), limit: 500 } } })),
  });
  const items = (list.data?.items ?? []).filter((n) => filter !== 'escalated' || n.rung > 0);
  return (
    <>
      <h1 tabIndex={-1}>{t.notifications.title}</h1>
      <BulkRetry />
      <section aria-labelledby="notification-list-heading">
        <h2 id="notification-list-heading">{t.notifications.listHeading}</h2>
        <RadioGroup value={filter} onChange={(value) => setFilter(value as Filter)} orientation="horizontal" className="choice-group inline">
          <Label>{t.notifications.show}</Label>
          <Radio value="failed" className="choice">
            {t.notifications.failed}
          </Radio>
          <Radio value="escalated" className="choice">
            {t.notifications.escalated}
          </Radio>
          <Radio value="all" className="choice">
            {t.notifications.all}
          </Radio>
        </RadioGroup>
        {list.isPending && <Loading />}
        {list.isError && <ErrorMessage error={list.error} retry={() => list.refetch()} />}
        {list.data && (items.length === 0 ? <Empty text={t.notifications.none} /> : <NotificationTable items={items} />)}
      </section>
    </>
  );
}

function NotificationTable({ items }: { items: Notification[] }) {
  const { t, lang } = useI18n();
  return (
    <DataTable
      label={t.notifications.listHeading}
      headers={[t.columns.diarienummer, t.notifications.deadline, t.notifications.recipient, t.notifications.status, t.notifications.actions]}
      items={items}
      rowKey={(n) => n.id}
      row={(n) => (
        <>
          <th scope="row">
            <Link href={`/arenden/${n.caseId}`}>{n.diarienummer ?? n.organisation}</Link>
            <br />
            <span className="muted">{n.organisation}</span>
          </th>
          <td>
            {n.deadline.kind} {formatDate(n.deadline.date, lang)}
            <br />
            <span className="muted">{t.notifications.occasion[n.occasion as keyof typeof t.notifications.occasion] ?? n.occasion}</span>
          </td>
          <td>
            {t.notifications.recipients[n.recipient as keyof typeof t.notifications.recipients] ?? n.recipient}
            {n.rung > 0 && <> ({t.notifications.rung(n.rung)})</>}
            <br />
            <span className="muted">
              {n.channel}: {n.address}
            </span>
          </td>
          <td>
            {t.notifications.statuses[n.status as keyof typeof t.notifications.statuses] ?? n.status}
            {n.status === 'failed' && <> — {t.notifications.attempts(n.attempts)}</>}
            {n.lastError && (
              <>
                <br />
                <span className="muted" lang="en">
                  {n.lastError}
                </span>
              </>
            )}
            {n.acknowledgedAt && (
              <>
                <br />
                {t.notifications.acknowledgedAt(formatDateTime(n.acknowledgedAt, lang))}
              </>
            )}
          </td>
          <td>
            <Actions notification={n} />
          </td>
        </>
      )}
    />
  );
}

function Actions({ notification }: { notification: Notification }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const done = () => queries.invalidateQueries({ queryKey: ['notifications'] });
  const name = notification.diarienummer ?? notification.organisation;
  const retry = useMutation({
    mutationFn: async () => dataOf(await api.POST('/notifications/{id}/retry', { params: { path: { id: notification.id } } })),
    onSuccess: done,
  });
  const ack = useMutation({
    mutationFn: async () => dataOf(await api.POST('/notifications/{id}/ack', { params: { path: { id: notification.id } } })),
    onSuccess: done,
  });
  return (
    <>
      {notification.status === 'failed' && (
        <Button className="button small" onPress={() => retry.mutate()} isDisabled={retry.isPending} aria-label={t.notifications.retryNamed(name)}>
          {t.notifications.retry}
        </Button>
      )}{' '}
      {!notification.acknowledgedAt && (
        <Button className="button small" onPress={() => ack.mutate()} isDisabled={ack.isPending} aria-label={t.notifications.acknowledgeNamed(name)}>
          {t.notifications.acknowledge}
        </Button>
      )}
      {(retry.isError || ack.isError) && <ErrorMessage error={retry.error ?? ack.error} />}
    </>
  );
}

/** Bulk retry: a dry run lists what would happen to each failed delivery; only then is it carried out, for exactly those. */
function BulkRetry() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const dryRun = useMutation({ mutationFn: async () => dataOf(await api.POST('/notifications/retries', { body: { dryRun: true } })) });
  const ids = (dryRun.data?.items ?? []).filter((item) => item.outcome === 'would-retry').map((item) => item.id);
  const retry = useMutation({
    mutationFn: async () => dataOf(await api.POST('/notifications/retries', { body: { ids, dryRun: false } })),
    onSuccess: () => {
      dryRun.reset();
      return queries.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  return (
    <section aria-labelledby="bulk-heading" className="panel">
      <h2 id="bulk-heading">{t.notifications.bulkHeading}</h2>
      <p>{t.notifications.bulkHelp}</p>
      <Button className="button" onPress={() => dryRun.mutate()} isDisabled={dryRun.isPending}>
        {t.notifications.dryRun}
      </Button>
      {dryRun.isError && <ErrorMessage error={dryRun.error} />}
      {dryRun.data && (
        <div role="status">
          {ids.length === 0 ? (
            <p>{t.notifications.nothingToRetry}</p>
          ) : (
            <>
              <p>{t.notifications.wouldRetry(ids.length)}</p>
              <ul>
                {dryRun.data.items.map((item) => (
                  <li key={item.id}>
                    {item.notification?.diarienummer ?? item.notification?.organisation}: {item.notification?.address} —{' '}
                    {t.notifications.outcomes[item.outcome as keyof typeof t.notifications.outcomes]}
                  </li>
                ))}
              </ul>
              <Button className="button primary" onPress={() => retry.mutate()} isDisabled={retry.isPending}>
                {t.notifications.retryAll(ids.length)}
              </Button>
            </>
          )}
        </div>
      )}
      {retry.isError && <ErrorMessage error={retry.error} />}
      {retry.data && <p role="status">{t.notifications.retried(retry.data.items.filter((item) => item.outcome === 'retried').length)}</p>}
    </section>
  );
}
