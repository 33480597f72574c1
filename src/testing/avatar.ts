import { hashString, seededRandom } from './random.js';

const backgrounds = ['#dbeafe', '#fce7f3', '#dcfce7', '#fef3c7', '#ede9fe', '#e0f2fe', '#ffe4e6', '#f1f5f9'];
const skins = ['#f6d7c3', '#eab899', '#d19a72', '#a86f4c', '#7b4a2e', '#5a3522'];
const hair = ['#1f1a17', '#3b2a20', '#6b4423', '#a0522d', '#d4a373', '#9ca3af', '#111827'];
const shirts = ['#1d4ed8', '#be185d', '#047857', '#b45309', '#6d28d9', '#0f766e', '#334155', '#9f1239'];

/**
 * A deterministic illustrated portrait as SVG, made from the person's id: no text and no
 * external resources, so it can be served or inlined anywhere.
 */
export function avatarSvg(personId: string): string {
  const random = seededRandom(hashString(personId));
  const bg = random.pick(backgrounds);
  const skin = random.pick(skins);
  const hairColour = random.pick(hair);
  const shirt = random.pick(shirts);
  const longHair = random.next() < 0.45;
  const glasses = random.next() < 0.25;
  const hairShape = longHair
    ? `<path d="M30 52c0-22 14-34 34-34s34 12 34 34v30H86V56H42v26H30z" fill="${hairColour}"/>`
    : `<path d="M36 50c0-18 12-28 28-28s28 10 28 28c-8-8-18-11-28-11s-20 3-28 11z" fill="${hairColour}"/>`;
  const eyes = glasses
    ? `<g fill="none" stroke="#1f2937" stroke-width="2.5"><circle cx="54" cy="58" r="7"/><circle cx="74" cy="58" r="7"/><path d="M61 58h6"/></g>`
    : `<g fill="#1f2937"><circle cx="54" cy="58" r="3"/><circle cx="74" cy="58" r="3"/></g>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">` +
    `<rect width="128" height="128" fill="${bg}"/>` +
    `<path d="M18 128c4-26 22-38 46-38s42 12 46 38z" fill="${shirt}"/>` +
    `<rect x="56" y="78" width="16" height="16" rx="6" fill="${skin}"/>` +
    `<ellipse cx="64" cy="58" rx="26" ry="30" fill="${skin}"/>` +
    hairShape +
    eyes +
    `<path d="M56 74q8 6 16 0" fill="none" stroke="#7f1d1d" stroke-width="2.5" stroke-linecap="round"/>` +
    `</svg>`
  );
}

/** The portrait as a `data:` URL, for backends that have no server to serve it. */
export function avatarDataUrl(personId: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(avatarSvg(personId))}`;
}
