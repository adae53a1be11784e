/** Size limits of a poll's fields, shared by validation and the form. */
export const POLL_LIMITS = { question: 200, description: 2000, option: 120, options: 50, reason: 500, groupName: 120, weightReason: 500, maxWeight: 100 } as const;
