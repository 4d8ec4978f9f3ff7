import "server-only";
import { emptyAnswerSchema, emergencyCodeSchema, verificationSchema } from "@/lib/rsa/help-desk-answers";
import type { EmergencyAccessCode, EmergencyCodeRequest, VerificationSession } from "@/lib/rsa/help-desk-types";
import {
  check,
  codeIdInput,
  emailLikeInput,
  emergencyRequestInput,
  pageInput,
  serialInput,
  tokenNameInput,
  userPath,
  verifyCodeInput,
} from "@/lib/rsa/input";
import { renameResultSchema } from "@/lib/rsa/answers";
import type { RsaTransport } from "@/lib/rsa/transport";
import type { SidRenameResult } from "@/lib/rsa/types";
import { userSearchSchema } from "@/lib/rsa/user-answers";
import type { UserSearchPage } from "@/lib/rsa/user-types";

/**
 * The calls for the rest of a help-desk call (REFERENCE.md 13-17), as
 * functions of the transport; RsaClient exposes each as a method.
 */

export const DEFAULT_PAGE_SIZE = 20;

/** 13. Users whose e-mail contains `emailLike` (literally), sorted by e-mail, one page at a time (from 0). */
export async function searchUsers(
  transport: RsaTransport,
  emailLike: string,
  page: { pageSize?: number; pageNumber?: number } = {},
): Promise<UserSearchPage> {
  const text = check(emailLikeInput, emailLike, "the search text");
  const { pageSize, pageNumber } = check(
    pageInput,
    { pageSize: page.pageSize ?? DEFAULT_PAGE_SIZE, pageNumber: page.pageNumber ?? 0 },
    "the page",
  );
  const { items, hidden } = await transport.call({
    operation: "users.search",
    kind: "read",
    method: "POST",
    path: `/v2/users/search?pageSize=${pageSize}&pageNumber=${pageNumber}`,
    body: { emailLike: text },
    answer: userSearchSchema,
  });
  return { users: items, hiddenUsers: hidden, pageNumber, pageSize, mayHaveMore: items.length + hidden >= pageSize };
}

/**
 * 14. Issues an emergency access code. Its answer holds the code itself: the
 * call is marked secret so no answer text ever goes into an error.
 */
export async function issueEmergencyAccessCode(
  transport: RsaTransport,
  userId: string,
  request: EmergencyCodeRequest,
): Promise<EmergencyAccessCode> {
  const path = `/v2${userPath(userId)}/emergencyTokencode`;
  const body = check(emergencyRequestInput, request, "the emergency access code's duration");
  return transport.call({
    operation: "users.emergencyTokencode.issue",
    kind: "change",
    method: "PUT",
    path,
    body: { oneTimeUse: body.oneTimeUse, expiryUnit: body.expiryUnit, expiryValue: body.expiryValue },
    answer: emergencyCodeSchema,
    secret: true,
  });
}

/** 15. Cancels an emergency access code; RSA answers an empty 200. */
export async function cancelEmergencyAccessCode(
  transport: RsaTransport,
  userId: string,
  emergencyTokencodeId: string,
): Promise<void> {
  const id = encodeURIComponent(check(codeIdInput, emergencyTokencodeId, "the emergency access code id"));
  await transport.call({
    operation: "users.emergencyTokencode.cancel",
    kind: "change",
    method: "DELETE",
    path: `/v1${userPath(userId)}/emergencyTokencode/${id}`,
    answer: emptyAnswerSchema,
    emptyAnswer: true,
  });
}

/** 16. One step of a live verification of the caller (OAuth only, licensed). */
export async function verification(
  transport: RsaTransport,
  userId: string,
  step: "start" | "status" | "code" | "cancel",
  verifyCode?: string,
): Promise<VerificationSession> {
  const path = `/v1${userPath(userId)}/verify/${step}`;
  const body =
    step === "code" ? { verifyCode: check(verifyCodeInput, verifyCode, "the verification code") } : undefined;
  return transport.call({
    operation: `users.verify.${step}`,
    // Starting, answering and cancelling move the session on; only the status is a read (and may be retried).
    kind: step === "status" ? "read" : "change",
    method: step === "status" ? "GET" : "POST",
    path,
    body,
    answer: verificationSchema,
    emptyAnswer: step !== "status",
  });
}

/** 17. Renames a SID700 token (the name RSA shows; at most 255 characters). */
export async function renameSidToken(
  transport: RsaTransport,
  userId: string,
  serial: string,
  updatedName: string,
): Promise<SidRenameResult> {
  const path = `/v1${userPath(userId)}/sidTokens/updateName`;
  const body = {
    tokenSerialNumber: check(serialInput, serial, "the serial number"),
    updatedName: check(tokenNameInput, updatedName, "the token name"),
  };
  return transport.call({
    operation: "sidTokens.updateName",
    kind: "change",
    method: "PATCH",
    path,
    body,
    answer: renameResultSchema,
  });
}
