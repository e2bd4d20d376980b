/** A sender the platform blocked or quality-paused (F19, F35): its deliveries wait until it is resumed or replaced. */
export interface SenderState {
  workspaceId: string;
  transport: string;
  senderId: string;
  pausedAt: number;
  reason: string;
}
