import { EmergencyCodes, type EmergencyCodeAnswer } from "./emergency";
import { BusinessError, conflict, notFound } from "./errors";
import type {
  Ds100Credential,
  EmergencyCode,
  FidoToken,
  MobileDevice,
  SidToken,
  TenantData,
  TenantUser,
  TokenState,
  TokenStatus,
} from "./records";
import { byEmail, emailMatches, userRecord } from "./users";
import { Verifications, type VerificationAnswer } from "./verification";

/**
 * The tenant's state and the rules the vendor pages (and REFERENCE.md, "Things
 * that trip") put on it. Routes validate the request's shape; this class owns
 * every decision about the data, so the rules live in one place and tests can
 * read the live state through `RunningSimulator.model`.
 *
 * Every read hands out a copy: nothing outside can change the tenant except
 * through the operations below, which keep the bookkeeping fields
 * (tokenStatusChangedAt/By, assignedAt/By, updatedAt) true on every change.
 * Emergency access codes and live verifications live in their own small
 * classes (emergency.ts, verification.ts); this class checks the user first.
 */

export type {
  TokenStatus,
  TokenState,
  SidToken,
  Ds100Credential,
  MobileDevice,
  FidoToken,
  TenantUser,
  EmergencyAccessStatus,
  EmergencyCode,
  TenantData,
} from "./records";

/** What another administrator may do to a token behind the client's back (control endpoint). */
export interface ArrangeChange {
  tokenStatus?: TokenStatus;
  tokenState?: TokenState;
  userId?: string | null;
}

/** "Who did it" on changes made through the control endpoint. */
export const ANOTHER_ADMIN = "another.admin@simulator.example";

/** A user may hold at most five active SID700 tokens [vendor]. */
export const MAX_ACTIVE_SID_TOKENS = 5;

/** Settings of the simulated tenant (not data: reset() goes back to the values given at start). */
export interface TenantOptions {
  /** Whether the tenant holds the live verification licence (call 16). Default true. */
  verifyLicensed?: boolean;
}

const copySid = (t: SidToken): SidToken => ({ ...t });
const copyDs = (c: Ds100Credential): Ds100Credential => ({ ...c });

export class TenantModel {
  private users = new Map<string, TenantUser>();
  private userIdsByEmail = new Map<string, string>();
  private sid = new Map<string, SidToken>();
  private ds100 = new Map<string, Ds100Credential>();
  private phones: MobileDevice[] = [];
  private fido: FidoToken[] = [];
  private readonly emergency: EmergencyCodes;
  private readonly verifications: Verifications;
  /** Whether call 16 exists for this tenant; without the licence every verify call is a business 404. */
  verifyLicensed: boolean;

  constructor(
    private readonly seed: () => TenantData,
    private readonly now: () => number,
    private readonly options: TenantOptions = {},
  ) {
    this.emergency = new EmergencyCodes(now);
    this.verifications = new Verifications(now);
    this.verifyLicensed = options.verifyLicensed ?? true;
    this.reset();
  }

  /** Throws the current state away and loads the seed again (and the settings given at start). */
  reset(): void {
    const data = this.seed();
    this.users = new Map(data.users.map((u) => [u.id, { ...u }]));
    this.userIdsByEmail = new Map(data.users.map((u) => [u.emailAddress.toLowerCase(), u.id]));
    this.sid = new Map(data.sidTokens.map((t) => [t.tokenSerialNumber, copySid(t)]));
    this.ds100 = new Map(data.ds100Credentials.map((c) => [c.tokenSerialNumber, copyDs(c)]));
    this.phones = (data.mobileDevices ?? []).map((d) => ({ ...d }));
    this.fido = (data.fidoTokens ?? []).map((f) => ({ ...f }));
    this.emergency.load(data.emergencyCodes ?? []);
    this.verifications.clear();
    this.verifyLicensed = this.options.verifyLicensed ?? true;
  }

  // ---- reads (copies) -----------------------------------------------------

  sidToken(serial: string): SidToken | undefined {
    const token = this.sid.get(serial);
    return token && copySid(token);
  }

  ds100Credential(serial: string): Ds100Credential | undefined {
    const credential = this.ds100.get(serial);
    return credential && copyDs(credential);
  }

  /** The credentials of one DS100 device, by its 9-digit device serial (empty when unknown). */
  ds100Device(deviceSerialNumber: string): Ds100Credential[] {
    return [...this.ds100.values()].filter((c) => c.deviceSerialNumber === deviceSerialNumber).map(copyDs);
  }

