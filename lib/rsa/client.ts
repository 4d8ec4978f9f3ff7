import "server-only";
import { env } from "@/lib/env";
import * as answers from "@/lib/rsa/answers";
import type { RsaAvailability } from "@/lib/rsa/breaker";
import type { BearerSlot } from "@/lib/rsa/bearer-cache";
import { loadRsaConfig, type RsaConfig } from "@/lib/rsa/config";
import { RsaConfigError, RsaError } from "@/lib/rsa/errors";
import * as helpDesk from "@/lib/rsa/help-desk-calls";
import { check, emailInput, serialInput, tokenNameInput, userIdInput, userPath } from "@/lib/rsa/input";
import { RsaTransport, type TransportOptions } from "@/lib/rsa/transport";
import type {
  Ds100Credential,
  Ds100Device,
  Ds100StatusChange,
  EmergencyAccessCode,
  EmergencyCodeRequest,
  PinClearResult,
  RsaUser,
  SidAssignResult,
  SidRenameResult,
  SidStatusChange,
  SidToken,
  SidUnassignResult,
  UserDevices,
  UserSearchPage,
  VerificationSession,
} from "@/lib/rsa/types";

/**
 * The RSA Cloud Administration API calls tokendesk uses — one typed function
 * per call in REFERENCE.md's table, numbered as there.
 */
export class RsaClient {
  constructor(private readonly transport: RsaTransport) {}

  /** How many bearer tokens this client has signed or fetched (one serves many calls). */
  get bearersIssued(): number {
    return this.transport.bearers.issued;
  }

  /** Obtains a bearer token now (rsa:check uses it to test credentials separately from calls). */
  async obtainBearer(): Promise<void> {
    await this.transport.bearer();
  }

  /** Whether RSA is answering, as this client's circuit breaker sees it. */
  availability(): RsaAvailability {
    return this.transport.breaker.availability();
  }

  /** Stops this client's background probe (a client that is thrown away). */
  close(): void {
    this.transport.breaker.dispose();
  }

