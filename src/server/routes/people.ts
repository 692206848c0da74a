/** People and invites: administrators list accounts and make invite links; anyone with a link joins once. */
import { html } from 'hono/html';
import { notFound } from '../../errors.js';
import {
  acceptInvite,
  findUserByEmail,
  setUserEmail,
  addMembership,
  createInvite,
  findUserByName,
  inviteState,
  listUnits,
  listUsers,
  unitsOf,
} from '../../store/index.js';
import { EmailForm, InviteForm, MembershipForm } from '../api-schemas.js';
import { signIn } from '../auth/session.js';
import type { Ctx } from '../env.js';
import { ServerError } from '../errors.js';
import { readForm, wantsJson } from '../form.js';
import { t } from '../i18n.js';
import { csrfField, page } from '../pages/layout.js';

export const INVITE_DAYS = 7;
const publicUser = (u: { id: string; username: string; display_name: string; role: string }) => ({
  id: u.id,
  username: u.username,
  display_name: u.display_name,
  role: u.role,
});

export async function peoplePage(c: Ctx) {
  const lang = c.get('lang');
  const db = c.get('store').db;
  const users = await listUsers(db);
  const units = await listUnits(db);
  const member = await Promise.all(users.map((u) => unitsOf(db, u.id)));
  const roles = InviteForm.shape.role.options;
  return c.html(
    page(
      c,
      t(lang, 'people.title'),
      html`<ul>
          ${users.map(
            (u, i) =>
              html`<li>
                ${u.display_name} (${u.username}) · ${t(lang, `role.${u.role}`)}
                ${member[i]!.length ? html` · ${member[i]!.map((m) => m.name).join(', ')}` : ''}
              </li>`,
          )}
        </ul>
        ${
          units.length
            ? html`<h2>${t(lang, 'people.membership')}</h2>
                <form method="post" action="/people/memberships">
                  ${csrfField(c)}
                  <label for="m-user">${t(lang, 'login.username')}</label>
                  <select id="m-user" name="username">
                    ${users.map((u) => html`<option value="${u.username}">${u.display_name} (${u.username})</option>`)}
                  </select>
                  <label for="m-unit">${t(lang, 'org.name')}</label>
                  <select id="m-unit" name="unit">
                    ${units.map((u) => html`<option value="${u.id}">${t(lang, `org.kind.${u.kind}`)}: ${u.name}</option>`)}
                  </select>
                  <p><button type="submit">${t(lang, 'org.add')}</button></p>
                </form>`
            : ''
        }
        <h2>${t(lang, 'people.email')}</h2>
        <form method="post" action="/people/email">
          ${csrfField(c)}
          <label for="e-user">${t(lang, 'login.username')}</label>
          <select id="e-user" name="username">
            ${users.map((u) => html`<option value="${u.username}">${u.display_name} (${u.username})${u.email ? ` · ${u.email}` : ''}</option>`)}
          </select>
          <label for="e-email">${t(lang, 'people.emailField')}</label
          ><input id="e-email" name="email" type="email" autocomplete="off" />
          <p><button type="submit">${t(lang, 'people.saveEmail')}</button></p>
        </form>
        <h2>${t(lang, 'people.invite')}</h2>
        <form method="post" action="/people/invites">
          ${csrfField(c)}
          <label for="displayName">${t(lang, 'setup.displayName')}</label
          ><input id="displayName" name="displayName" required />
          <label for="role">${t(lang, 'people.role')}</label>
          <select id="role" name="role">
            ${roles.map((r) => html`<option value="${r}">${t(lang, `role.${r}`)}</option>`)}
          </select>
          <p><button type="submit">${t(lang, 'people.makeInvite')}</button></p>
        </form>`,
    ),
  );
}

export async function makeInvite(c: Ctx) {
  const f = await readForm(c, InviteForm);
  const token = await createInvite(
    c.get('store').db,
    c.get('user')!.username,
    f.role,
    f.displayName,
    INVITE_DAYS * 86_400_000,
  );
  const url = new URL(`/invite/${token}`, c.req.url).toString();
  if (wantsJson(c)) return c.json({ url, expires_in_days: INVITE_DAYS }, 201);
  const lang = c.get('lang');
  return c.html(
    page(
      c,
      t(lang, 'people.invite'),
      html`<p>${t(lang, 'people.inviteLink', { days: String(INVITE_DAYS) })}</p>
        <p><code>${url}</code></p>`,
    ),
    201,
  );
}

async function openInvite(c: Ctx): Promise<string> {
  const token = c.req.param('token') ?? '';
  const state = await inviteState(c.get('store').db, token);
  if (state === 'open') return token;
  const message = t(c.get('lang'), `invite.${state}`);
  const fix = t(c.get('lang'), 'invite.fix');
  throw state === 'unknown' ? notFound(message, { fix }) : new ServerError('gone', message, { fix });
}

export async function invitePage(c: Ctx) {
  const token = await openInvite(c);
  const lang = c.get('lang');
  return c.html(
    page(
      c,
      t(lang, 'invite.title'),
      html`<form method="post" action="/invite/${token}">
        ${csrfField(c)}
        <p><button type="submit">${t(lang, 'invite.accept')}</button></p>
      </form>`,
    ),
  );
}

export async function acceptInviteRoute(c: Ctx) {
  const token = await openInvite(c);
  const user = await acceptInvite(c.get('store').db, token);
  if (!user)
    throw new ServerError('gone', t(c.get('lang'), 'invite.used'), { fix: t(c.get('lang'), 'invite.fix') });
  await signIn(c, user.id);
  return wantsJson(c) ? c.json({ user: publicUser(user) }, 201) : c.redirect('/', 303);
}

export async function listUsersApi(c: Ctx) {
  return c.json({
    users: (await listUsers(c.get('store').db)).map((u) => ({
      ...publicUser(u),
      created_at: u.created_at,
      created_by: u.created_by,
      updated_at: u.updated_at,
      updated_by: u.updated_by,
    })),
  });
}

/** Put a person in a unit (department, site or clinician group). */
export async function addMembershipRoute(c: Ctx) {
  const f = await readForm(c, MembershipForm);
  const db = c.get('store').db;
  const user = await findUserByName(db, f.username);
  const unit = (await listUnits(db)).find((u) => u.id === f.unit);
  if (!user)
    throw notFound(`There is no account named "${f.username}".`, {
      path: 'username',
      fix: 'Pick a person from the list.',
    });
  if (!unit)
    throw notFound('There is no such unit.', {
      path: 'unit',
      fix: 'Add the unit on the organisation page first.',
    });
  await addMembership(db, c.get('user')!.username, user.id, unit.id);
  return wantsJson(c) ? c.json({ username: user.username, unit: unit.id }, 201) : c.redirect('/people', 303);
}

/** Record (or clear, with an empty value) the email single sign-on may link an account by. */
export async function setEmailRoute(c: Ctx) {
  const f = await readForm(c, EmailForm);
  const db = c.get('store').db;
  const user = await findUserByName(db, f.username);
  if (!user)
    throw notFound(`There is no account named "${f.username}".`, {
      path: 'username',
      fix: 'Pick a person from the list.',
    });
  const email = f.email === '' ? null : f.email;
  const holder = email ? await findUserByEmail(db, email) : undefined;
  if (holder && holder.id !== user.id)
    throw new ServerError('conflict', 'Another account already has this email address.', {
      path: 'email',
      fix: 'Each account needs its own email address.',
    });
  await setUserEmail(db, c.get('user')!.username, user.id, email);
  return wantsJson(c) ? c.json({ username: user.username, email }, 201) : c.redirect('/people', 303);
}
