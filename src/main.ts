/** Entry point of the workbench page (页面入口): styles, then the shell mounted on #app. */
import './ui/styles.css';
import { openBrowserConnector } from './analytics/browser';
import type { Connector } from './analytics/connector';
import { mountCompare } from './ui/compare/workspace';
import { mountPrepayment } from './ui/prepayment/workspace';
import { RunService } from './ui/runs';
import { mountShell } from './ui/shell';
import { mountTrainer } from './ui/trainer/workspace';
import { mountValidation } from './ui/validation/workspace';

const app = document.querySelector<HTMLElement>('#app');
if (!app) throw new Error('index.html has no #app element');
let database: Promise<Connector> | null = null;
const openDatabase = (): Promise<Connector> => {
  database ??= openBrowserConnector().catch((error: unknown) => {
    database = null;
    throw error;
  });
  return database;
};
// DuckDB starts at once, in its own worker, so that it is ready when the first run's tables arrive
// (a failure here is not lost: the next call tries again and reports it).
openDatabase().catch(() => undefined);
const services = { runs: new RunService(navigator, openDatabase), database: openDatabase };
mountShell(
  app,
  window,
  {
    compare: mountCompare,
    prepayment: mountPrepayment,
    trainer: mountTrainer,
    validation: mountValidation,
  },
  services,
);
