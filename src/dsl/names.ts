// The names constraints may use, computed at compile time from what a stack defines. They mirror how hactl names a
// resource that has no `name:` (src/model/normalize.ts) and what the `unknown-reference` check accepts (a group, a
// resource, a DRBD master). A value TypeScript knows only as a pattern (`10.0.0.${number}/24` from a loop, a helper
// typed `string`) gives the name's pattern or `string`: a name the compiler cannot tell is accepted, never refused.
import type { AbsPath, Ipv4Cidr } from './types.js';

/** `10_0_0_1` from `10.0.0.1`. */
type Underscored<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;

/** A VIP's derived name: `vip_10_0_0_1` for `10.0.0.1/24`. */
export type VipName<A extends Ipv4Cidr> = A extends `${infer Ip}/${string}` ? `vip_${Underscored<Ip>}` : never;

/** A systemd resource's derived name: the unit without `.service`. */
export type UnitName<U extends string> = U extends `${infer Base}.service` ? Base : U;

/** An OCF resource's derived name: the TYPE of PROVIDER:TYPE. */
export type OcfName<A extends string> = A extends `${string}:${infer Type}` ? (Type extends `${infer First}:${string}` ? First : Type) : never;

type Lower = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';
type Alnum = Lower | Uppercase<Lower> | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/**
 * Every run of characters other than letters and digits as one `_` (the mount point's `[^A-Za-z0-9]+`), one
 * character at a time; tail-recursive, so a long path stays within the compiler's depth limit.
 */
type Sanitized<S extends string, Done extends string = '', InRun extends boolean = false> = S extends ''
  ? Done
  : S extends `${infer C}${infer Rest}`
    ? string extends C
      ? `${Done}${string}`
      : C extends Alnum
        ? Sanitized<Rest, `${Done}${C}`, false>
        : InRun extends true
          ? Sanitized<Rest, Done, true>
          : Sanitized<Rest, `${Done}_`, true>
    : `${Done}${string}`;

/** A filesystem resource's derived name: `fs_drbd` for `/drbd`, `fs_srv_www` for `/srv/www`, `fs_root` for `/`. */
export type MountName<M extends AbsPath> = M extends `/${infer Rest}` ? (Rest extends '' ? 'fs_root' : `fs_${Sanitized<Rest>}`) : never;

/**
 * The names apache, tomcat and exec resources get without `name:`. They are always accepted: their names come from
 * the kind alone, and an inline `{ apache: {...} }` holds no value the compiler could infer its presence from.
 */
export type FixedName = 'httpd' | 'tomcat' | 'exec';

/**
 * Every name a constraint may refer to: the names the stack spells out (groups, `name:`, services and LSB scripts,
 * DRBD masters) and those hactl derives. A resource with an explicit name also lets its derived name through: an
 * inline object gives the compiler both values without telling it which one wins.
 */
export type ResourceName<RscName extends string, VipCidr extends Ipv4Cidr, Unit extends string, OcfAgent extends string, DrbdName extends string, MountPoint extends AbsPath> =
  | RscName
  | VipName<VipCidr>
  | UnitName<Unit>
  | OcfName<OcfAgent>
  | `drbd_${DrbdName}`
  | `ms_${DrbdName}`
  | MountName<MountPoint>
  | FixedName;
