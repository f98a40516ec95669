import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Connect provider for the SSO end-to-end tests: `oidc-provider` (a certified
 * implementation) on 127.0.0.1, with its development login form (any login, any password: the
 * login typed becomes the account) and consent granted for the one client, so a sign-in is
 * "type the email, press Sign-in". Each instance has its own signing key, so a second instance
 * is a genuinely different issuer.
 */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims for a login (by default: the login as a verified email). */
  setAccount(login: string, claims: Record<string, unknown>): void;
  close(): Promise<void>;
}

export async function startIdentityProvider(options: {
  port: number;
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestIdentityProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = options.clientId ?? "recovery-tracker-e2e";
  const clientSecret = options.clientSecret ?? "e2e-client-secret-never-use-in-production";
  const accounts = new Map<string, Record<string, unknown>>();
  const claimsFor = (login: string) =>
    accounts.get(login) ?? {
      email: login,
      email_verified: true,
      name: login.split("@")[0]?.replace(/[.-]/g, " ") ?? login,
    };

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: `key-${options.port}`, alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // `groups` as Entra sends it when the app registration's token configuration adds it.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // Entra ID puts email and name in the ID token; so does this provider.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: KoaContextWithOIDC, login: string) {
      return { accountId: login, claims: async () => ({ sub: login, ...claimsFor(login) }) };
    },
    // A first-party client: consent is granted without a consent page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  });

  const sockets = new Set<Socket>();
  const server = http.createServer(provider.callback());
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (login, claims) => accounts.set(login, claims),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
