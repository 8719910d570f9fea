// Types of sync-admin-lib.mjs, for the TypeScript tests that import it.

export interface Credentials {
  name: string;
  password: string;
}

export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: { id: string; error: string; reason: string }[];
}

export class AdminError extends Error {}
export function parseCredentials(text: string | undefined, what?: string): Credentials;
export function checkTeamName(team: string): void;
export function teamRole(team: string): string;
export function teamSecurity(team: string): {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
};
export function serverUrl(server: string): string;
export function request(
  server: string,
  admin: Credentials | null,
  method: string,
  path: string,
  body?: unknown,
  options?: { ok?: number[] },
): Promise<{ status: number; body: any }>;
export function checkAdmin(server: string, admin: Credentials): Promise<void>;
export function ensureTeam(server: string, admin: Credentials, team: string): Promise<{ created: boolean }>;
export function putUser(
  server: string,
  admin: Credentials,
  name: string,
  password: string,
  team: string,
  options?: { lead?: boolean },
): Promise<{ created: boolean }>;
export const LEAD_ROLE: string;
export function seedTeam(
  server: string,
  admin: Credentials,
  team: string,
  docs: unknown[],
  options?: { batchSize?: number; onBatch?: (progress: { done: number; total: number }) => void },
): Promise<SeedCounts>;