  /** The user's record as the user calls answer it (emergency fields as of now). */
  user(id: string): TenantUser | undefined {
    const user = this.users.get(id);
    return user && userRecord(user, this.emergency.statusOf(id));
  }

  userByEmail(email: string): TenantUser | undefined {
    const id = this.userIdsByEmail.get(email.trim().toLowerCase());
    return id === undefined ? undefined : this.user(id);
  }

  allUsers(): TenantUser[] {
    return [...this.users.values()].map((u) => userRecord(u, this.emergency.statusOf(u.id)));
  }

  mobileDevicesOf(userId: string): MobileDevice[] {
    return this.phones.filter((d) => d.userId === userId).map((d) => ({ ...d }));
  }

  fidoTokensOf(userId: string): FidoToken[] {
    return this.fido.filter((f) => f.userId === userId).map((f) => ({ ...f }));
  }

  /** The user's current emergency access code (never the code itself: it is not kept). */
  emergencyCodeOf(userId: string): EmergencyCode | undefined {
    return this.emergency.current(userId);
  }

  allSidTokens(): SidToken[] {
    return [...this.sid.values()].map(copySid);
  }

  allDs100Credentials(): Ds100Credential[] {
    return [...this.ds100.values()].map(copyDs);
  }

  sidTokensOf(userId: string): SidToken[] {
    return [...this.sid.values()].filter((t) => t.userId === userId).map(copySid);
  }

  /** Active = assigned to the user and Enabled (whatever its activation state). */
  activeSidTokenCount(userId: string): number {
    let count = 0;
    for (const t of this.sid.values()) if (t.userId === userId && t.tokenStatus === "Enabled") count++;
    return count;
  }

  // ---- the API's operations (throw BusinessError) --------------------------

  lookupSidToken(serial: string): SidToken {
    return copySid(this.requireSid(serial));
  }

  lookupDs100(deviceSerialNumber: string): Ds100Credential[] {
    const credentials = this.ds100Device(deviceSerialNumber);
    if (credentials.length === 0)
      throw notFound(`Hardware authenticator with serial number ${deviceSerialNumber} not found`);
    return credentials;
  }

  /** Enable or disable a SID700 token assigned to `userId` (calls 3 and 4). */
  setSidStatus(userId: string, serial: string, status: TokenStatus, actor: string) {
    this.requireUser(userId);
    const token = this.requireSid(serial);
    const verb = status === "Enabled" ? "enable" : "disable";
    if (token.userId === null)
      throw conflict(`Cannot ${verb} a hardware token that is not assigned to a particular user`);
    if (token.userId !== userId)
      throw notFound(`Hardware token with serial number ${serial} not found for user ${userId}`);
    if (token.tokenStatus !== status) {
      if (status === "Enabled" && this.activeSidTokenCount(userId) >= MAX_ACTIVE_SID_TOKENS)
        throw conflict(`User ${userId} already has ${MAX_ACTIVE_SID_TOKENS} active hardware tokens`);
      changeStatus(token, status, actor, this.timestamp());
    }
    return {
      userId,
      tokenSerialNumber: token.tokenSerialNumber,
      tokenStatus: token.tokenStatus,
      tokenStatusChangedBy: token.tokenStatusChangedBy,
      tokenStatusChangedAt: token.tokenStatusChangedAt,
    };
  }

  /** Call 5. tokenStatus is independent of the assignment and stays as it is. */
  unassignSid(userId: string, serial: string) {
    this.requireUser(userId);
    const token = this.requireSid(serial);
    if (token.userId !== userId)
      throw conflict(`Hardware token with serial number ${serial} is not assigned to user ${userId}`);
    this.clearOwner(token);
    token.updatedAt = this.timestamp();
    return { tokenSerialNumber: token.tokenSerialNumber, tokenState: token.tokenState };
  }

  /** Call 6. */
  assignSid(userId: string, serial: string, tokenName: string | null, actor: string) {
    this.requireUser(userId);
    const token = this.requireSid(serial);
    if (token.userId !== null)
      throw conflict(`Hardware token with serial number ${serial} is already assigned to a user`);
    if (this.activeSidTokenCount(userId) >= MAX_ACTIVE_SID_TOKENS)
      throw conflict(`User ${userId} already has ${MAX_ACTIVE_SID_TOKENS} active hardware tokens`);
    const at = this.timestamp();
    token.userId = userId;
    token.name = tokenName;
    token.tokenState = "Activation Pending";
    token.assignedAt = at;
    token.assignedBy = actor;
    token.registeredDate = null;
    token.pinSet = false;
    token.updatedAt = at;
    return { userId, tokenSerialNumber: token.tokenSerialNumber, tokenState: token.tokenState };
  }

