import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

export { handleAuthRequest as GET, handleAuthRequest as POST };
