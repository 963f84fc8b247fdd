import type { Ore } from './money';

/**
 * A shape with every amount in öre as the API's kronor string (KRONOR_FORM): what leaves the
 * engine. A converter that forgets an amount does not compile, since `Ore` and `string` differ.
 */
export type InKronor<T> = T extends Ore ? string : T extends readonly (infer U)[] ? InKronor<U>[] : T extends object ? { [K in keyof T]: InKronor<T[K]> } : T;
