/** Entry point of the workbench page. */
const app = document.querySelector('#app');
if (app) app.textContent = '共济 Gongji';
