import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { SkillLevel } from '../../contract/rules.js';
import type { Expert, Skill } from '../../contract/skills.js';
import type { BackendController } from '../../core/context.js';
import { renderError } from '../../core/error-view.js';
import type { SkillsMessages } from '../../core/i18n/en-skills.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import { LazyElement } from '../../core/lazy-element.js';
import type { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { safeUrl } from '../../core/safe-url.js';
import { headingAt } from '../../core/heading.js';

/**
 * The experts of one skill in the skill map, each a link (`expert-href`) or a button that opens
 * their mentor card. Its code loads when a skill's header is first active, not before the skill
 * map is defined; the mentor card's when an expert who mentors is pointed at or chosen.
 */
export class ExpertsPanel {
  #chosen?: Expert;
  readonly #mentorCard: LazyElement;
  readonly #experts: ResourceController<readonly [string], Expert[]>;

  constructor(
    private readonly host: PeerElement,
    backend: BackendController,
    private readonly localize: LocalizeController<SkillsMessages>,
    /** The skill whose experts are shown, if any. */
    private readonly skill: () => Skill | undefined,
    private readonly href: () => string | undefined,
  ) {
    this.#mentorCard = new LazyElement(host, () =>
      import('../mentor-card/mentor-card.component.js').then((m) => m.PeerMentorCard),
    );
    this.#experts = new ResourceController(host, backend, {
      args: () => {
        const id = this.skill()?.id;
        return id ? ([id] as const) : undefined;
      },
      load: (source, [id], signal) => source.getSkillExperts(id, 8, { signal }),
    });
  }

  /** Another skill's experts: the mentor card chosen before closes. */
  reset() {
    this.#chosen = undefined;
  }

  #choose(expert: Expert, skill: Skill) {
    const allowed = this.host.emit('peer-expert-selected', { expert, skill }, { cancelable: true });
    this.#chosen = allowed && expert.mentor ? expert : undefined;
    this.host.requestUpdate();
  }

  render() {
    const t = this.localize;
    const skill = this.skill();
    if (!skill) return nothing;
    const card = this.#mentorCard;
    const template = this.href();
    return html`<div part="experts" class="experts">
      <h3 tabindex="-1" aria-level=${headingAt(this.host, 1)}>${t.term('skills.experts', skill.name)}</h3>
      ${this.#experts.render({
        pending: () => html`<p class="hint">${t.term('common.loading')}</p>`,
        error: (error, retry) => renderError(t, t.term('skills.expertsError'), error, retry),
        complete: (experts) =>
          experts.length === 0
            ? html`<p>${t.term('skills.noExperts')}</p>`
            : html`<ul>
                ${experts.map((expert) => {
                  const href = template
                    ? safeUrl(template.replace('{id}', encodeURIComponent(expert.person.id)))
                    : undefined;
                  const label = html`<span class="expert-name" dir="auto">${expert.person.name}</span>
                    <span class="hint"
                      >${t.term('skills.levelName', t.number(expert.level), t.term(`skills.level.${expert.level as SkillLevel}`))}
                      · ${expert.person.department.name}${expert.mentor ? ` · ${t.term('skills.mentors')}` : ''}</span
                    >`;
                  return html`<li>
                    ${
                      href
                        ? html`<a href=${href} @click=${() => this.host.emit('peer-expert-selected', { expert, skill })}
                            >${label}</a
                          >`
                        : html`<button
                            type="button"
                            @click=${() => this.#choose(expert, skill)}
                            @pointerenter=${expert.mentor ? card.preload : nothing}
                            @focus=${expert.mentor ? card.preload : nothing}
                          >
                            ${label}
                          </button>`
                    }
                  </li>`;
                })}
              </ul>`,
      })}
      ${
        this.#chosen
          ? card.render(
              t,
              () => staticHtml`<${card.tag}
                mentor-id=${this.#chosen!.person.id}
                variant="compact"
                heading-level=${headingAt(this.host, 2)}
                theme=${this.host.theme ?? 'light'}
              ></${card.tag}>`,
            )
          : nothing
      }
    </div>`;
  }
}
