/** Long beats complex: NIST SP 800-63B asks for length, not character classes. */
export const MIN_PASSWORD_LENGTH = 12;