  /** 1. Retrieve a SID700 hardware token by serial. */
  async lookupSidToken(serial: string): Promise<SidToken> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: "sidTokens.lookup",
      kind: "read",
      method: "POST",
      path: "/v1/sidTokens/lookup",
      body: { tokenSerialNumber },
      answer: answers.sidTokenSchema,
    });
  }

  /**
   * 2. Retrieve a DS100's OTP credentials by its 9-digit device serial. A
   * credential whose serial or owner cannot be read is left out and counted.
   */
  async lookupDs100Device(deviceSerial: string): Promise<Ds100Device> {
    const deviceSerialNumber = check(serialInput, deviceSerial, "the device serial number");
    return this.transport.call({
      operation: "ds100.lookup",
      kind: "read",
      method: "POST",
      path: "/v1/ds100/lookup",
      body: { deviceSerialNumber },
      answer: answers.ds100LookupSchema,
    });
  }

  /**
   * 2, as the readable credentials only (for callers that take an empty list
   * as "no such device"): when RSA sent credentials and none could be read,
   * the answer is unreadable rather than empty.
   */
  async lookupDs100(deviceSerial: string): Promise<Ds100Credential[]> {
    const device = await this.lookupDs100Device(deviceSerial);
    if (device.credentials.length === 0 && device.hiddenCredentials > 0) {
      throw new RsaError("invalid_answer", "RSA answered ds100.lookup with no credential tokendesk can read", {
        httpStatus: 200,
        rsaDescription: `${device.hiddenCredentials} unreadable credential(s)`,
        sentRequest: true,
      });
    }
    return device.credentials;
  }

  /** 3. Enable a SID700 token assigned to the user. */
  async enableSidToken(userId: string, serial: string): Promise<SidStatusChange> {
    return this.sidTokenChange(userId, serial, "enable");
  }

  /** 4. Disable a SID700 token assigned to the user. */
  async disableSidToken(userId: string, serial: string): Promise<SidStatusChange> {
    return this.sidTokenChange(userId, serial, "disable");
  }

  private async sidTokenChange(userId: string, serial: string, verb: "enable" | "disable"): Promise<SidStatusChange> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: `sidTokens.${verb}`,
      kind: "change",
      method: "PATCH",
      path: `/v1${userPath(userId)}/sidTokens/${verb}`,
      body: { tokenSerialNumber },
      answer: answers.sidStatusChangeSchema,
    });
  }

  /** 5. Unassign a SID700 token from the user. */
  async unassignSidToken(userId: string, serial: string): Promise<SidUnassignResult> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: "sidTokens.unassign",
      kind: "change",
      method: "PATCH",
      path: `/v1${userPath(userId)}/sidTokens/unassign`,
      body: { tokenSerialNumber },
      answer: answers.unassignResultSchema,
    });
  }

  /** 6. Assign a SID700 token to a user (it becomes "Activation Pending"). */
  async assignSidToken(userId: string, serial: string, tokenName?: string): Promise<SidAssignResult> {
    const body: Record<string, unknown> = { tokenSerialNumber: check(serialInput, serial, "the serial number") };
    if (tokenName !== undefined) body.tokenName = check(tokenNameInput, tokenName, "the token name");
    return this.transport.call({
      operation: "sidTokens.assign",
      kind: "change",
      method: "PATCH",
      path: `/v1${userPath(userId)}/sidTokens/assign`,
      body,
      answer: answers.assignResultSchema,
    });
  }

  /** 7. Clear a SID700 token's PIN (a v2 call). */
  async clearSidTokenPin(userId: string, serial: string): Promise<PinClearResult> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: "sidTokens.clearPin",
      kind: "change",
      method: "PATCH",
      path: `/v2${userPath(userId)}/sidTokens/clearPin`,
      body: { tokenSerialNumber },
      answer: answers.pinClearResultSchema,
    });
  }

  /** 8. Enable a DS100's OTP credentials for the user. */
  async enableDs100(deviceSerial: string, userId: string): Promise<Ds100StatusChange[]> {
    return this.ds100Change(deviceSerial, userId, "enable");
  }

  /** 9. Disable a DS100's OTP credentials for the user. */
  async disableDs100(deviceSerial: string, userId: string): Promise<Ds100StatusChange[]> {
    return this.ds100Change(deviceSerial, userId, "disable");
  }

  private async ds100Change(
    deviceSerial: string,
    userId: string,
    verb: "enable" | "disable",
  ): Promise<Ds100StatusChange[]> {
    const body = {
      deviceSerialNumber: check(serialInput, deviceSerial, "the device serial number"),
      userId: check(userIdInput, userId, "the RSA user id"),
    };
    return this.transport.call({
      operation: `ds100.${verb}`,
      kind: "change",
      method: "PATCH",
      path: `/v1/ds100/${verb}/otp`,
      body,
      answer: answers.ds100StatusChangeSchema,
    });
  }

  /** 10. Clear a DS100 credential's PIN — by the 12-digit credential serial, not the device serial. */
  async clearDs100Pin(credentialSerial: string, userId: string): Promise<PinClearResult> {
    const body = {
      tokenSerialNumber: check(serialInput, credentialSerial, "the credential serial number"),
      userId: check(userIdInput, userId, "the RSA user id"),
    };
    return this.transport.call({
      operation: "ds100.clearPin",
      kind: "change",
      method: "PATCH",
      path: "/v1/ds100/clearPin/otp",
      body,
      answer: answers.pinClearResultSchema,
    });
  }

  /** 11. Find a user by e-mail address. */
  async lookupUserByEmail(email: string): Promise<RsaUser> {
    const body = { email: check(emailInput, email, "the e-mail address"), searchUnsynched: false };
    return this.transport.call({
      operation: "users.lookup",
      kind: "read",
      method: "POST",
      path: "/v1/users/lookup",
      body,
      answer: answers.rsaUserSchema,
    });
  }

  /** 12. List a user's authenticators. */
  async listUserDevices(userId: string): Promise<UserDevices> {
    return this.transport.call({
      operation: "users.devices",
      kind: "read",
      method: "GET",
      path: `/v2${userPath(userId)}/devices`,
      answer: answers.userDevicesSchema,
    });
  }

  /** 13. Users whose e-mail contains `emailLike` literally, a page at a time (pageNumber from 0). */
  async searchUsers(emailLike: string, page?: { pageSize?: number; pageNumber?: number }): Promise<UserSearchPage> {
    return helpDesk.searchUsers(this.transport, emailLike, page);
  }

  /** 14. Issue an emergency access code (1 minute to 7 days). The code is a secret: never store or log it. */
  async issueEmergencyAccessCode(userId: string, request: EmergencyCodeRequest): Promise<EmergencyAccessCode> {
    return helpDesk.issueEmergencyAccessCode(this.transport, userId, request);
  }

  /** 15. Cancel an emergency access code by its id. */
  async cancelEmergencyAccessCode(userId: string, emergencyTokencodeId: string): Promise<void> {
    return helpDesk.cancelEmergencyAccessCode(this.transport, userId, emergencyTokencodeId);
  }

  /** 16. Start a live verification of the caller (409 conflict "verification_in_progress" when one runs). */
  async startVerification(userId: string): Promise<VerificationSession> {
    return helpDesk.verification(this.transport, userId, "start");
  }

  /** 16. Where the live verification stands. */
  async verificationStatus(userId: string): Promise<VerificationSession> {
    return helpDesk.verification(this.transport, userId, "status");
  }

  /** 16. Submit the code the caller reads out. */
  async submitVerificationCode(userId: string, verifyCode: string): Promise<VerificationSession> {
    return helpDesk.verification(this.transport, userId, "code", verifyCode);
  }

  /** 16. Cancel the live verification. */
  async cancelVerification(userId: string): Promise<VerificationSession> {
    return helpDesk.verification(this.transport, userId, "cancel");
  }

  /** 17. Rename a SID700 token (at most 255 characters). */
  async renameSidToken(userId: string, serial: string, updatedName: string): Promise<SidRenameResult> {
    return helpDesk.renameSidToken(this.transport, userId, serial, updatedName);
  }
}

