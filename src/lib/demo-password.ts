/**
 * The demo's sign-in password, printed by `npm run demo` and in the README: public, so it is
 * refused as anyone's password outside the demo (modules/users/password-rules.ts).
 */
export const DEMO_PASSWORD = "Recovery-demo-2026";
