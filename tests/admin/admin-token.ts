/** The admin token the admin tests configure: as long as a real one must be. */
export const ADMIN_TOKEN = "admin-token-for-tests-0123456789abcdefghij";
