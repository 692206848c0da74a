/** oidc-provider ships no types; the test fixture uses only its constructor and `callback()`. */
declare module 'oidc-provider' {
  export default class Provider {
    constructor(issuer: string, config: Record<string, unknown>);
    callback(): (req: unknown, res: unknown) => void;
  }
}
