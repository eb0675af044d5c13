// next-auth's own protocol endpoints (sign-in, callbacks, CSRF, session). They authenticate, so
// they sit outside withRoute; the body limit and the sign-in rate limit are in handleAuthRequest,
// the registry check in lib/auth/options.ts.
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

export { handleAuthRequest as GET, handleAuthRequest as POST };
