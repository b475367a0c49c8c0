/**
 * VRRP's failure detection (RFC 3768 §6.1): a backup takes over after Master_Down_Interval = 3 × Advertisement_Interval
 * + Skew_Time, Skew_Time = (256 − priority) × Advertisement_Interval / 256. The agent's deadtime is the same idea.
 */
export function masterDownMs(advertMs: number, backupPriority: number): number {
  return 3 * advertMs + Math.ceil(((256 - backupPriority) * advertMs) / 256);
}

/** keepalived reads VRRPv2 advert_int in whole seconds and VRRPv3 in centiseconds (checked by lint's vrrp-advert-int). */
export function advertFor(keepaliveMs: number): { advertMs: number; version?: 3 } {
  if (keepaliveMs >= 1000 && keepaliveMs % 1000 === 0) return { advertMs: keepaliveMs };
  return { advertMs: Math.max(10, Math.round(keepaliveMs / 10) * 10), version: 3 };
}
