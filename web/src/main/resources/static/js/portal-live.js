// Live updates on the victim's case page: new steps arrive by server-sent events and are added to
// the top of the timeline, and a polite live region tells screen-reader users. Without JavaScript the
// page still shows everything; reloading it shows new steps.
const timeline = document.getElementById('timeline');
const status = document.getElementById('live-status');

function item(step) {
  const li = document.createElement('li');
  li.className = 'app-timeline__item';
  const title = document.createElement('h3');
  title.className = 'govuk-heading-s app-timeline__title';
  title.textContent = step.title;
  const text = document.createElement('p');
  text.className = 'govuk-body app-timeline__text';
  text.textContent = step.text;
  const meta = document.createElement('p');
  meta.className = 'govuk-body-s app-timeline__meta';
  meta.textContent = step.agency + ', ' + step.when;
  li.append(title, text, meta);
  if (step.contact) {
    const contact = document.createElement('p');
    contact.className = 'govuk-body-s app-timeline__contact';
    contact.textContent = step.contact;
    li.append(contact);
  }
  return li;
}

if (timeline && 'EventSource' in window) {
  const source = new EventSource('/track/updates?since=' + encodeURIComponent(timeline.dataset.version));
  source.addEventListener('steps', (event) => {
    const steps = JSON.parse(event.data);
    if (steps.length === 0) {
      return;
    }
    // Oldest first, each put at the top, so the newest ends up first.
    for (const step of steps.slice().reverse()) {
      timeline.prepend(item(step));
    }
    timeline.dataset.version = event.lastEventId;
    status.textContent = steps.length === 1 ? 'There is 1 new step in your case.' : 'There are ' + steps.length + ' new steps in your case.';
  });
}
