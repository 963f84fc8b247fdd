import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a quick read (a few ms) to a slow export; Prometheus' defaults stop at 10 s. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The service's Prometheus instruments, in a registry of its own (one per application, so that
 * several in one process, as in the tests, do not meet). Counters and histograms are fed where
 * things happen (HTTP interceptor, command bus, event-store decorator); the backlog gauges are
 * read from the database when scraped (see backlog-gauges.ts).
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'iop_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, and how long they took.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'iop_commands_total',
    help: 'Commands by type and outcome: accepted, or the error code they were refused with.',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appends = new Counter({
    name: 'iop_event_store_appends_total',
    help: 'Appends to the event store by outcome: ok, or the error code (WRONG_EXPECTED_VERSION, …; error for others).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly appendedEvents = new Counter({
    name: 'iop_event_store_appended_events_total',
    help: 'Events the event store accepted.',
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'iop_event_store_append_duration_seconds',
    help: 'How long one append took, the hash chain and the revision check included.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    // Process and Node.js figures: memory, CPU, event-loop lag, garbage collection.
    collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge whose value is read when scraped. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}
