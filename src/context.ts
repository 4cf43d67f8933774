/** The dependencies commands, routes and workers share; built once per process by src/runtime.ts. */
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Db } from './db/client';
import type { Logger } from './logger';
import type { Queues } from './queues';
import type { Publisher } from './events/publisher';
import type { Municipality } from './municipality';
import type { Metrics } from './metrics/registry';

export interface Context {
  config: Config;
  db: Db;
  queues: Queues;
  /** General Redis connection (queues, live events, login throttling). */
  redis: Redis;
  publisher: Publisher;
  log: Logger;
  municipality: Municipality;
  /** This process's Prometheus metrics; absent when METRICS_PORT is unset (nothing is measured). */
  metrics?: Metrics;
}
