/** Single sign-on links: an account's email (for linking by verified email) and its OpenID issuer + subject. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email', 'text')
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .execute();
  await sql`create unique index users_email_key on users (lower(email)) where email is not null`.execute(db);
  await sql`create unique index users_oidc_key on users (oidc_issuer, oidc_subject) where oidc_subject is not null`.execute(
    db,
  );
}