  /** Call 7 (v2). */
  clearSidPin(userId: string, serial: string) {
    this.requireUser(userId);
    const token = this.requireSid(serial);
    if (token.userId !== userId)
      throw conflict(`Hardware token with serial number ${serial} is not assigned to user ${userId}`);
    token.pinSet = false;
    token.updatedAt = this.timestamp();
    return { userId, tokenSerialNumber: token.tokenSerialNumber, pinSet: false };
  }

  /** Calls 8 and 9: every credential of the device registered to that user. */
  setDs100Status(deviceSerialNumber: string, userId: string, status: TokenStatus, actor: string) {
    const credentials = [...this.ds100.values()].filter((c) => c.deviceSerialNumber === deviceSerialNumber);
    if (credentials.length === 0)
      throw notFound(`Hardware authenticator with serial number ${deviceSerialNumber} not found`);
    this.requireUser(userId);
    const mine = credentials.filter((c) => c.userId === userId);
    if (mine.length === 0)
      throw notFound(
        `Hardware authenticator with serial number ${deviceSerialNumber} is not registered to user ${userId}`,
      );
    const at = this.timestamp();
    return mine.map((c) => {
      changeStatus(c, status, actor, at);
      return {
        userId,
        tokenSerialNumber: c.tokenSerialNumber,
        tokenStatus: c.tokenStatus,
        tokenStatusChangedAt: c.tokenStatusChangedAt,
        tokenStatusChangedBy: c.tokenStatusChangedBy,
        deviceSerialNumber: c.deviceSerialNumber,
      };
    });
  }

  /** Call 10: by the credential's 12-digit serial, not the device serial. */
  clearDs100Pin(serial: string, userId: string) {
    const credential = this.ds100.get(serial);
    if (!credential) throw notFound(`OTP credential with serial number ${serial} not found`);
    this.requireUser(userId);
    if (credential.userId !== userId)
      throw notFound(`OTP credential with serial number ${serial} is not registered to user ${userId}`);
    credential.pinSet = false;
    credential.updatedAt = this.timestamp();
    return { tokenSerialNumber: credential.tokenSerialNumber, pinSet: false };
  }

  /** Call 11. */
  lookupUser(email: string): TenantUser {
    const user = this.userByEmail(email);
    if (!user) throw notFound(`User ${email} not found`);
    return user;
  }

  /** Call 13: one page (pageNumber from 0) of the users whose e-mail contains `emailLike`, sorted by e-mail. */
  searchUsers(emailLike: string, pageSize: number, pageNumber: number): TenantUser[] {
    const matches = [...this.users.values()].filter((u) => emailMatches(u.emailAddress, emailLike)).sort(byEmail);
    return matches
      .slice(pageNumber * pageSize, (pageNumber + 1) * pageSize)
      .map((u) => userRecord(u, this.emergency.statusOf(u.id)));
  }

  /** Call 12 (v2): DS100 credentials and phones as devices, FIDO keys, the user's SID700 records. */
  userDevices(userId: string): {
    devices: (Ds100Credential | MobileDevice)[];
    fidoTokens: FidoToken[];
    sidTokens: SidToken[];
  } {
    this.requireUser(userId);
    return {
      devices: [
        ...[...this.ds100.values()].filter((c) => c.userId === userId).map(copyDs),
        ...this.mobileDevicesOf(userId),
      ],
      fidoTokens: this.fidoTokensOf(userId),
      sidTokens: this.sidTokensOf(userId),
    };
  }

  /** Call 14. */
  issueEmergencyCode(userId: string, minutes: number, oneTimeUse: boolean): EmergencyCodeAnswer {
    this.requireUser(userId);
    return this.emergency.issue(userId, minutes, oneTimeUse);
  }

  /** Call 15. */
  cancelEmergencyCode(userId: string, emergencyTokencodeId: string): void {
    this.requireUser(userId);
    this.emergency.cancel(userId, emergencyTokencodeId);
  }

  /** Call 17: the token's name, only on a token assigned to that user. */
  renameSid(userId: string, serial: string, name: string) {
    this.requireUser(userId);
    const token = this.requireSid(serial);
    if (token.userId !== userId)
      throw conflict(`Hardware token with serial number ${serial} is not assigned to user ${userId}`);
    token.name = name;
    token.updatedAt = this.timestamp();
    return { tokenSerialNumber: token.tokenSerialNumber, name: token.name, userId };
  }

  // ---- call 16, live verification (licensed tenants only) --------------------

