// Why a readable Azure record is not an access event. Short and fixed, so skips count by reason.
export const SKIP = {
  notKeyVault: "not a Key Vault entry",
  notSecretOperation: "not a secret operation",
  notification: "expiry notification, not an operation",
  challenge: "authentication challenge without a caller",
  started: "operation start; its outcome is a separate record",
} as const;
