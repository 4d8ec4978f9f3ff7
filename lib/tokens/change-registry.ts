import "server-only";
import type { ChangeDefinition } from "@/lib/tokens/change-definition";
import { tokenStatusChange } from "@/lib/tokens/token-status-change";
import { clearPinChange } from "@/lib/tokens/clear-pin-change";
import { assignChange } from "@/lib/tokens/assign-change";
import { renameChange } from "@/lib/tokens/rename-change";
import { cancelEmergencyCodeChange, issueEmergencyCodeChange } from "@/lib/people/emergency-code-changes";

/**
 * Every kind of change by the action name its audit rows carry, so the
 * reconciler can re-read and judge a change it finds unsettled.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own input and state types
const DEFINITIONS: Record<string, ChangeDefinition<any, any>> = {
  ENABLE: tokenStatusChange("enable"),
  DISABLE: tokenStatusChange("disable"),
  UNASSIGN: tokenStatusChange("unassign"),
  CLEAR_PIN: clearPinChange,
  ASSIGN: assignChange,
  RENAME: renameChange,
  EMERGENCY_CODE_ISSUE: issueEmergencyCodeChange,
  EMERGENCY_CODE_CANCEL: cancelEmergencyCodeChange,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function changeDefinitionFor(action: string): ChangeDefinition<any, any> | undefined {
  return DEFINITIONS[action];
}
