import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import * as answers from "@/lib/rsa/answers";
import { loadRsaConfig, type RsaConfig } from "@/lib/rsa/config";
import { RsaConfigError, RsaError } from "@/lib/rsa/errors";
import { RsaTransport, type TransportOptions } from "@/lib/rsa/transport";
import type {
  Ds100Credential,
  Ds100StatusChange,
  PinClearResult,
  RsaUser,
  SidAssignResult,
  SidStatusChange,
  SidToken,
  SidUnassignResult,
  UserDevices,
} from "@/lib/rsa/types";

/** What tokendesk will send: checked before any request leaves, so bad input never reaches RSA. */
const serialInput = z.string().regex(/^[0-9A-Za-z-]{1,36}$/, "a serial number is 1 to 36 letters or digits");
const userIdInput = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "an RSA user id is a UUID");
const emailInput = z.email();
const tokenNameInput = z.string().min(1).max(255);

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RsaError(
      "bad_request",
      `not sent to RSA: ${what} is invalid (${parsed.error.issues[0]?.message ?? "invalid"})`,
      { sentRequest: false },
    );
  }
  return parsed.data;
}

const userPath = (userId: string) => `/users/${encodeURIComponent(check(userIdInput, userId, "the RSA user id"))}`;

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
    await this.transport.bearers.get();
  }

  /** 1. Retrieve a SID700 hardware token by serial. */
  async lookupSidToken(serial: string): Promise<SidToken> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: "sidTokens.lookup",
      method: "POST",
      path: "/v1/sidTokens/lookup",
      body: { tokenSerialNumber },
      answer: answers.sidTokenSchema,
      retry: true,
    });
  }

  /** 2. Retrieve a DS100's OTP credentials by its 9-digit device serial. */
  async lookupDs100(deviceSerial: string): Promise<Ds100Credential[]> {
    const deviceSerialNumber = check(serialInput, deviceSerial, "the device serial number");
    return this.transport.call({
      operation: "ds100.lookup",
      method: "POST",
      path: "/v1/ds100/lookup",
      body: { deviceSerialNumber },
      answer: answers.ds100LookupSchema,
      retry: true,
    });
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
      method: "PATCH",
      path: `/v1${userPath(userId)}/sidTokens/${verb}`,
      body: { tokenSerialNumber },
      answer: answers.sidStatusChangeSchema,
      retry: false,
    });
  }

  /** 5. Unassign a SID700 token from the user. */
  async unassignSidToken(userId: string, serial: string): Promise<SidUnassignResult> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: "sidTokens.unassign",
      method: "PATCH",
      path: `/v1${userPath(userId)}/sidTokens/unassign`,
      body: { tokenSerialNumber },
      answer: answers.unassignResultSchema,
      retry: false,
    });
  }

  /** 6. Assign a SID700 token to a user (it becomes "Activation Pending"). */
  async assignSidToken(userId: string, serial: string, tokenName?: string): Promise<SidAssignResult> {
    const body: Record<string, unknown> = { tokenSerialNumber: check(serialInput, serial, "the serial number") };
    if (tokenName !== undefined) body.tokenName = check(tokenNameInput, tokenName, "the token name");
    return this.transport.call({
      operation: "sidTokens.assign",
      method: "PATCH",
      path: `/v1${userPath(userId)}/sidTokens/assign`,
      body,
      answer: answers.assignResultSchema,
      retry: false,
    });
  }

  /** 7. Clear a SID700 token's PIN (a v2 call). */
  async clearSidTokenPin(userId: string, serial: string): Promise<PinClearResult> {
    const tokenSerialNumber = check(serialInput, serial, "the serial number");
    return this.transport.call({
      operation: "sidTokens.clearPin",
      method: "PATCH",
      path: `/v2${userPath(userId)}/sidTokens/clearPin`,
      body: { tokenSerialNumber },
      answer: answers.pinClearResultSchema,
      retry: false,
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
      method: "PATCH",
      path: `/v1/ds100/${verb}/otp`,
      body,
      answer: answers.ds100StatusChangeSchema,
      retry: false,
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
      method: "PATCH",
      path: "/v1/ds100/clearPin/otp",
      body,
      answer: answers.pinClearResultSchema,
      retry: false,
    });
  }

  /** 11. Find a user by e-mail address. */
  async lookupUserByEmail(email: string): Promise<RsaUser> {
    const body = { email: check(emailInput, email, "the e-mail address"), searchUnsynched: false };
    return this.transport.call({
      operation: "users.lookup",
      method: "POST",
      path: "/v1/users/lookup",
      body,
      answer: answers.rsaUserSchema,
      retry: true,
    });
  }

  /** 12. List a user's authenticators. */
  async listUserDevices(userId: string): Promise<UserDevices> {
    return this.transport.call({
      operation: "users.devices",
      method: "GET",
      path: `/v2${userPath(userId)}/devices`,
      answer: answers.userDevicesSchema,
      retry: true,
    });
  }
}

export function createRsaClient(config: RsaConfig, options: TransportOptions = {}): RsaClient {
  return new RsaClient(new RsaTransport(config, options));
}

let shared: RsaClient | undefined;

/** The process's client: configured once from the environment, so its bearer token is shared by every request. */
export function getRsaClient(): RsaClient {
  if (!shared) {
    try {
      shared = createRsaClient(loadRsaConfig(env()));
    } catch (error) {
      // Checked at start, but a key file can vanish later: callers handle an RsaError, and nothing was sent.
      if (error instanceof RsaConfigError)
        throw new RsaError("not_configured", error.message, { sentRequest: false, rsaDescription: error.message });
      throw error;
    }
  }
  return shared;
}

/** Forget the shared client (tests and the start script change the configuration). */
export function resetRsaClient(): void {
  shared = undefined;
}
