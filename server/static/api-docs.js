// The interactive API reference: reads openapi.json and lets a reader try each operation.
// Everything from the document or the server is inserted as text.
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child !== undefined && child !== null));
  return node;
};

/** Text of the document, with its `code` spans as code. */
const prose = (text = '') => text.split('`').map((part, i) => (i % 2 ? el('code', { textContent: part }) : part));

const tokenInput = document.getElementById('token');
tokenInput.value = localStorage.getItem('peerkit-api-docs-token') ?? '';
tokenInput.addEventListener('change', () => localStorage.setItem('peerkit-api-docs-token', tokenInput.value));

/** Appends what a response body sends as it arrives (a server-sent event stream never ends). */
async function readInto(output, response, signal) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => reader.cancel().catch(() => {}), { once: true });
  for (;;) {
    const { done, value } = await reader.read();
    if (done || signal.aborted) return;
    output.textContent += value;
  }
}

function operationView(base, path, method, operation) {
  const verb = method.toUpperCase();
  const inputs = new Map();
  const params = el('div', { className: 'params' });
  for (const parameter of operation.parameters ?? []) {
    const input = el('input', {
      name: parameter.name,
      placeholder: parameter.schema?.default?.toString() ?? '',
      autocomplete: 'off',
    });
    inputs.set(parameter, input);
    params.append(
      el(
        'label',
        {},
        `${parameter.name} (${parameter.in}${parameter.required ? ', required' : ''})`,
        input,
        parameter.description ? el('small', {}, ...prose(parameter.description)) : undefined,
      ),
    );
  }
  const json = operation.requestBody?.content?.['application/json'];
  const body = json
    ? el('textarea', {
        name: 'body',
        spellcheck: false,
        value: JSON.stringify(json.example ?? {}, null, 2),
      })
    : undefined;
  if (body) body.rows = Math.min(16, body.value.split('\n').length + 1);
  const bodyLabel = body ? el('label', { className: 'body' }, 'Request body (JSON)', body) : undefined;
  const status = el('p', { role: 'status', className: 'status' });
  const output = el('pre', { hidden: true, tabIndex: 0 });
  output.setAttribute('aria-label', `Response to ${verb} ${path}`);
  const send = el('button', { type: 'button', textContent: 'Send request' });
  const stop = el('button', { type: 'button', textContent: 'Stop', hidden: true });
  let running;
  stop.addEventListener('click', () => running?.abort());
  send.addEventListener('click', async () => {
    let target = path;
    const query = new URLSearchParams();
    const headers = new Headers();
    if (tokenInput.value) headers.set('Authorization', `Bearer ${tokenInput.value}`);
    for (const [parameter, input] of inputs) {
      if (!input.value) continue;
      if (parameter.in === 'path') target = target.replace(`{${parameter.name}}`, encodeURIComponent(input.value));
      else if (parameter.in === 'header') headers.set(parameter.name, input.value);
      else query.set(parameter.name, input.value);
    }
    let payload;
    if (body) {
      try {
        payload = JSON.stringify(JSON.parse(body.value));
      } catch (error) {
        status.textContent = `The request body is not valid JSON: ${error.message}`;
        body.setAttribute('aria-invalid', 'true');
        body.focus();
        return;
      }
      body.removeAttribute('aria-invalid');
      headers.set('Content-Type', 'application/json');
    }
    const url = `${base}${target}${query.size ? `?${query}` : ''}`;
    running?.abort();
    const controller = (running = new AbortController());
    output.hidden = false;
    output.textContent = `${verb} ${url}\n…`;
    status.textContent = `Sending ${verb} ${target}…`;
    try {
      const response = await fetch(url, { method: verb, headers, body: payload, signal: controller.signal });
      const shown = ['Content-Type', 'Location', 'ETag', 'Retry-After']
        .filter((name) => response.headers.has(name))
        .map((name) => `${name}: ${response.headers.get(name)}`);
      const head = `${verb} ${url}\n${response.status} ${response.statusText}\n${shown.join('\n')}\n\n`;
      // The status is said once the answer is shown, so that it never announces what is not there yet.
      if (response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
        output.textContent = head;
        stop.hidden = false;
        status.textContent = `${response.status} ${response.statusText}: events show as they arrive until you stop.`;
        await readInto(output, response, controller.signal);
        status.textContent = controller.signal.aborted ? 'Stopped.' : 'The server ended the stream.';
        return;
      }
      const text = await response.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        pretty = text; // not JSON: show it as it came
      }
      output.textContent = head + pretty;
      status.textContent = `${response.status} ${response.statusText}`;
    } catch (error) {
      if (controller.signal.aborted) {
        status.textContent = 'Stopped.';
        return;
      }
      output.textContent = `${verb} ${url}\nFailed: ${error}`;
      status.textContent = `Failed: ${error.message}`;
    } finally {
      if (running === controller) {
        stop.hidden = true;
        running = undefined;
      }
    }
  });
  const responses = Object.entries(operation.responses ?? {}).map(([code, r]) =>
    el('li', {}, `${code}: `, ...prose(r.description)),
  );
  return el(
    'details',
    {},
    el(
      'summary',
      {},
      el('span', { className: 'method', textContent: verb }),
      `${path} — `,
      ...prose(operation.summary),
    ),
    operation.description ? el('p', {}, ...prose(operation.description)) : undefined,
    params,
    bodyLabel,
    el('ul', {}, ...responses),
    el('div', { className: 'actions' }, send, stop),
    status,
    output,
  );
}

const operations = document.getElementById('operations');
try {
  const response = await fetch('openapi.json');
  const doc = await response.json();
  document.getElementById('description').replaceChildren(...prose(doc.info.description));
  const base = new URL(doc.servers?.[0]?.url ?? '.', location.href).href.replace(/\/$/, '');
  operations.textContent = '';
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations.append(operationView(base, path, method, operation));
    }
  }
  operations.append(
    el('h2', { textContent: 'Schemas' }),
    el('pre', {
      tabIndex: 0,
      ariaLabel: 'Schemas',
      textContent: JSON.stringify(doc.components.schemas, null, 2),
    }),
  );
  operations.removeAttribute('aria-busy');
} catch (error) {
  operations.replaceChildren(
    el('p', { role: 'alert', textContent: `The API description could not be loaded: ${error}` }),
  );
}
