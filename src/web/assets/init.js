// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk-frontend.min.js';
initAll();

// A background job's progress page reloads itself while the job runs. Not a <meta> refresh:
// that is a time limit nobody can turn off (WCAG 2.2.1), and without JavaScript the page's
// "Refresh now" link does the same.
const refreshing = document.querySelector('[data-refresh-seconds]');
if (refreshing instanceof HTMLElement) {
  const seconds = Number(refreshing.dataset.refreshSeconds);
  if (Number.isFinite(seconds) && seconds > 0) setTimeout(() => window.location.reload(), seconds * 1000);
}
