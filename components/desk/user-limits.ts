/** A user may hold at most five active SID700 tokens [vendor]: the desk says so before an agent tries a sixth. */
export const MAX_ACTIVE_TOKENS_SHOWN = 5;
