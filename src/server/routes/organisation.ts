/** Organisation units (departments, sites, clinician groups): listed for signed-in people, managed by administrators. */
import { html } from 'hono/html';
import { createUnit, listUnits, UNIT_KINDS } from '../../store/index.js';
import { UnitForm } from '../api-schemas.js';
import type { Ctx } from '../env.js';
import { ServerError } from '../errors.js';
import { readForm, wantsJson } from '../form.js';
import { t } from '../i18n.js';
import { csrfField, page } from '../pages/layout.js';
import { can } from '../permissions.js';
import { inScope, scopeOf } from '../scope.js';

/** The units the viewer may see: all of them, or a department champion's own. */
async function visibleUnits(c: Ctx) {
  const scope = await scopeOf(c);
  const units = await listUnits(c.get('store').db);
  return can(c.get('viewer'), 'analysis.view_own_units')
    ? units.filter((u) => inScope(scope, u.kind, u.name))
    : units;
}

export async function organisationPage(c: Ctx) {
  const lang = c.get('lang');
  const units = await visibleUnits(c);
  const form = can(c.get('viewer'), 'org.manage')
    ? html`<form method="post" action="/organisation">
        ${csrfField(c)}
        <label for="kind">${t(lang, 'org.kind')}</label>
        <select id="kind" name="kind">
          ${UNIT_KINDS.map((k) => html`<option value="${k}">${t(lang, `org.kind.${k}`)}</option>`)}
        </select>
        <label for="name">${t(lang, 'org.name')}</label><input id="name" name="name" required />
        <p><button type="submit">${t(lang, 'org.add')}</button></p>
      </form>`
    : '';
  return c.html(
    page(
      c,
      t(lang, 'org.title'),
      html`<ul>
          ${units.map((u) => html`<li>${t(lang, `org.kind.${u.kind}`)}: ${u.name}</li>`)}
        </ul>
        ${form}`,
    ),
  );
}

export async function addUnit(c: Ctx) {
  const f = await readForm(c, UnitForm);
  const db = c.get('store').db;
  if ((await listUnits(db)).some((u) => u.kind === f.kind && u.name === f.name))
    throw new ServerError('conflict', `There is already a ${f.kind.replace('_', ' ')} named "${f.name}".`, {
      path: 'name',
      fix: 'Choose another name.',
    });
  const unit = await createUnit(db, c.get('user')!.username, f.kind, f.name);
  return wantsJson(c) ? c.json({ unit }, 201) : c.redirect('/organisation', 303);
}

export async function listUnitsApi(c: Ctx) {
  return c.json({ units: await visibleUnits(c) });
}
