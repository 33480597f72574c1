import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { UnknownFilter } from '../../src/contract/problems.js';
import { type App, makeApp, problemOf } from './helpers.js';

/*
 * A list whose filter names something that does not exist answers 404 and says what, instead of an
 * empty list that would hide a typo in a widget's attribute (`<peer-kudos-feed team="desgin">`).
 */
/** The quoted words of a message: the refused value, then the id it most likely meant. */
const quoted = (message: string) => [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

describe('filters of lists', () => {
  let app: App;
  before(async () => {
    app = await makeApp();
  });

  const cases: [path: string, errors: [param: string, message: string][]][] = [
    ['/api/kudos?team=desgin', [['team', 'No department has the id "desgin".']]],
    ['/api/kudos?person=u9999', [['person', 'No person has the id "u9999".']]],
    [
      '/api/kudos?value=kindnes&team=eng',
      [['value', 'No company value has the id "kindnes".']], // team=eng exists: only value is named
    ],
    ['/api/kudos/stream?team=desgin', [['team', 'No department has the id "desgin".']]],
    ['/api/people?department=desgin&q=an', [['department', 'No department has the id "desgin".']]],
    [
      '/api/mentors?department=desgin&skill=typescrpt',
      [
        ['department', 'No department has the id "desgin".'],
        ['skill', 'No skill has the id "typescrpt".'],
      ],
    ],
    ['/api/skills?category=Engineerng', [['category', 'No skill is in the category "Engineerng".']]],
    ['/api/skill-matrix?department=eng&skills=typescript,typescrpt', [['skills', 'No skill has the id "typescrpt".']]],
    ['/api/skill-gaps?department=desgin', [['department', 'No department has the id "desgin".']]],
  ];

  for (const [path, errors] of cases) {
    it(`answers ${path} with 404 naming the filter`, async () => {
      const response = await app.request(path);
      // An event stream that opened would never end.
      if (response.status !== 404) await response.body?.cancel();
      assert.equal(response.status, 404);
      const problem = await problemOf(response);
      assert.equal(problem.type, UnknownFilter.type);
      // The refused value comes apart too, for a client that says it in its reader's language.
      assert.deepEqual(
        problem.errors,
        errors.map(([param, message]) => ({ path: param, message, value: quoted(message)[0] })),
      );
      assert.equal(problem.detail, errors.map(([, message]) => message).join(' '));
    });
  }

  it('names the id that was most likely meant: by name or letter case', async () => {
    const cases: [string, string, string][] = [
      ['/api/kudos?team=Engineering', 'team', 'No department has the id "Engineering". Did you mean "eng"?'],
      ['/api/kudos?value=LEARNING', 'value', 'No company value has the id "LEARNING". Did you mean "learning"?'],
      ['/api/kudos?person=U0002', 'person', 'No person has the id "U0002". Did you mean "u0002"?'],
      [
        '/api/skills?category=engineering',
        'category',
        'No skill is in the category "engineering". Did you mean "Engineering"?',
      ],
      ['/api/mentors?skill=TypeScript', 'skill', 'No skill has the id "TypeScript". Did you mean "typescript"?'],
    ];
    for (const [path, param, message] of cases) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      const [value, meant] = quoted(message);
      assert.deepEqual((await problemOf(response)).errors, [{ path: param, message, value, meant }], path);
    }
  });

  it('reads a list of skill ids with spaces around the commas', async () => {
    const response = await app.request('/api/skill-matrix?skills=typescript,%20rust%20');
    assert.equal(response.status, 200);
    const matrix = (await response.json()) as { skills: { id: string }[] };
    assert.deepEqual(matrix.skills.map((skill) => skill.id).sort(), ['rust', 'typescript']);
  });

  it('still answers filters that exist, even when nothing matches them', async () => {
    for (const path of [
      '/api/kudos?team=eng&value=learning&limit=5',
      '/api/people?department=eng&q=zzzzzz',
      '/api/mentors?department=eng&skill=typescript',
      '/api/skills?category=Engineering',
      '/api/skill-matrix?department=eng&category=Engineering',
      '/api/skill-gaps?department=eng',
    ]) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
    }
    const empty = (await (await app.request('/api/people?department=eng&q=zzzzzz')).json()) as { items: unknown[] };
    assert.deepEqual(empty.items, []);
  });

  it('documents the 404 on every list that has such filters', async () => {
    const document = (await (await app.request('/api/openapi.json', { as: null })).json()) as {
      paths: Record<string, { get: { responses: Record<string, { description: string }> } }>;
    };
    for (const path of ['/kudos', '/kudos/stream', '/people', '/mentors', '/skills', '/skill-matrix', '/skill-gaps']) {
      assert.match(document.paths[path].get.responses['404']?.description ?? '', /unknown-filter/, path);
    }
  });
});
