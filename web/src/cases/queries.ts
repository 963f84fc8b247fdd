import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../api/client';
import { markDataReceived } from '../app/perf';

/** When the page shows the case: now, right after a revision, or at the end of a day (Stockholm). */
export interface PointInTime {
  readonly revision?: number;
  readonly date?: string;
}

/** The end of a Stockholm calendar day as an instant: what "as it was on 12 December" means to an official. */
export function endOfStockholmDay(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const stockholmHour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Stockholm' }).format(noon));
  const offsetHours = stockholmHour - 12;
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - offsetHours * 3_600_000).toISOString();
}

export function useCase(id: string, at: PointInTime = {}) {
  return useQuery({
    queryKey: ['case', id, at],
    queryFn: async () => {
      const view = dataOf(
        await api.GET('/cases/{id}', {
          params: { path: { id }, query: { revision: at.revision, asOf: at.date ? endOfStockholmDay(at.date) : undefined } },
        }),
      );
      markDataReceived('case');
      return view;
    },
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: ['case', id, 'history'],
    queryFn: async () => {
      const history = dataOf(await api.GET('/cases/{id}/history', { params: { path: { id } } }));
      markDataReceived('history');
      return history;
    },
  });
}

export function useCaseDeadlines(id: string) {
  return useQuery({ queryKey: ['case', id, 'deadlines'], queryFn: async () => dataOf(await api.GET('/cases/{id}/deadlines', { params: { path: { id } } })) });
}

export function useStatechart(machine: { id: string; version: number } | undefined) {
  return useQuery({
    queryKey: ['statechart', machine?.id, machine?.version],
    queryFn: async () =>
      dataOf(await api.GET('/lifecycle/machines/{id}/{version}/statechart', { params: { path: { id: machine!.id, version: machine!.version } } })),
    enabled: machine !== undefined,
    staleTime: Infinity,
  });
}
