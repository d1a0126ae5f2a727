import bcrypt from "bcryptjs";

const COST = 10;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a wrong email costs as much time as
// a wrong password and the response tells nothing about which accounts exist.
const UNKNOWN_USER_HASH = "$2b$10$nB7wEl9iY7Da5C4FlUqV8ufjDyxUfOii1cgyi5jVrGx/FqsNQnhgG";

export async function burnPasswordCheck(password: string): Promise<false> {
  await bcrypt.compare(password, UNKNOWN_USER_HASH);
  return false;
}
