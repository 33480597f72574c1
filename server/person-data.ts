import type { Db } from './db/database.js';

/**
 * Everything the database holds about one person, for their request to see it (data protection
 * law gives them that right): their details and sign-in tokens (labels, not the tokens), skills
 * and goals, mentoring, circles, the kudos they gave, got, were named in and reacted to, and the
 * feedback they got and gave under their name. Feedback they gave anonymously is stored with no
 * link to them, so it cannot be found, and the answer says so.
 */
export async function personData(db: Db, id: string) {
  const person = await db
    .selectFrom('people')
    .innerJoin('departments', 'departments.id', 'people.department_id')
    .select([
      'people.id',
      'people.name',
      'people.email',
      'people.title',
      'departments.name as department',
      'people.location',
      'people.time_zone',
      'people.languages',
      'people.manager_id',
      'people.photo_url',
      'people.left_on',
    ])
    .where('people.id', '=', id)
    .executeTakeFirst();
  if (!person) throw new Error(`No person has the id "${id}".`);

  const names = new Map(
    (await db.selectFrom('people').select(['id', 'name']).execute()).map((p) => [p.id, p.name] as const),
  );
  const named = (personId: string | null) => (personId ? { id: personId, name: names.get(personId) ?? '' } : null);
  const skillNames = new Map(
    (await db.selectFrom('skills').select(['id', 'name']).execute()).map((s) => [s.id, s.name] as const),
  );
  const skill = (skillId: string) => ({ id: skillId, name: skillNames.get(skillId) ?? skillId });

  const kudosOf = (seqs: number[]) =>
    seqs.length
      ? db
          .selectFrom('kudos')
          .select(['seq', 'id', 'giver_id', 'message', 'visibility', 'created_at', 'edited_at'])
          .where('seq', 'in', seqs)
          .orderBy('seq')
          .execute()
      : Promise.resolve([]);
  const seqsWhere = async (table: 'kudos_recipients' | 'kudos_mentions') =>
    (await db.selectFrom(table).select('kudos_seq').where('person_id', '=', id).execute()).map((r) => r.kudos_seq);
  const given = await kudosOf(
    (await db.selectFrom('kudos').select('seq').where('giver_id', '=', id).execute()).map((k) => k.seq),
  );
  const received = await kudosOf(await seqsWhere('kudos_recipients'));
  const mentioned = await kudosOf(await seqsWhere('kudos_mentions'));
  const allSeqs = [...new Set([...given, ...received, ...mentioned].map((k) => k.seq))];
  const recipients = allSeqs.length
    ? await db.selectFrom('kudos_recipients').selectAll().where('kudos_seq', 'in', allSeqs).execute()
    : [];
  const kudos = (k: (typeof given)[number]) => ({
    id: k.id,
    from: named(k.giver_id),
    to: recipients.filter((r) => r.kudos_seq === k.seq).map((r) => named(r.person_id)),
    message: k.message,
    visibility: k.visibility,
    createdAt: k.created_at,
    editedAt: k.edited_at,
  });

  /** Feedback they got, or gave under their name; one given anonymously names no giver. */
  const feedbackWhere = async (column: 'recipient_id' | 'giver_id') =>
    (
      await db
        .selectFrom('feedback')
        .select([
          'id',
          'template_name',
          'kind',
          'questions',
          'answers',
          'visibility',
          'anonymous',
          'received_on',
          'giver_id',
          'recipient_id',
        ])
        .where(column, '=', id)
        .orderBy('received_on')
        .execute()
    ).map((f) => ({
      id: f.id,
      template: f.template_name,
      kind: f.kind,
      from: f.anonymous ? null : named(f.giver_id),
      to: named(f.recipient_id),
      anonymous: f.anonymous === 1,
      visibility: f.visibility,
      receivedOn: f.received_on,
      questions: JSON.parse(f.questions) as unknown,
      answers: JSON.parse(f.answers) as unknown,
    }));

  const mentor = await db.selectFrom('mentor_profiles').selectAll().where('person_id', '=', id).executeTakeFirst();
  const expertise = await db.selectFrom('mentor_expertise').selectAll().where('person_id', '=', id).execute();
  const requests = await db
    .selectFrom('mentorship_requests')
    .selectAll()
    .where((eb) => eb.or([eb('mentee_id', '=', id), eb('mentor_id', '=', id)]))
    .orderBy('created_at')
    .execute();
  const led = await db.selectFrom('circles').select(['id', 'topic']).where('lead_id', '=', id).execute();
  const memberOf = await db
    .selectFrom('circle_members')
    .innerJoin('circles', 'circles.id', 'circle_members.circle_id')
    .select(['circles.id', 'circles.topic', 'circle_members.joined_at'])
    .where('circle_members.person_id', '=', id)
    .execute();

  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      title: person.title,
      department: person.department,
      location: person.location,
      timeZone: person.time_zone,
      languages: JSON.parse(person.languages) as string[],
      manager: named(person.manager_id),
      photoUrl: person.photo_url,
      leftOn: person.left_on,
    },
    tokens: (
      await db.selectFrom('access_tokens').select(['label', 'created_at']).where('person_id', '=', id).execute()
    ).map((t) => ({ label: t.label, createdAt: t.created_at })),
    skillRatings: (await db.selectFrom('skill_ratings').selectAll().where('person_id', '=', id).execute()).map((r) => ({
      skill: skill(r.skill_id),
      source: r.source,
      level: r.level,
      assessedAt: r.assessed_at,
    })),
    learningGoals: (await db.selectFrom('learning_goals').select('skill_id').where('person_id', '=', id).execute()).map(
      (g) => skill(g.skill_id),
    ),
    mentorProfile: mentor
      ? {
          bio: mentor.bio,
          capacity: mentor.capacity,
          accepting: mentor.accepting === 1,
          hidden: mentor.hidden === 1,
          expertise: expertise.map((e) => ({ skill: skill(e.skill_id), level: e.level })),
        }
      : null,
    mentorships: requests.map((r) => ({
      id: r.id,
      as: r.mentee_id === id ? 'mentee' : 'mentor',
      mentee: named(r.mentee_id),
      mentor: named(r.mentor_id),
      goal: r.goal,
      message: r.message,
      state: r.state,
      createdAt: r.created_at,
      respondedAt: r.responded_at,
    })),
    circles: [
      ...led.map((c) => ({ id: c.id, topic: c.topic, as: 'lead', joinedAt: null })),
      ...memberOf.map((c) => ({ id: c.id, topic: c.topic, as: 'member', joinedAt: c.joined_at })),
    ],
    kudosGiven: given.map(kudos),
    kudosReceived: received.map(kudos),
    kudosNamingThem: mentioned.map(kudos),
    reactions: await db
      .selectFrom('kudos_reactions')
      .innerJoin('kudos', 'kudos.seq', 'kudos_reactions.kudos_seq')
      .select(['kudos.id as kudosId', 'kudos_reactions.reaction', 'kudos_reactions.created_at as createdAt'])
      .where('kudos_reactions.person_id', '=', id)
      .orderBy('kudos_reactions.created_at')
      .execute(),
    feedbackReceived: await feedbackWhere('recipient_id'),
    feedbackGiven: await feedbackWhere('giver_id'),
    notes: [
      'Feedback they gave anonymously is stored with no link to them, so it is not listed here and cannot be found.',
      'Kudos and feedback others wrote can name them in their text; the kudos that mention them are listed, other texts are not searched.',
    ],
  };
}
