/** Table types. Booleans are integers 0/1 and lists are JSON text, so the schema ports to PostgreSQL as it is. */
export interface Database {
  departments: { id: string; name: string };
  people: {
    id: string;
    name: string;
    email: string;
    title: string;
    department_id: string;
    location: string;
    time_zone: string;
    has_photo: number;
    manager_id: string | null;
    languages: string;
  };
  access_tokens: {
    token_hash: string;
    person_id: string;
    label: string;
    created_at: string;
  };
  skills: {
    id: string;
    name: string;
    category: string;
    synonyms: string;
  };
}