  startVerification(userId: string, adminUsername: string): VerificationAnswer {
    this.requireVerifyLicence();
    const user = this.requireUser(userId);
    return this.verifications.start(userId, user.emailAddress, adminUsername);
  }

  verificationStatus(userId: string): VerificationAnswer {
    this.requireVerifyLicence();
    this.requireUser(userId);
    return this.verifications.status(userId);
  }

  submitVerifyCode(userId: string, code: string): VerificationAnswer {
    this.requireVerifyLicence();
    this.requireUser(userId);
    return this.verifications.submitCode(userId, code);
  }

  cancelVerification(userId: string): VerificationAnswer {
    this.requireVerifyLicence();
    this.requireUser(userId);
    return this.verifications.cancel(userId);
  }

  /** Control: the caller approves (or denies) the push on their phone. */
  respondToVerification(userId: string, approve: boolean): VerificationAnswer {
    this.requireUser(userId);
    return this.verifications.respond(userId, approve);
  }

  /** Control: the code the caller would read aloud from their authenticator. */
  verificationCode(userId: string): string {
    this.requireUser(userId);
    return this.verifications.pendingCode(userId);
  }

  // ---- control: another administrator acting behind the client's back -----

  /**
   * Changes a SID700 token or a DS100 credential (by its 12-digit serial) as
   * another administrator would. Returns the new record, undefined when the
   * serial is unknown; throws BusinessError(400) for an impossible change.
   */
  arrange(serial: string, change: ArrangeChange): SidToken | Ds100Credential | undefined {
    const token = this.sid.get(serial) ?? this.ds100.get(serial);
    if (!token) return undefined;
    const at = this.timestamp();
    if (change.userId !== undefined && change.userId !== null && !this.users.has(change.userId))
      throw new BusinessError(400, `User ${change.userId} does not exist`);

    const unassign = change.tokenState === "Unassigned" || change.userId === null;
    if (unassign) {
      if (change.tokenState !== undefined && change.tokenState !== "Unassigned")
        throw new BusinessError(400, "userId null means unassigned; tokenState must be Unassigned or absent");
      if (token.userId !== null) {
        this.clearOwner(token);
        token.updatedAt = at;
      }
    } else if (change.userId !== undefined || change.tokenState !== undefined) {
      const owner = change.userId ?? token.userId;
      if (owner === null)
        throw new BusinessError(400, "A token must have a userId to be Activation Pending or Activated");
      if (owner !== token.userId) {
        token.userId = owner;
        token.assignedAt = at;
        token.assignedBy = ANOTHER_ADMIN;
        token.registeredDate = null;
        token.pinSet = false;
        token.tokenState = "Activation Pending";
      }
      if (change.tokenState !== undefined && change.tokenState !== token.tokenState) {
        token.tokenState = change.tokenState;
        token.registeredDate = change.tokenState === "Activated" ? at : null;
      }
      token.updatedAt = at;
    }

    if (change.tokenStatus !== undefined) changeStatus(token, change.tokenStatus, ANOTHER_ADMIN, at);
    return { ...token };
  }

  // ---- helpers --------------------------------------------------------------

  private timestamp(): string {
    return new Date(this.now()).toISOString();
  }

  private requireUser(userId: string): TenantUser {
    const user = this.users.get(userId);
    if (!user) throw notFound(`User with id ${userId} not found`);
    return user;
  }

  /** Without the live verification licence, the tenant answers every call 16 with a business 404. */
  requireVerifyLicence(): void {
    if (!this.verifyLicensed) throw notFound("Resource not found");
  }

  private requireSid(serial: string): SidToken {
    const token = this.sid.get(serial);
    if (!token) throw notFound(`Hardware token with serial number ${serial} not found`);
    return token;
  }

  /** Unassigning clears everything that belonged to the owner; the status is left alone. */
  private clearOwner(token: SidToken | Ds100Credential): void {
    token.userId = null;
    token.name = null;
    token.assignedAt = null;
    token.assignedBy = null;
    token.registeredDate = null;
    token.pinSet = false;
    token.tokenState = "Unassigned";
  }
}

/**
 * Enable or disable, keeping who and when true. Setting the status a token
 * already has changes nothing, not even tokenStatusChangedAt/By.
 */
function changeStatus(
  token: Pick<SidToken, "tokenStatus" | "tokenStatusChangedAt" | "tokenStatusChangedBy" | "updatedAt">,
  status: TokenStatus,
  actor: string,
  at: string,
): void {
  if (token.tokenStatus === status) return;
  token.tokenStatus = status;
  token.tokenStatusChangedAt = at;
  token.tokenStatusChangedBy = actor;
  token.updatedAt = at;
}
