/** Password change and active sessions. (Filled in by the account-security work of issue 5.) */
export function SecurityCard() {
  return <section aria-label="Security" />;
}
