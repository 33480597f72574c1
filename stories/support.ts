import { html, type TemplateResult } from 'lit';
import '../src/components/provider/provider.js';
import type { PeerBackend } from '../src/core/backend.js';

/** A story's widgets on a backend of its own (a `MemoryBackend` in every story). */
export function withBackend(backend: PeerBackend, content: TemplateResult) {
  return html`<peer-provider .backend=${backend}>${content}</peer-provider>`;
}
