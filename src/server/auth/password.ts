import bcrypt from "bcryptjs";

// bcrypt (DESIGN.md section 7). Cost 12 is ~250 ms here: slow for attackers, fine for sign-in.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the account does not exist, so timing does not reveal which emails exist. */
export const DUMMY_HASH = "$2b$12$6upt929irskY7D5YGxDHfeYKww1sftFnDQuiF5uoTFGIpyBmEqqta";
