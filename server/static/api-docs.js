// The interactive API reference: reads openapi.json and lets a reader try each operation.
// Everything from the document or the server is inserted as text.
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child !== undefined && child !== null));
  return node;
};

const tokenInput = document.getElementById('token');
tokenInput.value = localStorage.getItem('peerkit-api-docs-token') ?? '';
tokenInput.addEventListener('change', () => localStorage.setItem('peerkit-api-docs-token', tokenInput.value));

function operationView(base, path, method, operation) {
  const inputs = new Map();
  const params = el('div', { className: 'params' });
  for (const parameter of operation.parameters ?? []) {
    const input = el('input', { name: parameter.name, placeholder: parameter.schema?.default?.toString() ?? '' });
    inputs.set(parameter, input);
    params.append(
      el(
        'label',
        {},
        `${parameter.name} (${parameter.in}${parameter.required ? ', required' : ''})`,
        input,
        parameter.description ? el('small', { textContent: parameter.description }) : undefined,
      ),
    );
  }
  const output = el('pre', { hidden: true });
  const send = el('button', { type: 'button', textContent: 'Send request' });
  send.addEventListener('click', async () => {
    let target = path;
    const query = new URLSearchParams();
    for (const [parameter, input] of inputs) {
      if (!input.value) continue;
      if (parameter.in === 'path') target = target.replace(`{${parameter.name}}`, encodeURIComponent(input.value));
      else query.set(parameter.name, input.value);
    }
    const url = `${base}${target}${query.size ? `?${query}` : ''}`;
    output.hidden = false;
    output.textContent = `${method.toUpperCase()} ${url}\n…`;
    try {
      const headers = tokenInput.value ? { Authorization: `Bearer ${tokenInput.value}` } : {};
      const response = await fetch(url, { method: method.toUpperCase(), headers });
      const text = await response.text();
      let body = text;
      try {
        body = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        body = text; // not JSON: show it as it came
      }
      output.textContent = `${method.toUpperCase()} ${url}\n${response.status} ${response.statusText}\n\n${body}`;
    } catch (error) {
      output.textContent = `${method.toUpperCase()} ${url}\nFailed: ${error}`;
    }
  });
  const responses = Object.entries(operation.responses ?? {}).map(([status, r]) =>
    el('li', { textContent: `${status}: ${r.description}` }),
  );
  return el(
    'details',
    {},
    el(
      'summary',
      {},
      el('span', { className: 'method', textContent: method.toUpperCase() }),
      `${path} — ${operation.summary ?? ''}`,
    ),
    params,
    el('ul', {}, ...responses),
    send,
    output,
  );
}

try {
  const response = await fetch('openapi.json');
  const doc = await response.json();
  document.getElementById('description').textContent = doc.info.description;
  const base = new URL(doc.servers?.[0]?.url ?? '.', location.href).href.replace(/\/$/, '');
  const list = document.getElementById('operations');
  list.textContent = '';
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) list.append(operationView(base, path, method, operation));
  }
  list.append(
    el('h2', { textContent: 'Schemas' }),
    el('pre', { textContent: JSON.stringify(doc.components.schemas, null, 2) }),
  );
} catch (error) {
  document.getElementById('operations').textContent = `The API description could not be loaded: ${error}`;
}