export function createRsaClient(config: RsaConfig, options: TransportOptions = {}): RsaClient {
  return new RsaClient(new RsaTransport(config, options));
}

let shared: RsaClient | undefined;

/**
 * The process's bearer tokens, by credential, on globalThis: Next.js bundles
 * this module once for route handlers and again for server actions, and both
 * copies must use one token (plain data only: each copy keeps its own client
 * and error classes).
 */
function processBearerSlot(config: RsaConfig): BearerSlot {
  const slots = ((globalThis as unknown as { tokendeskRsaBearers?: Map<string, BearerSlot> }).tokendeskRsaBearers ??=
    new Map());
  const { credential } = config;
  const key = JSON.stringify([
    credential.kind,
    credential.keyFile,
    credential.adminRestApiUrl,
    "clientId" in credential ? credential.clientId : null,
  ]);
  let slot = slots.get(key);
  if (!slot) slots.set(key, (slot = { current: null }));
  return slot;
}

/** The process's client: configured once from the environment, so its bearer token is shared by every request. */
export function getRsaClient(): RsaClient {
  if (!shared) {
    try {
      const config = loadRsaConfig(env());
      shared = createRsaClient(config, { bearerSlot: processBearerSlot(config) });
    } catch (error) {
      // Checked at start, but a key file can vanish later: callers handle an RsaError, and nothing was sent.
      if (error instanceof RsaConfigError)
        throw new RsaError("not_configured", error.message, { sentRequest: false, rsaDescription: error.message });
      throw error;
    }
  }
  return shared;
}

/** The shared client if one was made (availability must not create one, nor fail for want of configuration). */
export function peekRsaClient(): RsaClient | undefined {
  return shared;
}

/** Forget the shared client (tests and the start script change the configuration). */
export function resetRsaClient(): void {
  shared?.close();
  shared = undefined;
}
