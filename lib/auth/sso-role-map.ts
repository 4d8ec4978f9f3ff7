import { parseRole, ROLES, type Role } from "@/lib/auth/permissions";

/**
 * OIDC_ROLE_MAP: which identity-provider group becomes which tokendesk role,
 * e.g. `helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin`. Pure and
 * browser-safe, so lib/env.ts can validate it at start.
 *
 * Entries are separated by commas or new lines; a value that contains a
 * semicolon is split on semicolons (and new lines) instead, so group names
 * with commas in them (LDAP-style "CN=Help desk,OU=Groups") can be written.
 * Each entry is split at its LAST "=", so a group name may contain "=" too.
 * Group names are compared exactly as the provider sends them.
 */

export type RoleMap = ReadonlyMap<string, Role>;

export interface RoleMapParse {
  map: RoleMap;
  problems: string[];
}

const ROLE_WORDS = "agent, supervisor or admin";

export function parseRoleMap(source: string | undefined): RoleMapParse {
  const map = new Map<string, Role>();
  const problems: string[] = [];
  if (!source) return { map, problems };
  const separator = source.includes(";") ? /[;\n]/ : /[,\n]/;
  for (const raw of source.split(separator)) {
    const entry = raw.trim();
    if (!entry) continue;
    const at = entry.lastIndexOf("=");
    if (at < 0) {
      problems.push(`entry "${entry}" has no "=role"; write group=role, e.g. helpdesk=agent`);
      continue;
    }
    const group = entry.slice(0, at).trim();
    const roleWord = entry.slice(at + 1).trim();
    if (!group) {
      problems.push(`entry "${entry}" names no group; write group=role, e.g. helpdesk=agent`);
      continue;
    }
    const role = parseRole(roleWord);
    if (!role) {
      problems.push(`entry "${entry}": "${roleWord}" is not a role; use ${ROLE_WORDS}`);
      continue;
    }
    const earlier = map.get(group);
    if (earlier && earlier !== role) {
      problems.push(
        `group "${group}" is mapped twice (to ${earlier.toLowerCase()} and to ${role.toLowerCase()}); keep one`,
      );
      continue;
    }
    map.set(group, role);
  }
  if (map.size === 0 && problems.length === 0)
    problems.push(`names no group; write e.g. helpdesk=agent,it-admins=admin`);
  return { map, problems };
}

/** The highest of several roles (ROLES is ordered from least to most). */
export function highestRole(roles: Iterable<Role>): Role | null {
  let best = -1;
  for (const role of roles) best = Math.max(best, ROLES.indexOf(role));
  return best < 0 ? null : ROLES[best]!;
}

/** The role a person's groups give them: the highest mapped one, or null when no group is mapped. */
export function roleForGroups(groups: readonly string[], map: RoleMap): Role | null {
  return highestRole(groups.flatMap((group) => (map.has(group) ? [map.get(group)!] : [])));
}
