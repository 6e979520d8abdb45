import { StaffRepository } from '@parley/data';
import * as argon2 from 'argon2';

export const DEFAULT_ADMIN_EMAIL = 'admin@parley.local';
export const DEFAULT_ADMIN_PASSWORD = 'parley-admin';

/**
 * Creates the first organization and its admin when the instance has no user yet.
 * Returns the credentials to print when they are the local defaults, never a configured password.
 */
export async function ensureFirstAdmin(
  staff: StaffRepository,
  env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string },
): Promise<{ created: boolean; email: string; defaultPassword?: string }> {
  const email = (env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  if ((await staff.countUsers()) > 0) return { created: false, email };
  const password = env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD;
  await staff.createOrganizationWithAdmin('My organization', {
    email,
    name: 'Admin',
    passwordHash: await argon2.hash(password),
  });
  return { created: true, email, ...(env.ADMIN_PASSWORD ? {} : { defaultPassword: password }) };
}
