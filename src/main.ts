/** Entry point of the workbench page (页面入口): styles, then the shell mounted on #app. */
import './ui/styles.css';
import { mountShell } from './ui/shell';
import { mountTrainer } from './ui/trainer/trainer';
import { mountValidation } from './ui/validation/workspace';

const app = document.querySelector<HTMLElement>('#app');
if (!app) throw new Error('index.html has no #app element');
mountShell(app, window, { trainer: mountTrainer, validation: mountValidation });
