/**
 * Slot on the home dashboard for the latest meeting minutes and the open poll. Those
 * features belong to other work streams: render their dashboard cards here (and keep this
 * component's name), so the home page does not need to change again.
 */
export function GovernanceSlot() {
  return null;
}
