import { randomInt } from "node:crypto";
import { BusinessError, conflict } from "./errors";

/**
 * Live verification of a caller (call 16). The help-desk agent starts it; the
 * caller's phone then gets a push to approve or deny, or the caller reads the
 * code their authenticator shows and the agent types it in. The answer's
 * field set is [3P]; the vocabulary below is the simulator's own choice
 * (README, "Live verification"):
 *
 * - verifyStatus: PENDING until the caller answers, then VERIFIED (approved
 *   push or the right code), DENIED (denied push or a wrong code — one wrong
 *   code ends the session, the agent must start again), EXPIRED (nobody
 *   answered before sessionExpiration) or CANCELLED (the agent cancelled);
 * - status: IN_PROGRESS while PENDING, COMPLETED after;
 * - verificationMethod: PUSH or CODE once the caller answered, else null.
 *
 * The phone's side is played by the control endpoints (approve, deny, read
 * the code), so a test or a demo can act as the caller.
 */

export type VerifyStatus = "PENDING" | "VERIFIED" | "DENIED" | "EXPIRED" | "CANCELLED";
export type VerificationMethod = "PUSH" | "CODE";

export const VERIFY_SESSION_SECONDS = 180;
export const VERIFY_CODE_DIGITS = 8;

export interface VerificationAnswer {
  userId: string;
  userEmail: string;
  adminUsername: string;
  sessionExpiration: string;
  verifyStatus: VerifyStatus;
  status: "IN_PROGRESS" | "COMPLETED";
  verificationMethod: VerificationMethod | null;
}

interface Session {
  userId: string;
  userEmail: string;
  adminUsername: string;
  expiresAt: number;
  verifyStatus: VerifyStatus;
  method: VerificationMethod | null;
  /** What the caller's authenticator shows for this session. */
  code: string;
}

export class Verifications {
  private sessions = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  clear(): void {
    this.sessions.clear();
  }

  start(userId: string, userEmail: string, adminUsername: string): VerificationAnswer {
    const current = this.refreshed(userId);
    if (current?.verifyStatus === "PENDING") throw conflict("A verification is already in progress for this user");
    const session: Session = {
      userId,
      userEmail,
      adminUsername,
      expiresAt: this.now() + VERIFY_SESSION_SECONDS * 1000,
      verifyStatus: "PENDING",
      method: null,
      code: String(randomInt(0, 10 ** VERIFY_CODE_DIGITS)).padStart(VERIFY_CODE_DIGITS, "0"),
    };
    this.sessions.set(userId, session);
    return view(session);
  }

  /** The latest session of the user, whatever its outcome; 404 when there never was one. */
  status(userId: string): VerificationAnswer {
    const session = this.refreshed(userId);
    if (!session) throw new BusinessError(404, `No verification found for user ${userId}`);
    return view(session);
  }

  /** The agent types the code the caller read out: right → VERIFIED, wrong → DENIED. */
  submitCode(userId: string, code: string): VerificationAnswer {
    const session = this.pending(userId);
    session.verifyStatus = code === session.code ? "VERIFIED" : "DENIED";
    session.method = "CODE";
    return view(session);
  }

  cancel(userId: string): VerificationAnswer {
    const session = this.pending(userId);
    session.verifyStatus = "CANCELLED";
    return view(session);
  }

  /** Control: the caller approves or denies the push on their phone. */
  respond(userId: string, approve: boolean): VerificationAnswer {
    const session = this.pending(userId);
    session.verifyStatus = approve ? "VERIFIED" : "DENIED";
    session.method = "PUSH";
    return view(session);
  }

  /** Control: the code the caller's authenticator shows for the pending session. */
  pendingCode(userId: string): string {
    return this.pending(userId).code;
  }

  private pending(userId: string): Session {
    const session = this.refreshed(userId);
    if (session?.verifyStatus !== "PENDING") throw conflict(`No verification is in progress for user ${userId}`);
    return session;
  }

  /** A pending session past its sessionExpiration has expired. */
  private refreshed(userId: string): Session | undefined {
    const session = this.sessions.get(userId);
    if (session?.verifyStatus === "PENDING" && this.now() >= session.expiresAt) session.verifyStatus = "EXPIRED";
    return session;
  }
}

function view(session: Session): VerificationAnswer {
  return {
    userId: session.userId,
    userEmail: session.userEmail,
    adminUsername: session.adminUsername,
    sessionExpiration: new Date(session.expiresAt).toISOString(),
    verifyStatus: session.verifyStatus,
    status: session.verifyStatus === "PENDING" ? "IN_PROGRESS" : "COMPLETED",
    verificationMethod: session.method,
  };
}
